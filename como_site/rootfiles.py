"""Files at the site root, outside every language: the language chooser, robots.txt, the sitemap index.

The root pages speak every language at once: the document is `lang="mul"` (BCP 47: several languages, none
the main one) and each card, link and text carries its own `lang`. The chooser never redirects: its script
(overrides/assets/root-chooser.js, a file the CSP allows as the site's own) only puts the browser's preferred
language first and offers "continue in <language>" to a visitor who chose one before.
Crawlers read robots.txt only at the host's root, so it is written only for a site served there (README,
"Hosting", says what to add to the host's own robots.txt otherwise), and in a pull request's preview,
where it says `Disallow: /` (harmless where no crawler reads it, and right if previews get a host of
their own); what keeps a preview out of search engines is its noindex, in every page and header.

It is the home pages' x-default: it lists the four of them and itself (x-default) as alternates, and each
home page lists it back (como_site/alternates.py), so search engines take the set as a whole.
"""
from __future__ import annotations

from html import escape
from urllib.parse import urlsplit
from pathlib import Path

from como_site.feeds import FEED_PATH, FEED_TYPE, TITLE_LABEL
from como_site.labels import labels_for
from como_site.previews import BANNER_CLASS, preview_banner
from como_site.project import Project
from como_site.socialmeta import chooser_meta
from como_site.themeassets import fingerprinted, without_source_map

ROOT_SITEMAP = "sitemap-root.xml"   # the chooser's entry: a language's sitemap may list only its own folder
ROOT_LANG = "mul"   # the root pages are in every site language; each part says which
CHOOSER_SCRIPT = "root-chooser.js"   # in overrides/assets/: published once, with the other shared assets

# The site's colours in the light scheme, and in the dark one for a reader whose system prefers it (the language
# pages follow it as well, through Material's slate scheme; the root pages carry no script for the toggle).
ROOT_CSS = """\
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
body{margin:0;background:#f5f6fa;color:#1f2433;line-height:1.5}
main{max-width:44rem;margin:0 auto;padding:3rem 1.25rem}
h1{font-size:1.6rem;margin:0 0 2rem}
ul{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(min(100%%,16rem),1fr))}
[hidden]{display:none!important}
.como-languages a,.como-continue a,.como-notfound li{display:block;padding:1rem 1.25rem;border-radius:.5rem;background:#fff;
  color:#283593;text-decoration:none;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.como-continue a{background:#283593;color:#fff;font-weight:700}
.como-notfound a{color:#283593}
a:hover,a:focus-visible{outline:3px solid #283593;outline-offset:2px}
strong{display:block;font-size:1.2rem}
.como-languages span{display:block;color:#3c4257;font-size:.95rem}
.%s{margin:0 0 2rem;padding:.75rem 1.25rem;border-left:.3rem solid #b71c1c;background:#fff;color:#1f2433}
.%s p{margin:0}.%s .admonition-title{font-weight:700}
@media (prefers-color-scheme:dark){
:root{color-scheme:dark}
body{background:#1e2029;color:#e2e4e9}
.como-languages a,.como-continue a,.como-notfound li{background:#2b2f3e;color:#9fa8da;box-shadow:0 1px 3px rgba(0,0,0,.5)}
.como-continue a{background:#3949ab;color:#fff}
.como-notfound a{color:#9fa8da}
a:hover,a:focus-visible{outline-color:#9fa8da}
.como-languages span{color:#c5c8d4}
.%s{background:#2b2f3e;color:#e2e4e9;border-left-color:#ef5350}
}
""" % ((BANNER_CLASS,) * 4)


def _page(project: Project, lang: str, title: str, head: str, heading: str, body: str, script: str = "") -> str:
    """A root page; `lang`: the language of its preview banner (the page itself is in every language)."""
    banner = (f'  <div lang="{escape(lang)}">{preview_banner(labels_for(project), lang, project.preview)}</div>\n'
              if project.preview else "")
    return f"""<!doctype html>
<html lang="{ROOT_LANG}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <title>{escape(title)}</title>
{head}
</head>
<body>
<main>
{banner}  <h1>{heading}</h1>
{body}
</main>
{script}</body>
</html>
"""


def _link(href: str, code: str, content: str, attributes: str = "") -> str:
    return f'<a href="{escape(href)}" hreflang="{escape(code)}" lang="{escape(code)}"{attributes}>{content}</a>'


