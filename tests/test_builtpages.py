"""como_site.builtpages: one parse per page gives every later step its record; the build reads each page once."""
from __future__ import annotations

import builtins
import io
from collections import Counter
from pathlib import Path

from como_site.builtpages import read_page
from tests.conftest import site_snapshot

PAGE = """<!doctype html>
<html lang="de" class="no-js"><head>
<meta charset="utf-8"><meta name="description" content="Kurz &amp; klar."><meta name="robots" content="noindex">
<title> Cluster &ndash; Como </title>
<link rel="canonical" href="https://example.org/de/x/">
<link rel="alternate" hreflang="en" href="https://example.org/en/x/">
<link rel="alternate" hreflang="es" href="../../es/x/">
<link rel="alternate" type="application/rss+xml" href="feed.xml">
<script>__md_scope=1</script>
</head><body><svg><title>icon</title></svg><h3>outside</h3>
<article class="md-content__inner"><h1>A</h1><h2>B</h2><div><h4>C</h4></div></article>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="bundle.js"></script><script type="module">import "x"</script>
</body></html>"""


def test_a_page_record_holds_what_the_sitemap_csp_and_checks_use():
    page = read_page(PAGE)
    assert (page.lang, page.title, page.description) == ("de", "Cluster – Como", "Kurz & klar.")
    assert page.noindex and page.canonical == "https://example.org/de/x/"
    assert page.hreflang == {"en": "https://example.org/en/x/", "es": "../../es/x/"}
    assert page.relative_hreflang == ["../../es/x/"]
    assert page.headings == [1, 2, 4]   # inside the article only, in order
    assert [(script.type, script.body) for script in page.scripts] == [
        ("", "__md_scope=1"), ("application/json", '{"a": 1}'), ("module", 'import "x"')]
    assert [script.body for script in page.executable_scripts] == ["__md_scope=1", 'import "x"']


def test_a_page_without_head_values_gives_empty_fields():
    page = read_page("<p>nothing</p>")
    assert (page.lang, page.title, page.description, page.canonical, page.robots) == (None, "", None, None, "")
    assert (page.hreflang, page.headings, page.scripts) == ({}, [], [])


def test_the_build_opens_each_built_page_once(tiny_project, monkeypatch):
    """Counted in the build's own process, where everything after the language builds runs (those run in
    worker processes, which jobs=2 forces, and write the pages; they are not counted)."""
    reads: list[Path] = []
    real_open = io.open

    def counting_open(file, mode="r", *args, **kwargs):
        if str(file).endswith(".html") and not any(flag in mode for flag in "wax+"):
            reads.append(Path(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    tiny_project.build(jobs=2)
    monkeypatch.undo()

    def in_staging(path: Path) -> str:
        staging, *page = path.relative_to(tiny_project.root).parts
        assert staging.startswith(".site-build-"), path   # read before the swap-in, nowhere else
        return "/".join(page)

    # the theme's templates (read for the CSP's script hashes) are not built pages
    opened = Counter(in_staging(path) for path in reads
                     if path.is_relative_to(tiny_project.root) and not path.is_relative_to(tiny_project.root / "overrides"))
    pages = {name for name in site_snapshot(tiny_project.root / "site") if name.endswith(".html")}
    assert opened == Counter(pages)   # every page, each once
    assert len(pages) > 20
