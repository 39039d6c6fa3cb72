"""The house glossary as a content type (registered in como_site/contenttypes.py): i18n/glossary.yml,
which reviewers check pages against, becomes the page glossary.md in every language, each term with its
equivalents in the other languages and its note."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from como_site.casestudies.model import Text
from como_site.casestudies.validate import language_problems, schema_problems
from como_site.labels import Labels
from como_site.problems import Problem, relative
from como_site.project import Project
from como_site.templates import render
from como_site.yamlsource import load_yaml

PAGE = "glossary.md"


@dataclass(frozen=True)
class Term:
    key: str                  # the English key in glossary.yml
    values: dict[str, str]    # language -> the term
    note: Text | None = None  # one English text (neutral) or one per language


@dataclass(frozen=True)
class Glossary:
    path: str                 # the data file, relative to the project root
    terms: tuple[Term, ...]


def load(project: Project, content_type) -> tuple[Glossary | None, list[Problem]]:
    path = project.root / content_type.data
    shown = relative(path, project.root)
    document, problems = load_yaml(path, shown)
    if document is None:
        return None, problems
    if not isinstance(document.data, dict):
        return None, [Problem(shown, 1, "(file)", "the glossary must start with `terms:`")]
    problems += schema_problems(document, project.root / content_type.schema)
    if problems:
        return None, sorted(set(problems))
    problems += language_problems(document, content_type.schema_at(project.root), project)
    if problems:
        return None, sorted(set(problems))
    terms = tuple(Term(key, {lang: value for lang, value in entry.items() if lang != "note"},
                       Text.from_data(entry["note"]) if "note" in entry else None)
                  for key, entry in document.data["terms"].items())
    return Glossary(shown, terms), []


def _sort_key(text: str) -> str:
    """Alphabetical order as readers expect it: case and accents ignored (é with e, ü with u)."""
    return "".join(char for char in unicodedata.normalize("NFD", text.casefold()) if not unicodedata.combining(char))


def _note(term: Term, lang: str, source: str) -> tuple[str, str | None]:
    """The note in this language, or in the source language (then with its language, to mark it)."""
    assert term.note is not None
    value = term.note.get(lang)
    if value and not term.note.neutral:
        return value, None
    return term.note.get(source) or "", None if lang == source else source


def pages(project: Project, labels: Labels, glossary: Glossary, lang: str) -> dict[str, str]:
    others = [language for language in project.languages if language.code != lang]
    terms = sorted(glossary.terms, key=lambda term: _sort_key(term.values[lang]))
    notes = {term.key: _note(term, lang, project.source_language) for term in terms if term.note}
    return {PAGE: render(project.root, "glossary.md", label=lambda key: labels.get(key, lang), lang=lang,
                         language=project.language(lang), others=others, terms=terms, notes=notes,
                         path=glossary.path)}


def blocks(project: Project, labels: Labels, glossary: Glossary, lang: str) -> dict[str, str]:
    return {}
