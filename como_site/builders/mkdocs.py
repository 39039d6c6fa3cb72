"""Build one language of the site with MkDocs + Material + mkdocs-static-i18n, and serve previews.
(ProperDocs, the maintained MkDocs 1.6 fork, can stand in for MkDocs: see como_site/builders/engine.py.)

static-i18n's `build_only_locale`, set here on the loaded configuration, makes each run build one
language into its own folder with its own search index, 404 page and sitemap. The orchestrator runs one
such build per language in separate processes and hands each its BuildContext (the validated content),
which this adapter makes current for the hooks.

Every Jinja environment the theme makes for a build (MkDocs' own, Material's search plugin's) shares the
process's compiled templates (como_site/templatecache.py), and its loader lists as the theme's static files
only those outside the theme's assets/ and hidden folders: the site has the assets once for all languages
(como_site/themeassets.py), and MkDocs would otherwise walk Material's thousands of icons and assets in
every language to add files that no language publishes.
"""
from __future__ import annotations

import logging
import os
import re
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import jinja2

from como_site.buildcontext import BuildContext, set_current
from como_site.builders.engine import load_engine
from como_site.contentfiles import CONFIG_FILE
from como_site.rendercache import Tally, start_tally, tally
from como_site.templatecache import COMPILED_TEMPLATES
from como_site.themeassets import FOLDER as ASSETS

COLLECTED_LEVEL = logging.WARNING
SETTLE_SECONDS = 0.02   # the preview rebuilds once no file changed for this long
# The theme's files that Material includes by a name from mkdocs.yml: an icon, the interface's language
NAMED_THEME_FILES = ((".icons/", ".svg"), ("partials/languages/", ".html"))


@dataclass
class LanguageBuild:
    language: str
    warnings: list[str]
    ok: bool
    rendered: Tally = field(default_factory=dict)   # the files drawn or taken from the render cache
    written: list[str] = field(default_factory=list)   # the pages a warm render wrote again


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(COLLECTED_LEVEL)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class _ThemeLoader(jinja2.BaseLoader):
    """The theme's template loader, listing its files outside assets/ and hidden folders only."""

    def __init__(self, loader: jinja2.FileSystemLoader) -> None:
        self.loader = loader

    def get_source(self, environment: jinja2.Environment, template: str):
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        found = set()
        for folder in self.loader.searchpath:
            for current, folders, names in os.walk(folder):
                folders[:] = [name for name in folders if not name.startswith(".")
                              and not (current == folder and name == ASSETS)]
                found.update(Path(current, name).relative_to(folder).as_posix() for name in names)
        return sorted(found)


def _share_theme_environments(theme) -> None:
    """Make the theme's Jinja environments as the module's docstring says."""
    make_environment = theme.get_env

    def get_env() -> jinja2.Environment:
        environment = make_environment()
        environment.bytecode_cache = COMPILED_TEMPLATES
        environment.loader = _ThemeLoader(environment.loader)
        return environment

    theme.get_env = get_env


def build_only(config, language: str) -> None:
    """Make static-i18n build `language` only: what its `build_only_locale` option does when its config
    is validated (mkdocs_static_i18n/config.py), applied to the loaded configuration."""
    i18n = config.plugins["i18n"].config
    i18n.build_only_locale = language
    for entry in i18n.languages:
        entry.default = entry.build = entry.locale == language


def warm_up(typesetting: bool) -> None:
    """A language process's first task, while the orchestrator still checks the content: import the engine
    and, when the site has PDFs to typeset, WeasyPrint (which takes longer to import than the checks take)."""
    load_engine()
    import mkdocs.commands.build  # noqa: F401 - imported now for the builds to come

    if typesetting:
        from como_site.casestudies.pdf import NoPango, weasyprint_modules

        with suppress(NoPango):   # the language build that needs it says so
            weasyprint_modules()


