"""What a visitor downloads, counted by the server (headers and compressed bodies as sent): a first visit to a
key page weighs at most 100 KB, and a visitor who switches language then downloads the new page's HTML and
nothing else: the theme's files are shared by all languages, at one address, and cached
(como_site/themeassets.py, como_site/hosting.py)."""
from __future__ import annotations

import pytest

from tests.conftest import LANGUAGES, sample_case

PAGE = "services/conception/"   # a page every language has (the switcher test in test_visitor.py uses it too)
FIRST_VISIT_BUDGET = 100_000    # bytes: every request of a first visit until the network is idle
KEY_PAGES = ("home", "service", "case study", "overview")


def key_page(name: str, project) -> str:
    return {"home": "", "service": PAGE, "case study": sample_case(project)[0], "overview": "case-studies/"}[name]


def first_visit(visit, server, path: str):
    """Open `path` in a fresh profile; the visit and what the server sent for it, as [(request, bytes)]."""
    before = len(server.requests())
    visitor = visit(path)
    return visitor, list(zip(server.requests()[before:], server.sent_bytes()[before:]))


def listing(sent) -> str:
    return "\n".join(f"{size:>8} {request}" for request, size in sent) + f"\n{sum(s for _, s in sent):>8} in all"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", KEY_PAGES)
def test_a_first_visit_weighs_at_most_100_kb(visit, server, project, name, lang):
    visitor, sent = first_visit(visit, server, f"{lang}/{key_page(name, project)}")
    assert all(request.startswith("200 ") for request, _ in sent), listing(sent)
    assert sum(size for _, size in sent) <= FIRST_VISIT_BUDGET, listing(sent)
    visitor.assert_clean()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_in_another_language_downloads_only_its_html(visit, server, lang):
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    visitor, first = first_visit(visit, server, f"{lang}/{PAGE}")
    assert [request for request, _ in first if f" {server.base_path}assets/" in request], listing(first)
    before = len(server.requests())
    page = visitor.page
    page.hover(".md-header__option .md-select")
    page.click(f"a.md-select__link[hreflang={other}]")
    page.wait_for_url(f"**/{other}/{PAGE}")
    page.wait_for_load_state("networkidle")
    second = list(zip(server.requests()[before:], server.sent_bytes()[before:]))
    assert [request for request, _ in second] == [f"200 {server.base_path}{other}/{PAGE}"], listing(second)
    visitor.assert_clean()
