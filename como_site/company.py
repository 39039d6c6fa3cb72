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


def fill_company(markdown: str, company: dict[str, Any], lang: str, labels: Labels,
                 source: str) -> tuple[str, list[Problem]]:
    """Return the Markdown with placeholders filled, and a problem for each unknown field."""
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in company:
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(Problem(source, line, f"company.{field}",
                                    f"unknown company field; use one of: {', '.join(sorted(company))}"))
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

    return PLACEHOLDER.sub(replace, markdown), problems