def build_language(context: BuildContext, site_dir: str, dirty: bool = False,
                   warm: WarmLanguage | None = None) -> LanguageBuild:
    """Run a strict MkDocs build of one language; warnings are returned, never swallowed. With `warm`
    (the preview's long-lived worker), the build's configuration, files, navigation and templates are kept
    there, to render single pages again later."""
    load_engine()   # MkDocs, or ProperDocs in its place
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with _collected(context) as collector:
        try:
            config = load_config(str(context.project.root / "mkdocs.yml"), site_dir=site_dir,
                                 site_url=context.project.language_url(context.language), strict=True)
            build_only(config, context.language)
            _share_theme_environments(config.theme)
            if warm is not None:
                warm.keep(config)
            build(config, dirty=dirty)
            return LanguageBuild(context.language, collector.messages, ok=True, rendered=tally())
        except (Abort, MkDocsException) as error:
            message = str(error)
            if message and message not in collector.messages:
                collector.messages.append(message)
            return LanguageBuild(context.language, collector.messages, ok=False)
        except jinja2.TemplateNotFound as error:
            collector.messages.append(missing_theme_file(context.project.root, error.name))
            return LanguageBuild(context.language, collector.messages, ok=False)


def missing_theme_file(root: Path, template: str) -> str:
    """A template the theme could not find, as a message naming the line of mkdocs.yml that names it:
    Material includes `.icons/<icon>.svg` and `partials/languages/<language>.html` by names from there."""
    name = template
    for prefix, suffix in NAMED_THEME_FILES:
        if template.startswith(prefix) and template.endswith(suffix):
            name = template[len(prefix):-len(suffix)]
    pattern = re.compile(rf"(?<![\w/.-]){re.escape(name)}(?![\w/.-])")
    lines = (root / CONFIG_FILE).read_text(encoding="utf-8").splitlines()
    line = next((number for number, text in enumerate(lines, start=1) if pattern.search(text)), 0)
    return (f"{CONFIG_FILE}:{line}: " if line else f"{CONFIG_FILE}: ") + (
        f"theme: the theme has no icon or language '{name}': correct the name (icons as in Material's list, "
        "e.g. material/hub-outline; a language by its code, e.g. de)")


@contextmanager
def _collected(context: BuildContext) -> Iterator[_Collector]:
    """The engine's warnings collected, and `context` current for the hooks, while the block runs."""
    engine_logger = load_engine()
    collector = _Collector()
    engine_logger.addHandler(collector)
    engine_logger.setLevel(logging.INFO)
    engine_logger.propagate = False
    set_current(context)
    start_tally()
    try:
        yield collector
    finally:
        engine_logger.removeHandler(collector)
        set_current(None)


