"""Spell check of the built pages, per language: pyspelling with Debian's hunspell dictionaries.

Each page's text is sorted by the language it is marked in (the nearest `lang` attribute): German text of a
French page is checked with the German dictionary, text in a language without a dictionary here (e.g.
Albanian titles of sources) is skipped, and so is code. What a visitor reads in attributes (title,
aria-label, alt, placeholder) counts as text of its element; the page's <head> is not read by visitors. Names and terms the dictionaries lack are in
the word lists next to this file: words.txt for every language (names), words-<lang>.txt for each one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import yaml
from pyspelling import spellcheck
from selectolax.lexbor import LexborHTMLParser

HERE = Path(__file__).parent
DICTIONARIES = {"de": "de_DE", "en": "en_GB", "es": "es_ES", "fr": "fr_FR"}
SKIPPED = frozenset({"head", "script", "style", "code", "pre", "kbd", "samp", "svg", "template"})   # head: nothing a reader reads
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# What hunspell leaves on a word it reports: a full stop (the German dictionary counts it as part of a word),
# a French elision (l', qu'), an English possessive ('s). A listed word keeps its list entry with these.
AFFIXES = re.compile(r"^(?:[a-z]{1,2}|qu)'|'s$|\.$", re.IGNORECASE)


def word_list(lang: str) -> set[str]:
    return {word for name in ("words.txt", f"words-{lang}.txt")
            for word in (HERE / name).read_text(encoding="utf-8").split()}


def listed(word: str, words: set[str]) -> bool:
    """A word of the lists, or one with the affixes hunspell leaves on, or no word at all (a dash)."""
    return not any(char.isalpha() for char in word) or AFFIXES.sub("", AFFIXES.sub("", word)) in words


def _language(node) -> str | None:
    """The language a node is in (its nearest lang), or None when it sits in code or a script."""
    while node is not None:
        if node.tag in SKIPPED:
            return None
        lang = (node.attributes or {}).get("lang") if node.tag != "-text" else None
        if lang:
            return lang.split("-")[0].lower()
        node = node.parent
    return None


def texts_by_language(html: bytes | str) -> dict[str, list[str]]:
    """A page's visible text and read-out attributes, as lines per language."""
    tree = LexborHTMLParser(html)
    lines: dict[str, list[str]] = defaultdict(list)
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-text":
            text = node.text_content
            if text.strip() and (lang := _language(node.parent)):
                lines[lang].append(text.strip().replace("\u2019", "'"))   # the dictionaries know l', it's
        elif node.attributes and (lang := _language(node)):
            lines[lang] += [node.attributes[name] for name in ATTRIBUTES if node.attributes.get(name)]
    return lines


def misspelled(pages: dict[str, bytes | str], work: Path) -> dict[str, dict[str, set[str]]]:
    """language -> word hunspell does not know (after the word lists) -> the pages it is on. All pages of a
    language go to hunspell as one file (a call per page would load the dictionary hundreds of times)."""
    lines_of = {name: texts_by_language(html) for name, html in pages.items()}
    found: dict[str, dict[str, set[str]]] = {}
    for lang, dictionary in DICTIONARIES.items():
        text = "\n".join(line for lines in lines_of.values() for line in lines.get(lang, []))
        if not text:
            continue
        (work / f"{lang}.txt").write_text(text + "\n", encoding="utf-8")
        config = work / f"{lang}.yml"
        config.write_text(yaml.safe_dump({"spellchecker": "hunspell", "matrix": [{
            "name": lang, "sources": [str(work / f"{lang}.txt")], "default_encoding": "utf-8",
            "hunspell": {"d": dictionary},
            "dictionary": {"wordlists": [str(HERE / "words.txt"), str(HERE / f"words-{lang}.txt")],
                           "output": str(work / f"{lang}.dic")},
            "pipeline": [{"pyspelling.filters.text": None}, {"pyspelling.filters.url": None}]}]}), encoding="utf-8")
        words: set[str] = set()
        for result in spellcheck(str(config)):
            if result.error:
                raise RuntimeError(f"pyspelling ({lang}): {result.error}")
            words.update(word for word in result.words if not listed(word, word_list(lang)))
        found[lang] = {word: {name for name, lines in lines_of.items() if any(word in line for line in lines.get(lang, []))}
                       for word in sorted(words)}
    return found
