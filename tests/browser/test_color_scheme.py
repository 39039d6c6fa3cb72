"""The colour schemes: the site follows the reader's system setting (light or dark), the header's toggle
switches it and is named in the page's language, and axe finds nothing with the WCAG 2.2 A/AA rules in
the dark scheme either (the light one: tests/browser/test_accessibility.py)."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from como_site.labels import labels_for
from tests.browser.test_accessibility import WCAG_22_AA
from tests.browser.test_visitor import PAGES
from tests.conftest import LANGUAGES

SCHEMES = {"light": "default", "dark": "slate"}   # the reader's system setting -> Material's scheme


@pytest.fixture
def open_in(browser, server):
    """open_in(path, scheme) opens server.url + path in a fresh profile whose system setting is `scheme`."""
    contexts = []

    def open_page(path: str, scheme: str, locale: str = "en-GB"):
        context = browser.new_context(color_scheme=scheme, locale=locale)
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(server.url + path, wait_until="networkidle")
        page.errors = errors
        return page

    yield open_page
    for context in contexts:
        context.close()


def scheme_of(page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("system", SCHEMES)
def test_the_site_follows_the_system_setting(open_in, system):
    page = open_in("de/", system)
    assert scheme_of(page) == SCHEMES[system]
    assert page.errors == []   # the toggle's inline script runs under the Content-Security-Policy


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_toggle_switches_and_speaks_the_page_language(open_in, project, lang):
    labels = labels_for(project)
    page = open_in(f"{lang}/", "light")
    names = {labels.get(f"theme.palette_{kind}", lang) for kind in ("light", "dark", "system")}
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert toggle.count() == 1
    assert toggle.get_attribute("title") in names
    seen = [scheme_of(page)]
    for _ in range(2):   # system (light here) -> light -> dark: each click names the next choice
        toggle.click()
        seen.append(scheme_of(page))
        assert page.locator("form[data-md-component=palette] label:visible").get_attribute("title") in names
    assert "slate" in seen and "default" in seen
    page.reload(wait_until="networkidle")
    assert scheme_of(page) == seen[-1]   # the choice is kept


def test_the_chosen_scheme_is_kept_in_every_language_and_on_404_pages(open_in):
    """A reader who chose the dark scheme keeps it after switching language, and on a page not found."""
    page = open_in("de/services/conception/", "light")
    toggle = page.locator("form[data-md-component=palette] label:visible")
    for _ in range(2):   # system (light here) -> light -> dark
        toggle.click()
    assert scheme_of(page) == "slate"
    page.hover(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=fr]")
    page.wait_for_url("**/fr/services/conception/")
    assert scheme_of(page) == "slate"
    site = page.url.split("fr/services/")[0]
    for path in ("es/", "en/clusters/why-clusters-matter/"):
        page.goto(site + path, wait_until="networkidle")
        assert scheme_of(page) == "slate", path
    assert page.errors == []
    page.goto(site + "fr/no-such-page/", wait_until="networkidle")
    assert scheme_of(page) == "slate"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_no_axe_violations_in_the_dark_scheme(open_in, lang, name):
    page = open_in(f"{lang}/{PAGES[name]}", "dark")
    assert scheme_of(page) == "slate"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA},
                                       "resultTypes": ["violations"]})
    violations = [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]]
    assert violations == []


def brightness(css_colour: str) -> float:
    """The mean of a computed rgb()/rgba() colour's red, green and blue, 0-255."""
    red, green, blue = (float(part) for part in css_colour[css_colour.index("(") + 1:-1].split(",")[:3])
    return (red + green + blue) / 3


@pytest.mark.parametrize("path", ["", "no-such-page/"], ids=["chooser", "root 404"])
@pytest.mark.parametrize("system", SCHEMES)
def test_root_pages_follow_the_system_setting_without_axe_violations(open_in, path, system):
    """The language chooser and the root 404 (como_site/rootfiles.py) are as dark as the rest of the site
    for a reader whose system prefers dark, and stay readable (axe: contrast) in both schemes, the chooser's
    "continue in <language>" for a returning visitor too."""
    page = open_in(path, system)
    page.evaluate("localStorage.setItem('como-language-choice', 'fr')")   # as overrides/assets/root-chooser.js
    page.reload(wait_until="networkidle")
    backgrounds = page.evaluate("""() => [document.body, ...document.querySelectorAll('.como-languages a, .como-notfound li')]
        .filter(element => element.checkVisibility()).map(element => getComputedStyle(element).backgroundColor).filter(colour => colour !== 'rgba(0, 0, 0, 0)')""")
    assert backgrounds and all((brightness(colour) < 80) == (system == "dark") for colour in backgrounds), backgrounds
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA},
                                       "resultTypes": ["violations"]})
    assert [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]] == []
