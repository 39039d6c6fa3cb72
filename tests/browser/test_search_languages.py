"""Search understands each language: inflected forms, plurals and words typed without accents (or with
accents the text does not have) find the pages that contain the base word. Expected pages come from the
built site's own search index (the text of every page), never from counted results."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import material

from tests.conftest import LANGUAGES

# (what a reader types, the word as the pages write it): inflected forms, plurals, words without their
# accents (German also with umlauts spelled out), and last a word typed with an accent the pages do not write
QUERIES = {
    "de": [("Finanzierungen", "Finanzierung"), ("Clustern", "Cluster"), ("Unternehmens", "Unternehmen"),
           ("Universitat", "Universität"), ("Universitaeten", "Universität"),
           ("Wertschopfungsketten", "Wertschöpfungskette"),
           ("Wirtschaftsforderung", "Wirtschaftsförderung"), ("Clúster", "Cluster")],
    "en": [("clusters", "cluster"), ("financing", "finance"), ("companies", "company"), ("policies", "policy"),
           ("Solvell", "Sölvell"), ("coopération", "cooperation")],
    "es": [("financiacion", "financiación"), ("clusteres", "clúster"), ("empresas", "empresa"),
           ("region", "región"), ("politicas", "política"), ("cooperacion", "cooperación"), ("clúster", "cluster")],
    "fr": [("financements", "financement"), ("developpement", "développement"), ("entreprises", "entreprise"),
           ("regions", "région"), ("cooperation", "coopération"), ("universites", "université"),
           ("gestión", "gestion")],
}
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"

# scrolls the result list down and up until Material has rendered every result it announced (it renders
# 10, then 4 more each time the end of the list comes into view)
RENDER_ALL = """(announced) => {
  const list = document.querySelector(".md-search__scrollwrap");
  list.scrollTop = list.scrollTop > 0 ? 0 : list.scrollHeight;
  return document.querySelectorAll(".md-search-result__list > .md-search-result__item").length >= announced;
}"""


def material_strings(lang: str) -> dict[str, str]:
    """Material's strings for a language, from its partials/languages/<lang>.html."""
    text = (MATERIAL_LANGUAGES / f"{lang}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([\w.]+)":\s*"((?:[^"\\]|\\.)*)"', text, re.MULTILINE))


def pages_with(site: Path, lang: str, word: str) -> set[str]:
    """Pages of a language with a word starting with `word`, split as the search index splits words."""
    index = json.loads((site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    word_start = re.compile(rf"(?:^|{index['config']['separator']})\W*{re.escape(word)}", re.IGNORECASE)
    return {doc["location"].split("#")[0] for doc in index["docs"]
            if word_start.search(LexborHTMLParser(f"<p>{doc['title']}</p>{doc['text']}").text(separator=" "))}


def search(page, query: str) -> tuple[str, set[str], list[str]]:
    """Types a query as one keystroke (Material searches on keyup) and returns the result count line,
    the pages found (every result rendered) and the highlighted words."""
    strings = json.loads(page.locator("#__config").text_content())["translations"]
    meta = page.locator(".md-search-result__meta")
    page.click(".md-search__input")
    page.fill(".md-search__input", "")   # first the empty query, so no earlier result is read as this one's
    page.press(".md-search__input", "End")
    meta.filter(has_text=strings["search.result.placeholder"]).wait_for()
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")
    meta.filter(has_text=re.compile(rf"\d|{re.escape(strings['search.result.none'])}")).wait_for()
    announced = int(re.sub(r"\D", "", meta.inner_text()) or 0)
    page.wait_for_function(RENDER_ALL, arg=announced)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    return meta.inner_text(), {href.split("#")[0].split("?")[0] for href in hrefs}, marks


@pytest.mark.parametrize("lang", LANGUAGES)
def test_inflected_and_unaccented_words_find_the_pages_with_the_base_word(visit, server, built_site, lang):
    visitor = visit(f"{lang}/")
    missed = {}
    for query, word in QUERIES[lang]:
        expected = {f"{server.url}{lang}/{location}" for location in pages_with(built_site, lang, word)}
        assert expected, f"{word!r} is on no {lang} page any more: choose another word for {query!r}"
        _, found, marks = search(visitor.page, query)
        if expected - found:
            missed[query] = sorted(expected - found)
        assert marks, f"{query!r}: no word highlighted in the results"
    assert missed == {}
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_speaks_the_page_language(visit, lang):
    strings = material_strings(lang)
    visitor = visit(f"{lang}/")
    page = visitor.page
    assert page.locator(".md-search__input").get_attribute("placeholder") == strings["search.placeholder"]
    word = QUERIES[lang][0][0]
    meta, found, _ = search(page, word)
    assert meta == strings["search.result.other"].replace("#", str(len(found))), meta
    meta, found, _ = search(page, "zzqxj")
    assert (meta, found) == (strings["search.result.none"], set())
    visitor.assert_clean()


def test_highlighted_words_are_the_words_on_the_page(visit, built_site):
    """The plural (written without accent in Spanish) highlights the singular as the page writes it, with
    its accent, once: a word found by several of its forms is not marked twice."""
    visitor = visit("es/")
    _, _, marks = search(visitor.page, "financiaciones")
    assert any(mark.lower().startswith("financiación") for mark in marks), marks
    assert visitor.page.locator(".md-search-result__item mark mark").count() == 0
    visitor.assert_clean()


def test_language_support_loads_only_when_search_is_opened(visit):
    """The first view starts the small worker only; Material's worker, the stemmers and widen.js come with
    the index."""
    visitor = visit("de/clusters/")
    page = visitor.page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.reload(wait_until="networkidle")
    assert [url for url in requested if "/workers/search-languages." in url], requested
    assert not [url for url in requested if "/assets/javascripts/lunr/" in url or "/workers/search." in url], requested
    with page.expect_request(lambda request: re.search(r"/assets/javascripts/lunr/widen\.[0-9a-f]{8}\.js$", request.url)):
        with page.expect_request(lambda request: re.search(r"/workers/search\.[0-9a-f]{8}\.min\.js$", request.url)):
            page.keyboard.press("/")
    visitor.assert_clean()
