"""Each language as a first-class site: search, 404, fallbacks, sitemaps, translation status."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from como_site.translations import page_hash
from tests.conftest import LANGUAGES
from tests.htmlpages import parse

ENGLISH_PAGE = """\
    ---
    title: Only in English
    description: A page that exists in English only.
    ---

    # Only in English

    This page has not been translated yet. See the [home page](index.md).
    """


def search_index(site, lang):
    return json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_search_index(built_site, lang):
    index = search_index(built_site, lang)
    assert index["config"]["lang"] == [lang]
    locations = [doc["location"] for doc in index["docs"]]
    assert locations and not any(re.match(r"(de|en|es|fr)/", location) for location in locations)


def test_german_index_finds_german_words_not_english_ones(built_site):
    """Apart from the glossary, whose table gives every term in all four languages on purpose."""
    def texts(lang):
        return " ".join(doc["title"] + " " + doc["text"] for doc in search_index(built_site, lang)["docs"]
                        if not doc["location"].startswith("glossary/")).lower()

    german, english = texts("de"), texts("en")
    assert "wertschöpfungskette" in german and "wertschöpfungskette" not in english
    assert "supply chains" in english and "supply chains" not in german


@pytest.mark.parametrize("lang,title", [("de", "Seite nicht gefunden"), ("en", "Page not found"),
                                        ("es", "Página no encontrada"), ("fr", "Page introuvable")])
def test_404_page_per_language(built_site, project, lang, title):
    page = parse(built_site / lang / "404.html")
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text() == title
    base = project.site_url.split("/", 3)[3]
    links = [a["href"] for a in page.select("article li a")]
    assert links and all(href.startswith(f"/{base}{lang}/") for href in links)
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"


def test_root_404_offers_every_language(built_site):
    page = parse(built_site / "404.html")
    assert {li["lang"] for li in page.select("li")} == set(LANGUAGES)


def test_sitemaps_carry_the_hreflang_alternates(built_site, project):
    sitemap = (built_site / "de" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{project.site_url}de/clusters/</loc>" in sitemap
    assert f'hreflang="fr" href="{project.site_url}fr/clusters/"' in sitemap
    assert "404" not in sitemap
    index = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"{project.site_url}{lang}/sitemap.xml" in index for lang in LANGUAGES)


def test_fallback_page_is_honest(tiny_project):
    tiny_project.write("docs/en/only-english.md", ENGLISH_PAGE)
    tiny_project.nav.append("only-english.md")
    tiny_project.save_config()
    report = tiny_project.build()
    site = tiny_project.root / "site"
    page = parse(site / "de" / "only-english" / "index.html")
    assert page.html["lang"] == "de"
    assert page.select_one(".admonition-title").get_text() == "Noch nicht übersetzt"
    assert "Diese Seite liegt noch nicht auf Deutsch vor; Sie lesen das englische Original." in page.get_text()
    body = page.select_one('article div[lang="en"]')
    assert body is not None and body.select_one("h1").get_text().startswith("Only in English")
    assert page.select_one('link[rel="canonical"]')["href"] == f"{report_url(tiny_project)}en/only-english/"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert not page.select('link[rel="alternate"][hreflang]')
    assert "only-english" not in (site / "de" / "sitemap.xml").read_text(encoding="utf-8")
    original = parse(site / "en" / "only-english" / "index.html")
    assert {link["hreflang"] for link in original.select('link[rel="alternate"][hreflang]')} == {"en", "x-default"}
    assert not (tiny_project.root / "docs" / "de" / "only-english.md").exists()   # nothing left in the working tree
    assert report.languages == list(LANGUAGES)


def report_url(tiny_project):
    return tiny_project.project.site_url


def test_outdated_translation_is_reported_and_flagged(tiny_project):
    tiny_project.write("docs/en/about.md", "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nVersion one.\n\n## Contact {#contact}\n")
    for lang, title in (("de", "Über uns"), ("es", "Quiénes somos"), ("fr", "À propos")):
        tiny_project.write(f"docs/{lang}/about.md",
                           f'---\ntitle: {title}\ndescription: {title}.\nsource_hash: "{page_hash(tiny_project.project, "about.md")}"\n---\n\n# {title}\n\n## Kontakt {{#contact}}\n')
    tiny_project.nav.append("about.md")
    tiny_project.save_config()
    tiny_project.write("docs/en/about.md", "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nVersion two.\n\n## Contact {#contact}\n")
    status = subprocess.run([sys.executable, "-m", "como_site", "i18n-status"], cwd=tiny_project.root,
                            capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    assert "de       outdated  about.md  (the source changed since)" in status.stdout
    tiny_project.build()
    page = parse(tiny_project.root / "site" / "de" / "about" / "index.html")
    assert page.select_one(".admonition.warning .admonition-title").get_text() == "Übersetzung veraltet"
    assert page.select_one('.admonition.warning a[hreflang="en"]')["href"] == "../../en/about/"


def test_language_banner_offers_only_real_translations(built_site):
    page = parse(built_site / "de" / "services" / "index.html")
    banner = page.select_one(".como-lang-banner")
    assert banner.has_attr("hidden") and banner["data-page-lang"] == "de"
    offers = json.loads(banner.select_one("script.como-lang-banner__offers").string)
    assert set(offers) == {"en", "es", "fr"}
    assert offers["fr"] == {"text": "Cette page existe aussi en français.", "switch": "Lire en français",
                            "dismiss": "Non merci", "href": "../../fr/services/"}


def test_one_language_preview_build_with_a_fallback_page(tiny_project):
    tiny_project.write("docs/en/only-english.md", ENGLISH_PAGE)
    tiny_project.nav.append("only-english.md")
    tiny_project.save_config()
    tiny_project.build(languages=["fr"])
    site = tiny_project.root / "site"
    assert (site / "fr" / "only-english" / "index.html").is_file() and not (site / "en").exists()
