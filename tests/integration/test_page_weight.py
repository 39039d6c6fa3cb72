"""Page weight budget: a first visit to any page transfers at most 100 KB compressed.

Counted: the page and every file its first view loads from our origin (styles, scripts, icon, images,
and our small search worker, which starts with the page). Not counted: the search index, Material's
worker and the language stemmers, which load only when search is opened. Sizes of files, not timings.
Headers are not counted here: tests/browser/test_shared_assets.py weighs a real visit as Apache sends it.
"""
from __future__ import annotations

import gzip
import json
import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from como_site.project import ROOT, load_project

from tests.conftest import LANGUAGES, sample_case
from tests.htmlpages import parse

BUDGET = 100 * 1024
BASE_PATH = urlsplit(load_project(ROOT).site_url).path
RESOURCE = re.compile(r'<(?:link[^>]+rel="(?:stylesheet|icon)"[^>]*href|script[^>]+src|img[^>]+src)="([^"#?]+)')


@lru_cache(maxsize=None)
def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def resolve(site: Path, page: Path, href: str) -> Path:
    if href.startswith("/"):   # absolute paths (404 pages) start with the site's path prefix
        return site / href.removeprefix(BASE_PATH)
    return Path(posixpath.normpath((page.parent / href).as_posix()))


def first_visit(site: Path, page: Path) -> dict[str, int]:
    html = page.read_text(encoding="utf-8")
    files = {page: compressed(page)}
    for href in RESOURCE.findall(html):
        if href.startswith(("http:", "https:", "data:", "//")):
            raise AssertionError(f"{page}: third-party resource {href}")
        target = resolve(site, page, href)
        files[target] = compressed(target)
    config = parse(page).select_one("#__config")
    if config and "search" in json.loads(config.string):
        worker = urlsplit(json.loads(config.string)["search"])
        target = resolve(site, page, worker.path)
        files[target] = compressed(target)
    return {str(path.relative_to(site)): size for path, size in files.items()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_fits_the_budget(built_site, lang):
    over = {}
    for page in sorted((built_site / lang).rglob("*.html")):
        total = sum(first_visit(built_site, page).values())
        if total > BUDGET:
            over[str(page.relative_to(built_site))] = total
    assert over == {}, f"over {BUDGET} bytes: {over}"


def test_budget_excludes_only_the_search_index(built_site, project):
    files = first_visit(built_site, built_site / "de" / sample_case(project)[0] / "index.html")
    assert any("bundle." in name for name in files) and any("workers/search-languages." in name for name in files)
    assert not any("search_index" in name or "lunr" in name or "workers/search." in name for name in files)
