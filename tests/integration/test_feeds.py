"""The Atom feed of each language: valid Atom (RFC 4287) read by feedparser and checked element by element
with ElementTree, listing every published case study, dated from git history (or, without it, from the
data), and linked from the head of every page."""
from __future__ import annotations

import datetime
import subprocess
from urllib.parse import urljoin
from xml.etree import ElementTree

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser

from como_site.casestudies.dates import date_from_data
from como_site.feeds import FEED_PATH
from como_site.labels import labels_for
from como_site.project import ROOT
from tests.conftest import LANGUAGES, TinyProject, published_cases
from tests.htmlpages import html_pages

ATOM = "{http://www.w3.org/2005/Atom}"


def timestamp(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, text   # RFC 3339: a date-time with its offset
    return moment


def required_elements(root: ElementTree.Element) -> None:
    """RFC 4287 4.1.1 and 4.1.2: what a feed and each of its entries must carry."""
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{tag}") or "").strip(), tag
    timestamp(root.findtext(f"{ATOM}updated"))
    assert root.find(f"{ATOM}author/{ATOM}name") is not None and root.find(f"{ATOM}author/{ATOM}name").text
    rels = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert rels.get("self") and rels.get("alternate")
    for entry in root.findall(f"{ATOM}entry"):
        for tag in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{tag}") or "").strip(), tag
        timestamp(entry.findtext(f"{ATOM}updated"))
        assert [link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]


def git_dates(path: str) -> tuple[str, str]:
    """(first, last) commit date of a file, asked of git directly."""
    dates = subprocess.run(["git", "log", "--follow", "--format=%cI", "--", path], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    return dates[-1], dates[0]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_feed_is_valid_atom_and_lists_each_published_case_study(built_site, project, lang):
    path = built_site / lang / FEED_PATH
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10" and parsed.feed.language == lang
    assert parsed.feed.title == labels_for(project).get("feed.title", lang)
    root = ElementTree.parse(path).getroot()
    required_elements(root)
    cases = published_cases(project)
    home = project.language_url(lang)
    assert sorted(entry.link for entry in parsed.entries) == sorted(f"{home}case-studies/{case.id}/" for case in cases)
    for case in cases:
        entry = next(entry for entry in parsed.entries if entry.link.endswith(f"/{case.id}/"))
        page = LexborHTMLParser((built_site / lang / "case-studies" / case.id / "index.html").read_bytes())
        assert entry.title == page.css_first('meta[property="og:title"]').attributes["content"]
        assert (entry.published, entry.updated) == git_dates(case.path)
    updates = [timestamp(entry.updated) for entry in parsed.entries]
    assert updates == sorted(updates, reverse=True)
    assert timestamp(parsed.feed.updated) == max(updates, default=timestamp(parsed.feed.updated))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_links_the_feed_of_its_language(built_site, project, lang):
    title = labels_for(project).get("feed.title", lang)
    for page in html_pages(built_site, lang):
        links = LexborHTMLParser(page.read_bytes()).css('head > link[rel="alternate"][type="application/atom+xml"]')
        assert [link.attributes["title"] for link in links] == [title], page
        address = project.site_url + page.relative_to(built_site).as_posix().removesuffix("index.html")
        assert urljoin(address, links[0].attributes["href"]) == project.language_url(lang) + FEED_PATH, page


def test_the_root_chooser_links_every_language_feed(built_site, project):
    links = LexborHTMLParser((built_site / "index.html").read_bytes()).css('link[type="application/atom+xml"]')
    assert {link.attributes["href"] for link in links} == {project.language_url(lang) + FEED_PATH for lang in LANGUAGES}
    assert {link.attributes["title"] for link in links} == {labels_for(project).get("feed.title", lang) for lang in LANGUAGES}


def test_without_git_the_entries_are_dated_from_the_data(tmp_path):
    project = TinyProject(tmp_path / "project")   # a copy outside any repository
    case_file = project.add_case("alpha")
    project.built_site()
    case = next(case for case in published_cases(project.project) if case.path.endswith(case_file.name))
    parsed = feedparser.parse((project.root / "site" / "en" / FEED_PATH).read_bytes())
    assert not parsed.bozo
    [entry] = parsed.entries
    assert entry.updated == entry.published == date_from_data(case)
    assert parsed.feed.updated == entry.updated
