"""MkDocs hooks: thin adapters from MkDocs events to the como_site package (which knows no MkDocs).

The package is installed into the environment (`make site` does it), so nothing here edits sys.path.
Under ProperDocs the `mkdocs.*` imports below load `properdocs.*` (see como_site/builders/engine.py).
They run only inside `python -m como_site build` (and `make serve`), which builds one language per
process and hands each build its BuildContext; a plain `mkdocs build` stops with a message saying so.
"""
from __future__ import annotations

from pathlib import Path

from jinja2 import pass_context
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from como_site.alternates import home_links, page_links
from como_site.buildcontext import BuildContext, current, pages_in_memory
from como_site.cards import TAGLINE_LABEL, PageCard, nav_sections, page_card, write_cards
from como_site.casestudies.dates import dates_of
from como_site.casestudies.pdf import NoPango
from como_site.company import fill_company
from como_site.contenttypes import CASE_STUDIES, content_blocks, content_files
from como_site.editlink import edit_url
from como_site.fallbacks import FALLBACK_KEY
from como_site.footer import footer_links
from como_site.feeds import FEED_PATH, FEED_TYPE, TITLE_LABEL, write_feed
from como_site.home import HIDDEN_PARTS, HOME_TEMPLATE, PageInfo, home_page, service_pages
from como_site.htmlpolicy import THEME_TEXT_KEYS, escaped_once, sanitised_page
from como_site.labels import labels_for
from como_site.lastupdated import ChangeDates, last_changes, updated_note
from como_site.material_patches import MaterialChanged, patch_templates
from como_site.notices import outdated_notice, language_offers
from como_site.palette import localise_palette
from como_site.pages import GENERATED_KEY
from como_site.previews import preview_banner
from como_site.problems import ContentError
from como_site.socialmeta import PageFacts, social_head
from como_site.translations import SOURCE_HASH_KEY
from como_site.typography import TypographyExtension, typeset


def _context() -> BuildContext:
    context = current()
    if context is None:
        raise PluginError("Build this site with `make site` (python -m como_site build) or preview it with "
                          "`make serve`: a plain `mkdocs build` cannot make the pages that come from data.")
    return context


def _norm_path(page) -> str:
    """The page's path inside its language folder, e.g. 'clusters/index.md'."""
    return getattr(page.file, "norm_src_uri", page.file.src_uri)


def _norm_path_of_file(file) -> str:
    return getattr(file, "norm_src_uri", file.src_uri)


def _plain(value) -> str:
    """A text the hooks escaped once for Material (Markup), back as plain text."""
    return str(value.unescape()) if isinstance(value, Markup) else str(value or "")


@event_priority(-200)  # after static-i18n (-100), which sets the language and extends the search languages
def on_config(config):
    """One language per run: its search index uses that language's stemmer only. The site name and
    copyright (per language, from mkdocs.yml) are printed unescaped by Material: escape them once. The
    colour-scheme toggle is named in the language."""
    language = _context().language
    for name in ("search", "material/search"):
        if name in config.plugins:
            config.plugins[name].config.lang[:] = [language]  # in place: the index holds this list
    config.site_name, config.copyright = escaped_once(config.site_name), escaped_once(config.copyright)
    config.markdown_extensions[:] = [extension for extension in config.markdown_extensions
                                     if not isinstance(extension, TypographyExtension)]
    config.markdown_extensions.append(TypographyExtension(lang=language))
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels_for(_context().project).get("theme.permalink", language)
    localise_palette(config.theme.get("palette"), labels_for(_context().project), language)
    # the shared theme assets' addresses are the templates' to print (overrides/main.html, como_asset):
    # Material would print these lists' paths inside the language's folder
    _extra["css"], _extra["javascript"] = list(config.extra_css), list(config.extra_javascript)
    config.extra_css[:], config.extra_javascript[:] = [], []
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
    _sections.clear()
    _sections.update(nav_sections(nav.items))
    _cards.clear()
    return nav


_extra: dict[str, list] = {}   # mkdocs.yml's extra_css and extra_javascript (set in on_config)
_blocks: dict[str, str] = {}   # marker -> block, for this build's language (set in on_files)
_files: list = []              # this language's files (set in on_files)
_titles: dict[str, str] = {}   # page path -> plain title, read at the first render (all pages are read by then)
_case_dates: dict = {}         # case id -> when it was published and last changed (set in on_files)
_sections: dict[str, str] = {}   # page URL -> its top-level navigation section (set in on_nav)
_cards: list[PageCard] = []      # what each page's social card shows (collected in on_page_context)
_changes = ChangeDates({})     # when each content file last changed, from git (set in on_files)


@event_priority(-200)  # after static-i18n (-100), which has chosen this language's files
def on_files(files, config):
    """Add this language's pages that exist only in memory: pages made from data, and fallbacks, and the
    files made from data (the case-study PDFs). (The theme's assets are not among the files: the site has
    them once for all languages, como_site/builders/mkdocs.py.)"""
    context = _context()
    for path, markdown in pages_in_memory(context).items():
        files.append(File.generated(config, path, content=markdown))
    try:
        made = content_files(context.project, labels_for(context.project), context.content, context.language)
    except NoPango as error:
        raise PluginError(str(error)) from None
    for path, data in made.items():   # before the blocks, which link them
        files.append(File.generated(config, path, content=data))
    _blocks.clear()
    _blocks.update(content_blocks(context.project, labels_for(context.project), context.content, context.language, made))
    _files[:] = [files]
    _titles.clear()
    cases = context.content.get(CASE_STUDIES.name)
    _case_dates.clear()
    _case_dates.update(dates_of(context.project.root, cases.published) if cases else {})
    _changes.changed.clear()
    _changes.changed.update(last_changes(context.project.root))
    return files


