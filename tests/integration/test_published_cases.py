"""The published case studies on the real site (MIRECK first)."""
from __future__ import annotations

import pytest

from tests.conftest import LANGUAGES
from tests.htmlpages import parse

MIRECK_SOURCES = {
    "https://www.como-consult.de/en/150704-Cluster-Development-and-Economic-Investement",
    "https://clustercollaboration.eu/content/mireck-metal-industry-and-renewable-energy-cluster-kosovo",
    "https://mti.rks-gov.net/Page.aspx?id=1,3,695",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mireck_page_lists_its_sources(built_site, lang):
    page = parse(built_site / lang / "case-studies" / "mireck" / "index.html")
    assert "MIRECK" in page.select_one("h1").get_text()
    sources = page.select_one("h2#sources").find_next_sibling("ol")
    assert {a["href"] for a in sources.select("a")} == MIRECK_SOURCES
    assert "2016" in page.select_one(".como-facts").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mireck_card_on_overview(built_site, lang):
    overview = parse(built_site / lang / "case-studies" / "index.html")
    assert [a["href"] for a in overview.select("article.como-card h3 a:not(.headerlink)")] == ["mireck/"]
    assert overview.select_one("svg.como-map__svg title").get_text()


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_generated_pages_carry_no_false_outdated_notice(built_site, lang):
    for page in (built_site / lang / "case-studies").rglob("index.html"):
        assert not parse(page).select(".admonition.warning"), page
