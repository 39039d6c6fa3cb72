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
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import jinja2

from como_site.buildcontext import BuildContext, set_current
from como_site.builders.engine import load_engine
from como_site.rendercache import start_tally, tally
from como_site.templatecache import COMPILED_TEMPLATES
from como_site.themeassets import FOLDER as ASSETS

COLLECTED_LEVEL = logging.WARNING


@dataclass
class LanguageBuild:
    language: str
    warnings: list[str]
    ok: bool
    rendered: dict[str, tuple[int, int]] = field(default_factory=dict)   # kind -> (drawn, from the cache)


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


def build_language(context: BuildContext, site_dir: str, dirty: bool = False) -> LanguageBuild:
    """Run a strict MkDocs build of one language; warnings are returned, never swallowed."""
    engine_logger = load_engine()   # MkDocs, or ProperDocs in its place
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    language = context.language
    collector = _Collector()
    engine_logger.addHandler(collector)
    engine_logger.setLevel(logging.INFO)
    engine_logger.propagate = False
    set_current(context)
    start_tally()
    try:
        config = load_config(str(context.project.root / "mkdocs.yml"), site_dir=site_dir,
                             site_url=context.project.language_url(language), strict=True)
        build_only(config, language)
        _share_theme_environments(config.theme)
        build(config, dirty=dirty)
        return LanguageBuild(language, collector.messages, ok=True, rendered=tally())
    except (Abort, MkDocsException) as error:
        message = str(error)
        if message and message not in collector.messages:
            collector.messages.append(message)
        return LanguageBuild(language, collector.messages, ok=False)
    finally:
        engine_logger.removeHandler(collector)
        set_current(None)


def serve_with_live_reload(site_dir: Path, host: str, port: int, watched: list[Path],
                           on_change: Callable[[], None], current_error: Callable[[], str | None] = lambda: None) -> None:
    """Serve site_dir with MkDocs' live-reload server: browsers reload after `on_change` ran for an edit.
    While `current_error()` gives a page (the last build failed), every page request gets it instead,
    with the reload script, so the browser shows the problems and returns to the page once they are fixed."""
    load_engine()
    from mkdocs.livereload import LiveReloadServer

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
    for path in watched:
        server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        server.shutdown()
