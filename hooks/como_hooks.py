"""MkDocs hooks: thin adapters from MkDocs events to the como_site package (which knows no MkDocs)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402

from como_site.alternates import alternates  # noqa: E402
from como_site.casestudies.render import OVERVIEW_MARKER, Renderer  # noqa: E402
from como_site.casestudies.validate import CaseStudies, load_case_studies  # noqa: E402
from como_site.company import fill_company  # noqa: E402
from como_site.generated import generate  # noqa: E402
from como_site.problems import ContentError  # noqa: E402
from como_site.labels import labels_for  # noqa: E402
from como_site.project import Project, project_at  # noqa: E402


def _project(config) -> Project:
    return project_at(Path(config.config_file_path).parent)


def _language(config) -> str:
    return config.theme["language"]


def _norm_path(page) -> str:
    """The page's path inside its language folder, e.g. 'clusters/index.md'."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


_cases: dict[Path, CaseStudies] = {}


def on_pre_build(config):
    """Validate case studies and write their pages (our pipeline has done so already, once for all)."""
    project = _project(config)
    try:
        if os.environ.get("COMO_PREGENERATED"):
            cases, problems = load_case_studies(project)
            if problems:
                raise ContentError(problems)
        else:
            cases, _ = generate(project)
    except ContentError as error:
        raise PluginError(f"Case studies have problems:\n{error}") from None
    _cases[project.root] = cases


def on_page_markdown(markdown, page, config, files):
    project = _project(config)
    if OVERVIEW_MARKER in markdown:
        overview = Renderer(project, labels_for(project), _cases[project.root], _language(config)).overview()
        markdown = markdown.replace(OVERVIEW_MARKER, overview)
    filled, problems = fill_company(markdown, project.company, _language(config), labels_for(project),
                                    f"docs/{page.file.src_uri}")
    if problems:
        raise PluginError("\n".join(str(problem) for problem in problems))
    return filled


def on_page_context(context, page, config, nav):
    # In a one-language build (our pipeline) static-i18n lists only that language: give the switcher
    # a link to this same page in every language.
    if os.environ.get("COMO_ONLY_LANGUAGE"):
        config.extra["alternate"] = [
            {"lang": alt.lang, "name": alt.name, "link": alt.link, "url": alt.url}
            for alt in alternates(_project(config), _language(config), _norm_path(page))
        ]
    return context
