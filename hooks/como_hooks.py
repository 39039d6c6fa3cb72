"""MkDocs hooks: thin adapters from MkDocs events to the como_site package (which knows no MkDocs).

They run only inside `python -m como_site build` (and `make serve`), which builds one language per
process and hands each build its BuildContext; a plain `mkdocs build` stops with a message saying so.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from como_site.alternates import home_links, page_links  # noqa: E402
from como_site.buildcontext import BuildContext, current, pages_in_memory  # noqa: E402
from como_site.company import fill_company  # noqa: E402
from como_site.contenttypes import content_blocks  # noqa: E402
from como_site.fallbacks import FALLBACK_KEY  # noqa: E402
from como_site.labels import labels_for  # noqa: E402
from como_site.notices import outdated_notice, language_offers  # noqa: E402
from como_site.pages import GENERATED_KEY  # noqa: E402
from como_site.translations import SOURCE_HASH_KEY  # noqa: E402


def _context() -> BuildContext:
    context = current()
    if context is None:
        raise PluginError("Build this site with `make site` (python -m como_site build) or preview it with "
                          "`make serve`: a plain `mkdocs build` cannot make the pages that come from data.")
    return context


def _norm_path(page) -> str:
    """The page's path inside its language folder, e.g. 'clusters/index.md'."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


@event_priority(-200)  # after static-i18n (-100), which sets the language and extends the search languages
def on_config(config):
    """One language per run: its search index uses that language's stemmer only."""
    language = _context().language
    for name in ("search", "material/search"):
        if name in config.plugins:
            config.plugins[name].config.lang[:] = [language]  # in place: the index holds this list
    return config


_blocks: dict[str, str] = {}   # marker -> block, for this build's language (set in on_files)


@event_priority(-200)  # after static-i18n (-100), which has chosen this language's files
def on_files(files, config):
    """Add this language's pages that exist only in memory: pages made from data, and fallbacks."""
    context = _context()
    for path, markdown in pages_in_memory(context).items():
        files.append(File.generated(config, path, content=markdown))
    _blocks.clear()
    _blocks.update(content_blocks(context.project, labels_for(context.project), context.content, context.language))
    return files


def on_env(env, config, files):
    context = _context()
    labels = labels_for(context.project)
    env.globals["como_t"] = lambda key, **values: labels.get(key, context.language, **values)
    return env


def on_page_markdown(markdown, page, config, files):
    context = _context()
    project, lang, labels = context.project, context.language, labels_for(context.project)
    for marker, block in _blocks.items():
        if marker in markdown:
            markdown = markdown.replace(marker, block)
    filled = fill_company(markdown, project.company, lang, labels)
    if not page.meta.get(FALLBACK_KEY):
        notice = outdated_notice(project, labels, lang, _norm_path(page), page.meta.get(SOURCE_HASH_KEY))
        if notice:
            filled = notice + "\n\n" + filled
    return filled


def on_page_context(context, page, config, nav):
    build = _context()
    project, lang = build.project, build.language
    made_from_data = bool(page.meta.get(GENERATED_KEY)) and not page.meta.get(FALLBACK_KEY)
    links = page_links(project, lang, _norm_path(page), page.meta.get(FALLBACK_KEY), everywhere=made_from_data)
    config.extra["alternate"] = [vars(alt) for alt in links.switcher]
    context["como_head"] = links
    context["como_offers"] = language_offers(project, labels_for(project), lang, links.switcher)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        config.extra["alternate"] = [vars(alt) for alt in home_links(_context().project)]
        context["como_head"] = None
        context["como_offers"] = {}
    return context
