"""Accessibility in a real browser: axe-core with the WCAG 2.2 AA rules, and use without a mouse."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_visitor import PAGES
from tests.conftest import LANGUAGES

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations(visit, axe, lang, name):
    visitor = visit(f"{lang}/{PAGES[name]}")
    results = axe.run(visitor.page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA},
                                             "resultTypes": ["violations"]})
    violations = [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]]
    assert violations == []


def focused(page) -> str:
    return page.evaluate("document.activeElement.outerHTML.slice(0, 120)")


def test_skip_link_is_first_and_visible(visit):
    page = visit("de/clusters/").page
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), focused(page)
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#was-ist-ein-cluster") or "#" in page.url


def test_focus_is_visible(visit):
    page = visit("en/").page
    for _ in range(3):
        page.keyboard.press("Tab")
    # The colour-scheme toggle's focus is on a hidden radio button; Material outlines its visible label
    outline = page.evaluate("""() => { const focus = document.activeElement;
        const shown = focus.matches("input.md-option") ? focus.nextElementSibling : focus;
        const s = getComputedStyle(shown);
        return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }""")
    assert outline[0] != "none" or outline[2] != "none", outline


def tab_to(page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} never received keyboard focus; last: {focused(page)}")


def test_language_switcher_without_mouse(visit):
    visitor = visit("es/services/")
    page = visitor.page
    tab_to(page, ".md-select__link[hreflang=fr]")
    assert page.locator(".md-select__link[hreflang=fr]").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/services/")
    visitor.assert_clean()


def test_search_without_mouse(visit, server):
    visitor = visit("fr/")
    page = visitor.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')"), focused(page)
    page.keyboard.type("pérennité", delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server.url}fr/**")
    assert page.locator("html").get_attribute("lang") == "fr"
    visitor.assert_clean()
