"""Translation status: which pages and case-study fields are missing, outdated or current per language.

A translation records the version of its source it was made from as a short content hash: `source_hash:`
in a page's front matter, `translated_from: {<lang>: {<field>: hash}}` in a case file. When the source
changes, its hash changes and the translation shows as outdated until a translator checks it and runs
`make i18n-stamp` (como_site/stamping.py, which records the new hash).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from como_site.casestudies.model import TEXT_FIELDS, CaseStudy
from como_site.contentfiles import read_text
from como_site.pages import front_matter, is_generated
from como_site.project import Project

SOURCE_HASH_KEY = "source_hash"
MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"


@dataclass(frozen=True, order=True)
class Status:
    item: str        # docs-relative page path, or case file + field
    lang: str
    state: str       # missing | outdated | current
    note: str = ""


def content_hash(text: str) -> str:
    normalised = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:12]


def source_pages(project: Project) -> list[str]:
    """Hand-written pages of the source language (generated ones have their own status)."""
    base = project.docs_dir / project.source_language
    return [path.relative_to(base).as_posix() for path in sorted(base.rglob("*.md")) if not is_generated(path)]


def page_hash(project: Project, path: str) -> str:
    return content_hash(read_text(project.docs_dir / project.source_language / path, project.root))


def page_status(project: Project, lang: str, path: str) -> Status:
    target = project.docs_dir / lang / path
    if not target.is_file():
        return Status(path, lang, MISSING)
    recorded = front_matter(read_text(target, project.root), f"docs/{lang}/{path}").get(SOURCE_HASH_KEY)
    if recorded is None:
        return Status(path, lang, OUTDATED, "no source_hash recorded")
    if str(recorded) != page_hash(project, path):
        return Status(path, lang, OUTDATED, "the source changed since")
    return Status(path, lang, CURRENT)


def case_field_texts(data: dict) -> dict[str, dict]:
    """The translatable fields of a case file's data, by name."""
    return {name: data[name] for name in (*TEXT_FIELDS, "region") if isinstance(data.get(name), dict)}


def case_statuses(case: CaseStudy, source: str, languages: tuple[str, ...]) -> list[Status]:
    statuses = []
    for name, text in case.texts.items():
        source_text = text.get(source) or ""
        for lang in languages:
            if lang == source:
                continue
            item = f"{case.path}#{name}"
            if not text.get(lang):
                statuses.append(Status(item, lang, MISSING))
                continue
            recorded = case.translated_from.get(lang, {}).get(name)
            if recorded is None:
                statuses.append(Status(item, lang, OUTDATED, "no hash under translated_from"))
            elif recorded != content_hash(source_text):
                statuses.append(Status(item, lang, OUTDATED, "the source changed since"))
            else:
                statuses.append(Status(item, lang, CURRENT))
    return statuses


def all_statuses(project: Project, cases: tuple[CaseStudy, ...]) -> list[Status]:
    statuses = [page_status(project, lang, path) for path in source_pages(project)
                for lang in project.codes if lang != project.source_language]
    for case in cases:
        statuses.extend(case_statuses(case, project.source_language, project.codes))
    return statuses


def report(statuses: list[Status], show_all: bool = True) -> str:
    """The status table; without show_all only what needs work (every state but current), then the counts."""
    lines = [f"{'language':8} {'state':9} item"]
    shown = statuses if show_all else [status for status in statuses if status.state != CURRENT]
    for status in sorted(shown, key=lambda s: (s.item, s.lang)):
        note = f"  ({status.note})" if status.note else ""
        lines.append(f"{status.lang:8} {status.state:9} {status.item}{note}")
    counts = {state: sum(1 for s in statuses if s.state == state) for state in (CURRENT, OUTDATED, MISSING)}
    lines.append(", ".join(f"{count} {state}" for state, count in counts.items()))
    return "\n".join(lines)
