"""Finish the built site in one pass over its pages: sitemaps, hosting files and site checks from one read.

Runs on the staging folder after every language is built and before the swap-in, so it only ever sees
plain files: it would work the same behind another builder. Each page is opened and parsed once
(como_site.builtpages); everything after that works from the page records.
"""
from __future__ import annotations

import gzip
from html import escape
from pathlib import Path

from como_site.builtpages import PageRecord, read_site
from como_site.hosting import write_hosting_files
from como_site.inlinescripts import TemplateScripts
from como_site.project import Project
from como_site.rootfiles import ROOT_SITEMAP, write_root_files
from como_site.sitecheck import check_site


def sitemap(site_dir: Path, lang: str | None, pages: dict[Path, PageRecord]) -> str:
    """Every indexable page of one language (None: the pages at the site's root, i.e. the language
    chooser), with the alternates its <head> announces and, where the page shows one, the day it was last
    updated as <lastmod>."""
    folder = site_dir / lang if lang else site_dir
    entries = []
    for path in sorted(path for path in pages if path.name == "index.html"
                       and (path.is_relative_to(folder) if lang else path.parent == site_dir)):
        page = pages[path]
        if page.noindex or not page.canonical:
            continue
        links = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{escape(code)}" href="{escape(href)}"/>'
                        for code, href in page.hreflang.items())
        lastmod = f"\n    <lastmod>{escape(page.updated)}</lastmod>" if page.updated else ""
        entries.append(f"  <url>\n    <loc>{escape(page.canonical)}</loc>{lastmod}{links}\n  </url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(entries) + "\n</urlset>\n")


def write_sitemaps(site_dir: Path, languages: list[str], pages: dict[Path, PageRecord]) -> None:
    """One sitemap per language, in its folder, and one of the root chooser (a sitemap may only list
    addresses under its own folder), all listed by the sitemap index (como_site/rootfiles.py)."""
    (site_dir / ROOT_SITEMAP).write_text(sitemap(site_dir, None, pages), encoding="utf-8")
    for lang in languages:
        text = sitemap(site_dir, lang, pages)
        (site_dir / lang / "sitemap.xml").write_text(text, encoding="utf-8")
        (site_dir / lang / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def postprocess(project: Project, site_dir: Path, built: list[str], present: list[str],
                pages: dict[Path, PageRecord] | None = None, rendered: list[Path] | None = None) -> list[str]:
    """Finish the languages just `built` (of those `present` in site_dir); returns the site's faults.
    The preview's page-level renders give `pages`, the records of every page it kept, and `rendered`,
    the pages made again since the site last passed: their links alone need checking."""
    write_root_files(project, site_dir, present)
    pages = read_site(site_dir, present) if pages is None else pages
    write_sitemaps(site_dir, built, pages)
    scripts = TemplateScripts(project, site_dir, present)   # the CSP allows the templates' scripts, never the pages'
    write_hosting_files(project, site_dir, present, project.https_redirect, scripts.hashes)
    not_built = tuple(code for code in project.codes if code not in present)
    return check_site(site_dir, project.site_url, present, pages, not_built, rendered) + scripts.faults(pages)
