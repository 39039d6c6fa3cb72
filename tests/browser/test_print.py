"""Pages on paper: Chromium's print media (emulated, and a real PDF from page.pdf) shows the page alone,
black on white, with the address after each external link and none after links inside the page."""
from __future__ import annotations

import subprocess

import pytest

from tests.browser.test_visitor import PAGES
from tests.conftest import LANGUAGES

HIDDEN_IN_PRINT = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search")


def after_content(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "links => links.map(a => getComputedStyle(a, '::after').content)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_media_shows_the_page_alone_with_link_targets(visit, lang):
    page = visit(f"{lang}/{PAGES['case study']}").page
    page.emulate_media(media="print")
    for selector in HIDDEN_IN_PRINT:
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("article h1").first.is_visible()
    external = page.eval_on_selector_all("article a[href^='http']", "links => links.map(a => a.getAttribute('href'))")
    assert external, "a case study cites its sources with their addresses"
    assert after_content(page, "article a[href^='http']") == [f'" ({href})"' for href in external]
    for content in after_content(page, "article a[href^='#']"):
        assert content in ("none", "normal"), content
    colours = page.evaluate("""() => { const s = getComputedStyle(document.querySelector("article"));
        return [s.color, getComputedStyle(document.body).backgroundColor]; }""")
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]


def test_a_printed_page_leaves_out_the_navigation(visit, tmp_path):
    page = visit(f"fr/{PAGES['case study']}").page
    site_name = page.locator(".md-header__topic").first.inner_text().strip()
    source = page.eval_on_selector("#sources ~ ol a[href^='http'], #sources + ol a[href^='http']", "a => a.href")
    path = tmp_path / "printed.pdf"
    path.write_bytes(page.pdf(format="A4"))
    text = "".join(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert "".join(source.split()) in text          # the source's address is printed after it
    assert "".join(site_name.split()) not in text   # the header (and the drawer naming the site) is not
