"""The glossary type: i18n/glossary.yml becomes a searchable page in every language, linked from the menu."""
from __future__ import annotations

import json
import re

import pytest
import yaml

from como_site.typography import typeset
from como_site.onepage import anchor, collation_key
from como_site.project import ROOT
from tests.conftest import LANGUAGES
from tests.htmlpages import parse, resolve

GLOSSARY = yaml.safe_load((ROOT / "i18n" / "glossary.yml").read_text(encoding="utf-8"))["terms"]
LABELS = yaml.safe_load((ROOT / "i18n" / "labels.yml").read_text(encoding="utf-8"))
GLOSSARY_LINK = re.compile(r"\]\((?:\.\./)*glossary\.md#([^)\s]+)\)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_page_gives_each_term_in_all_languages(built_site, lang):
    page = parse(built_site / lang / "glossary" / "index.html")
    assert page.html["lang"] == lang
    assert page.select_one("article h1").get_text().rstrip("¶") == typeset(LABELS["glossary.title"][lang], lang)
    assert page.select_one('meta[name="description"]')["content"] == typeset(LABELS["glossary.description"][lang], lang)
    terms = [dt.get_text() for dt in page.select("article dl.como-glossary dt")]
    assert sorted(terms) == sorted(typeset(term[lang], lang) for term in GLOSSARY.values())
    assert terms == sorted(terms, key=collation_key)          # é sorts with e, Ü with U
    entries = {dt.get_text(): dt.find_next_siblings("dd", limit=4) for dt in page.select("dl.como-glossary dt")}
    others = {dd["lang"]: dd.contents[-1].strip() for dd in entries[GLOSSARY["value chain"][lang]][:3]}
    assert others == {other: GLOSSARY["value chain"][other] for other in LANGUAGES if other != lang}
    note = entries[GLOSSARY["sustainability"][lang]][-1]
    assert "como-glossary__note" in note["class"]
    assert note.select("span")[1].get_text() == typeset(GLOSSARY["sustainability"]["note"][lang], lang)
    hreflang = {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')}
    assert hreflang == {*LANGUAGES, "x-default"}


def glossary_links(lang: str) -> dict[str, list[str]]:
    """Page (inside the language folder) -> the glossary anchors its Markdown links to, in order."""
    found = {}
    for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
        targets = [match.group(1) for match in GLOSSARY_LINK.finditer(path.read_text(encoding="utf-8"))]
        if targets:
            found[path.relative_to(ROOT / "docs" / lang).as_posix()] = targets
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_term_has_the_anchor_of_its_english_key_in_every_language(built_site, lang):
    page = parse(built_site / lang / "glossary" / "index.html")
    ids = {dt["id"]: dt.get_text() for dt in page.select("article dl.como-glossary dt")}
    assert ids == {anchor(key): typeset(term[lang], lang) for key, term in GLOSSARY.items()}
    assert anchor("cluster-building process") == "cluster-building-process"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_first_uses_link_the_same_terms_in_every_language_and_resolve(built_site, lang):
    """Each page links a term once (its first use), every language the same terms as the original, and
    each link in the built page reaches a term on the glossary page of its language."""
    links = glossary_links(lang)
    assert links.keys() == glossary_links("en").keys() and len(links) >= 5
    terms = {anchor(key) for key in GLOSSARY}
    for page, targets in links.items():
        assert len(targets) == len(set(targets)), f"{page}: a term linked twice"
        assert sorted(targets) == sorted(glossary_links("en")[page]), page
        assert set(targets) <= terms, page
        built = built_site / lang / (page.removesuffix(".md").removesuffix("index")) / "index.html"
        hrefs = [a["href"] for a in parse(built).select("article a[href*='glossary/#']")]
        assert sorted(href.split("#")[1] for href in hrefs) == sorted(targets), page
        for href in hrefs:
            target = resolve(built_site, built, href)
            assert target == built_site / lang / "glossary" / "index.html", href
            assert parse(target).select_one(f'dt[id="{href.split("#")[1]}"]'), href


def test_a_link_to_a_term_the_glossary_lacks_stops_the_build(tiny_project):
    before = tiny_project.built_site()
    tiny_project.write("docs/en/index.md", "---\ntitle: Home en\ndescription: Home page en.\n---\n\n# Home en\n\n"
                       "A [value chain](glossary.md#value-chain) and a [cluster broker](glossary.md#no-such-term).\n")
    tiny_project.assert_refused(before, "docs/en/index.md:8: link: 'glossary.md' has no heading with the anchor '#no-such-term'")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_is_in_the_menu_and_the_search_index(built_site, lang):
    about = parse(built_site / lang / "about" / "index.html")
    links = {a.get_text(" ", strip=True): a["href"] for a in about.select("nav.md-nav--primary a.md-nav__link")}
    assert links[LABELS["glossary.title"][lang]] == "../glossary/"
    index = json.loads((built_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith("glossary/")]
    assert any(GLOSSARY["cluster initiative"][lang] in text for text in texts)


def test_glossary_problems_stop_the_build_with_file_and_line(tiny_project):
    before = tiny_project.built_site()
    path = tiny_project.root / "i18n" / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  value chain:             {en: value chain, de: Wertschöpfungskette, "
                                 "es: cadena de valor, fr: chaîne de valeur}",
                                 "  value chain:             {en: value chain, de: Wertschöpfungskette, "
                                 "es: cadena de valor, it: catena del valore}"), encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1) if content.startswith("  value chain:"))
    tiny_project.assert_refused(
        before, f"i18n/glossary.yml:{line}: terms.value chain: Français (fr) text is missing: add `fr: ...`",
        f"i18n/glossary.yml:{line}: terms.value chain.it: unknown language 'it'; use one of: de, en, es, fr")


def test_glossary_text_is_shown_as_text_never_as_markup(tiny_project):
    """A term is placed into HTML escaped and on one line, so neither HTML nor a blank line followed by
    Markdown (which would end the HTML block and make a link) can become markup."""
    path = tiny_project.root / "i18n" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  firm:                    {en: firm,",
        '  firm:                    {en: "firm <b>bold</b>\\n\\n[click](javascript:alert(1))",'), encoding="utf-8")
    tiny_project.build()
    page = parse(tiny_project.root / "site" / "de" / "glossary" / "index.html")
    english = page.select_one('dl.como-glossary dd[lang="en"]:-soup-contains("click")')
    assert english.contents[-1].strip() == "firm <b>bold</b> [click](javascript:alert(1))"
    assert not page.select('article a[href^="javascript"]') and not page.select("article b")
