"""como_site.linkcheck: lychee passes the real site and names the page, line and link of each planted fault,
in generated pages, in the root pages and in links written from the server's root (the base path)."""
from __future__ import annotations

import shutil

import pytest

from como_site.linkcheck import broken_links
from tests.conftest import LANGUAGES


@pytest.fixture
def site_copy(built_site, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    return copy


def plant(site, relative: str, old: str, new: str) -> int:
    """Replace the first `old` in a built file; returns the line it stands on."""
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def test_real_site_passes(built_site, project):
    assert broken_links(built_site, project.site_url) == []


def test_the_real_site_has_links_from_the_server_root_that_only_resolve_under_the_base_path(built_site, project):
    """The 404 pages link from the server's root (/wissen/de/...): checked as if the site were served
    elsewhere, every one of them is missing, so the base path is what makes them pass above."""
    base = project.site_url.split("/", 3)[3]
    assert base, "the site's address has a path"
    faults = broken_links(built_site, project.site_url.replace(f"/{base}", "/elsewhere/"))
    assert faults and all(fault.split(":")[0].endswith("404.html") for fault in faults)
    assert any(f"link /{base}{lang}/: the site has no such file" in fault for fault in faults for lang in LANGUAGES)


def test_a_broken_anchor_in_a_generated_page_is_named(site_copy, project):
    plant(site_copy, "de/glossary/index.html", 'id="value-chain"', 'id="value-chain-renamed"')
    faults = broken_links(site_copy, project.site_url)
    assert faults, "pages link to the glossary's value chain"
    assert all(": cannot find the anchor #value-chain (de/glossary/index.html)" in fault for fault in faults)
    assert any(fault.startswith("de/services/conception/index.html:") and
               "link ../../glossary/#value-chain:" in fault for fault in faults)


def test_a_broken_anchor_in_the_root_chooser_is_named(site_copy, project):
    line = plant(site_copy, "index.html", 'href="de/"', 'href="de/#nowhere"')
    assert broken_links(site_copy, project.site_url) == [
        f"index.html:{line}: link de/#nowhere: cannot find the anchor #nowhere (de/index.html)"]


def test_a_missing_page_linked_from_the_server_root_is_named(site_copy, project):
    base = project.site_url.split("/", 3)[3]
    line = plant(site_copy, "404.html", f'href="/{base}fr/"', f'href="/{base}fr/nowhere/"')
    assert broken_links(site_copy, project.site_url) == [
        f"404.html:{line}: link /{base}fr/nowhere/: the site has no such file (fr/nowhere/index.html)"]


def test_a_broken_anchor_in_a_generated_page_stops_the_build(tiny_project):
    """A template that writes a link as raw HTML (which MkDocs does not validate) to an anchor that is not
    there: the build stops before the swap, naming the built page and the link."""
    before = tiny_project.built_site()
    template = tiny_project.root / "overrides" / "content" / "glossary.md"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('<dl class="como-glossary">', '<p><a href="#no-such-term">?</a></p>\n\n<dl class="como-glossary">', 1),
                        encoding="utf-8")
    output = tiny_project.assert_refused(before, "The built site has faults; nothing in site/ was changed.")
    for lang in LANGUAGES:
        assert f"{lang}/glossary/index.html:" in output
        assert f"link #no-such-term: cannot find the anchor #no-such-term ({lang}/glossary/index.html)" in output


def test_links_into_languages_a_preview_did_not_build_are_left_out(site_copy, project):
    shutil.rmtree(site_copy / "en")
    faults = broken_links(site_copy, project.site_url)
    assert faults and any("(en/" in fault for fault in faults)
    assert broken_links(site_copy, project.site_url, ("en",)) == []
