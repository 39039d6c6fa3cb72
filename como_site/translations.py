"""Translation status: which pages and case-study fields are missing, outdated or current per language.

A translation records the version of its source it was made from as a short content hash: `source_hash:`
in a page's front matter, `translated_from: {<lang>: {<field>: hash}}` in a case file. When the source
changes, its hash changes and the translation shows as outdated until a translator checks it and runs
`make i18n-stamp` (como_site/stamping.py, which records the new hash). A translation shown as current is
also compared with its original (como_site/parity.py): any drift is a problem `path:line: drift: ...`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from como_site.casestudies.model import CaseStudy
from como_site.contentfiles import read_text
from como_site.contenttypes import CASE_STUDIES
from como_site.labels import labels_for
from como_site.pages import FRONT_MATTER, front_matter, is_generated
from como_site.parity import PARITY_KEY, allowance, compare, markdown_inventory, page_inventory, unused_passages
from como_site.problems import Problem, relative
from como_site.project import ROOT, Project
from como_site.schema import text_fields, translatable_texts
from como_site.yamlsource import field_name, load_yaml

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
    """The translatable fields of a case file's data by field name (`title`, `actors[0].name`, ...), as
    the case-study schema marks them: the fields whose translations are tracked and stamped."""
    return translatable_texts(CASE_STUDIES.schema_at(ROOT), data)


def case_statuses(case: CaseStudy, source: str, languages: tuple[str, ...]) -> list[Status]:
    statuses = []
    for name, text in case.translatable.items():
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


# -- parity of current translations (como_site/parity.py) -------------------------------------------

def _locale(project: Project, lang: str) -> str:
    return labels_for(project).get("format.locale", lang)


def page_drift(project: Project, lang: str, path: str) -> list[Problem]:
    """How a translated page stamped current differs from its original in figures, links, placeholders
    and heading outline, less what its front matter declares under `parity:`."""
    shown, original_shown = f"docs/{lang}/{path}", f"docs/{project.source_language}/{path}"
    text = read_text(project.docs_dir / lang / path, project.root)
    original = read_text(project.docs_dir / project.source_language / path, project.root)
    match = FRONT_MATTER.match(text)
    meta_line = 2 if match else 1
    if match:
        meta_line += next((number for number, row in enumerate(match.group(1).splitlines())
                           if row.startswith(f"{PARITY_KEY}:")), 0)
    allow, problems = allowance(front_matter(text, shown), shown, meta_line)
    body = text[match.end():] if match else text
    problems += unused_passages(allow, (body, original), shown, meta_line)
    here = page_inventory(text, _locale(project, lang), allow)
    there = page_inventory(original, _locale(project, project.source_language), allow)
    first_heading = here.headings[0][2] if here.headings else 1
    return problems + compare(there, here, shown, original_shown, first_heading)


def case_drift(project: Project, path: Path, current: set[tuple[str, str]]) -> list[Problem]:
    """Parity of each field of one case file translated and stamped current: (field, lang) in `current`."""
    shown = relative(path, project.root)
    document, _ = load_yaml(path, shown, project.root)
    problems = []
    for field, text in text_fields(CASE_STUDIES.schema_at(ROOT), document.data):
        name = field_name(field)
        original = str(text.get(project.source_language) or "")
        original_line = document.line((*field, project.source_language))
        there = markdown_inventory(original, _locale(project, project.source_language), (), original_line)
        for lang in project.codes:
            if (name, lang) in current:
                line = document.line((*field, lang))
                here = markdown_inventory(str(text[lang]), _locale(project, lang), (), line)
                problems += compare(there, here, shown, shown, line)
    return problems


def all_drift(project: Project, statuses: list[Status]) -> list[Problem]:
    """Drift of every translation that `statuses` shows as current."""
    problems: list[Problem] = []
    current_cases: dict[str, set[tuple[str, str]]] = {}
    for status in statuses:
        if status.state != CURRENT:
            continue
        if "#" in status.item:
            case_path, name = status.item.split("#", 1)
            current_cases.setdefault(case_path, set()).add((name, status.lang))
        else:
            problems += page_drift(project, status.lang, status.item)
    for case_path, current in sorted(current_cases.items()):
        problems += case_drift(project, project.root / case_path, current)
    return sorted(problems)
