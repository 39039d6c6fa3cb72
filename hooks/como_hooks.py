"""MkDocs hooks: thin adapters from MkDocs events to the como_site package (which knows no MkDocs)."""
from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from como_site.alternates import home_links, page_links  # noqa: E402
from como_site.casestudies.render import OVERVIEW_MARKER, Renderer  # noqa: E402
from como_site.casestudies.validate import CaseStudies  # noqa: E402
from como_site.company import fill_company, unknown_placeholders  # noqa: E402
from como_site.fallbacks import FALLBACK_KEY  # noqa: E402
from como_site.generated import generate  # noqa: E402
from como_site.labels import labels_for  # noqa: E402
from como_site.notices import outdated_notice, language_offers  # noqa: E402
from como_site.problems import ContentError  # noqa: E402
from como_site.project import Project, project_at  # noqa: E402
from como_site.translations import SOURCE_HASH_KEY  # noqa: E402
from como_site.typography import TypographyExtension, typeset  # noqa: E402

_cases: dict[Path, CaseStudies] = {}


def _project(config) -> Project:
    """The project, at the address this build was given (a preview's differs from mkdocs.yml's)."""
    site_url = None
    if _one_language_build() and config.site_url:
        site_url = config.site_url.removesuffix(f"{os.environ['COMO_ONLY_LANGUAGE']}/")
    return project_at(Path(config.config_file_path).parent, site_url)


def _language(config) -> str:
    return config.theme["language"]


def _one_language_build() -> bool:
    """Our pipeline builds one language per run; a plain `mkdocs build` builds all in one run."""
    return bool(os.environ.get("COMO_ONLY_LANGUAGE"))


def _norm_path(page) -> str:
    """The page's path inside its language folder, e.g. 'clusters/index.md'."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


@event_priority(-200)  # after static-i18n (-100), which sets the language and extends the search languages
def on_config(config):
    """One language per run: its search index uses that language's stemmer only. Every run (a plain
    `mkdocs build` runs once per language too): the language's typography and permalink title."""
    lang = _language(config)
    if _one_language_build():
        for name in ("search", "material/search"):
            if name in config.plugins:
                config.plugins[name].config.lang[:] = [lang]  # in place: the index holds this list
    config.markdown_extensions[:] = [extension for extension in config.markdown_extensions
                                     if not isinstance(extension, TypographyExtension)]
    config.markdown_extensions.append(TypographyExtension(lang=lang))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels_for(_project(config)).get("theme.permalink", lang)
    return config


def on_pre_build(config):
    """Validate case studies and write their pages, unless our pipeline has done so already, once for
    all languages, and handed over the result."""
    project = _project(config)
    if os.environ.get("COMO_CASE_DATA"):
        _cases[project.root] = pickle.loads(Path(os.environ["COMO_CASE_DATA"]).read_bytes())
        return
    try:
        _cases[project.root], _ = generate(project)
    except ContentError as error:
        raise PluginError(f"Case studies have problems:\n{error}") from None


def on_env(env, config, files):
    project = _project(config)
    env.globals["como_t"] = lambda key, **values: labels_for(project).get(key, _language(config), **values)
    return env


def on_page_markdown(markdown, page, config, files):
    project, lang = _project(config), _language(config)
    for key in ("title", "description"):   # shown outside the Markdown: <title>, menus, search results
        if isinstance(page.meta.get(key), str):  # in the original's language on a fallback page
            page.meta[key] = typeset(page.meta[key], page.meta.get(FALLBACK_KEY) or lang)
    if OVERVIEW_MARKER in markdown:
        markdown = markdown.replace(OVERVIEW_MARKER,
                                    Renderer(project, labels_for(project), _cases[project.root], lang).overview())
    problems = unknown_placeholders(markdown, f"docs/{page.file.src_uri}", project.company)
    if problems:   # our pipeline reports these before building; a plain `mkdocs build` stops here
        raise PluginError("\n".join(str(problem) for problem in problems))
    filled = fill_company(markdown, project.company, lang, labels_for(project))
    if _one_language_build() and not page.meta.get(FALLBACK_KEY):
        notice = outdated_notice(project, labels_for(project), lang, _norm_path(page), page.meta.get(SOURCE_HASH_KEY))
        if notice:
            filled = notice + "\n\n" + filled
    return filled


def on_page_context(context, page, config, nav):
    if not _one_language_build():
        return context   # static-i18n's own switcher serves the all-in-one build
    project, lang = _project(config), _language(config)
    links = page_links(project, lang, _norm_path(page), page.meta.get(FALLBACK_KEY))
    config.extra["alternate"] = [vars(alt) for alt in links.switcher]
    context["como_head"] = links
    context["como_offers"] = language_offers(project, labels_for(project), lang, links.switcher)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html" and _one_language_build():
        project = _project(config)
        config.extra["alternate"] = [vars(alt) for alt in home_links(project)]
        context["como_head"] = None
        context["como_offers"] = {}
    return context
