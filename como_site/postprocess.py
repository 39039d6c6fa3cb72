"""Finish the built site: sitemaps with hreflang alternates, and the one fix Material's script needs.

Runs on the staging folder after every language is built and before the checks, so it only ever sees
plain files: it would work the same behind another builder.
"""
from __future__ import annotations

import gzip
from html import escape
from pathlib import Path

from como_site.htmlhead import read_head
from como_site.project import Project

# Material's bundle fetches "sitemap.xml" relative to every <link rel=alternate> on each page load, to map
# the switcher to the same page. Our alternates are absolute, page-specific URLs (for search engines),
# so it would request /<lang>/<page>/sitemap.xml (404s) or, in previews, the production host (a
# third-party request). The switcher links are already page-specific, so the lookup is switched off
# by making its selector match nothing.
MATERIAL_ALTERNATE_SELECTOR = 'M("link[rel=alternate]")'
DISABLED_SELECTOR = 'M("link[rel=alternate][data-md-sitemap-lookup]")'


# Two faults of Material's markup that the W3C Nu HTML Checker reports on every page: `autocomplete` on the
# drawer and search checkboxes (allowed only on text-like inputs), and a table-of-contents label pointing
# to a `__toc` checkbox that Material renders only for plain navigation entries.
MATERIAL_TOGGLES = ('id="__drawer" autocomplete="off">', 'id="__search" autocomplete="off">')
TOC_LABEL = '<label class="md-nav__title" for="__toc">'


class PostprocessError(Exception):
    pass


def patch_material_bundle(site_dir: Path, languages: list[str]) -> int:
    bundles = sorted(bundle for lang in languages
                     for bundle in (site_dir / lang).glob("assets/javascripts/bundle.*.min.js"))
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if text.count(MATERIAL_ALTERNATE_SELECTOR) != 1:
            raise PostprocessError(
                f"{bundle}: Material's script changed (alternate-link lookup not found exactly once); "
                "review como_site/postprocess.py before upgrading Material")
        bundle.write_text(text.replace(MATERIAL_ALTERNATE_SELECTOR, DISABLED_SELECTOR), encoding="utf-8")
    return len(bundles)


def fix_material_markup(site_dir: Path, languages: list[str]) -> None:
    for lang in languages:
        for page in (site_dir / lang).rglob("*.html"):
            html = original = page.read_text(encoding="utf-8")
            for toggle in MATERIAL_TOGGLES:
                html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
            if TOC_LABEL in html and 'id="__toc"' not in html:
                html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
            if html != original:
                page.write_text(html, encoding="utf-8")


def sitemap(site_dir: Path, lang: str) -> str:
    """Every indexable page of one language, with the alternates its <head> announces."""
    entries = []
    for page in sorted((site_dir / lang).rglob("index.html")):
        head = read_head(page)
        if head.noindex or not head.canonical:
            continue
        links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(href)}"/>'
                        for code, href in head.hreflang.items())
        entries.append(f"  <url>\n    <loc>{escape(head.canonical)}</loc>{links}\n  </url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n")


def write_sitemaps(project: Project, site_dir: Path, languages: list[str]) -> None:
    for lang in languages:
        text = sitemap(site_dir, lang)
        (site_dir / lang / "sitemap.xml").write_text(text, encoding="utf-8")
        (site_dir / lang / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def postprocess(project: Project, site_dir: Path, languages: list[str]) -> None:
    patch_material_bundle(site_dir, languages)
    fix_material_markup(site_dir, languages)
    write_sitemaps(project, site_dir, languages)
