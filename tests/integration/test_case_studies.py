"""Case studies through the whole pipeline: a new YAML file becomes pages in every language."""
from __future__ import annotations

import base64

import pytest

from como_site.problems import ContentError
from tests.conftest import LANGUAGES
from tests.htmlpages import parse, resolve


def test_new_case_file_yields_pages_cards_and_switcher_links(tiny_project):
    tiny_project.add_case("alpha")
    tiny_project.build()
    site = tiny_project.root / "site"
    for lang in LANGUAGES:
        page = site / lang / "case-studies" / "alpha" / "index.html"
        assert page.is_file(), lang
        document = parse(page)
        assert document.html["lang"] == lang
        links = {a["hreflang"]: a["href"] for a in document.select("a.md-select__link")}
        assert {other: resolve(site, page, href) for other, href in links.items()} == {
            other: site / other / "case-studies" / "alpha" / "index.html" for other in LANGUAGES}
        overview = parse(site / lang / "case-studies" / "index.html")
        cards = overview.select("article.como-card")
        assert len(cards) == 1 and resolve(site, site / lang / "case-studies" / "index.html",
                                            cards[0].select_one("a")["href"]) == page
        facet = site / lang / "case-studies" / "country" / "ke" / "index.html"
        assert parse(facet).select("article.como-card")


def test_labels_on_a_case_page_are_in_its_language(tiny_project):
    tiny_project.add_case("alpha")
    tiny_project.build()
    page = parse(tiny_project.root / "site" / "es" / "case-studies" / "alpha" / "index.html")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.select("article h2")]
    assert headings == ["De un vistazo", "Contexto", "Desafío", "Enfoque", "Resultados", "Cifras", "Fuentes"]


def test_draft_is_not_built(tiny_project):
    tiny_project.add_case("gamma-draft")
    tiny_project.build()
    assert not (tiny_project.root / "site" / "de" / "case-studies" / "gamma-draft").exists()


def test_errors_stop_the_build_before_rendering_and_keep_the_old_site(tiny_project):
    tiny_project.add_case("alpha")
    tiny_project.build()
    site = tiny_project.root / "site"
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    tiny_project.add_case("broken", "id: broken\nstatus: [published\n")
    tiny_project.add_case("beta").write_text(
        (tiny_project.root / "case_studies" / "beta.yml").read_text(encoding="utf-8").replace("XK", "QQ"))
    with pytest.raises(ContentError) as failure:
        tiny_project.build()
    lines = str(failure.value).splitlines()
    assert lines[0].startswith("case_studies/beta.yml:5: country: 'QQ' is not an ISO 3166-1 alpha-2")
    assert lines[1].startswith("case_studies/broken.yml:3: yaml: not valid YAML")
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before


def test_removed_case_disappears(tiny_project):
    case = tiny_project.add_case("alpha")
    tiny_project.build()
    case.unlink()
    tiny_project.build()
    assert not (tiny_project.root / "docs" / "de" / "case-studies" / "alpha.md").exists()
    assert not (tiny_project.root / "site" / "de" / "case-studies" / "alpha").exists()


def test_case_images_are_shown_with_localised_alt_text(tiny_project):
    (tiny_project.root / "docs" / "assets" / "case-studies").mkdir(parents=True)
    (tiny_project.root / "docs" / "assets" / "case-studies" / "site-visit.png").write_bytes(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    case = tiny_project.add_case("alpha")
    case.write_text(case.read_text(encoding="utf-8") + (
        "images:\n  - file: site-visit.png\n    credit: Test Photographer\n"
        "    alt: {de: Werksbesuch, en: Site visit, es: Visita a la planta, fr: Visite de site}\n"), encoding="utf-8")
    tiny_project.build()
    site = tiny_project.root / "site"
    page = site / "fr" / "case-studies" / "alpha" / "index.html"
    image = parse(page).select_one("article img")
    assert image["alt"] == "Visite de site"
    assert resolve(site, page, image["src"]).is_file()
