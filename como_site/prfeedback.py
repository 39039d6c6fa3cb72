"""Feedback on a pull request in GitHub Actions: problems as annotations on the diff, and a job summary.

When GITHUB_ACTIONS is set, every problem the build or the checks report is also printed as a workflow
command `::error file=PATH,line=N,title=FIELD::message`, so GitHub shows it on the line the editor wrote.
The job summary ($GITHUB_STEP_SUMMARY, Markdown) lists the pages the pull request changes (git diff
against $GITHUB_BASE_REF), the translations that are outdated, with their i18n-diff, and the company
placeholders still open.
"""
from __future__ import annotations

import os
import re
from itertools import groupby
from pathlib import Path

from como_site.gitinfo import git
from como_site.problems import Problem

# A line of a BuildError that names a file: `[de] path:line: rest` or `path: rest`
_NAMED_FILE = re.compile(r"^(?:\[[a-z]{2}\] )?(?P<path>[\w./-]+\.(?:md|yml|yaml|html|json))(?::(?P<line>\d+))?: (?P<rest>.+)$")


def in_github_actions() -> bool:
    return bool(os.environ.get("GITHUB_ACTIONS"))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """The workflow command that shows `problem` on its file and line in the pull request."""
    properties = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    if problem.field:
        properties.append(f"title={_escape_property(problem.field)}")
    return f"::error {','.join(properties)}::{_escape_data(problem.message)}"


def problems_in(message: str) -> list[Problem]:
    """The problems a build error's text names a file for, one per line (other lines are left out)."""
    problems = []
    for line in message.splitlines():
        match = _NAMED_FILE.match(line.strip())
        if match:
            field, _, rest = match["rest"].partition(": ") if ": " in match["rest"] else ("", "", match["rest"])
            if " " in field:          # not a field name: the whole rest is the message
                field, rest = "", match["rest"]
            problems.append(Problem(match["path"], int(match["line"] or 0), field, rest))
    return problems


def print_annotations(problems: list[Problem]) -> None:
    if in_github_actions():
        for problem in problems:
            print(annotation(problem), flush=True)


# -- the job summary ---------------------------------------------------------------------------------

def changed_files(root: Path, base: str) -> list[str] | None:
    """Files the pull request changes against its base branch (None when git cannot tell)."""
    for ref in (f"origin/{base}", base):
        names = git(root, "diff", "--name-only", f"{ref}...HEAD")
        if names is not None:
            return sorted(set(names.split()))
    return None


def _file_link(path: str) -> str:
    server, repository = os.environ.get("GITHUB_SERVER_URL", "https://github.com"), os.environ.get("GITHUB_REPOSITORY")
    revision = os.environ.get("GITHUB_HEAD_REF") or os.environ.get("GITHUB_SHA") or "HEAD"
    return f"[{path}]({server}/{repository}/blob/{revision}/{path})" if repository else f"`{path}`"


def code_span(text: str) -> str:
    """`text` as Markdown code, fenced by more backticks than it holds in a row (messages quote `fields:`)."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}" if "`" in text else f"`{text}`"


def summary(project, problems: list[Problem]) -> str:
    """The job summary in Markdown: problems, changed pages, outdated translations, open placeholders."""
    lines = ["## Como site checks", ""]
    lines += [f"**{len(problems)} problem(s)** to fix (also shown on the changed lines):", ""] if problems else \
             ["No problems found in the pages and case studies.", ""]
    lines += [f"- {code_span(str(problem))}" for problem in problems]
    base = os.environ.get("GITHUB_BASE_REF")
    changed = changed_files(project.root, base) if base else None
    if base:
        content = [path for path in changed or [] if path.startswith(("docs/", "case_studies/", "i18n/", "mkdocs.yml"))]
        lines += ["", f"### Pages and data this pull request changes (against {base})", ""]
        lines += ([f"- {_file_link(path)}" for path in content] or ["- none"]) if changed is not None else \
                 [f"- git could not compare with {base} (check out with fetch-depth: 0)"]
    lines += ["", "### Translations this pull request makes outdated" if changed is not None else
              "### Outdated translations", ""]
    lines += _outdated(project, changed) or ["- none"]
    lines += ["", "### Company details still to be completed (they block a production deploy)", ""]
    lines += _open_placeholders(project) or ["- none"]
    return "\n".join(lines) + "\n"


def _outdated(project, changed: list[str] | None) -> list[str]:
    """Per language, the outdated translations (whose original `changed` names, when given), each with a
    link, the i18n-diff command and the diff itself, collapsed."""
    from como_site.casestudies.validate import load_case_studies
    from como_site.i18ndiff import diff_for
    from como_site.translations import OUTDATED, all_statuses

    cases, _ = load_case_studies(project)
    entries = []
    for status in all_statuses(project, cases.records if cases else ()):   # invalid cases: reported above
        file, _, field = status.item.partition("#")
        original = file if field else f"docs/{project.source_language}/{file}"
        if status.state == OUTDATED and (changed is None or original in changed):
            entries.append((status.lang, file if field else f"docs/{status.lang}/{file}", field, status.note))
    lines = []
    for lang, group in groupby(sorted(entries), key=lambda entry: entry[0]):
        lines += [f"**{lang}**", ""]
        for _, file, field, note in group:
            what = f" field `{field}`" if field else ""
            lines.append(f"- {_file_link(file)}{what} ({note}): `make i18n-diff FILES={file}`")
            diff = diff_for(project, file, lang, field or None)
            if diff.text:
                lines += ["", "  <details><summary>What changed in the original</summary>", "",
                          "  ```diff", *[f"  {line}" for line in diff.text.splitlines()], "  ```", "  </details>", ""]
        lines.append("")
    return lines


def _open_placeholders(project) -> list[str]:
    from como_site.company import open_placeholders

    return [f"- {_file_link(path)}: " + ", ".join(f"line {problem.line} ({problem.field})" for problem in problems)
            for path, problems in groupby(open_placeholders(project), key=lambda problem: problem.path)]


def write_summary(project, problems: list[Problem]) -> None:
    """Append the summary to $GITHUB_STEP_SUMMARY when GitHub Actions gives one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if in_github_actions() and target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(summary(project, problems))
