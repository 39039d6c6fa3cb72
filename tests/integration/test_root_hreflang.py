"""The root language chooser and the home pages form one reciprocal hreflang set (the chooser is their
x-default), in the pages' heads and in the sitemaps alike; every other page's x-default is its original."""
from __future__ import annotations

from xml.etree import ElementTree

from selectolax.lexbor import LexborHTMLParser

from como_site.rootfiles import ROOT_SITEMAP
from tests.conftest import LANGUAGES

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def head_alternates(path) -> dict[str, str]:
    tree = LexborHTMLParser(path.read_bytes())
    return {link.attributes["hreflang"]: link.attributes["href"]
            for link in tree.css('head > link[rel="alternate"][hreflang]')}


def sitemap_alternates(path) -> dict[str, dict[str, str]]:
    """URL -> its hreflang alternates, from a sitemap."""
    root = ElementTree.parse(path).getroot()
    return {url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
            for url in root.findall(f"{SITEMAP}url")}


def expected_set(project) -> dict[str, str]:
    return {**{lang: project.language_url(lang) for lang in LANGUAGES}, "x-default": project.site_url}


def test_the_chooser_and_the_home_pages_name_each_other(built_site, project):
    expected = expected_set(project)
    assert head_alternates(built_site / "index.html") == expected
    for lang in LANGUAGES:
        assert head_alternates(built_site / lang / "index.html") == expected


def test_the_sitemaps_say_the_same(built_site, project):
    expected = expected_set(project)
    assert sitemap_alternates(built_site / ROOT_SITEMAP) == {project.site_url: expected}
    for lang in LANGUAGES:
        assert sitemap_alternates(built_site / lang / "sitemap.xml")[project.language_url(lang)] == expected
    index = ElementTree.parse(built_site / "sitemap.xml").getroot()
    assert project.site_url + ROOT_SITEMAP in [loc.text for loc in index.iter(f"{SITEMAP}loc")]


def test_other_pages_have_their_original_as_x_default(built_site, project):
    for lang in LANGUAGES:
        for url, alternates in sitemap_alternates(built_site / lang / "sitemap.xml").items():
            if url != project.language_url(lang) and project.source_language in alternates:
                assert alternates["x-default"] == alternates[project.source_language], url