def on_env(env, config, files):
    context = _context()
    try:
        patch_templates(env)
    except MaterialChanged as error:
        raise PluginError(str(error)) from None
    labels = labels_for(context.project)
    env.globals["como_t"] = lambda key, **values: labels.get(key, context.language, **values)
    env.globals["como_footer_links"] = footer_links(files, labels, context.language, _norm_path_of_file)
    number = context.project.preview
    env.globals["como_preview_banner"] = preview_banner(labels, context.language, number) if number else ""
    env.globals["como_asset"] = pass_context(lambda jinja, name: context.assets.url(name, jinja["base_url"]))
    env.globals["como_asset_name"] = context.assets.file_name
    env.globals["como_extra_css"], env.globals["como_extra_javascript"] = _extra["css"], _extra["javascript"]
    env.globals["como_feed"] = {"path": FEED_PATH, "type": FEED_TYPE, "title": labels.get(TITLE_LABEL, context.language)}
    return env


def on_page_markdown(markdown, page, config, files):
    context = _context()
    project, lang, labels = context.project, context.language, labels_for(context.project)
    for key in THEME_TEXT_KEYS:   # shown outside the Markdown (<title>, menus, search results): typeset in
        if isinstance(page.meta.get(key), str):   # the text's language (the original's on a fallback page),
            page.meta[key] = escaped_once(typeset(page.meta[key], page.meta.get(FALLBACK_KEY) or lang))  # escaped once
    for marker, block in _blocks.items():
        if marker in markdown:
            markdown = markdown.replace(marker, block)
    filled = fill_company(markdown, project.company, lang, labels)
    if not page.meta.get(FALLBACK_KEY):
        notice = outdated_notice(project, labels, lang, _norm_path(page), page.meta.get(SOURCE_HASH_KEY))
        if notice:
            filled = notice + "\n\n" + filled
    return filled


def on_page_content(html, page, config, files):
    """Every page's HTML through the build's allow-list: content that slipped past the page check stops the build."""
    generated_from = page.meta.get(GENERATED_KEY)   # a case file, or the original of a fallback page
    source = Path(page.file.abs_src_path) if not generated_from else _context().project.root / generated_from
    try:
        return sanitised_page(html, generated_from or f"docs/{page.file.src_uri}",
                              source if source.suffix == ".md" else None)
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_page_context(context, page, config, nav):
    build = _context()
    project, lang = build.project, build.language
    made_from_data = bool(page.meta.get(GENERATED_KEY)) and not page.meta.get(FALLBACK_KEY)
    links = page_links(project, lang, _norm_path(page), page.meta.get(FALLBACK_KEY), everywhere=made_from_data)
    config.extra["alternate"] = [vars(alt) for alt in links.switcher]
    context["como_head"] = links
    context["como_offers"] = language_offers(project, labels_for(project), lang, links.switcher)
    context["como_social"] = None if links.noindex else _social(build, page, config, links)
    _cards.append(page_card(page.url, page.title, _sections, labels_for(project).get(TAGLINE_LABEL, lang),
                            config.site_name, lang))
    try:
        href = edit_url(project, lang, _norm_path(page), page.meta.get(GENERATED_KEY))
    except ContentError as error:
        raise PluginError(str(error)) from None
    context["como_edit"] = {"href": href, "label": labels_for(project).get("page.edit", lang)} if href else None
    if page.meta.get("template") == HOME_TEMPLATE:
        page.meta["hide"] = HIDDEN_PARTS
        pages = {_norm_path(other): PageInfo(other.url, other.title, other.meta.get("description") or "")
                 for other in nav.pages}
        context["como_home"] = home_page(page.content, pages, service_pages(build.content), labels_for(project), lang)
    source = page.meta.get(GENERATED_KEY) or Path(page.file.abs_src_path).resolve().relative_to(project.root.resolve()).as_posix()
    day = _changes.of(source)   # a page made from data: its data file's; never committed: none
    context["como_updated"] = updated_note(labels_for(project), lang, day) if day else None
    return context


def _social(build: BuildContext, page, config, links):
    """The page's Open Graph tags and JSON-LD, from its own data (como_site.socialmeta)."""
    cases = build.content.get(CASE_STUDIES.name)
    case = next((case for case in cases.published if case.path == page.meta.get(GENERATED_KEY)), None) if cases else None
    if not _titles:
        _titles.update({_norm_path(file.page): _plain(file.page.title)
                        for file in _files[0].documentation_pages() if file.page})
    facts = PageFacts(_norm_path(page), _plain(page.meta.get("title") or page.title), _plain(page.meta.get("description")),
                      links.canonical, _plain(config.site_name),
                      tuple(alt.lang for alt in links.switcher if alt.exists and alt.lang != build.language), case,
                      _case_dates.get(case.id) if case else None)
    return social_head(build.project, labels_for(build.project), build.language, facts, _titles, cases)


def on_post_build(config):
    """The language's Atom feed of case studies (como_site.feeds) and every page's social card, into this
    language's folder (a card is drawn only when its texts are new)."""
    build = _context()
    write_feed(build.project, labels_for(build.project), build.content[CASE_STUDIES.name], _case_dates,
               build.language, Path(config.site_dir))
    write_cards(build.project.root, Path(config.site_dir), _cards)


def on_template_context(context, template_name, config):
    if template_name == "404.html":
        config.extra["alternate"] = [vars(alt) for alt in home_links(_context().project)]
        context["como_head"] = None
        context["como_offers"] = {}
        context["como_social"] = None
        context["como_updated"] = None
    return context
