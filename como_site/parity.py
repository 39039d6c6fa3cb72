"""Translation parity: what a translation stamped current must share with its original.

Compared, per page (and per translated field of a case file): the figures (numbers, percentages, years,
read with each language's CLDR separators, so 1,000 / 1.000 / 1 000 and 25 % / 25% are equal), link
and image targets, `{{ company.x }}` placeholders, and, for pages, the heading outline (number and levels
of headings). Sets are compared, not counts: a figure repeated in one language is no drift. Each
difference is a Problem `path:line: drift: what differs`.

A difference that is right (a legal reference only German law has) is declared in the translation's
front matter: `parity: {allow: ["§ 25 Abs. 2 Nr. 2 TDDDG"], reason: "..."}`. Every figure, link,
placeholder or heading inside an allowed passage (as written in this page or in its original) is left
out of the comparison. A case file's `sources:` are one list per field for all languages, so they
cannot drift and are not compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from babel.numbers import get_decimal_symbol, get_group_symbol
from markdown_it import MarkdownIt

from como_site.company import PLACEHOLDER
from como_site.pages import FRONT_MATTER
from como_site.problems import Problem

PARITY_KEY = "parity"
PARSER = MarkdownIt("commonmark").enable("table")
SPACES = " \u00a0\u202f"


@dataclass(frozen=True)
class Occurrence:
    kind: str       # figure | link | placeholder
    key: str        # what is compared: the figure's value, the target, the placeholder's field
    shown: str      # as written, for messages
    line: int


@dataclass
class Inventory:
    """What one text holds that its translations must hold too."""
    occurrences: list[Occurrence] = field(default_factory=list)
    headings: list[tuple[int, str, int]] = field(default_factory=list)   # level, text, line

    def first(self) -> dict[tuple[str, str], Occurrence]:
        found: dict[tuple[str, str], Occurrence] = {}
        for occurrence in self.occurrences:
            found.setdefault((occurrence.kind, occurrence.key), occurrence)
        return found


@lru_cache(maxsize=None)
def number_pattern(locale: str) -> re.Pattern[str]:
    """Numbers as a language writes them: its CLDR group sign (and spaces) between groups of three digits,
    then a decimal part after its decimal sign or a point (version 2.0 is 2.0 in every language), then %."""
    group = re.escape(get_group_symbol(locale) + SPACES)
    decimal = re.escape(get_decimal_symbol(locale) + ".")
    return re.compile(rf"(?<![\w.,])(\d{{1,3}}(?:[{group}]\d{{3}}(?!\d))+|\d+)(?:[{decimal}](\d+))?(?!\d)"
                      rf"([{SPACES}]?%)?")


def figures(text: str, locale: str) -> list[tuple[str, str]]:
    """(value, as written) for each figure in text: '1000' for 1.000 in German, '25%' for 25 %."""
    found = []
    for match in number_pattern(locale).finditer(text):
        whole = re.sub(r"\D", "", match.group(1))
        decimals = (match.group(2) or "").rstrip("0")
        value = whole.lstrip("0") or "0"
        found.append((value + (f".{decimals}" if decimals else "") + ("%" if match.group(3) else ""),
                      match.group(0)))
    return found


def _allowed(passages: tuple[str, ...], written: str) -> bool:
    return any(written.strip() in passage for passage in passages)


def text_inventory(text: str, locale: str, line: int, passages: tuple[str, ...], into: Inventory) -> None:
    """Figures and placeholders of a plain text starting at `line`, except those inside `passages`
    (the allowed passages that stand in the text's block)."""
    for offset, row in enumerate(text.split("\n")):
        for value, written in figures(PLACEHOLDER.sub(" ", row), locale):
            if not _allowed(passages, written):
                into.occurrences.append(Occurrence("figure", value, written.strip(), line + offset))
        for match in PLACEHOLDER.finditer(row):
            if not _allowed(passages, match.group(0)):
                into.occurrences.append(Occurrence("placeholder", match.group(1), match.group(0), line + offset))


def markdown_inventory(markdown: str, locale: str, allow: tuple[str, ...], first_line: int = 1) -> Inventory:
    """What a Markdown text holds, read with markdown-it-py; lines count from `first_line`."""
    inventory = Inventory()
    tokens = PARSER.parse(markdown)
    for index, token in enumerate(tokens):
        if token.type != "inline" or token.map is None:
            continue
        line = first_line + token.map[0]
        passages = tuple(passage for passage in allow if passage in token.content)
        if tokens[index - 1].type == "heading_open" and not passages:
            inventory.headings.append((int(tokens[index - 1].tag[1]), token.content, line))
        row = line
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                row += 1
            elif child.type == "text":
                text_inventory(child.content, locale, row, passages, inventory)
            elif child.type in ("link_open", "image"):
                target = str(child.attrs.get("href") or child.attrs.get("src") or "")
                if target and not _allowed(passages, target):
                    inventory.occurrences.append(Occurrence("link", target, target, row))
    return inventory


def page_inventory(text: str, locale: str, allow: tuple[str, ...]) -> Inventory:
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    return markdown_inventory(body, locale, allow, (match.group(0).count("\n") if match else 0) + 1)


def _what(occurrence: Occurrence) -> str:
    return {"figure": f"figure {occurrence.shown}", "link": f"link target {occurrence.shown}",
            "placeholder": f"placeholder {occurrence.shown}"}[occurrence.kind]


def compare(original: Inventory, translation: Inventory, shown: str, original_shown: str,
            fallback_line: int) -> list[Problem]:
    """The drift of translation (file `shown`) from original (`original_shown`), one problem each."""
    there, here = original.first(), translation.first()
    problems = [Problem(shown, occurrence.line, "drift", f"{_what(occurrence)} is not in the original "
                        f"({original_shown}): remove it, correct it, or declare it under parity.allow")
                for key, occurrence in here.items() if key not in there]
    problems += [Problem(shown, _line_near(translation, original, occurrence.line, fallback_line), "drift",
                         f"{_what(occurrence)} in the original ({original_shown}:{occurrence.line}) is missing here")
                 for key, occurrence in there.items() if key not in here]
    problems += _outline_drift(original, translation, shown, original_shown, fallback_line)
    return problems


def _line_near(translation: Inventory, original: Inventory, line: int, fallback: int) -> int:
    """The line of the translation's heading that matches the original's section holding `line`."""
    section = sum(1 for _, _, start in original.headings if start <= line) - 1
    if 0 <= section < len(translation.headings):
        return translation.headings[section][2]
    return fallback


def _outline(headings: list[tuple[int, str, int]]) -> str:
    return " ".join(f"h{level}" for level, _, _ in headings) or "no headings"


def _outline_drift(original: Inventory, translation: Inventory, shown: str, original_shown: str,
                   fallback_line: int) -> list[Problem]:
    levels_there = [level for level, _, _ in original.headings]
    levels_here = [level for level, _, _ in translation.headings]
    if levels_there == levels_here:
        return []
    position = next((i for i, (a, b) in enumerate(zip(levels_there, levels_here)) if a != b),
                    min(len(levels_there), len(levels_here)))
    if position < len(translation.headings):
        level, text, line = translation.headings[position]
        where = f"from heading h{level} '{text}' on"
    else:
        line, where = (translation.headings[-1][2] if translation.headings else fallback_line), "after the last heading"
    there = (f", the original's heading {position + 1} is h{original.headings[position][0]} "
             f"'{original.headings[position][1]}' ({original_shown}:{original.headings[position][2]})"
             if position < len(original.headings) else "")
    return [Problem(shown, line, "drift", f"heading outline differs {where}{there}: here {len(levels_here)} "
                    f"headings ({_outline(translation.headings)}), in the original {len(levels_there)} "
                    f"({_outline(original.headings)})")]


def allowance(meta: dict, shown: str, line: int) -> tuple[tuple[str, ...], list[Problem]]:
    """The declared passages of a page's `parity:` key, and problems with how it is written."""
    value = meta.get(PARITY_KEY)
    if value is None:
        return (), []
    how = f'write it as {PARITY_KEY}: {{allow: ["passage as written"], reason: "why it differs"}}'
    if not isinstance(value, dict) or set(value) - {"allow", "reason"}:
        return (), [Problem(shown, line, PARITY_KEY, how)]
    passages = value.get("allow")
    if not isinstance(passages, list) or not passages or not all(isinstance(p, str) and p.strip() for p in passages):
        return (), [Problem(shown, line, f"{PARITY_KEY}.allow", f"list the passages that may differ; {how}")]
    if not str(value.get("reason") or "").strip():
        return tuple(passages), [Problem(shown, line, f"{PARITY_KEY}.reason",
                                         f"say why these passages differ from the original; {how}")]
    return tuple(passages), []


def unused_passages(passages: tuple[str, ...], texts: tuple[str, ...], shown: str, line: int) -> list[Problem]:
    """An allowed passage found in neither text is stale (the page changed): say so, do not hide it."""
    return [Problem(shown, line, f"{PARITY_KEY}.allow", f"'{passage}' stands neither in this page nor in its "
                    "original: copy it exactly as written, or remove it")
            for passage in passages if not any(passage in text for text in texts)]
