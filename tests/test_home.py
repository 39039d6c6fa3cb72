"""The home page's parts (como_site/home.py): the statement cut from the page, the entry points from the pages."""
from __future__ import annotations

from como_site.home import Entry, PageInfo, home_page, split_statement
from como_site.labels import Labels

LABELS = Labels({"home.cases": {"en": "Case studies and map"}, "home.contact": {"en": "Contact and legal notice"}})
PAGES = {"services/conception.md": PageInfo("services/conception/", "Conception", "What conception is about."),
         "services/set-up.md": PageInfo("services/set-up/", "Set-up", "What set-up is about."),
         "case-studies/index.md": PageInfo("case-studies/", "Case studies", "Real clusters."),
         "about.md": PageInfo("about/", "About", "Who we are.")}


def test_statement_is_the_heading_and_first_paragraph():
    statement, rest = split_statement('<h1 id="t">Title &amp; more</h1>\n<p>Como <em>advises</em>.</p>\n'
                                      '<h2 id="w">What</h2>\n<p>Second.</p>')
    assert statement == '<h1 id="t">Title &amp; more</h1>\n<p>Como <em>advises</em>.</p>'
    assert rest == '\n<h2 id="w">What</h2>\n<p>Second.</p>'


def test_a_notice_before_the_heading_stays_with_the_statement():
    statement, rest = split_statement('<div class="admonition">Out of date</div>\n<h1>T</h1>\n<p>Lead.</p><p>More.</p>')
    assert statement.endswith("<p>Lead.</p>") and statement.startswith('<div class="admonition">')
    assert rest == "<p>More.</p>"


def test_a_page_without_heading_and_paragraph_has_no_statement():
    for content in ("<p>Only text.</p>", "<h1>T</h1>\n<ul><li>x</li></ul>", ""):
        assert split_statement(content) == ("", content)


def test_entry_points_follow_the_service_pages_and_skip_missing_ones():
    home = home_page("<h1>T</h1><p>Lead.</p>", PAGES, ["services/set-up.md", "services/gone.md",
                                                       "services/conception.md"], LABELS, "en")
    assert home.services == (Entry("services/set-up/", "Set-up", "What set-up is about."),
                             Entry("services/conception/", "Conception", "What conception is about."))
    assert home.more == (Entry("case-studies/", "Case studies and map", "Real clusters."),
                         Entry("about/#contact", "Contact and legal notice", "Who we are."))


def test_without_case_studies_or_about_page_there_is_no_such_entry():
    pages = {path: page for path, page in PAGES.items() if path.startswith("services/")}
    assert home_page("", pages, list(pages), LABELS, "en").more == ()
