"""Case-study PDFs in the built site: one per published case and language, in that language, titled, with
the fonts embedded, tagged, small, linked from the case's page; a warm rebuild typesets none of them, and a
changed print stylesheet or typesetting code all of them again."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from como_site.casestudies import pdf
from como_site.casestudies.pdf import PRINT_CSS, pdf_path
from como_site.typography import typeset
from tests.conftest import LANGUAGES, published_cases
from tests.htmlpages import parse, resolve

LIMIT = 300 * 1024


def plain(text: str) -> str:
    """Text as `pdftotext -raw` gives it back (no hyphen dropped at a line end): no-break spaces as spaces, lines joined."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def cases_and_languages(project):
    return [(case, lang) for case in published_cases(project) for lang in LANGUAGES]


@pytest.fixture(scope="module")
def documents(built_site, project):
    found = {}
    for case, lang in cases_and_languages(project):
        path = built_site / lang / pdf_path(case.id, lang)
        assert path.is_file(), f"no PDF for {case.id} in {lang}"
        found[case.id, lang] = (case, path)
    assert found, "the project publishes no case study"
    return found


def title(case, lang) -> str:
    return typeset(case.texts["title"].get(lang) or case.texts["title"].get("en"), lang)


def test_each_pdf_is_in_its_language_and_carries_the_title(documents):
    for (case_id, lang), (case, path) in documents.items():
        reader = PdfReader(path)
        assert reader.trailer["/Root"]["/Lang"] == lang, (case_id, lang)
        assert reader.metadata.title == title(case, lang)
        assert plain(title(case, lang)) in plain(pdf_text(path)), (case_id, lang)


def test_each_pdf_is_small_tagged_and_embeds_its_fonts(documents):
    for (case_id, lang), (case, path) in documents.items():
        assert path.stat().st_size < LIMIT, (case_id, lang, path.stat().st_size)
        catalogue = PdfReader(path).trailer["/Root"]
        assert bool(catalogue["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in catalogue, (case_id, lang)
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        fonts = [line.split() for line in listing.splitlines()[2:]]
        assert fonts, (case_id, lang)
        for font in fonts:
            embedded = font[-5]   # columns: name, type..., encoding, emb, sub, uni, object, ID
            assert embedded == "yes" and "Source-Sans-Pro" in font[0], (case_id, lang, font)


def test_each_pdf_prints_its_sources_with_their_addresses(documents):
    for (case_id, lang), (case, path) in documents.items():
        text = re.sub(r"\s+", "", pdf_text(path))
        for source in case.sources:
            assert re.sub(r"\s+", "", source.url) in text, (case_id, lang, source.url)


def test_the_case_page_links_its_pdf_with_the_size(built_site, documents):
    for (case_id, lang), (case, path) in documents.items():
        page = built_site / lang / "case-studies" / case_id / "index.html"
        links = parse(page).select("a.como-pdf-link")
        assert len(links) == 1, (case_id, lang)
        assert resolve(built_site, page, links[0]["href"]) == path
        kilobytes = max(1, round(path.stat().st_size / 1024))
        assert re.search(rf"\b{kilobytes}\s", links[0].get_text()), links[0].get_text()


def test_a_warm_rebuild_typesets_nothing_and_a_changed_text_only_its_language(tiny_project):
    case = tiny_project.add_case("alpha")
    cold = tiny_project.build()
    warm = tiny_project.build()
    assert cold.rendered["pdf"] == (len(LANGUAGES), 0)
    assert warm.rendered["pdf"] == (0, len(LANGUAGES))
    assert (tiny_project.root / "site" / "de" / pdf_path("alpha", "de")).is_file()
    text = case.read_text(encoding="utf-8")
    french = re.search(r"^title: \{.*\bfr: ([^,}]+)", text, re.MULTILINE)
    assert french, "the fixture case has a French title"
    case.write_text(text.replace(f"fr: {french.group(1)}", f"fr: {french.group(1)} 2", 1), encoding="utf-8")
    assert tiny_project.build().rendered["pdf"] == (1, len(LANGUAGES) - 1)


def test_a_changed_print_stylesheet_or_typesetting_code_typesets_every_pdf_again(tiny_project, monkeypatch):
    tiny_project.add_case("alpha")
    assert tiny_project.build().rendered["pdf"] == (len(LANGUAGES), 0)
    stylesheet = tiny_project.root / PRINT_CSS
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert tiny_project.build().rendered["pdf"] == (len(LANGUAGES), 0)
    monkeypatch.setattr(pdf, "RENDERER", pdf.RENDERER + " changed")   # in this process: a build without workers
    assert tiny_project.build(jobs=1).rendered["pdf"] == (len(LANGUAGES), 0)
    assert tiny_project.build(jobs=1).rendered["pdf"] == (0, len(LANGUAGES))
