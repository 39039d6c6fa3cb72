"""como_site.casestudies.render: pages, overview and facet pages in each language."""
from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest

from como_site.casestudies.render import OVERVIEW_MARKER, Renderer, short_description
from como_site.labels import labels_for


@pytest.fixture
def cases(data):
    for name in ("alpha", "beta", "gamma-draft"):
        data.add(name)
    cases, problems = data.load()
    assert not problems
    return cases


def renderer(data, cases, lang):
    return Renderer(data.project, labels_for(data.project), cases, lang)


def test_pages_of_published_cases_and_facets_only(data, cases):
    pages = renderer(data, cases, "de").pages()
    assert "case-studies/alpha.md" in pages and "case-studies/beta.md" in pages
    assert not any("gamma" in path for path in pages)
    assert {"case-studies/country/ke.md", "case-studies/country/xk.md", "case-studies/sector/ict.md",
            "case-studies/year/2012.md", "case-studies/service/conception.md"} <= set(pages)


def test_case_page_is_localised(data, cases):
    de = renderer(data, cases, "de").case_page(cases.records[0])
    fr = renderer(data, cases, "fr").case_page(cases.records[0])
    assert "title: Alpha-Cluster Titel" in de and "# Alpha-Cluster Titel" in de
    assert "[Kenia](country/ke.md)" in de and "[Kenya](country/ke.md)" in fr            # CLDR country names
    assert "| Testmenge | 1.234,5 t | 2020 | [[2]](#sources) |" in de                     # CLDR numbers
    assert "| Quantité test | 1\u202f234,5 t | 2020 |" in fr
    assert "Land\n:   " in de and "Pays\n:   " in fr
    assert "[Konzeption eines Clusters](../services/conception.md)" in de
    assert "## Quellen {#sources}" in de
    assert "Stand: 1. Mai 2020" in de and "consulté le 2 janvier 2021" in fr             # CLDR dates
    assert "Alpha Kurzfassung &amp; mehr." not in de.split("---")[2].split("<div")[0]     # Markdown text kept
    assert "Alpha Test Firm Ltd" in de


def test_sources_are_numbered_and_cited(data, cases):
    page = renderer(data, cases, "en").case_page(cases.records[0])
    sources = page.split("## Sources {#sources}")[1].split("##")[0]
    assert re.findall(r"^1\. ", sources, re.MULTILINE) == ["1. ", "1. "]  # Markdown numbers them 1, 2
    assert "[Alpha source A](<https://example.org/a>)" in sources
    assert "Sources: [[2]](#sources)" in page.split("## Approach")[1]


def test_pending_language_shows_english_with_notice(data, cases):
    page = renderer(data, cases, "fr").case_page(cases.records[1])
    assert "# Beta title { lang=en }" in page
    assert '!!! note "Traduction en cours"' in page
    assert '<div lang="en" markdown>\n\nBeta context.\n\n</div>' in page
    assert "lang=" not in renderer(data, cases, "de").case_page(cases.records[1]).replace("{#", "")


def test_related_cases_share_sectors(data, cases):
    page = renderer(data, cases, "en").case_page(cases.records[0])
    assert "## Related case studies {#related}\n\n- [Beta title](beta.md)" in page


def test_overview_has_map_facets_and_cards(data, cases):
    overview = renderer(data, cases, "es").overview()
    assert overview.count('<article class="como-card"') == 2
    assert 'data-country="KE"' in overview and 'data-sector="agri-food ict"' in overview
    assert "[Kenia (1)](country/ke.md){ data-facet=\"country\" data-value=\"KE\" }" in overview
    assert '<svg class="como-map__svg"' in overview and "Kenia y Kosovo" in overview
    assert OVERVIEW_MARKER not in overview


def test_text_never_becomes_html_in_html_contexts(data, cases):
    page = renderer(data, cases, "en").card(cases.records[0])
    assert "Alpha cluster title" in page
    alpha = cases.records[0]
    object.__setattr__(alpha.texts["title"], "values", {**alpha.texts["title"].values, "en": "A <b> & B"})
    assert "A &lt;b&gt; &amp; B" in renderer(data, cases, "en").card(alpha)


def test_short_description_cuts_at_a_word():
    assert short_description("word " * 50).endswith("word…")
    assert len(short_description("word " * 50)) <= 160
    assert short_description("Short.") == "Short."


def test_english_is_written_the_british_way(data, cases):
    page = renderer(data, cases, "en").case_page(cases.records[0])
    assert "dated 1 May 2020" in page and "accessed 2 January 2021" in page


def test_a_source_address_with_parentheses_or_brackets_stays_one_link(data, cases):
    """The address is the link's whole target, as in the JSON-LD: `)](` in it cannot end the link early."""
    case = cases.records[0]
    url = "https://example.org/a_(b)/c)](https://elsewhere.example/"
    moved = replace(case, sources=(replace(case.sources[0], url=url), *case.sources[1:]))
    html = markdown.markdown(str(renderer(data, cases, "en").source_details(moved.sources[0])))
    assert re.findall(r'href="([^"]*)"', html) == [url]
