"""Honest fallback pages for translations that do not exist yet.

Where a page exists only in the source language, each other language gets a page whose interface and
notice are in that language and whose untranslated body sits in an element marked with the source
language. Fallbacks are made in memory, inside that language's build, never written into the editors'
working tree, so nothing generated can be committed by mistake.
"""
from __future__ import annotations

import yaml

from como_site.contentfiles import read_text
from como_site.labels import Labels
from como_site.project import Project
from como_site.pages import FRONT_MATTER, GENERATED_KEY, front_matter
from como_site.translations import source_pages

FALLBACK_KEY = "fallback_of"


def missing_translations(project: Project) -> list[tuple[str, str]]:
    """(language, page path) for every source page that a language lacks."""
    return [(lang, path) for path in source_pages(project) for lang in project.codes
            if lang != project.source_language and not (project.docs_dir / lang / path).is_file()]


def fallback_page(project: Project, labels: Labels, lang: str, path: str) -> str:
    source = project.source_language
    text = read_text(project.docs_dir / source / path, project.root)
    meta = front_matter(text, f"docs/{source}/{path}")
    match = FRONT_MATTER.match(text)
    body = text[match.end():] if match else text
    fields = {"title": meta.get("title", path), "description": meta.get("description", ""),
              FALLBACK_KEY: source, GENERATED_KEY: f"docs/{source}/{path}"}
    notice = labels.get("fallback.notice", lang, language=labels.get(f"language.{lang}.in", lang),
                        original=labels.get(f"language.{source}.original", lang))
    return ("---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"
            f'!!! info "{labels.get("fallback.title", lang)}"\n\n    {notice}\n\n'
            f'<div lang="{source}" markdown>\n\n{body.strip()}\n\n</div>\n')


def fallback_pages(project: Project, labels: Labels, lang: str) -> dict[str, str]:
    """The fallback pages of one language: path inside the language folder -> Markdown."""
    return {path: fallback_page(project, labels, lang, path) for missing, path in missing_translations(project)
            if missing == lang}
