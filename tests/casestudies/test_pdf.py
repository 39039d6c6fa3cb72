"""como_site.casestudies.pdf: the document's HTML from the case data, and what WeasyPrint may read."""
from __future__ import annotations

import pytest

from como_site.casestudies.pdf import _fonts_only, _page_url, document_html, font_folder, pdf_path
from como_site.casestudies.render import SECTIONS
from tests.casestudies.test_render import cases, renderer  # noqa: F401 - the fixture


def test_the_pdf_lives_next_to_the_case_page_named_with_its_language():
    assert pdf_path("mireck", "fr") == "case-studies/mireck/mireck-fr.pdf"


@pytest.mark.parametrize("href, url", [("../services/conception.md", "../services/conception/"),
                                       ("index.md#x", "#x"), ("../index.md", "../"), ("#sources", "#sources")])
def test_links_to_pages_become_page_addresses(href, url):
    assert _page_url(href) == url


def test_document_is_in_its_language_with_the_texts_escaped_once(data, cases):
    alpha = cases.records[0]
    html = document_html(renderer(data, cases, "en"), alpha, SECTIONS)
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>Alpha cluster title</title>" in html
    assert "Alpha summary &amp; more." in html and "&amp;amp;" not in html
    assert 'href="https://example.org/a"' in html          # sources keep their addresses
    assert 'href="#sources"' in html                       # citations point inside the document
    assert "country/ke" not in html                        # the facts carry no links to the site's facet pages


def test_a_pending_translation_is_marked_with_its_language(data, cases):
    beta = next(case for case in cases.records if case.id == "beta")
    assert beta.pending, "the fixture beta has a translation pending"
    html = document_html(renderer(data, cases, beta.pending[0]), beta, SECTIONS)
    assert '<div lang="en">' in html


def test_weasyprint_may_read_the_font_files_and_nothing_else(tmp_path):
    fetch = _fonts_only(font_folder())
    font = next(font_folder().glob("*.ttf"))
    response = fetch.fetch(font.as_uri())
    assert response.read()[:4] == font.read_bytes()[:4]
    response.close()
    outside = tmp_path / "secret.ttf"
    outside.write_bytes(b"x")
    for url in ("https://example.org/x.png", outside.as_uri(), (font_folder() / ".." / "__init__.py").as_uri()):
        with pytest.raises(ValueError):
            fetch.fetch(url)
