"""The simplest content type: one YAML file checked against its schema, shown as one page per language
through one template. A type like the glossary needs no Python of its own: its registration line names
this module, the page's path and the template.

The template gets `data` (the file's content), `lang` (this page's language), `language` and `others`
(the project's Language entries: this one, the other ones), `label(key)` (i18n/labels.yml in this
language), `path` (the data file) and the functions `collate(mapping, field)` (the mapping's (key, value)
pairs sorted by value[field] as readers expect: case and accents ignored), `anchor(key)` (the id of a
record, the same in every language, so pages link `glossary.md#cluster-management` alike) and
`in_language(text)` (a per-language text in this language, else the source language) and
`typeset(text, lang)` (a plain text in the typography of a language: raw HTML in a template is not set
by the build's Markdown typography).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from como_site.casestudies.validate import language_problems, schema_problems
from como_site.labels import Labels
from como_site.problems import Problem, relative
from como_site.project import Project
from como_site.templates import render
from como_site.typography import typeset
from como_site.yamlsource import load_yaml


def load(project: Project, content_type) -> tuple[Any, list[Problem]]:
    """The file's data once it passed its schema and has every language; else every problem."""
    path = project.root / content_type.data
    shown = relative(path, project.root)
    document, problems = load_yaml(path, shown, project.root)
    if document is None:
        return None, problems
    problems += schema_problems(document, project.root / content_type.schema)
    if not problems:
        problems += language_problems(document, content_type.schema_at(project.root), project)
    return (None, sorted(set(problems))) if problems else ({"path": shown, "data": document.data}, [])


def anchor(key: str) -> str:
    """A record's id from its (English) key: lowercase letters and digits, runs of anything else one hyphen
    ('cluster-building process' -> 'cluster-building-process')."""
    return re.sub(r"[^a-z0-9]+", "-", key.casefold()).strip("-")


def collation_key(text: str) -> str:
    """Alphabetical order as readers expect it: case, accents and apostrophes ignored (é with e, ü with u,
    d'approvisionnement as dapprovisionnement, whether typed ' or set as ’)."""
    return "".join(char for char in unicodedata.normalize("NFD", text.casefold())
                   if not unicodedata.combining(char) and char not in "'’")


def pages(project: Project, labels: Labels, loaded: dict[str, Any], lang: str, content_type) -> dict[str, str]:
    source = project.source_language

    def in_language(text: Any) -> tuple[str, str | None]:
        """(the text in this language, None), or (the source-language text, its language) to mark it."""
        if isinstance(text, dict) and text.get(lang):
            return text[lang], None
        value = text.get(source, "") if isinstance(text, dict) else text
        return value, None if lang == source else source

    return {content_type.page: render(
        project.root, content_type.template, data=loaded["data"], path=loaded["path"], lang=lang,
        language=project.language(lang), others=[other for other in project.languages if other.code != lang],
        label=lambda key: labels.get(key, lang), in_language=in_language,
        anchor=anchor, typeset=typeset, collate=lambda mapping, field: sorted(
            mapping.items(), key=lambda item: collation_key(item[1][field])))}


def blocks(project: Project, labels: Labels, loaded: dict[str, Any], lang: str, content_type,
           files: dict[str, bytes]) -> dict[str, str]:
    return {}
