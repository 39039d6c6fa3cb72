"""Accessibility in a real browser: axe-core with the WCAG 2.2 AA rules, and use without a mouse."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import LANGUAGES

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
SETTLED = """() => new Promise(requestAnimationFrame).then(() => Promise.all(document.getAnimations()
    .filter(animation => isFinite(animation.effect.getComputedTiming().endTime))
    .map(animation => animation.finished.catch(() => null))))"""


def every_page(site_dir, project) -> list[str]:
    """Every page a visitor can reach, as paths under the site's address: each language's sitemap, its 404
    page, and the root chooser and root 404."""
    pages = ["", "no-such-page/"]
    for lang in LANGUAGES:
        pages += [re.sub(r"\s", "", loc).removeprefix(project.site_url)
                  for loc in re.findall(r"<loc>([^<]+)</loc>", (site_dir / lang / "sitemap.xml").read_text(encoding="utf-8"))]
        pages.append(f"{lang}/no-such-page/")
    return pages


@pytest.fixture(scope="module")
def axe_page(browser):
    """One page object for every axe run, with axe-core loaded into each document it opens."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script(Axe().axe_script)
    yield page
    context.close()


def axe_violations(page) -> list[str]:
    results = page.evaluate("options => axe.run(document, options)",
                            {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]})
    return [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results["violations"]]


@pytest.mark.parametrize("lang", ["", *LANGUAGES])
def test_no_axe_violations_on_every_page_at_phone_and_desktop_size(axe_page, server, built_site, project, lang):
    """Each page is opened once at phone size and checked, then widened to desktop size (the site's scripts
    follow the resize, as they do for a reader) and checked again. "" is the root pages."""
    pages = [path for path in every_page(built_site, project)
             if (path.split("/", 1)[0] == lang if lang else path.split("/", 1)[0] not in LANGUAGES)]
    assert pages
    found = []
    for path in pages:
        axe_page.set_viewport_size(dict(zip(("width", "height"), SIZES["phone"])))
        axe_page.goto(server.url + path)
        for size, (width, height) in SIZES.items():
            axe_page.set_viewport_size({"width": width, "height": height})
            axe_page.evaluate(SETTLED)   # the resize starts the theme's transitions: check the page at rest
            found += [f"{path or '/'} at {size}: {violation}" for violation in axe_violations(axe_page)]
    assert found == [], f"{len(found)} violations on {len(pages)} pages:\n" + "\n".join(found)


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
