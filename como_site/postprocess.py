"""Finish the built site: sitemaps with hreflang alternates, and the fix Material's script needs.

Runs on the staging folder after every language is built and before the checks, so it only ever sees
plain files: it would work the same behind another builder.
"""
from __future__ import annotations

import gzip
from html import escape
from pathlib import Path

from como_site.htmlhead import read_head
from como_site.material_patches import patch_bundles
from como_site.project import Project

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
    patch_bundles(site_dir, languages)
    write_sitemaps(project, site_dir, languages)
