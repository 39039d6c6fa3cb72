"""Fill `{{ company.<field> }}` placeholders in Markdown from the company values in mkdocs.yml.

A value only Como can supply and that is still empty is shown as a visible, translated
"to be completed" marker, never invented.
"""
from __future__ import annotations

import re
from typing import Any

from como_site.labels import Labels
from como_site.problems import Problem

PLACEHOLDER = re.compile(r"\{\{\s*company\.([a-z_]+)\s*\}\}")


FENCE = re.compile(r"^\s*(```|~~~)")


def placeholders(text: str):
    """(line number, field) of each placeholder in Markdown; those inside fenced code are examples, skipped."""
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        for match in () if in_fence else PLACEHOLDER.finditer(line):
            yield number, match.group(1)


def unknown_placeholders(text: str, shown: str, company: dict[str, Any]) -> list[Problem]:
    """A problem, with its line, for each placeholder naming a field the company values lack."""
    return [Problem(shown, number, f"company.{field}", f"unknown company field; use one of: {', '.join(sorted(company))}")
            for number, field in placeholders(text) if field not in company]


def fill_company(markdown: str, company: dict[str, Any], lang: str, labels: Labels) -> str:
    """The Markdown with every known placeholder filled (unknown ones are left for the checks to report)."""

    def replace(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in company:
            return match.group(0)
        value = company[field]
        if value in (None, ""):
            what = labels.get(f"company.{field}", lang)
            return f'<mark class="como-todo">{labels.get("company.to_be_completed", lang, field=what)}</mark>'
        value = str(value)
        if field == "email":
            return f"[{value}](mailto:{value})"
        if field == "website":
            return f"[{value.removeprefix('https://')}]({value})"
        return value

    return PLACEHOLDER.sub(replace, markdown)


def open_placeholders(project) -> list[Problem]:
    """Every `{{ company.x }}` in a hand-written page whose value in extra.company is still empty,
    with its page and line: what would be published as a "to be completed" marker."""
    from como_site.contentfiles import read_text
    from como_site.pages import is_generated

    empty = {name for name, value in project.company.items() if value in (None, "")}
    problems = []
    for path in sorted(project.docs_dir.glob("*/**/*.md")):
        if path.relative_to(project.docs_dir).parts[0] not in project.codes or is_generated(path):
            continue
        shown = path.relative_to(project.root).as_posix()
        problems += [Problem(shown, number, f"company.{field}", "still empty: Como fills it in under extra.company in mkdocs.yml")
                     for number, field in placeholders(read_text(path, project.root)) if field in empty]
    return problems
