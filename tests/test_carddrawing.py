"""Drawing a social card: the size and format, the lines laid out, the glyphs of every language, the contrast."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops

from como_site.carddrawing import (BOLD, ELLIPSIS, FOOTER_HEIGHT, HEIGHT, INDIGO, INDIGO_DARK, INDIGO_PALE,
                                   SECTION_LINES, SECTION_SIZE, SEMIBOLD, TEXT_WIDTH, TITLE_SIZES, WHITE, WIDTH,
                                   CardText, draw, font, lay_out)
from como_site.labels import labels_for
from como_site.pages import front_matter
from como_site.project import read_mkdocs_config

HOUSE_LETTERS = "äöüßÄÖÜéèêëàâçîïôûùœÉÈÇñÑáíóú¿¡«»’‘„“”‚–—…"
NO_BREAK_SPACES = "\u00a0\u202f"   # set by the build's French typography before « » : ; ? !


def card(title: str, section: str = "Leistungen", site_name: str = "Como – Clusterwissen", lang: str = "de"):
    return CardText(title, section, site_name, lang)


def missing_glyphs(text: str, face) -> set[str]:
    """Characters the font draws as its "missing glyph" box (compared with a private-use code point)."""
    absent = bytes(face.getmask("\U0010FFFD"))
    return {char for char in set(text) - {" ", *NO_BREAK_SPACES} if bytes(face.getmask(char)) == absent}


def test_a_card_is_a_1200_by_630_png():
    image = Image.open(io.BytesIO(draw(lay_out(card("Warum Cluster wichtig sind")))))
    assert (image.format, image.size) == ("PNG", (1200, 630)) == ("PNG", (WIDTH, HEIGHT))
    assert image.mode == "P"   # a palette: a third of the RGB file's size
    rgb = image.convert("RGB")
    assert rgb.getpixel((0, 0)) == INDIGO and rgb.getpixel((0, HEIGHT - 1)) == INDIGO_DARK


def test_a_short_title_is_one_line_at_the_largest_size():
    layout = lay_out(card("Fallstudien"))
    assert layout.title_lines == ("Fallstudien",) and layout.title_size == TITLE_SIZES[0]
    assert layout.section_lines == ("Leistungen",) and layout.site_name == "Como – Clusterwissen"
    assert not layout.shortened


def test_a_long_title_is_wrapped_whole_and_every_line_fits():
    title = ("Warum Cluster wichtig sind: Ökonomie, Größe und „Nähe“ – ein Überblick für Entscheidungsträgerinnen "
             "und Entscheidungsträger in Entwicklungs- und Schwellenländern")
    layout = lay_out(card(title))
    assert len(layout.title_lines) > 1 and not layout.shortened
    assert " ".join(layout.title_lines) == title
    face = font(layout.title_size, BOLD)
    assert all(face.getlength(line) <= TEXT_WIDTH for line in layout.title_lines)


def test_a_title_too_long_for_the_smallest_size_ends_in_an_ellipsis():
    title = " ".join(["Clusterentwicklung und Wirtschaftsförderung"] * 12)
    layout = lay_out(card(title))
    assert layout.title_size == TITLE_SIZES[-1] and layout.shortened
    assert layout.title_lines[-1].endswith(ELLIPSIS) and not layout.title_lines[-1].endswith(" " + ELLIPSIS)
    assert title.startswith(" ".join(layout.title_lines[:-1]))
    face = font(layout.title_size, BOLD)
    assert all(face.getlength(line) <= TEXT_WIDTH for line in layout.title_lines)


def test_a_long_section_takes_two_lines_at_most():
    layout = lay_out(card("FAQ", section=" ".join(["Développement de clusters dans les pays en développement"] * 4)))
    assert len(layout.section_lines) == SECTION_LINES and layout.section_lines[-1].endswith(ELLIPSIS)
    face = font(SECTION_SIZE, SEMIBOLD)
    assert all(face.getlength(line) <= TEXT_WIDTH for line in layout.section_lines)


def test_lines_never_break_at_the_no_break_spaces_of_french_typography():
    title = "Financement et formes juridiques\u202f: l’animation du cluster «\u00a0pas à pas\u00a0» et ses acteurs\u202f?"
    layout = lay_out(card(title, lang="fr"))
    assert len(layout.title_lines) > 1
    assert not any(line.startswith((":", "»", "?")) or line.endswith("«") for line in layout.title_lines)


def test_an_accent_typed_as_a_combining_mark_is_drawn_on_its_letter():
    assert lay_out(card("Cafe\u0301 und Gru\u0308nde")).title_lines == ("Café und Gründe",)


def test_a_word_wider_than_a_line_is_cut_with_hyphens():
    layout = lay_out(card("Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt"))
    assert len(layout.title_lines) > 1 and all(line.endswith("-") for line in layout.title_lines[:-1])
    assert "".join(line.removesuffix("-") for line in layout.title_lines) == \
        "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt"


def test_the_title_is_what_the_card_shows():
    """Two cards differing only in their title differ only where the title is drawn."""
    one = Image.open(io.BytesIO(draw(lay_out(card("Organisationsentwicklung"))))).convert("RGB")
    other = Image.open(io.BytesIO(draw(lay_out(card("Clusteraufbauprozess"))))).convert("RGB")
    _, top, _, bottom = ImageChops.difference(one, other).getbbox()
    title_top = lay_out(card("Organisationsentwicklung")).title_top
    assert title_top <= top and bottom <= HEIGHT - FOOTER_HEIGHT   # the section and the site name are the same


def test_the_same_texts_draw_the_same_bytes():
    assert draw(lay_out(card("Glossar"))) == draw(lay_out(card("Glossar")))


def site_texts(project) -> str:
    """Every text a card of the real site can show: page titles, nav labels, site names, taglines."""
    config = read_mkdocs_config(project.root / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    texts = [HOUSE_LETTERS, *(language.get("site_name", "") for language in i18n["languages"]),
             *(label for language in i18n["languages"] for label in (language.get("nav_translations") or {}).values())]
    texts += [str(front_matter(path.read_text(encoding="utf-8"), str(path)).get("title", ""))
              for path in project.docs_dir.rglob("*.md")]
    texts += [labels_for(project).get(key, lang) for key in labels_for(project).keys() for lang in project.codes]
    return "".join(texts)


@pytest.mark.parametrize("weight", [SEMIBOLD, BOLD])
def test_no_glyph_is_missing_for_any_text_of_the_site(project, weight):
    assert missing_glyphs(site_texts(project), font(TITLE_SIZES[-1], weight)) == set()


def test_the_glyph_check_sees_a_missing_glyph():
    assert missing_glyphs("Cluster 集群", font(TITLE_SIZES[-1], BOLD)) == {"集", "群"}


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    def luminance(colour):
        red, green, blue = ((c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
                            for c in colour)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("text, ground", [(WHITE, INDIGO), (INDIGO_PALE, INDIGO), (WHITE, INDIGO_DARK)])
def test_every_text_colour_has_good_contrast(text, ground):
    assert contrast(text, ground) >= 4.5
