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


def unknown_placeholders(text: str, shown: str, company: dict[str, Any]) -> list[Problem]:
    """A problem, with its line, for each placeholder naming a field the company values lack
    (placeholders inside fenced code are examples, not placeholders)."""
    problems, in_fence = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        for match in () if in_fence else PLACEHOLDER.finditer(line):
            if match.group(1) not in company:
                problems.append(Problem(shown, number, f"company.{match.group(1)}",
                                        f"unknown company field; use one of: {', '.join(sorted(company))}"))
    return problems


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
