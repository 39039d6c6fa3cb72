"""Read the built site once: each HTML page is opened and parsed once, into the record every later step uses.

The sitemaps, the Content-Security-Policy and the site checks all work from these records, so no step
reads the output again. Parsing is lexbor's HTML5 parser (selectolax): a full, standard parse of a
built page takes well under a millisecond of CPU, about a sixth of what the standard library's parser takes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

HEADINGS = "h1, h2, h3, h4, h5, h6"
# Script types a browser runs (classic scripts, modules) or treats as code under the CSP (import maps); a
# <script> of any other type is a data block (HTML standard, "prepare the script element"), never run.
SCRIPT_TYPES = frozenset({
    "", "module", "importmap", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript"})
# The data blocks our templates emit: Material's and the language banner's settings (application/json) and
# the structured data (application/ld+json, como_site/structureddata.py). A page may carry no other kind.
DATA_BLOCK_TYPES = frozenset({"application/json", "application/ld+json"})


@dataclass(frozen=True)
class InlineScript:
    type: str    # the type attribute as written ("" when absent)
    body: str    # the text between the tags, as a browser hashes it for the CSP

    @property
    def executable(self) -> bool:
        return self.type.strip().lower() in SCRIPT_TYPES

    @property
    def data_type(self) -> str | None:
        """The kind of data block this is, if it is one we allow (None: code, or data of another kind)."""
        kind = self.type.strip().lower()
        return kind if kind in DATA_BLOCK_TYPES else None


@dataclass
class PageRecord:
    lang: str | None = None
    title: str = ""
    description: str | None = None
    canonical: str | None = None
    robots: str = ""
    hreflang: dict[str, str] = field(default_factory=dict)   # hreflang -> href
    headings: list[int] = field(default_factory=list)        # heading levels inside the article, in order
    scripts: list[InlineScript] = field(default_factory=list)  # every <script> without src, in order
    updated: str | None = None   # the day the page says it was last updated (YYYY-MM-DD; como_site/lastupdated.py)

    @property
    def noindex(self) -> bool:
        return "noindex" in self.robots

    @property
    def relative_hreflang(self) -> list[str]:
        return [href for href in self.hreflang.values() if not href.startswith(("https://", "http://"))]

    @property
    def executable_scripts(self) -> list[InlineScript]:
        return [script for script in self.scripts if script.executable]

    @property
    def data_blocks(self) -> list[InlineScript]:
        """Every <script> without src that a browser does not run."""
        return [script for script in self.scripts if not script.executable]


def read_page(html: bytes | str) -> PageRecord:
    """Everything the later steps need from one page, from a single parse."""
    tree = LexborHTMLParser(html)
    root, title = tree.css_first("html"), tree.css_first("head > title")
    record = PageRecord(lang=root.attributes.get("lang") if root else None,
                        title=title.text().strip() if title else "")
    for meta in tree.css("head > meta[name=description], head > meta[name=robots]"):
        content = meta.attributes.get("content") or ""
        if meta.attributes["name"] == "description":
            record.description = content
        else:
            record.robots = content
    for link in tree.css("head > link[rel=canonical], head > link[rel=alternate][hreflang]"):
        href = link.attributes.get("href") or ""
        if link.attributes["rel"] == "canonical":
            record.canonical = href or None
        else:
            record.hreflang[link.attributes["hreflang"] or ""] = href
    article = tree.css_first("article")
    if article:
        record.headings = [int(heading.tag[1]) for heading in article.css(HEADINGS)]
    updated = tree.css_first("aside.md-source-file time.como-updated[datetime]")
    record.updated = updated.attributes["datetime"] if updated else None
    record.scripts = [InlineScript(script.attributes.get("type") or "", script.text())
                      for script in tree.css("script:not([src])")]
    return record


def site_pages(site_dir: Path, languages: list[str]) -> list[Path]:
    """Every HTML page: each language's folder in turn, then the pages at the site's root."""
    return [*(page for lang in languages for page in sorted((site_dir / lang).rglob("*.html"))),
            *sorted(site_dir.glob("*.html"))]


def read_site(site_dir: Path, languages: list[str]) -> dict[Path, PageRecord]:
    return {page: read_page(page.read_bytes()) for page in site_pages(site_dir, languages)}
