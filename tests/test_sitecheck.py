"""como_site.sitecheck: passes on the real site, names the page for each planted fault."""
from __future__ import annotations

import shutil

import pytest

from como_site.builtpages import read_site
from como_site.sitecheck import check_site
from tests.conftest import LANGUAGES


@pytest.fixture
def site_copy(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def check(site, project):
    return check_site(site, project.site_url, list(LANGUAGES), read_site(site, list(LANGUAGES)))


def plant(site, relative: str, old: str, new: str) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_real_site_passes(built_site, project):
    assert check(built_site, project) == []


def test_wrong_html_lang(site_copy, project):
    plant(site_copy, "fr/about/index.html", '<html lang="fr"', '<html lang="en"')
    assert check(site_copy, project) == ['fr/about/index.html: <html lang="en"> does not match its folder (fr)']


def test_relative_hreflang(site_copy, project):
    plant(site_copy, "de/about/index.html", f'hreflang="es" href="{project.site_url}es/about/"',
          'hreflang="es" href="../../es/about/"')
    faults = check(site_copy, project)
    assert "de/about/index.html: hreflang link is relative (must be absolute): ../../es/about/" in faults


def test_non_reciprocal_hreflang(site_copy, project):
    plant(site_copy, "es/about/index.html", f'<link rel="alternate" hreflang="de" href="{project.site_url}de/about/">', "")
    assert check(site_copy, project) == [
        f"de/about/index.html: hreflang es is not reciprocal: {project.site_url}es/about/ does not link back to "
        f"{project.site_url}de/about/"]


def test_missing_x_default(site_copy, project):
    plant(site_copy, "en/privacy/index.html", f'<link rel="alternate" hreflang="x-default" href="{project.site_url}en/privacy/">', "")
    assert check(site_copy, project) == ["en/privacy/index.html: hreflang links without x-default"]


def test_canonical_to_missing_page(site_copy, project):
    plant(site_copy, "es/services/index.html", f'rel="canonical" href="{project.site_url}es/services/"',
          f'rel="canonical" href="{project.site_url}es/servicios/"')
    faults = check(site_copy, project)
    assert f"es/services/index.html: canonical link points to a missing page: {project.site_url}es/servicios/" in faults


def test_duplicate_title(site_copy, project):
    title = "<title>Impressum"
    plant(site_copy, "de/privacy/index.html", "<title>Datenschutzerklärung", title)
    faults = check(site_copy, project)
    assert any(f.startswith("de/privacy/index.html: title \"Impressum") for f in faults)
    assert any(f.startswith("de/legal-notice/index.html: title \"Impressum") for f in faults)


def test_missing_meta_description(site_copy, project):
    path = site_copy / "fr" / "index.html"
    text = path.read_text(encoding="utf-8")
    start = text.index('<meta name="description"')
    path.write_text(text[:start] + text[text.index(">", start) + 1:], encoding="utf-8")
    assert check(site_copy, project) == [
        "fr/index.html: no meta description (add `description:` to the page's front matter)"]


def test_heading_level_jump(site_copy, project):
    plant(site_copy, "es/case-studies/mireck/index.html", '<h2 id="context">', '<h4 id="context">')
    faults = check(site_copy, project)
    assert "es/case-studies/mireck/index.html: heading levels skip one: h2 followed by h4" in faults


def test_a_home_page_whose_x_default_is_not_the_chooser(site_copy, project):
    plant(site_copy, "de/index.html", f'hreflang="x-default" href="{project.site_url}"',
          f'hreflang="x-default" href="{project.site_url}en/"')
    assert check(site_copy, project) == [
        f"index.html: hreflang de is not reciprocal: {project.site_url}de/ does not name {project.site_url} "
        "as its x-default"]


def test_a_chooser_that_does_not_list_a_home_page_naming_it(site_copy, project):
    plant(site_copy, "index.html", f'<link rel="alternate" hreflang="fr" href="{project.site_url}fr/">', "")
    assert check(site_copy, project) == [
        f"fr/index.html: hreflang x-default is not reciprocal: {project.site_url} does not link back to "
        f"{project.site_url}fr/"]


def test_missing_canonical(site_copy, project):
    plant(site_copy, "en/about/index.html", f'<link rel="canonical" href="{project.site_url}en/about/">', "")
    assert "en/about/index.html: no canonical link" in check(site_copy, project)


# (page, planted text, in place of, the fault it gives): an address that is no page of the site, named on
# the page that carries it; an address without its language (the page's own path under the site's root) is one
MISSING_TARGETS = [
    ("es/services/index.html", 'rel="canonical" href="{url}services/"', 'rel="canonical" href="{url}es/services/"',
     "es/services/index.html: canonical link points to a missing page: {url}services/"),
    ("de/about/index.html", 'hreflang="es" href="{url}about/"', 'hreflang="es" href="{url}es/about/"',
     "de/about/index.html: hreflang es points to a missing page: {url}about/"),
    ("de/about/index.html", 'hreflang="x-default" href="{url}en/nowhere/"', 'hreflang="x-default" href="{url}en/about/"',
     "de/about/index.html: hreflang x-default points to a missing page: {url}en/nowhere/"),
    ("index.html", 'hreflang="x-default" href="{url}en/"', 'hreflang="x-default" href="{url}"',
     "index.html: the language chooser must be its own x-default ({url})"),
]


@pytest.mark.parametrize("page, planted, original, fault", MISSING_TARGETS,
                         ids=["canonical-outside-languages", "hreflang-outside-languages", "x-default-missing",
                              "chooser-not-its-own-x-default"])
def test_an_alternate_or_canonical_that_is_no_page_is_named_on_its_page(site_copy, project, page, planted, original,
                                                                          fault):
    url = project.site_url
    plant(site_copy, page, original.format(url=url), planted.format(url=url))
    assert fault.format(url=url) in check(site_copy, project)


def test_hreflang_links_that_leave_out_the_page_itself(site_copy, project):
    plant(site_copy, "fr/about/index.html", f'<link rel="alternate" hreflang="fr" href="{project.site_url}fr/about/">', "")
    assert check(site_copy, project) == [
        f"fr/about/index.html: hreflang links do not list the page itself (fr -> {project.site_url}fr/about/)"]


def test_a_noindex_page_that_announces_alternates(site_copy, project):
    plant(site_copy, "en/privacy/index.html", "<title>", '<meta name="robots" content="noindex"><title>')
    assert check(site_copy, project) == [
        "en/privacy/index.html: a page excluded from search (noindex) must not announce alternates"]
