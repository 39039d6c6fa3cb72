"""The front door in a real browser (issue 15): the home page on a phone, the footer, the keyboard on a phone,
no sideways scrolling at 320 px, and the root pages in the visitor's language."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from como_site.labels import labels_for
from tests.browser.test_accessibility import every_page
from tests.conftest import LANGUAGES

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
LOCALES = {"de": "de-DE", "en": "en-GB", "es": "es-ES", "fr": "fr-FR"}
IN_VIEW = """element => { const box = element.getBoundingClientRect(), style = getComputedStyle(element);
  return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight
    && box.right <= innerWidth && style.visibility !== "hidden"; }"""
# Material's palette toggle is a zero-size radio input whose focus ring is drawn on the label after it
FOCUSED = """() => { const element = document.activeElement,
  shown = element.matches(".md-option") ? element.nextElementSibling : element, box = shown.getBoundingClientRect();
  return {html: element.outerHTML.slice(0, 100), inDrawer: Boolean(element.closest(".md-sidebar--primary")),
          visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
                   && box.right > 0 && box.left < innerWidth}; }"""


def at_size(visit, path: str, lang: str, size: dict):
    visitor = visit(path, locale=LOCALES[lang])
    visitor.page.set_viewport_size(size)
    return visitor


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_entry_points_are_on_the_first_phone_screen(visit, lang):
    visitor = at_size(visit, f"{lang}/", lang, PHONE)
    page = visitor.page
    entries = page.locator("nav.como-home a.como-home__link")
    assert entries.count() >= 6   # the service lines, the case studies, contact
    for index in range(entries.count()):
        assert entries.nth(index).evaluate(IN_VIEW), entries.nth(index).inner_text()
    assert page.locator(".como-home__statement p").first.evaluate("p => p.getBoundingClientRect().top < innerHeight")
    assert page.locator(".md-sidebar--secondary").is_hidden()          # no table of contents
    assert page.locator(".md-footer__link--next").count() == 0 or page.locator(".md-footer__link--next").is_hidden()
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_site_name_in_the_header_is_never_cut_off(visit, lang, size):
    page = at_size(visit, f"{lang}/", lang, size).page
    names = page.locator(".md-header__topic").first.locator(".como-site-name--long, .como-site-name--short")
    shown = [names.nth(i) for i in range(names.count()) if names.nth(i).is_visible()]
    assert len(shown) == 1
    assert shown[0].evaluate("span => span.scrollWidth <= span.clientWidth"), shown[0].inner_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_hyphenate_in_their_language(visit, lang):
    page = at_size(visit, f"{lang}/", lang, PHONE).page
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("article.md-typeset").evaluate("a => getComputedStyle(a).hyphens") == "auto"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_footer_links_resolve_in_the_page_language(visit, project, lang):
    labels = labels_for(project)
    visitor = at_size(visit, f"{lang}/services/", lang, PHONE)
    page = visitor.page
    links = page.locator("footer nav.como-footer-links a")
    texts = [links.nth(i).inner_text() for i in range(links.count())]
    assert texts == [labels.get(key, lang) for key in ("footer.legal_notice", "footer.privacy", "footer.contact")]
    hrefs = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
    for href in hrefs:
        assert page.request.get(href).status == 200, href
    page.goto(hrefs[-1], wait_until="networkidle")
    assert page.locator("#contact").is_visible()
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_order_on_a_phone_skips_the_closed_drawer(visit, lang):
    """Every Tab stop from the top of the page to the first link of the content is on screen, none in the drawer."""
    page = at_size(visit, f"{lang}/services/", lang, PHONE).page
    for _ in range(25):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUSED)
        assert not focus["inDrawer"] and focus["visible"], focus["html"]
        if page.evaluate("Boolean(document.activeElement.closest('article'))"):
            break
    else:
        raise AssertionError("25 Tab stops without reaching the content")


def tab_to(page, selector: str, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} never received focus; last: {page.evaluate(FOCUSED)['html']}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_drawer_opens_by_keyboard_and_escape_returns_focus(visit, lang):
    page = at_size(visit, f"{lang}/services/", lang, PHONE).page
    tab_to(page, 'label[for="__drawer"].md-header__button > [role=button]')
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    assert page.evaluate(FOCUSED)["inDrawer"]
    page.keyboard.press("Tab")
    focus = page.evaluate(FOCUSED)
    assert focus["inDrawer"] and focus["visible"], focus["html"]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('label[for=\"__drawer\"].md-header__button > [role=button]')")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_escape_closes_the_language_menu_and_focus_stays_on_its_button(visit, lang):
    page = at_size(visit, f"{lang}/services/", lang, PHONE).page
    current = page.locator(f".md-select__link[hreflang={lang}]")
    assert current.get_attribute("aria-current") == "true"
    assert page.locator(".md-select__link[aria-current]").count() == 1
    assert current.evaluate("a => Number(getComputedStyle(a).fontWeight)") >= 700
    tab_to(page, ".md-select__link")
    expect(page.locator(".md-select__inner")).to_have_css("opacity", "1")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.matches('.md-select > button')")
    expect(page.locator(".md-select__inner")).to_have_css("opacity", "0")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_escape_closes_search_and_focus_returns_to_the_search_button(visit, lang):
    visitor = at_size(visit, f"{lang}/services/", lang, PHONE)
    page = visitor.page
    assert page.locator(".md-search__input").evaluate("input => input.closest('[inert]') !== null")   # closed: no Tab stop
    tab_to(page, 'label[for="__search"].md-header__button > [role=button]')
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("cluster")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.matches('label[for=\"__search\"].md-header__button > [role=button]')")
    visitor.assert_clean()


def test_wide_tables_are_named_focusable_scroll_regions(browser, server, built_site, project):
    """At 320 px, every table wider than the column is a focusable region with a name and a visible hint,
    and scrolls with the arrow keys; tables that fit are no Tab stop."""
    pages = [path for path in every_page(built_site, project)
             if path.endswith("/") and (built_site / path / "index.html").is_file()
             and "<table" in (built_site / path / "index.html").read_text(encoding="utf-8")]
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = 0
    for path in pages:
        page.goto(server.url + path, wait_until="load")
        wraps = page.locator(".md-typeset__scrollwrap")
        for index in range(wraps.count()):
            wrap = wraps.nth(index)
            if not wrap.evaluate("w => w.scrollWidth > w.clientWidth + 1"):
                assert wrap.get_attribute("tabindex") is None, path
                continue
            wide += 1
            assert (wrap.get_attribute("tabindex"), wrap.get_attribute("role")) == ("0", "region"), path
            assert wrap.get_attribute("aria-label"), path
            hint = page.locator("#" + wrap.get_attribute("aria-describedby"))
            assert hint.is_visible() and hint.inner_text(), path
            wrap.focus()
            wrap.evaluate("w => { window.comoScrolled = new Promise(done => w.addEventListener("
                          "'scroll', () => done(w.scrollLeft), {once: true})); }")
            page.keyboard.press("ArrowRight")
            assert page.evaluate("() => window.comoScrolled") > 0, path
    context.close()
    if not wide:
        pytest.skip("no table of the site is wider than a 320 px screen")


def test_no_page_scrolls_sideways_at_320_px(browser, server, built_site, project):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for path in every_page(built_site, project):
        page.goto(server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"{path or '/'}: {width} px")
    context.close()
    assert wide == []


@pytest.mark.parametrize("lang", ["fr", "es", "de"])
def test_root_chooser_puts_the_preferred_language_first_and_remembers_the_choice(visit, server, project, lang):
    visitor = visit("", locale=LOCALES[lang])
    page = visitor.page
    assert page.locator("html").get_attribute("lang") == "mul"
    cards = page.locator(".como-languages > li")
    assert cards.first.get_attribute("lang") == lang
    assert sorted(cards.nth(i).get_attribute("lang") for i in range(cards.count())) == sorted(LANGUAGES)
    for i in range(cards.count()):
        assert cards.nth(i).locator("a").get_attribute("lang") == cards.nth(i).get_attribute("lang")
    assert page.locator(".como-continue").is_hidden()
    other = "en"
    page.locator(f".como-languages a[hreflang={other}]").click()
    page.wait_for_url(f"**/{other}/")
    page.goto(server.url, wait_until="networkidle")
    again = page.locator(".como-continue a:visible")
    assert again.count() == 1
    assert again.get_attribute("hreflang") == other and again.get_attribute("lang") == other
    assert again.inner_text() == labels_for(project).get("chooser.continue", other)
    assert cards.first.get_attribute("lang") == lang   # the order still follows the browser
    # not assert_clean(): the root pages name no icon, so the browser's own /favicon.ico request may fail
    assert visitor.csp_violations() == [] and visitor.foreign_requests == []


def test_root_404_names_each_language_home_in_its_own_language(visit, project):
    labels = labels_for(project)
    page = visit("no-such-page/", locale="fr-FR").page
    assert page.locator("html").get_attribute("lang") == "mul"
    items = page.locator(".como-notfound > li")
    assert [items.nth(i).get_attribute("lang") for i in range(items.count())] == list(LANGUAGES)
    for i, lang in enumerate(LANGUAGES):
        link = items.nth(i).locator("a")
        assert link.inner_text() == labels.get("notfound.home", lang)
        assert link.get_attribute("hreflang") == lang
        assert items.nth(i).locator("strong").inner_text() == labels.get("notfound.title", lang)
