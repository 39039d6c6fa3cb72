"""Live preview for editors: build into a temporary folder, serve it on 127.0.0.1, rebuild on every edit.

Each previewed language has a warm builder (como_site/warmbuild.py): an edit of Markdown pages renders
those pages again alone, in their language and the languages that show them (fallbacks, outdated
notices); other edits rebuild only the languages whose files changed, and a change to shared files
(configuration, case-study data, labels, theme) rebuilds every previewed language. A failed build is
printed and shown in the browser as an error page listing its `path:line` messages, until the next build
passes. Drafts are previewed too, each with a "Draft" banner in its page's language (never in `make site`).
"""
from __future__ import annotations

import html
import tempfile
import time
from pathlib import Path

from como_site.build import BuildError, build_site
from como_site.builders.mkdocs import serve_with_live_reload
from como_site.contentfiles import CONFIG_FILE, CONTENT_DIRS
from como_site.problems import ContentError
from como_site.project import load_project
from como_site.warmbuild import RESTART_ON, WarmBuilders, WarmSite, forget_loaded_files, page_edits

WATCHED = (*CONTENT_DIRS, "overrides", "hooks", CONFIG_FILE)   # every editor's folder, the theme, the settings


def _snapshot(root: Path) -> dict[Path, float]:
    files: dict[Path, float] = {}
    for name in WATCHED:
        path = root / name
        candidates = [path] if path.is_file() else path.rglob("*")
        for file in candidates:
            if file.is_file():
                files[file] = file.stat().st_mtime   # builds write nothing here, so every change is an edit
    return files


def affected_languages(root: Path, changed: set[Path], languages: list[str], source: str) -> list[str]:
    """Languages to rebuild for a set of changed files: a translation's own language; everything for
    the source language (fallback pages and outdated notices depend on it) and for shared files."""
    touched: set[str] = set()
    for path in changed:
        parts = path.relative_to(root).parts
        translation = parts[0] == "docs" and len(parts) > 2 and parts[1] not in ("assets", source)
        if not translation:
            return languages
        if parts[1] in languages:
            touched.add(parts[1])   # a language not being previewed needs no rebuild
    return [lang for lang in languages if lang in touched]


def error_page(error: Exception) -> str:
    """The page the preview shows while the last build failed: its messages, escaped, one per line."""
    items = "".join(f"<li><code>{html.escape(line)}</code></li>" for line in str(error).splitlines() if line.strip())
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed - preview</title></head>'
            '<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto">'
            '<h1>The preview could not be built</h1><p>Fix these problems and save; this page reloads by itself.</p>'
            f'<ul class="como-build-errors">{items}</ul></body></html>')


class Preview:
    """The previewed site of `languages` in site_dir, served at url, kept up to date by `on_change`."""

    def __init__(self, root: Path, languages: list[str], site_dir: Path, url: str):
        self.root, self.languages, self.site_dir, self.url = root, languages, site_dir, url
        self.files, self.error = _snapshot(root), None
        self.builders = WarmBuilders(languages)
        self.site = WarmSite(load_project(root, url), site_dir, self.builders)
        self.rendered_alone = 0   # edits that needed their pages only (the tests check which way was taken)

    def rebuild(self, which: list[str]) -> None:
        started = time.perf_counter()
        try:
            build_site(root=self.root, site_dir=self.site_dir, site_url=self.url, languages=which,
                       keep_other_languages=True, drafts=True, language_builder=self.builders.build_languages)
            self.site.built()
            self.error = None
            print(f"Rebuilt {', '.join(which)} in {time.perf_counter() - started:.1f} s", flush=True)
        except (ContentError, BuildError) as error:
            self.error = error_page(error)
            print(error, flush=True)

    def render_again(self, changed: set[Path], known: set[Path]) -> bool:
        """The edited pages alone, when that is all the edit needs; False: build the languages in full."""
        started = time.perf_counter()
        edits = None if self.error else page_edits(self.site.project, changed, known, self.languages)
        faults = self.site.render_again(changed, edits) if edits else None
        if faults is None:
            return False
        self.error = error_page(BuildError("\n".join(faults))) if faults else None
        self.rendered_alone += 1
        pages = ", ".join(f"{lang}/{page}" for lang, pages in edits.items() for page in pages)
        print(f"Rendered {pages} again in {time.perf_counter() - started:.2f} s", flush=True)
        return True

    def on_change(self) -> None:
        """After an edit: the pages alone, or a full build of the languages it affects."""
        files = _snapshot(self.root)
        changed = {path for path in files.keys() | self.files.keys() if files.get(path) != self.files.get(path)}
        known, self.files = set(self.files), files
        if any(path.relative_to(self.root).as_posix().startswith(RESTART_ON) for path in changed):
            forget_loaded_files()   # the configuration, labels, templates or hooks changed
            self.builders.restart()
            self.site.project = load_project(self.root, self.url)
        which = affected_languages(self.root, changed, self.languages, self.site.project.source_language)
        if which and not self.render_again(changed, known):
            self.rebuild(which)

    def close(self) -> None:
        self.builders.close()


def serve(root: Path, languages: list[str] | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    project = load_project(root)
    languages = languages or list(project.codes)
    site_dir = (Path(tempfile.mkdtemp(prefix="como-preview-")) / "site").resolve()
    url = f"http://{host}:{port}/"
    preview = Preview(project.root, languages, site_dir, url)
    try:
        preview.rebuild(languages)
        print(f"Preview of {', '.join(languages)} on {url} (Ctrl+C stops it)", flush=True)
        serve_with_live_reload(site_dir, host, port, [project.root / name for name in WATCHED], preview.on_change,
                               lambda: preview.error)
    finally:
        preview.close()
