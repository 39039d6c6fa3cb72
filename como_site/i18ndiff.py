"""`make i18n-diff FILES=docs/de/x.md`: what changed in the original since the translation was stamped.

A stamp records the original's git commit (`source_commit:` in a page, `commit` per language under a case
file's `translated_from:`). The diff is the original at that commit against the original now, as a
unified diff of the Markdown; for a case file, one diff per translated field whose source text changed.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from como_site import gitinfo
from como_site.contentfiles import read_text
from como_site.pages import front_matter
from como_site.project import Project
from como_site.stamping import CASE_COMMIT_KEY, SOURCE_COMMIT_KEY, StampRefused, target
from como_site.translations import case_field_texts
from como_site.yamlsource import load_yaml, parse_yaml


@dataclass(frozen=True)
class Diff:
    text: str          # unified diff lines; "" when nothing changed or there is nothing to compare
    message: str       # one line for the editor: what was compared, or why nothing could be


def _unified(old: str, new: str, label: str, commit: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        f"{label} (stamped, {commit[:10]})", f"{label} (now)"))


def _no_commit(shown: str, key: str) -> Diff:
    return Diff("", f"{shown}: {key}: no commit recorded; stamp the translation with `make i18n-stamp "
                    f"FILES={shown}` once it matches its original, then i18n-diff shows later changes")


def _missing_commit(shown: str, commit: str) -> Diff:
    return Diff("", f"{shown}: commit {commit[:10]} is not in this clone: fetch the full history "
                    "(git fetch --unshallow) and try again")


def page_diff(project: Project, shown: str, page: str) -> Diff:
    commit = str(front_matter(read_text(project.root / shown, project.root), shown).get(SOURCE_COMMIT_KEY) or "")
    if not commit:
        return _no_commit(shown, SOURCE_COMMIT_KEY)
    original = f"docs/{project.source_language}/{page}"
    old = gitinfo.text_at(project.root, commit, original)
    if old is None:
        return _missing_commit(shown, commit)
    text = _unified(old, read_text(project.root / original, project.root), original, commit)
    return Diff(text, f"{shown}: {original} changed since {commit[:10]}" if text else
                f"{shown}: {original} is unchanged since the stamp ({commit[:10]})")


def case_diff(project: Project, shown: str, lang: str, only_field: str | None = None) -> Diff:
    document, problems = load_yaml(project.root / shown, shown, project.root)
    data = document.data if not problems and isinstance(document.data, dict) else {}
    stamp = (data.get("translated_from") or {}).get(lang) or {}
    commit = str(stamp.get(CASE_COMMIT_KEY) or "")
    where = f"translated_from.{lang}.{CASE_COMMIT_KEY}"
    if not commit:
        return _no_commit(shown, where)
    old_text = gitinfo.text_at(project.root, commit, shown)
    if old_text is None:
        return _missing_commit(shown, commit)
    old_document, old_problems = parse_yaml(old_text, shown)
    old_fields = case_field_texts(old_document.data) if not old_problems and isinstance(old_document.data, dict) else {}
    source, parts = project.source_language, []
    for name, text in case_field_texts(data).items():
        if only_field in (None, name) and text.get(lang):
            before, now = (old_fields.get(name) or {}).get(source) or "", text.get(source) or ""
            parts.append(_unified(before.rstrip() + "\n", now.rstrip() + "\n", f"{shown}#{name}.{source}", commit)
                         if before.strip() != now.strip() else "")
    text = "".join(parts)
    return Diff(text, f"{shown} ({lang}): the {source} texts changed since {commit[:10]}" if text else
                f"{shown} ({lang}): the {source} texts are unchanged since the stamp ({commit[:10]})")


def diff_for(project: Project, shown: str, lang: str, field: str | None = None) -> Diff:
    return case_diff(project, shown, lang, field) if shown.startswith("case_studies/") else \
        page_diff(project, shown, shown.split("/", 2)[2])


def i18n_diff(project: Project, names: list[str], cwd: Path) -> list[Diff]:
    """The diff for each named translation (a case file: one per translated language)."""
    if not gitinfo.available(project.root):
        raise StampRefused("git is not available here: i18n-diff compares with the commit a stamp recorded, "
                           "so it needs git and the repository's history")
    diffs = []
    for name in names:
        found = target(project, name, cwd)
        if found.page is not None:
            diffs.append(page_diff(project, found.shown, found.page))
        else:
            diffs += [case_diff(project, found.shown, lang) for lang in project.codes if lang != project.source_language]
    return diffs
