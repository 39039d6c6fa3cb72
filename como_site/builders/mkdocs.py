"""Build one language of the site with MkDocs + Material + mkdocs-static-i18n, and serve previews.

static-i18n's `build_only_locale` (set through the COMO_ONLY_LANGUAGE variable that mkdocs.yml reads)
makes each run build one language into its own folder with its own search index, 404 page and sitemap.
The orchestrator runs one such build per language in separate processes.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

COLLECTED_LEVEL = logging.WARNING


@dataclass
class LanguageBuild:
    language: str
    warnings: list[str]
    ok: bool


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(COLLECTED_LEVEL)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_language(root: str, language: str, site_dir: str, site_url: str, docs_dir: str | None = None,
                   case_data: str | None = None, dirty: bool = False) -> LanguageBuild:
    """Run a strict MkDocs build of one language; warnings are returned, never swallowed.
    `case_data`: the case studies the orchestrator validated (and whose pages it wrote), pickled."""
    saved = {name: os.environ.get(name) for name in ("COMO_ONLY_LANGUAGE", "COMO_CASE_DATA")}
    os.environ["COMO_ONLY_LANGUAGE"] = language
    if case_data:
        os.environ["COMO_CASE_DATA"] = case_data
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    collector = _Collector()
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.addHandler(collector)
    mkdocs_logger.setLevel(logging.INFO)
    mkdocs_logger.propagate = False
    try:
        overrides = {"docs_dir": docs_dir} if docs_dir else {}
        config = load_config(str(Path(root) / "mkdocs.yml"), site_dir=site_dir, site_url=site_url, strict=True,
                             **overrides)
        build(config, dirty=dirty)
        return LanguageBuild(language, collector.messages, ok=True)
    except (Abort, MkDocsException) as error:
        message = str(error)
        if message and message not in collector.messages:
            collector.messages.append(message)
        return LanguageBuild(language, collector.messages, ok=False)
    finally:
        mkdocs_logger.removeHandler(collector)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def serve_with_live_reload(site_dir: Path, host: str, port: int, watched: list[Path],
                           on_change: Callable[[], None], current_error: Callable[[], str | None] = lambda: None) -> None:
    """Serve site_dir with MkDocs' live-reload server: browsers reload after `on_change` ran for an edit.
    While `current_error()` gives a page (the last build failed), every page request gets it instead,
    with the reload script, so the browser shows the problems and returns to the page once they are fixed."""
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
