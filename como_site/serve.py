"""Live preview for editors: build into a temporary folder, serve it on 127.0.0.1, rebuild on every edit.

Only the languages whose files changed are rebuilt; a change to shared files (configuration, case-study
data, labels, theme) rebuilds every previewed language. A failed build is printed and shown in the browser
as an error page listing its `path:line` messages, until the next build passes. Drafts are previewed too,
each with a "Draft" banner in its page's language (never in `make site`).
"""
from __future__ import annotations

import html
import tempfile
import time
from pathlib import Path

from como_site.build import BuildError, build_site
from como_site.builders.mkdocs import serve_with_live_reload
from como_site.problems import ContentError
from como_site.project import load_project

WATCHED = ("docs", "case_studies", "i18n", "overrides", "hooks", "mkdocs.yml")


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


def serve(root: Path, languages: list[str] | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    project = load_project(root)
    languages = languages or list(project.codes)
    site_dir = Path(tempfile.mkdtemp(prefix="como-preview-")) / "site"
    url = f"http://{host}:{port}/"
    state = {"files": _snapshot(project.root), "error": None}

    def rebuild(which: list[str]) -> None:
        started = time.perf_counter()
        try:
            build_site(root=project.root, site_dir=site_dir, site_url=url, languages=which, keep_other_languages=True,
                       drafts=True)
            state["error"] = None
            print(f"Rebuilt {', '.join(which)} in {time.perf_counter() - started:.1f} s", flush=True)
        except (ContentError, BuildError) as error:
            state["error"] = error_page(error)
            print(error, flush=True)

    def builder() -> None:
        files = _snapshot(project.root)
        changed = {path for path in files.keys() | state["files"].keys()
                   if files.get(path) != state["files"].get(path)}
        state["files"] = files
        which = affected_languages(project.root, changed, languages, project.source_language)
        if which:
            rebuild(which)

    rebuild(languages)
    print(f"Preview of {', '.join(languages)} on {url} (Ctrl+C stops it)", flush=True)
    serve_with_live_reload(site_dir, host, port, [project.root / name for name in WATCHED], builder,
                           lambda: state["error"])
