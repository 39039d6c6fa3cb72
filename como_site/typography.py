"""Typography of each language, applied by the build to text written plainly: quotation marks,
apostrophes and French spacing.

Editors type straight quotes ("…", '…') and apostrophes ('), and plain spaces before : ; ? ! in French.
The build writes them as each language sets them: English “…” ‘…’, German „…“ ‚…‘, Spanish «…» with
“…” inside, French « … » with “…” inside; the apostrophe ’ everywhere; in French a narrow no-break
space (U+202F) before ; ? ! and a no-break space (U+00A0) before : and inside « ». Quotes already typed
typographically are kept, a quote escaped as \\" stays straight, and the result of a second pass is the
same as of the first, so a text may pass twice (a label inside a page). A block marked with another
language (the English original shown on a page not yet translated, <div lang="en">) gets that language's.

One engine serves Markdown pages and case-file texts (TypographyExtension, a Python-Markdown
treeprocessor on text nodes only: never code, pre, kbd, attributes or stashed raw HTML) and plain strings
such as interface labels (typeset()). Python-Markdown's smarty extension is not used: it writes the
apostrophe and the closing single quote as one character (German needs ’ and ‘), decides each text node
alone, and cannot serve plain strings, so labels would need a second implementation.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import lru_cache

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

APOSTROPHE = "’"
NBSP, NARROW_NBSP = "\u00a0", "\u202f"
SPACES = " \t\n" + NBSP + NARROW_NBSP
OPENING_CONTEXT = "([{/–—-"          # a quote after these (or a space, or an opening quote) opens
CLOSING_CONTEXT = ")]}»”’“‘.,;:?!"   # a French mark before these (or a space, or the end) is punctuation
BOUNDARY, OPAQUE = "\x00", "\x01"     # between two text nodes; code, raw HTML or an escaped character


@dataclass(frozen=True)
class Style:
    double: str                  # opening and closing double quotation marks
    single: str                  # opening and closing single (inner) quotation marks
    french_spacing: bool = False


STYLES = {
    "de": Style("„“", "‚‘"),
    "en": Style("“”", "‘’"),
    "es": Style("«»", "“”"),
    "fr": Style("«»", "“”", french_spacing=True),
}


def style_of(lang: str) -> Style:
    try:
        return STYLES[lang]
    except KeyError:
        raise KeyError(f"como_site/typography.py: no typography for language {lang!r}; add it to STYLES") from None


QUOTES = re.compile("[\"']")
QUOTES_AND_FRENCH_MARKS = re.compile("[\"'«»;:?!]")
NOT_BOUNDARY = re.compile(f"[^{BOUNDARY}]")


class _Typesetter:
    """One pass over a text in which BOUNDARY joins text nodes and OPAQUE stands for untouchable content.
    Only quotes (and French marks) are looked at; the text between them is copied in one piece."""

    def __init__(self, text: str, style: Style):
        self.text, self.style = text, style
        self.out: list[str] = []
        self.single_open = False
        self.skip_spaces = False

    def _last(self, ignored: str) -> str:
        for chunk in reversed(self.out):
            kept = chunk.rstrip(ignored)
            if kept:
                return kept[-1]
        return ""

    def previous(self) -> str:
        return self._last(BOUNDARY)

    def following(self, index: int) -> str:
        match = NOT_BOUNDARY.search(self.text, index + 1)
        return match.group(0) if match else ""

    def opens(self, index: int) -> bool | None:
        """True if a quote at index opens, False if it closes, None if it stands alone between spaces."""
        before, after = self.previous(), self.following(index)
        if before in ("", *SPACES, *OPENING_CONTEXT, self.style.double[0], self.style.single[0], "«"):
            return None if after in ("", *SPACES) else True
        return before == APOSTROPHE and after.isalnum()     # l’"essentiel" opens, 'fine'" closes

    def strip_spaces(self) -> None:
        """Drop the spaces just written (across text-node boundaries, which stay)."""
        boundaries = ""
        while self.out:
            chunk = self.out.pop()
            kept = chunk.rstrip(SPACES + BOUNDARY)
            boundaries += BOUNDARY * chunk[len(kept):].count(BOUNDARY)
            if kept:
                self.out.append(kept)
                break
        self.out.append(boundaries)

    def quote(self, char: str, index: int) -> str:
        if char == '"':
            opening = self.opens(index)
            return char if opening is None else self.style.double[0 if opening else 1]
        before, after = self.previous(), self.following(index)
        if (before.isalnum() or before == OPAQUE) and (after.isalnum() or after == OPAQUE):
            return APOSTROPHE                        # l'animation, don't, Como's
        opening = self.opens(index)
        if opening and not after.isdigit():
            self.single_open = True
            return self.style.single[0]
        if opening is False and self.single_open:
            self.single_open = False
            return self.style.single[1]
        return APOSTROPHE if opening is not None else char   # the members' work, '90s

    def space_before(self, index: int) -> bool:
        """Whether a French : ; ? ! at index is punctuation that takes a space (not 10:30, a?b or ?!)."""
        if self._last(SPACES + BOUNDARY) in ("", *";:?!«"):
            return False
        return self.following(index) in ("", *SPACES, *CLOSING_CONTEXT, OPAQUE)

    def copy(self, chunk: str) -> None:
        if self.skip_spaces and chunk:
            rest = chunk.lstrip(SPACES + BOUNDARY)
            self.out.append(BOUNDARY * chunk[:len(chunk) - len(rest)].count(BOUNDARY))
            chunk, self.skip_spaces = rest, not rest
        self.out.append(chunk)

    def run(self) -> str:
        french = self.style.french_spacing
        position = 0
        for match in (QUOTES_AND_FRENCH_MARKS if french else QUOTES).finditer(self.text):
            index, char = match.start(), match.group(0)
            self.copy(self.text[position:index])
            position = index + 1
            self.skip_spaces = False
            if char in "\"'":
                char = self.quote(char, index)
            if french and char in ";?!:" and self.space_before(index):
                self.strip_spaces()
                self.out.append(NBSP if char == ":" else NARROW_NBSP)
            elif french and char == "»":
                self.strip_spaces()
                self.out.append(NBSP)
            self.out.append(char)
            if french and char == "«":
                self.out.append(NBSP)
                self.skip_spaces = True
        self.copy(self.text[position:])
        return "".join(self.out)


@lru_cache(maxsize=4096)
def typeset(text: str, lang: str) -> str:
    """A plain text (no markup) set in the typography of `lang`."""
    return _Typesetter(text, style_of(lang)).run()


def punctuation(mark: str, lang: str) -> str:
    """A punctuation mark as `lang` writes it after a word (in French ':' takes a no-break space before it),
    for a template that writes the mark between values it sets apart, such as 'Porter, M. E.: title'."""
    return typeset("x" + mark, lang)[1:]


# -- Markdown ----------------------------------------------------------------------------------------

UNTOUCHED = {"code", "pre", "kbd", "samp", "var", "script", "style", "math", "svg"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "del", "dfn", "em", "i", "ins", "mark", "q", "s", "small",
          "span", "strong", "sub", "sup", "time", "u", "br", "img", "wbr"}
# Python-Markdown's stand-ins in text: stashed raw HTML and entities (wzxhzdk:N, kept in htmlStash), other
# stashes (name:N), an escaped character (its code point) and "&".
PLACEHOLDER = re.compile(f"{STX}(?:wzxhzdk:(\\d+)|[a-z]+:\\d+|\\d+|amp){ETX}")
QUOTE_ENTITIES = {"&quot;": '"', "&#34;": '"', "&#x27;": "'", "&#39;": "'"}   # from html.escape


class TypographyTreeprocessor(Treeprocessor):
    """Typesets the text of each block and of the inline elements in it, as one run per block."""

    def __init__(self, md: Markdown, style: Style):
        super().__init__(md)
        self.style = style

    def run(self, root: etree.Element) -> None:
        self.block(root, self.style)

    def _plain(self, text: str, placeholders: list[str]) -> str:
        """text with stashed pieces as OPAQUE (kept, in order, in `placeholders`), and the quote entities
        html.escape writes (case-file names and titles) as the quotes they stand for."""
        def stash(match: re.Match[str]) -> str:
            if match.group(1) is not None:
                raw = self.md.htmlStash.rawHtmlBlocks[int(match.group(1))]
                if isinstance(raw, str) and raw in QUOTE_ENTITIES:
                    return QUOTE_ENTITIES[raw]
            placeholders.append(match.group(0))
            return OPAQUE
        return PLACEHOLDER.sub(stash, text)

    def collect(self, element: etree.Element, slots: list, nested: list) -> None:
        slots.append((element, "text"))
        for child in element:
            if child.tag in UNTOUCHED:
                slots.append(None)
            elif child.tag in INLINE:
                self.collect(child, slots, nested)
            else:
                slots.append(None)
                nested.append(child)
            slots.append((child, "tail"))

    def block(self, element: etree.Element, style: Style) -> None:
        """One block's text in `style`, or in the style of the language the block is marked with
        (the English original inside a page not yet translated: <div lang="en">)."""
        if element.tag in UNTOUCHED:
            return
        style = STYLES.get(element.get("lang", ""), style)
        slots: list = []
        nested: list[etree.Element] = []
        self.collect(element, slots, nested)
        placeholders: list[str] = []
        pieces = [OPAQUE if slot is None else self._plain(getattr(slot[0], slot[1]) or "", placeholders)
                  for slot in slots]
        joined = BOUNDARY.join(pieces)
        marks = QUOTES_AND_FRENCH_MARKS if style.french_spacing else QUOTES
        if marks.search(joined):          # most blocks have nothing to set: leave them as they are
            restored = iter(placeholders)
            for slot, new in zip(slots, _Typesetter(joined, style).run().split(BOUNDARY)):
                if slot is None:
                    continue
                new = re.sub(OPAQUE, lambda _: next(restored), new) if OPAQUE in new else new
                if new != (getattr(slot[0], slot[1]) or ""):
                    setattr(slot[0], slot[1], new or None)
        for child in nested:
            self.block(child, style)


ENTITY = re.compile(r"&#?\w+;")


class TocTypography(Treeprocessor):
    """The toc extension reads the headings after us but collapses every space, no-break ones included,
    in the names it lists: set those names again (their entities kept as they are)."""

    def __init__(self, md: Markdown, style: Style):
        super().__init__(md)
        self.style = style

    def run(self, root: etree.Element) -> None:
        styles: dict[str, Style] = {}     # heading id -> the style of the block it stands in

        def walk(element: etree.Element, style: Style) -> None:
            style = STYLES.get(element.get("lang", ""), style)
            if element.get("id"):
                styles[element.get("id")] = style
            for child in element:
                walk(child, style)

        walk(root, self.style)
        tokens = list(getattr(self.md, "toc_tokens", []))
        while tokens:
            token = tokens.pop()
            entities = ENTITY.findall(token["name"])
            text = _Typesetter(ENTITY.sub(OPAQUE, token["name"]), styles.get(token["id"], self.style)).run()
            token["name"] = re.sub(OPAQUE, lambda _: entities.pop(0), text)
            tokens.extend(token.get("children", []))


class TypographyExtension(Extension):
    """Python-Markdown extension: `TypographyExtension(lang="fr")`."""

    def __init__(self, **kwargs):
        self.config = {"lang": ["en", "the page's language (a key of como_site.typography.STYLES)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # after attr_list (8) has taken its {...} from the text, before toc (5) copies the headings
        style = style_of(self.getConfig("lang"))
        md.treeprocessors.register(TypographyTreeprocessor(md, style), "como_typography", 7)
        md.treeprocessors.register(TocTypography(md, style), "como_typography_toc", 4)
        md.ESCAPED_CHARS.extend(['"', "'"])   # \" and \' keep a straight quote