class WarmLanguage:
    """One language's last full build, kept loaded (configuration, files, navigation, compiled templates,
    search index) so that an edited page can be rendered again alone, exactly as the full build renders it.

    `render_again` refuses (returns None) whatever a page-level render could get wrong: a page it does
    not know, a changed title or front matter (the navigation, other pages and cards show them), changed
    heading anchors (other pages may link to them), or any warning; the caller then builds in full."""

    def __init__(self) -> None:
        self.config = self.nav = self.env = self.files = None
        self.outlines: dict[str, tuple] = {}   # src_uri -> the page's outline when its Markdown was rendered

    def keep(self, config) -> None:
        """Register, on the configuration about to be built, a last plugin that keeps what the build made."""
        from mkdocs.plugins import BasePlugin, event_priority

        warm = self
        self.config = config

        class KeepBuild(BasePlugin):
            @event_priority(-1000)
            def on_nav(self, nav, config, files):
                warm.nav, warm.files = nav, files

            @event_priority(-1000)
            def on_page_content(self, html, page, config, files):
                warm.outlines[page.file.src_uri] = _outline(page)   # before the templates' hooks add to meta
                return html

            @event_priority(-1000)
            def on_env(self, env, config, files):
                warm.env = env

        config.plugins["como-warm-build"] = KeepBuild()

    def render_again(self, context: BuildContext, site_dir: str, pages: dict[str, str | None]) -> LanguageBuild | None:
        """Render `pages` (path inside the language folder -> new Markdown of a page made in memory, or
        None for a file read from docs/) into site_dir again; their search-index entries are replaced in place."""
        if self.env is None:
            return None
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.exceptions import MkDocsException

        self._move_to(site_dir)
        search = self.config.plugins.get("material/search") or self.config.plugins.get("search")
        with _collected(context) as collector:
            try:
                for path, markdown in pages.items():
                    file = self.files.get_file_from_path(path)
                    if file is None or file.page is None or (markdown is None) != (file.generated_by is None):
                        return None
                    page, before = file.page, self.outlines.get(file.src_uri)
                    if markdown is not None:
                        file.content_string = markdown
                    _populate_page(page, self.config, self.files)
                    if before is None or self.outlines.get(file.src_uri) != before:
                        return None
                    entries = search.search_index.entries
                    mine = [at for at, entry in enumerate(entries) if _page_of(entry) == page.url]
                    position = mine[0] if mine else len(entries)
                    entries[:] = [entry for entry in entries if _page_of(entry) != page.url]
                    kept = len(entries)
                    _build_page(page, self.config, self.files.documentation_pages(), self.nav, self.env)
                    added = entries[kept:]
                    del entries[kept:]
                    entries[position:position] = added   # where the full build has them
                    page.validate_anchor_links(files=self.files, log_level=self.config.validation.links.anchors)
                if collector.messages:
                    return None
                search.on_post_build(config=self.config)
                written = [self.files.get_file_from_path(path).abs_dest_path for path in pages]
                return LanguageBuild(context.language, [], ok=True, rendered=tally(), written=written)
            except MkDocsException:
                return None

    def _move_to(self, site_dir: str) -> None:
        """The built language now lives in site_dir (the preview swapped its staging folder in)."""
        if self.config.site_dir == site_dir:
            return
        self.config.site_dir = site_dir
        for file in self.files:
            file.dest_dir = site_dir
            file.__dict__.pop("abs_dest_path", None)   # a cached property of the old folder


def _page_of(entry: dict) -> str:
    """The page URL of a search-index entry (its location without the section's anchor)."""
    return entry["location"].split("#", 1)[0]


def _outline(page) -> tuple:
    """What other pages and the navigation see of a rendered page: its front matter, title, heading
    anchors and table of contents, as plain data to compare two renders."""
    def toc(items) -> list:
        return [(item.id, item.title, item.level, toc(item.children)) for item in items]
    return dict(page.meta), page.title, frozenset(page.present_anchor_ids or ()), toc(page.toc)


def serve_with_live_reload(site_dir: Path, host: str, port: int, watched: list[Path],
                           on_change: Callable[[], None], current_error: Callable[[], str | None] = lambda: None) -> None:
    """Serve site_dir with MkDocs' live-reload server: browsers reload after `on_change` ran for an edit.
    While `current_error()` gives a page (the last build failed), every page request gets it instead,
    with the reload script, so the browser shows the problems and returns to the page once they are fixed."""
    load_engine()
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers import Observer

    class PreviewServer(LiveReloadServer):
        def _serve_request(self, environ, start_response):
            error, path = current_error(), environ["PATH_INFO"]
            if error is None or path.startswith("/livereload/") or not (path.endswith("/") or path.endswith(".html")):
                return super()._serve_request(environ, start_response)
            content = self._inject_js_into_html(error.encode("utf-8"), self._visible_epoch)
            # 200, not 500: the server logs error statuses as mkdocs warnings, which the next (in-process)
            # build would collect as its own and fail on
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                ("Content-Length", str(len(content)))])
            return [content]

    server = PreviewServer(builder=on_change, host=host, port=port, root=str(site_dir))
    # MkDocs polls the folders every 0.5 s and waits 0.1 s for the edits to settle: the kernel's change
    # notifications (inotify) report a save at once, and an editor's save is written within milliseconds
    server.observer = Observer()
    server.build_delay = SETTLE_SECONDS
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        server.shutdown()
