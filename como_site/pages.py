"""Markdown page files: their front matter, its rules, and whether a page was generated (never edited by hand;
pages made from data exist only inside the build and carry the same key).

PAGE_FIELDS is the one list of what an editor's page may say in its front matter; the checks and, later,
the web editor's form (como_site/editorconfig.py) are derived from it. Keys only our generators write (GENERATED_KEY, fallback_of)
are trusted only in the folders the generators own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from como_site.contentfiles import read_start
from como_site.problems import ContentError, Problem
from como_site.yamlsource import YamlDocument, parse_yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
GENERATED_KEY = "generated_from"   # front-matter key of every page our code writes
GENERATED_DIRS = ("case-studies",)  # folders under docs/<lang>/ where our generators write pages


@dataclass(frozen=True)
class PageField:
    type: type
    required: bool
    meaning: str            # for editors: what the field is for
    choices: tuple[str, ...] = ()   # the only values allowed, when there is such a list
    written_by_tools: bool = False              # never typed by hand: the web editor hides and keeps it
    parts: tuple[tuple[str, type], ...] = ()    # the keys of a dict field, and their types


PAGE_FIELDS = {
    "title": PageField(str, True, "the page title and its label in the menu; short"),
    "description": PageField(str, True, "one sentence of 110 to 160 characters, shown by search engines"),
    "source_hash": PageField(str, False, "written by `make i18n-stamp` in translated pages; never typed by hand",
                             written_by_tools=True),
    "parity": PageField(dict, False, "in a translation: a passage that may differ from the original, and why "
                                     "(checked by como_site/parity.py)", parts=(("allow", list), ("reason", str))),
    "source_commit": PageField(str, False, "written by `make i18n-stamp` next to source_hash; never typed by hand",
                               written_by_tools=True),
    "template": PageField(str, False, "the layout of a language's start page (index.md): home.html, the front door "
                                      "with the entry points (overrides/home.html)", ("home.html",)),
}
TYPE_HINTS = {str: "must be a text, in quotes if it starts with a special character",
              dict: "must be key: value lines, e.g. parity: {allow: [\"§ 25 TDDDG\"], reason: \"German law only\"}"}


def parse_front_matter(text: str, shown: str) -> tuple[YamlDocument | None, list[Problem]]:
    """The front matter of a page's text (None without one), parsed by the editors' YAML loader."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, []
    return parse_yaml(match.group(1), shown, first_line=2, rule="front-matter")


def front_matter(text: str, shown: str) -> dict:
    """The front matter of a page that passed the checks (contentcheck), as data."""
    document, problems = parse_front_matter(text, shown)
    if problems:
        raise ContentError(problems)
    return document.data if document and isinstance(document.data, dict) else {}


def field_problems(document: YamlDocument, end_line: int) -> list[Problem]:
    """Unknown keys, values of the wrong type and missing required keys of an editor's page."""
    data, shown = document.data, document.path
    problems = []
    for key, value in data.items():
        rule = PAGE_FIELDS.get(key)
        if rule is None:
            problems.append(Problem(shown, document.line((key,)), f"front-matter.{key}",
                                    f"unknown field; a page may have: {', '.join(PAGE_FIELDS)}"))
        elif value is not None and not isinstance(value, rule.type):
            problems.append(Problem(shown, document.line((key,)), f"front-matter.{key}", TYPE_HINTS[rule.type]))
        elif value is not None and rule.choices and value not in rule.choices:
            problems.append(Problem(shown, document.line((key,)), f"front-matter.{key}",
                                    f"{value!r} is not a layout of this site: write {' or '.join(rule.choices)}, "
                                    "or leave the field out"))
    problems += [Problem(shown, end_line, f"front-matter.{key}", f"add `{key}:` to the front matter")
                 for key, rule in PAGE_FIELDS.items()
                 if rule.required and str(data.get(key) or "").strip() == ""]
    return problems


def is_generated(path: Path) -> bool:
    """True for a page written by our generators, in a folder they own; reads only the file's head."""
    parts = path.parts
    docs = len(parts) - 1 - parts[::-1].index("docs") if "docs" in parts else len(parts)
    if len(parts) < docs + 4 or parts[docs + 2] not in GENERATED_DIRS:   # docs/<lang>/<folder>/...
        return False
    head = read_start(path, 2000)
    return head.startswith("---\n") and f"\n{GENERATED_KEY}:" in head.split("\n---", 1)[0]
