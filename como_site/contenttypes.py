"""Content types: pages made from data. Each is a JSON Schema, its data and its templates, registered here.

A type's module (named in its registration line) offers three functions:
  load(project, content_type) -> (model or None, problems)                every file checked, all at once;
  pages(project, labels, model, lang, content_type) -> {path: Markdown}    one language's pages, in memory;
  blocks(project, labels, model, lang, content_type, files) -> {marker: Markdown} blocks replacing a page's
      marker, given the language's `files` already made (a block may link one, and say its size);
and may offer a fourth, for files that are not pages (the case-study PDFs):
  files(project, labels, model, lang, content_type) -> {path: bytes}       one language's files, in memory.
como_site.onepage is such a module for any type that is one file shown as one page through one template
(`page`, `template`): a new type like that is a schema, its data, a template and a registration line.
The model is loaded once per build and handed to every language's build; the pages exist only there.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

from como_site.labels import Labels
from como_site.problems import Problem
from como_site.project import Project
from como_site.schema import Schema, load_schema


@dataclass(frozen=True)
class ContentType:
    name: str
    schema: str     # the JSON Schema, relative to the project root
    data: str       # the data: a folder of files or one file, relative to the project root
    module: str     # the package module with load(), pages() and blocks()
    page: str = ""      # for como_site.onepage: the page's path in each language folder
    template: str = ""  # for como_site.onepage: its template in overrides/content/

    def schema_at(self, root: Path) -> Schema:
        return load_schema(root / self.schema)

    @property
    def code(self) -> ModuleType:
        return import_module(self.module)


CASE_STUDIES = ContentType("case-studies", "case_studies/schema/case-study.schema.json", "case_studies", "como_site.casestudies.contenttype")
GLOSSARY = ContentType("glossary", "i18n/schema/glossary.schema.json", "i18n/glossary.yml", "como_site.onepage", "glossary.md", "glossary.md")
FURTHER_READING = ContentType("further-reading", "sources/schema/further-reading.schema.json", "sources/further-reading.yml", "como_site.furtherreading", "further-reading.md", "further-reading.md")
CONTENT_TYPES = (CASE_STUDIES, GLOSSARY, FURTHER_READING)

Content = dict[str, Any]   # content type name -> its validated model


def load_content(project: Project) -> tuple[Content, list[Problem]]:
    """Every content type's data, validated; all problems of all types at once."""
    content: Content = {}
    problems: list[Problem] = []
    for content_type in CONTENT_TYPES:
        model, found = content_type.code.load(project, content_type)
        problems += found
        content[content_type.name] = model
    return content, problems


def content_pages(project: Project, labels: Labels, content: Content, lang: str) -> dict[str, str]:
    """Every page made from data in one language: path inside the language folder -> Markdown."""
    pages: dict[str, str] = {}
    for content_type in CONTENT_TYPES:
        pages.update(content_type.code.pages(project, labels, content[content_type.name], lang, content_type))
    return pages


def content_files(project: Project, labels: Labels, content: Content, lang: str) -> dict[str, bytes]:
    """Every file made from data in one language that is not a page: path inside the language folder -> bytes."""
    files: dict[str, bytes] = {}
    for content_type in CONTENT_TYPES:
        make = getattr(content_type.code, "files", None)
        if make:
            files.update(make(project, labels, content[content_type.name], lang, content_type))
    return files


def content_blocks(project: Project, labels: Labels, content: Content, lang: str,
                   files: dict[str, bytes]) -> dict[str, str]:
    """Marker -> the Markdown block that replaces it, for the markers of every type; `files` are the
    language's files made from data (content_files), which blocks may link."""
    blocks: dict[str, str] = {}
    for content_type in CONTENT_TYPES:
        blocks.update(content_type.code.blocks(project, labels, content[content_type.name], lang, content_type, files))
    return blocks
