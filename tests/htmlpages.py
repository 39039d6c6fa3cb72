"""Helpers for tests that read the built HTML."""
from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site_dir: Path, lang: str, url: str) -> Path:
    return site_dir / lang / url / "index.html"


def resolve(site_dir: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` points to."""
    base = page.parent.relative_to(site_dir).as_posix()
    target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
    path = site_dir / target
    return path / "index.html" if path.is_dir() or href.endswith("/") else path


def html_pages(site_dir: Path, lang: str) -> list[Path]:
    return sorted((site_dir / lang).rglob("*.html"))
