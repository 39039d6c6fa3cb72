"""MkDocs hooks: thin adapters from MkDocs events to the como_site package (which knows no MkDocs).

The package is installed into the environment (`make site` does it), so nothing here edits sys.path.
Under ProperDocs the `mkdocs.*` imports below load `properdocs.*` (see como_site/builders/engine.py)."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from como_site.alternates import home_links, page_links
from como_site.casestudies.render import OVERVIEW_MARKER, Renderer
from como_site.casestudies.validate import CaseStudies
from como_site.company import fill_company, unknown_placeholders
from como_site.contentfiles import check_content_files
from como_site.fallbacks import FALLBACK_KEY
from como_site.generated import generate
from como_site.htmlpolicy import THEME_TEXT_KEYS, escaped_once, sanitised_page
from como_site.labels import labels_for
from como_site.material_patches import MaterialChanged, patch_templates
from como_site.notices import outdated_notice, language_offers
from como_site.pages import GENERATED_KEY
from como_site.problems import ContentError, raise_if_any
from como_site.project import Project, project_at
from como_site.translations import SOURCE_HASH_KEY

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
    """One language per run: its search index uses that language's stemmer only. The site name and
    copyright (per language, from mkdocs.yml) are printed unescaped by Material: escape them once."""
    if _one_language_build():
        for name in ("search", "material/search"):
            if name in config.plugins:
                config.plugins[name].config.lang[:] = [_language(config)]  # in place: the index holds this list
    config.site_name, config.copyright = escaped_once(config.site_name), escaped_once(config.copyright)
    return config


@event_priority(-200)  # after static-i18n (-100), which translates the navigation labels
def on_nav(nav, config, files):
    """Navigation labels (and titles given in nav:) are printed unescaped by Material: escape them once."""
    def walk(items):
        for item in items:
            if item.title is not None:   # None for a page whose title comes from its front matter
                item.title = escaped_once(item.title)
            walk(getattr(item, "children", None) or [])
    walk(nav.items)
    return nav


def on_pre_build(config):
    """Validate case studies and write their pages, unless our pipeline has done so already, once for
    all languages, and handed over the result."""
    try:
        project = _project(config)   # the first event that reads the project: a bad site address stops here
    except ContentError as error:
        raise PluginError(str(error)) from None
    if os.environ.get("COMO_CASE_DATA"):
        _cases[project.root] = pickle.loads(Path(os.environ["COMO_CASE_DATA"]).read_bytes())
        return
    try:
        raise_if_any(check_content_files(project.root))   # before MkDocs copies a linked file into the site
        _cases[project.root], _ = generate(project)
    except ContentError as error:
        raise PluginError(f"Content files have problems:\n{error}") from None


def on_env(env, config, files):
    project = _project(config)
    try:
        patch_templates(env)
    except MaterialChanged as error:
        raise PluginError(str(error)) from None
    env.globals["como_t"] = lambda key, **values: labels_for(project).get(key, _language(config), **values)
    return env


def on_page_markdown(markdown, page, config, files):
    for key in THEME_TEXT_KEYS:   # front-matter texts the theme prints: escaped once, here
        if key in page.meta:
            page.meta[key] = escaped_once(page.meta[key])
    project, lang = _project(config), _language(config)
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


def on_page_content(html, page, config, files):
    """Every page's HTML through the build's allow-list: content that slipped past the page check stops the build."""
    generated_from = page.meta.get(GENERATED_KEY)   # a case file, or the original of a fallback page
    source = Path(page.file.abs_src_path) if not generated_from else _project(config).root / generated_from
    try:
        return sanitised_page(html, generated_from or f"docs/{page.file.src_uri}",
                              source if source.suffix == ".md" else None)
    except ContentError as error:
        raise PluginError(str(error)) from None


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
