"""Draw one social card: the page's section, its title and the site name, on the site's indigo, as a PNG.

The font is Noto Sans from the fontpkg-noto-sans package (its TTF ships in the wheel, so a build downloads
nothing); it covers every letter and quotation mark of de, en, es and fr. Laying out and drawing are two
steps: `lay_out` decides the lines (wrapped at ordinary spaces and after hyphens, never at the no-break
spaces the build's typography sets, and shortened with an ellipsis only when even the smallest size
does not fit), `draw` paints them. `renderer_version` changes with this file, the font and Pillow, so the
render cache draws every card afresh when any of them changes.
"""
from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import fontpkg_noto_sans
import PIL
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80                      # left, right and top
TEXT_WIDTH = WIDTH - 2 * MARGIN
FOOTER_HEIGHT = 110              # the darker band with the site name
TITLE_BOTTOM = HEIGHT - FOOTER_HEIGHT - 40
SECTION_GAP = 36                 # between the section and the title (the rule sits in it)

INDIGO = (0x40, 0x51, 0xB5)      # Material's primary colour "indigo" (--md-primary-fg-color)
INDIGO_DARK = (0x30, 0x3F, 0x9F)  # Material's indigo 700, for the footer band
INDIGO_PALE = (0xE8, 0xEA, 0xF6)  # Material's indigo 50, for the section
WHITE = (0xFF, 0xFF, 0xFF)

FONT_FILE = Path(fontpkg_noto_sans.ROOT) / "files" / "NotoSans[wdth,wght].ttf"
SEMIBOLD, BOLD = 600, 700   # weights of the variable font
TITLE_SIZES = (72, 64, 56, 48)   # the largest at which the whole title fits is taken
SECTION_SIZE, SECTION_LINES = 30, 2
SITE_NAME_SIZE = 34
LINE_SPACING = 1.22
ELLIPSIS = "…"
TITLE_INK, SECTION_INK, FOOTER_INK = (INDIGO, WHITE), (INDIGO, INDIGO_PALE), (INDIGO_DARK, WHITE)   # (ground, text)
INKS = (TITLE_INK, SECTION_INK, FOOTER_INK)
RAMP = 11   # shades from ground to text in the palette, both ends included: anti-aliasing as drawn
TRAILING = " \u00a0\u202f,;:-–"   # stripped before an ellipsis


@dataclass(frozen=True)
class CardText:
    """Everything a card shows, as plain text in the page's language (already typeset by the build)."""

    title: str
    section: str      # the page's top-level section; the site's tagline where there is none
    site_name: str
    lang: str


@dataclass(frozen=True)
class CardLayout:
    """The lines a card shows, as laid out: what the tests read instead of the pixels."""

    section_lines: tuple[str, ...]
    title_lines: tuple[str, ...]
    title_size: int
    site_name: str

    @property
    def title_top(self) -> int:
        """Where the title's first line starts: below the section's lines and the rule under them."""
        return _title_top(len(self.section_lines))

    @property
    def shortened(self) -> bool:
        return any(line.endswith(ELLIPSIS) for line in (*self.section_lines, *self.title_lines, self.site_name))


@lru_cache(maxsize=None)
def font(size: int, weight: int) -> ImageFont.FreeTypeFont:
    """Noto Sans at `size` px and `weight`; the basic layout engine, so every machine draws the same."""
    face = ImageFont.truetype(str(FONT_FILE), size, layout_engine=ImageFont.Layout.BASIC)
    axes = {axis["name"]: axis for axis in face.get_variation_axes()}
    face.set_variation_by_axes([weight if name == b"Weight" else axis["default"] for name, axis in axes.items()])
    return face


@lru_cache(maxsize=1)
def renderer_version() -> str:
    """A hash of what decides a card's pixels besides its texts: this code, the font file, Pillow."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(FONT_FILE.read_bytes())
    digest.update(PIL.__version__.encode())
    return digest.hexdigest()


def _line_height(size: int) -> int:
    return round(size * LINE_SPACING)


def _title_top(section_lines: int) -> int:
    return MARGIN + section_lines * _line_height(SECTION_SIZE) + SECTION_GAP


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text's breakable pieces, each with whether a space comes before it: words at ordinary spaces
    (the no-break spaces of French typography hold), and the parts of a hyphenated word after each hyphen."""
    pieces = []
    for word in text.split():   # str.split() never splits at U+00A0 or U+202F
        pieces += [(part, index == 0) for index, part in enumerate(re.split(r"(?<=-)(?=\w)", word))]
    return pieces


