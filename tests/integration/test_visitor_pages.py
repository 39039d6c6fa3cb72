"""The pages visitors look for, and the navigation that leads to every page, in every language.

Expectations come from mkdocs.yml (nav, nav_translations) and from each page's front matter, so a page
added to docs/ and nav keeps these tests green; only VISITOR_PAGES is named here, because issue 13 asks
that these pages exist as written translations in every language, not as fallbacks.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from como_site.pages import is_generated
from como_site.project import ROOT, mkdocs_document
from como_site.typography import typeset
from tests.conftest import LANGUAGES
from tests.htmlpages import page_file, parse

VISITOR_PAGES = ("services/working-with-como.md", "faq.md")
CONFIG = mkdocs_document(ROOT).data
NAV = CONFIG["nav"]
FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)


def split_page(path: Path) -> tuple[dict, str]:
    """A page's front matter and its Markdown body."""
    source = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(source)
    return yaml.safe_load(match.group(1)), source[match.end():]


def nav_translations(lang: str) -> dict[str, str]:
    plugin = next(entry["i18n"] for entry in CONFIG["plugins"] if isinstance(entry, dict) and "i18n" in entry)
    language = next(entry for entry in plugin["languages"] if entry["locale"] == lang)
    return language.get("nav_translations") or {}


TITLED: dict[str, str] = {}   # page -> the label nav: gives it (`Glossary: glossary.md`, a page made from data)


def nav_pages(entries=NAV, section: str | None = None):
    """(page, section name or None) for every page in the navigation, in order."""
    for entry in entries:
        if isinstance(entry, str):
            yield entry, section
        else:
            (name, children), = entry.items()
            if isinstance(children, str):
                TITLED[children] = name
                yield children, section
            else:
                yield from nav_pages(children, name)


def url_of(page: str) -> str:
    """The page's address inside its language folder: faq.md is faq/, services/index.md is services/."""
    stem = page.removesuffix(".md").removesuffix("index")
    return stem if not stem or stem.endswith("/") else f"{stem}/"


def title_of(page: str, lang: str) -> str:
    """The title the page shows in `lang`, set in its typography: its translation's, or the English
    original's (the fallback, in English typography)."""
    path = ROOT / "docs" / lang / page
    if not path.exists():
        path, lang = ROOT / "docs" / "en" / page, "en"
    return typeset(split_page(path)[0]["title"], lang)


def label_of(page: str, section: str | None, lang: str) -> str:
    """What the menu shows for a page: a section's own index page carries the section's name."""
    if page in TITLED:
        return typeset(nav_translations(lang).get(TITLED[page], TITLED[page]), lang)
    if section is not None and page == f"{Path(page).parent.as_posix()}/index.md":
        return typeset(nav_translations(lang).get(section, section), lang)
    return title_of(page, lang)


def menu(site: Path, lang: str, page: str):
    return parse(page_file(site, lang, url_of(page))).select_one("nav.md-nav--primary")


def text(tag) -> str:
    """The visible words of a tag, without the permalink sign of a heading."""
    words = (part for part in tag.find_all(string=True) if not part.find_parent("a", class_="headerlink"))
    return " ".join("".join(words).split())


@pytest.mark.parametrize("page", VISITOR_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_visitor_page_is_written_in_every_language(built_site, lang, page):
    source = ROOT / "docs" / lang / page
    assert source.exists(), f"{source.relative_to(ROOT)}: missing; write the translation of docs/en/{page}"
    assert page in dict(nav_pages()), f"mkdocs.yml: nav: add {page}"
    html = parse(page_file(built_site, lang, url_of(page)))
    assert html.html["lang"] == lang
    assert text(html.select_one("article h1")) == title_of(page, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_nav_page_is_in_the_menu_of_its_language(built_site, lang):
    """On each page the menu marks the page itself, under the label it has in that language."""
    for page, section in nav_pages():
        active = menu(built_site, lang, page).select("a.md-nav__link--active")
        assert [text(link) for link in active] == [label_of(page, section, lang)], f"{lang}/{page}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_menu_offers_every_top_level_entry(built_site, lang):
    links = [(text(link), link["href"]) for link in menu(built_site, lang, "index.md").select("a.md-nav__link")
             if not link["href"].startswith("#")]
    expected = []
    for entry in NAV:
        if isinstance(entry, str):
            expected.append((title_of(entry, lang), url_of(entry) or "."))
        else:
            (name, children), = entry.items()
            first = next(page for page, _ in nav_pages(children))
            expected.append((typeset(nav_translations(lang).get(name, name), lang), url_of(first)))
    assert links == expected


def hand_written_pages():
    return sorted(path for path in (ROOT / "docs").glob("*/**/*.md") if not is_generated(path))


@pytest.mark.parametrize("path", hand_written_pages(), ids=lambda path: path.relative_to(ROOT / "docs").as_posix())
def test_page_has_one_h1_equal_to_its_title_and_a_description_of_110_to_160_characters(path):
    meta, body = split_page(path)
    shown = path.relative_to(ROOT).as_posix()
    description = meta.get("description") or ""
    assert 110 <= len(description) <= 160, (f"{shown}:3: description: {len(description)} characters; "
                                            "write one sentence of 110 to 160")
    tokens = MarkdownIt("commonmark").parse(body)
    h1 = [tokens[i + 1].content for i, token in enumerate(tokens) if token.type == "heading_open" and token.tag == "h1"]
    assert h1 == [meta["title"]], f"{shown}: write one H1 with the same words as title: {meta['title']!r}"
