"""What a visitor does, in each language, in a real browser behind the real server."""
from __future__ import annotations

import re

import pytest

from como_site.labels import labels_for
from como_site.project import ROOT, load_project
from tests.conftest import LANGUAGES, sample_case

PAGES = {"home": "", "service": "services/conception/", "case study": sample_case(load_project())[0],
         "overview": "case-studies/", "glossary": "glossary/"}
SEARCH_WORDS = {"de": "Wertschöpfungskette", "en": "supply chain", "es": "cadena de valor", "fr": "chaîne de valeur"}


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_cleanly(visit, lang, name):
    visitor = visit(f"{lang}/{PAGES[name]}")
    assert visitor.page.locator("html").get_attribute("lang") == lang
    assert visitor.page.locator("article h1").first.is_visible()
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_lands_on_the_same_page(visit, lang):
    other = "fr" if lang != "fr" else "de"
    visitor = visit(f"{lang}/services/conception/")
    visitor.page.hover(".md-header__option .md-select")
    visitor.page.click(f"a.md-select__link[hreflang={other}]")
    visitor.page.wait_for_url(f"**/{other}/services/conception/")
    assert visitor.page.locator("html").get_attribute("lang") == other
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_pages_in_the_same_language(visit, server, lang):
    visitor = visit(f"{lang}/")
    page = visitor.page
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially(SEARCH_WORDS[lang], delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs and all(href.startswith(f"{server.url}{lang}/") for href in hrefs), hrefs
    visitor.assert_clean()


def test_search_with_a_straight_apostrophe_finds_the_typeset_text(visit, server):
    """Pages show « d’animation » (como_site/typography.py); visitors type d'animation."""
    visitor = visit("fr/")
    page = visitor.page
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("d'animation", delay=20)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    pages = [path.relative_to(ROOT / "docs" / "fr").as_posix().removesuffix(".md").removesuffix("index")
             for path in (ROOT / "docs" / "fr").rglob("*.md")
             if re.search(r"d['’]animation", path.read_text(encoding="utf-8"))]   # derived from the content
    assert pages and any(href.startswith(f"{server.url}fr/{page.rstrip('/')}") for href in hrefs for page in pages), hrefs
    visitor.assert_clean()


def test_language_banner_offers_preferred_language_once(visit):
    visitor = visit("de/services/", locale="fr-FR")
    banner = visitor.page.locator(".como-lang-banner")
    banner.wait_for(state="visible")
    assert banner.get_attribute("lang") == "fr"
    assert banner.locator(".como-lang-banner__text").inner_text() == "Cette page existe aussi en français."
    banner.locator(".como-lang-banner__dismiss").click()
    assert banner.is_hidden()
    visitor.page.reload(wait_until="networkidle")
    assert visitor.page.locator(".como-lang-banner").is_hidden()
    visitor.assert_clean()


def test_language_banner_switch_goes_to_the_same_page(visit):
    visitor = visit("en/clusters/", locale="es-ES")
    visitor.page.locator(".como-lang-banner__switch").click()
    visitor.page.wait_for_url("**/es/clusters/")
    assert visitor.page.locator(".como-lang-banner").is_hidden()   # the choice is remembered
    visitor.assert_clean()


def test_no_banner_when_the_page_is_in_the_preferred_language(visit):
    visitor = visit("fr/", locale="fr-FR")
    assert visitor.page.locator(".como-lang-banner").is_hidden()


def test_search_index_loads_only_when_search_is_opened(visit):
    visitor = visit("es/clusters/")
    page = visitor.page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload(wait_until="networkidle")
    assert not [url for url in requested if url.endswith("search_index.json")]
    with page.expect_request(lambda request: request.url.endswith("/es/search/search_index.json")):
        page.keyboard.press("/")
    visitor.assert_clean()


def test_german_search_returns_no_english_page_for_an_english_word(visit, server):
    visitor = visit("de/")
    page = visitor.page
    page.click(".md-search__input")
    page.locator(".md-search__input").press_sequentially("supply chains", delay=20)
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|Keine|kein", re.IGNORECASE)).wait_for()
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    assert not [href for href in hrefs if f"{server.url}en/" in href], hrefs
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_further_reading_keeps_a_space_between_a_sources_note_and_its_citing_pages(visit, lang):
    """A source's note and "Cited on: ..." are two sentences: read aloud, copied or searched, they must not run
    together ("as an example.Cited on:")."""
    page = visit(f"{lang}/further-reading/").page
    sources = page.locator("li.como-reading__source:has(.como-reading__note)")
    assert sources.count() > 0
    run_together = sources.evaluate_all("""items => items.filter(item => !item.innerText.includes(
        item.querySelector('.como-reading__note').innerText + ' ' + item.querySelector('.como-reading__cited').innerText))
        .map(item => item.innerText)""")
    assert run_together == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_not_found_is_described_in_its_language(visit, project, lang):
    """The 404 page has no description of its own: it gets the site's, in the page's language (a link to a
    missing page shared in a chat shows it), not the English one of mkdocs.yml."""
    page = visit(f"{lang}/no-such-page/").page
    assert page.locator("html").get_attribute("lang") == lang
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description == labels_for(project).get("chooser.description", lang)
