"""A visitor who switches language downloads the new page's HTML and nothing else: the theme's files are
shared by all languages, at one address, and cached (como_site/themeassets.py). Counted by the server."""
from __future__ import annotations

import pytest

from tests.conftest import LANGUAGES

PAGE = "services/conception/"   # a page every language has (the switcher test in test_visitor.py uses it too)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_in_another_language_downloads_only_its_html(visit, server, lang):
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    before = len(server.requests())
    visitor = visit(f"{lang}/{PAGE}")
    first = server.requests()[before:]
    assert [line for line in first if f" {server.base_path}assets/" in line], first   # it loads shared files
    page = visitor.page
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={other}]")
    page.wait_for_url(f"**/{other}/{PAGE}")
    page.wait_for_load_state("networkidle")
    second = server.requests()[before + len(first):]
    assert second == [f"200 {server.base_path}{other}/{PAGE}"], second
    visitor.assert_clean()
