"""The built home page as the front door, and the footer of every page (issue 15, items 1 and 2)."""
from __future__ import annotations

import pytest

from como_site.alternates import page_path_to_url
from como_site.contenttypes import load_content
from como_site.home import service_pages
from como_site.labels import labels_for
from tests.conftest import LANGUAGES
from tests.htmlpages import html_pages, parse, resolve

FOOTER_KEYS = ("footer.legal_notice", "footer.privacy", "footer.contact")


def service_urls(project) -> list[str]:
    content, problems = load_content(project)
    assert not problems
    return [page_path_to_url(path) for path in service_pages(content)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_shows_statement_and_entry_points(built_site, project, lang):
    home = parse(built_site / lang / "index.html")
    article = home.select_one("article")
    assert article.select_one(".como-home__statement h1") and article.select_one(".como-home__statement p")
    assert len(article.select("h1")) == 1
    links = [a["href"] for a in article.select("nav.como-home a.como-home__link")]
    assert links == [*service_urls(project), "case-studies/", "about/#contact"]
    for href in links:
        assert resolve(built_site, built_site / lang / "index.html", href).is_file(), href
    about = parse(built_site / lang / "about" / "index.html")
    assert about.select_one("article h2#contact")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_has_no_table_of_contents_or_next_page_link(built_site, lang):
    home = parse(built_site / lang / "index.html")
    assert home.select_one(".md-sidebar--secondary").has_attr("hidden")
    footer_nav = home.select_one("nav.md-footer__inner")
    assert footer_nav is None or footer_nav.has_attr("hidden")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_header_carries_a_short_site_name(built_site, project, lang):
    header = parse(built_site / lang / "index.html").select_one(".md-header__topic")
    assert header.select_one(".como-site-name--short").get_text(strip=True) == project.company["name"]
    assert header.select_one(".como-site-name--long").get_text(strip=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_the_legal_links_in_its_language(built_site, project, lang):
    labels = labels_for(project)
    expected = [labels.get(key, lang) for key in FOOTER_KEYS]
    for page in html_pages(built_site, lang):
        links = parse(page).select("footer nav.como-footer-links a")
        assert [a.get_text(strip=True) for a in links] == expected, page
        for a in links:
            target = a["href"]
            if target.startswith("/"):   # the 404 page links by absolute path, under the site's prefix
                target = target.split(f"/{lang}/", 1)[1]
                assert resolve(built_site, built_site / lang / "index.html", target).is_file(), (page, a["href"])
            else:
                assert resolve(built_site, page, target).is_file(), (page, a["href"])