def _broken(piece: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A piece too wide for a line on its own, cut into lines with a hyphen at each cut."""
    lines, current = [], ""
    for char in piece:
        if current and face.getlength(current + char + "-") > width:
            lines.append(current + "-")
            current = ""
        current += char
    return [*lines, current]


def wrapped(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The text in lines no wider than `width`, filled greedily; letters typed as a base letter and a
    combining accent are joined first (NFC), as the font draws them as one glyph."""
    lines: list[str] = []
    for piece, spaced in _pieces(unicodedata.normalize("NFC", text)):
        candidate = f"{lines[-1]}{' ' if spaced else ''}{piece}" if lines else piece
        if lines and face.getlength(candidate) <= width:
            lines[-1] = candidate
        else:
            lines += _broken(piece, face, width) if face.getlength(piece) > width else [piece]
    return lines


def _shortened(lines: list[str], count: int, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """The first `count` lines, the last ending in an ellipsis, when there are more lines than that."""
    if len(lines) <= count:
        return lines
    last = lines[count - 1]
    while last and face.getlength(last.rstrip(TRAILING) + ELLIPSIS) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    return [*lines[:count - 1], last.rstrip(TRAILING) + ELLIPSIS]


def lay_out(text: CardText) -> CardLayout:
    """The card's lines: the section in up to two lines, the title at the largest size that fits."""
    section_face = font(SECTION_SIZE, SEMIBOLD)
    section = _shortened(wrapped(text.section, section_face, TEXT_WIDTH), SECTION_LINES, section_face, TEXT_WIDTH)
    for size in TITLE_SIZES:
        face = font(size, BOLD)
        lines = wrapped(text.title, face, TEXT_WIDTH)
        room = (TITLE_BOTTOM - _title_top(len(section))) // _line_height(size)
        if len(lines) <= room or size == TITLE_SIZES[-1]:
            break
    name_face = font(SITE_NAME_SIZE, SEMIBOLD)
    site_name = _shortened(wrapped(text.site_name, name_face, TEXT_WIDTH), 1, name_face, TEXT_WIDTH)
    return CardLayout(tuple(section), tuple(_shortened(lines, room, face, TEXT_WIDTH)), size, site_name[0])


def _shade(ground: tuple[int, int, int], ink: tuple[int, int, int], step: int) -> tuple[int, int, int]:
    return tuple(round(g + (c - g) * step / (RAMP - 1)) for g, c in zip(ground, ink))


@lru_cache(maxsize=1)
def colours() -> tuple[tuple[int, int, int], ...]:
    """The card's palette: each (ground, text) pair of INKS and RAMP shades between them, both ends included.
    Fixed, so every card stores the same colours."""
    return tuple(dict.fromkeys(_shade(ground, ink, step) for ground, ink in INKS for step in range(RAMP)))


@lru_cache(maxsize=None)
def _ramp(ground: tuple[int, int, int], ink: tuple[int, int, int]) -> tuple[int, ...]:
    """For each coverage 0-255 of a pixel by the text, the palette index of the shade between ground and
    ink that the anti-aliased edge shows there."""
    return tuple(colours().index(_shade(ground, ink, round(coverage * (RAMP - 1) / 255))) for coverage in range(256))


def draw(layout: CardLayout) -> bytes:
    """The card as a PNG of WIDTH x HEIGHT pixels with the fixed palette of `colours`. The text is drawn once,
    as coverage (one byte a pixel), and each band's coverage becomes its shades of ground and ink: less work
    than drawing in RGB and matching every pixel to the palette afterwards (9.2 instead of 11.2 ms), and the
    same picture to within one of the RAMP shades at the letters' edges."""
    coverage = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(coverage)
    for index, line in enumerate(layout.section_lines):
        pen.text((MARGIN, MARGIN + index * _line_height(SECTION_SIZE)), line, font=font(SECTION_SIZE, SEMIBOLD),
                 fill=255)
    rule = layout.title_top - SECTION_GAP // 2
    pen.rectangle((MARGIN, rule - 3, MARGIN + 96, rule + 2), fill=255)
    for index, line in enumerate(layout.title_lines):
        pen.text((MARGIN, layout.title_top + index * _line_height(layout.title_size)), line,
                 font=font(layout.title_size, BOLD), fill=255)
    pen.text((MARGIN, HEIGHT - FOOTER_HEIGHT // 2), layout.site_name, font=font(SITE_NAME_SIZE, SEMIBOLD),
             fill=255, anchor="lm")
    bands = (((0, rule + 3), SECTION_INK), ((rule + 3, HEIGHT - FOOTER_HEIGHT), TITLE_INK),
             ((HEIGHT - FOOTER_HEIGHT, HEIGHT), FOOTER_INK))   # the section and its rule, the title, the site name
    indices = Image.new("L", (WIDTH, HEIGHT))
    for (top, bottom), (ground, ink) in bands:
        indices.paste(coverage.crop((0, top, WIDTH, bottom)).point(list(_ramp(ground, ink))), (0, top))
    image = Image.frombytes("P", (WIDTH, HEIGHT), indices.tobytes())
    image.putpalette([channel for colour in colours() for channel in colour])
    output = io.BytesIO()
    # zlib's run-length strategy, for a picture made of runs of one colour: 2.3 ms and 20 KB a card, where
    # the default strategy takes 5.7 ms for 15 KB (encoding was the largest single cost of a cold build)
    image.save(output, format="PNG", compress_type=zlib.Z_RLE)
    return output.getvalue()