def chooser_html(project: Project, languages: list[str]) -> str:
    """The site's root: the four languages, each named and described in its own language; above them, hidden
    until the script shows it, "continue in <language>" for the language a visitor chose before."""
    text = labels_for(project)
    source = project.source_language
    # the page is in every language (lang="mul"): so are its title and description, one part per language
    title = "Como – " + " · ".join(text.get("chooser.title", code) for code in languages)
    description = " · ".join(text.get("chooser.description", code) for code in languages)
    alternates = [] if project.preview else [   # a preview is never indexed: no alternates to announce
        *(f'  <link rel="alternate" hreflang="{escape(code)}" href="{escape(project.language_url(code))}">'
          for code in languages),
        f'  <link rel="alternate" hreflang="x-default" href="{escape(project.site_url)}">']
    head = "\n".join([
        f'  <meta name="description" content="{escape(description)}">',
        *(['  <meta name="robots" content="noindex">'] if project.preview else []),
        f'  <link rel="canonical" href="{escape(project.site_url)}">',
        *alternates,
        *(f'  <meta {attribute}="{escape(name)}" content="{escape(content)}">'
          for attribute, name, content in chooser_meta(project, title, description, languages)),
        *(f'  <link rel="alternate" type="{FEED_TYPE}" title="{escape(text.get(TITLE_LABEL, code))}" '
          f'href="{escape(project.language_url(code) + FEED_PATH)}">' for code in languages),
        '  <link rel="stylesheet" href="assets/root.css">'])
    continues = "\n".join(
        f'    <li lang="{escape(code)}" hidden>{_link(f"{code}/", code, escape(text.get("chooser.continue", code)))}</li>'
        for code in languages)
    cards = "\n".join(
        f'    <li lang="{escape(code)}">' + _link(
            f"{code}/", code, f'<strong>{escape(project.language(code).name)}</strong>'
            f'<span>{escape(text.get("chooser.prompt", code))}</span>'
            f'<span>{escape(text.get("chooser.description", code))}</span>') + '</li>'
        for code in languages)
    body = (f'  <ul class="como-continue" hidden>\n{continues}\n  </ul>\n'
            f'  <ul class="como-languages">\n{cards}\n  </ul>')
    script = f'<script src="{escape(chooser_script(project))}"></script>\n'
    return _page(project, source, title, head, "Como", body, script)


def not_found_html(project: Project, languages: list[str]) -> str:
    """The 404 page for addresses outside every language folder: each language says it in its own words and
    names its link's target, the home page in that language. Links are absolute paths, since the page is
    served at whatever address was not found."""
    text = labels_for(project)
    base = urlsplit(project.site_url).path
    head = f'  <meta name="robots" content="noindex">\n  <link rel="stylesheet" href="{escape(base)}assets/root.css">'
    items = "\n".join(
        f'    <li lang="{escape(code)}"><strong>{escape(text.get("notfound.title", code))}</strong>'
        + _link(f"{base}{code}/", code, escape(text.get("notfound.home", code))) + '</li>' for code in languages)
    title = "404 – " + " · ".join(text.get("notfound.title", code) for code in languages)
    return _page(project, project.source_language, title, head, "404", f'  <ul class="como-notfound">\n{items}\n  </ul>')


def sitemap_index(project: Project, languages: list[str]) -> str:
    """The languages' sitemaps and the root's (the chooser: written by como_site/postprocess.py)."""
    entries = "\n".join(f"  <sitemap><loc>{escape(url)}</loc></sitemap>" for url in
                        [*(f"{project.language_url(code)}sitemap.xml" for code in languages),
                         project.site_url + ROOT_SITEMAP])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}\n</sitemapindex>\n")


def robots_txt(project: Project) -> str | None:
    """robots.txt for the site: a preview's shuts everything; None where crawlers would never read it
    (a site under a sub-path of its host)."""
    if project.preview:
        return "User-agent: *\nDisallow: /\n"
    if urlsplit(project.site_url).path != "/":
        return None
    return f"User-agent: *\nAllow: /\nSitemap: {project.site_url}sitemap.xml\n"


def chooser_script(project: Project) -> str:
    """The chooser script's address from the root: the shared, fingerprinted copy (como_site/themeassets.py)."""
    data = without_source_map((project.root / "overrides" / "assets" / CHOOSER_SCRIPT).read_bytes())
    return f"assets/{fingerprinted(CHOOSER_SCRIPT, data)}"


def write_root_files(project: Project, site_dir: Path, languages: list[str]) -> None:
    (site_dir / "assets").mkdir(parents=True, exist_ok=True)
    (site_dir / "assets" / "root.css").write_text(ROOT_CSS, encoding="utf-8")
    (site_dir / "index.html").write_text(chooser_html(project, languages), encoding="utf-8")
    (site_dir / "404.html").write_text(not_found_html(project, languages), encoding="utf-8")
    (site_dir / "sitemap.xml").write_text(sitemap_index(project, languages), encoding="utf-8")
    robots = robots_txt(project)
    if robots:
        (site_dir / "robots.txt").write_text(robots, encoding="utf-8")
