"""A pull request's preview in a real browser, through Apache: the banner is seen first on a phone, in the
page's language, and it keeps the page clean (no console or CSP errors) and free of axe violations."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from como_site.labels import labels_for
from como_site.project import load_project
from como_site.previews import BANNER_CLASS
from tests.browser.test_accessibility import WCAG_22_AA
from tests.browser.test_deployment import build_and_serve
from tests.conftest import LANGUAGES, TinyProject

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def preview_server():
    """A tiny project built as the preview of pull request 7, its address on this computer."""
    yield from build_and_serve("/previews/pr-7/", lambda base: TinyProject(base / "project").root)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_banner_is_the_first_thing_seen_on_a_phone(visit, preview_server, lang):
    visitor = visit(f"{lang}/", origin_server=preview_server)
    page = visitor.page
    page.set_viewport_size(PHONE)
    banner = page.locator(f".md-banner .{BANNER_CLASS}")
    box = banner.bounding_box()
    assert banner.is_visible() and box and box["y"] < PHONE["height"] / 4
    labels = labels_for(load_project(preview_server.site_dir.parent / "project"))
    assert banner.locator(".admonition-title").inner_text() == labels.get("preview.title", lang, number=7)
    visitor.assert_clean()
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA},
                                       "resultTypes": ["violations"]})
    assert [f"{v['id']}: {[node['target'] for node in v['nodes']]}" for v in results.response["violations"]] == []
