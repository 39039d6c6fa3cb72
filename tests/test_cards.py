"""Social cards: where a page's card lives (one rule for the page head and the drawing code), what it shows,
and that it is drawn once, and again when what decides its pixels changes."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import PIL
import pytest
from markupsafe import Markup

from como_site import carddrawing, cards as cards_module
from como_site.carddrawing import FONT_FILE, CardText, renderer_version
from como_site.cards import card_path, nav_sections, page_card, section_of, write_cards
from como_site.rendercache import counts, start_tally, tally


@pytest.mark.parametrize("url, path", [
    ("", "assets/cards/index.png"),
    ("clusters/why-clusters-matter/", "assets/cards/clusters/why-clusters-matter.png"),
    ("clusters/", "assets/cards/clusters.png"),
    ("faq.html", "assets/cards/faq.png"),
    ("clusters/index.html", "assets/cards/clusters.png"),
])
def test_card_path(url, path):
    assert card_path(url) == path


@dataclass
class Item:
    """The shape of MkDocs' navigation items that nav_sections reads."""
    title: object
    url: str | None = None
    children: list | None = None


NAV = [Item("Home", ""), Item(Markup("Leistungen &amp; Beratung"), children=[
    Item("Leistungen", "services/"), Item("Konzeption", "services/conception/")]),
    Item("FAQ", "faq/"), Item("Fallstudien", children=[Item("Fallstudien", "case-studies/")])]


def test_nav_sections_name_the_top_level_section_of_each_page_inside_one():
    assert nav_sections(NAV) == {"services/": "Leistungen & Beratung", "services/conception/": "Leistungen & Beratung",
                                 "case-studies/": "Fallstudien"}


@pytest.mark.parametrize("url, section", [
    ("services/conception/", "Leistungen & Beratung"),
    ("case-studies/", "Fallstudien"),
    ("case-studies/mireck/", "Fallstudien"),            # made from data, not in the navigation
    ("case-studies/country/xk/", "Fallstudien"),
    ("faq/", None), ("", None),                           # outside every section: the card shows the tagline
])
def test_a_page_takes_its_own_section_or_that_of_the_nearest_folder_above(url, section):
    assert section_of(url, nav_sections(NAV)) == section


def test_a_card_shows_titles_as_read_not_as_escaped():
    card = page_card("faq/", Markup("Fragen &amp; Antworten"), nav_sections(NAV), "Tagline", Markup("Como &lt;3"), "de")
    assert card.text == CardText("Fragen & Antworten", "Tagline", "Como <3", "de")


def test_cards_are_written_where_card_path_says_and_drawn_once(tmp_path):
    cards = [page_card(url, title, nav_sections(NAV), "Tagline", "Como", "de")
             for url, title in [("", "Start"), ("services/conception/", "Konzeption")]]
    start_tally()
    write_cards(tmp_path / "project", tmp_path / "site", cards)
    first = counts([tally()])["cards"]
    written = {path: (tmp_path / "site" / card_path(card.url)).read_bytes() for path, card in enumerate(cards)}
    start_tally()
    write_cards(tmp_path / "project", tmp_path / "again", cards)
    assert (first, counts([tally()])["cards"]) == ((2, 0), (0, 2))
    assert all(data.startswith(b"\x89PNG") for data in written.values())
    assert {path: (tmp_path / "again" / card_path(card.url)).read_bytes() for path, card in enumerate(cards)} == written


def test_the_renderer_version_changes_with_the_drawing_code_the_font_and_pillow(tmp_path, monkeypatch):
    """Worked out afresh each time (the build keeps it for the life of its process)."""
    version = renderer_version.__wrapped__
    before = version()
    code = tmp_path / "carddrawing.py"
    code.write_bytes(Path(carddrawing.__file__).read_bytes() + b"\n# a changed drawing\n")
    font = tmp_path / "font.ttf"
    font.write_bytes(FONT_FILE.read_bytes() + b"\0")
    for target, name, value in [(carddrawing, "__file__", str(code)), (carddrawing, "FONT_FILE", font),
                                (PIL, "__version__", "0.0.0")]:
        with monkeypatch.context() as patched:
            patched.setattr(target, name, value)
            assert version() != before, name
    assert version() == before == renderer_version()


def test_cards_are_drawn_again_once_the_renderer_version_changes(tmp_path, monkeypatch):
    """A changed drawing code, font or Pillow (the renderer version) never serves the cards drawn before."""
    cards = [page_card("", "Start", nav_sections(NAV), "Tagline", "Como", "de")]
    write_cards(tmp_path / "project", tmp_path / "site", cards)
    monkeypatch.setattr(cards_module, "renderer_version", lambda: "a changed drawing")
    start_tally()
    write_cards(tmp_path / "project", tmp_path / "again", cards)
    assert counts([tally()])["cards"] == (1, 0)
