"""Markdown page files: their front matter, and whether a page was generated (older builds wrote such
files into docs/; pages made from data now exist only inside the build and carry the same key)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
GENERATED_KEY = "generated_from"   # front-matter key of every page our code writes


def front_matter(text: str) -> dict:
    match = FRONT_MATTER.match(text)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def is_generated(path: Path) -> bool:
    """True for a page written by our generators; reads only the file's head."""
    with path.open(encoding="utf-8") as handle:
        head = handle.read(2000)
    return head.startswith("---\n") and f"\n{GENERATED_KEY}:" in head.split("\n---", 1)[0]
