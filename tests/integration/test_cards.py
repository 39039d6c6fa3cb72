"""Social cards in real builds: every page has its card, showing its title; a warm build draws none, and a
changed title redraws exactly that page's card (three builds of one tiny project, shared by the tests)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from PIL import Image

from como_site.carddrawing import CardText, draw, lay_out
from como_site.cards import TAGLINE_LABEL, card_path
from como_site.labels import labels_for
from como_site.project import read_mkdocs_config
from tests.htmlpages import parse
from tests.tinyproject import TinyProject, site_snapshot

CARD_LINE = re.compile(r"^Files drawn at build time: .*\bcards: (\d+) made, (\d+) from the cache", re.MULTILINE)


def built_pages(site_lang):
    """URL (relative to the language root) of every page of a built language; not-found pages have no card."""
    return [page.relative_to(site_lang).as_posix() for page in sorted(site_lang.rglob("index.html"))]


def test_every_built_page_has_its_card_and_no_card_is_without_page(built_site, project):
    for lang in project.codes:
        folder = built_site / lang
        expected = {folder / card_path(url) for url in built_pages(folder)}
        assert len(expected) > 1
        assert {path for path in (folder / "assets" / "cards").rglob("*") if path.is_file()} == expected
        for path in expected:
            assert Image.open(path).size == (1200, 630), path


def cards_of(site_dir):
    return {name: data for name, data in site_snapshot(site_dir).items() if "/assets/cards/" in name}


def card_counts(output: str) -> tuple[int, int]:
    match = CARD_LINE.search(output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


def language_settings(project, lang: str) -> dict:
    """The language's entry under the i18n plugin in mkdocs.yml: its site name and navigation labels."""
    config = read_mkdocs_config(project.root / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    return next(language for language in i18n["languages"] if language["locale"] == lang)


NEW_HOME = "---\ntitle: Cluster & Nähe\ndescription: Home page de.\n---\n\n# Home de\n"


@dataclass
class Builds:
    """Three builds of one tiny project: cold, warm, and after the German home page's title changed."""
    project: TinyProject
    outputs: list[str]
    cards: list[dict[str, bytes]]   # the card files after each build, by path in site/
    pages: int                       # pages built (every language)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    project = TinyProject(tmp_path_factory.mktemp("cards") / "project")
    project.add_case("alpha")   # a page made from data, outside the navigation
    outputs, cards = [], []
    for change in (None, None, lambda: project.write("docs/de/index.md", NEW_HOME)):
        if change:
            change()
        result = project.cli("build")
        assert result.returncode == 0, result.stdout + result.stderr
        outputs.append(result.stdout)
        cards.append(cards_of(project.root / "site"))
    pages = sum(len(built_pages(project.root / "site" / lang)) for lang in project.languages)
    return Builds(project, outputs, cards, pages)


def test_a_cold_build_draws_every_card(builds):
    assert card_counts(builds.outputs[0]) == (builds.pages, 0) and len(builds.cards[0]) == builds.pages


def test_a_warm_build_draws_no_card(builds):
    assert card_counts(builds.outputs[1]) == (0, builds.pages)
    assert builds.cards[1] == builds.cards[0]


def test_a_changed_title_redraws_exactly_its_card(builds):
    assert card_counts(builds.outputs[2]) == (1, builds.pages - 1)
    before, after = builds.cards[1], builds.cards[2]
    assert {name for name in after if after[name] != before[name]} == {"de/" + card_path("")}


def test_a_card_shows_the_page_title_its_section_and_the_site_name(builds):
    """The home page: its title under the tagline; a case study (made from data, not in the navigation):
    its title under the section of the case-study overview."""
    project, site = builds.project.project, builds.project.root / "site" / "de"
    settings = language_settings(project, "de")
    home = CardText("Cluster & Nähe", labels_for(project).get(TAGLINE_LABEL, "de"), settings["site_name"], "de")
    assert (site / card_path("")).read_bytes() == draw(lay_out(home))
    heading = parse(site / "case-studies" / "alpha" / "index.html").select_one("article h1")
    for permalink in heading.select("a.headerlink"):
        permalink.decompose()
    section = next(name for entry in builds.project.nav if isinstance(entry, dict) for name in entry)  # Case studies
    case = CardText(heading.get_text().strip(), settings["nav_translations"][section], settings["site_name"], "de")
    assert (site / card_path("case-studies/alpha/")).read_bytes() == draw(lay_out(case))
