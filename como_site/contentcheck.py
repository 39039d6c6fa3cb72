"""Checks of the Markdown pages that editors hit most often, each reported as `path:line: rule: message`.

Heading-level jumps, images without alt text and links without a target come from the pymarkdownlnt
linter (rules MD001, MD045, MD042, configured in pymarkdown.json beside this file); front matter, navigation entries,
empty link texts, http:// links and company placeholders are checked here, because no kept linter knows
this project's front matter, navigation or placeholders.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import yaml

from como_site.company import PLACEHOLDER
from como_site.problems import Problem, relative
from como_site.project import Project
from como_site.translations import FRONT_MATTER

REQUIRED_FRONT_MATTER = ("title", "description")
LINTER_SETTINGS = Path(__file__).with_name("pymarkdown.json")
LINTER_ADVICE = {
    "MD001": ("heading-increment", "headings must go down one level at a time (# then ## then ###)"),
    "MD045": ("image-alt-text", "give the image a description for blind readers: ![what it shows](file.png)"),
    "MD042": ("empty-link", "the link has no target: write [text](page.md) or [text](https://...)"),
}
FENCE = re.compile(r"^\s*(```|~~~)")
EMPTY_LINK_TEXT = re.compile(r"(?<!!)\[\s*\]\(([^)]*)\)")
HTTP_LINK = re.compile(r"\]\((http://[^)\s]+)|<(http://[^>\s]+)>|(?<![(<\w])(http://[^\s)>\]]+)")


def markdown_pages(project: Project) -> list[Path]:
    """Editors' pages: every .md file under docs/<lang>/ except the generated ones."""
    pages = []
    for lang in project.codes:
        for path in sorted((project.docs_dir / lang).rglob("*.md")):
            head = path.read_text(encoding="utf-8")[:2000]
            if "\ngenerated_from:" not in head.split("\n---", 1)[0]:
                pages.append(path)
    return pages


def check_front_matter(path: Path, shown: str) -> list[Problem]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return [Problem(shown, 1, "front-matter", "the page must start with front matter: a line ---, then "
                                                  "title: and description:, then a line ---")]
    match = FRONT_MATTER.match(text)
    if not match:
        return [Problem(shown, 1, "front-matter", "the front matter is not closed: add a line --- after it")]
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.MarkedYAMLError as error:
        line = (error.problem_mark.line + 2) if error.problem_mark else 1
        return [Problem(shown, line, "front-matter", f"not valid YAML ({error.problem}); put text containing ': ' "
                                                     "in quotes")]
    if not isinstance(data, dict):
        return [Problem(shown, 2, "front-matter", "write the front matter as key: value lines")]
    end_line = match.group(0).count("\n")
    return [Problem(shown, end_line, f"front-matter.{key}", f"add `{key}:` to the front matter")
            for key in REQUIRED_FRONT_MATTER if not str(data.get(key) or "").strip()]


def check_lines(path: Path, shown: str, company: dict) -> list[Problem]:
    problems = []
    in_fence = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        for match in EMPTY_LINK_TEXT.finditer(line):
            problems.append(Problem(shown, number, "empty-link-text",
                                    f"the link to {match.group(1) or '(nothing)'} has no text: write what it leads to "
                                    "between the brackets"))
        for match in HTTP_LINK.finditer(line):
            url = next(group for group in match.groups() if group)
            problems.append(Problem(shown, number, "https",
                                    f"{url} is not encrypted: use https://{url.removeprefix('http://')}"))
        for match in PLACEHOLDER.finditer(line):
            if match.group(1) not in company:
                problems.append(Problem(shown, number, f"company.{match.group(1)}",
                                        f"unknown company field; use one of: {', '.join(sorted(company))}"))
    return problems


def lint(paths: list[Path], root: Path) -> list[Problem]:
    """Run the linter on each page whose text (or the linter's configuration) changed since the last
    run; results are cached in .cache/ by content hash, since linting is the slowest check."""
    from pymarkdown.api import PyMarkdownApi

    settings = LINTER_SETTINGS
    cache_file = root / ".cache" / "markdown-lint.json"
    salt = hashlib.sha256(settings.read_bytes()).hexdigest()
    try:
        cache = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    api = None
    problems, fresh = [], {}
    for path in paths:
        key = hashlib.sha256(salt.encode() + path.read_bytes()).hexdigest()
        if key not in cache:
            api = api or PyMarkdownApi().configuration_file_path(str(settings))
            cache[key] = [[f.line_number, f.rule_id, f.rule_name, f.rule_description, f.extra_error_information]
                          for f in api.scan_path(str(path)).scan_failures]
        fresh[key] = cache[key]
        for line, rule_id, rule_name, description, extra in cache[key]:
            rule, advice = LINTER_ADVICE.get(rule_id, (rule_name, description))
            problems.append(Problem(relative(path, root), line, rule, f"{advice}{extra} ({rule_id})"))
    if api is not None or len(fresh) != len(cache):
        cache_file.parent.mkdir(exist_ok=True)
        cache_file.write_text(json.dumps(fresh), encoding="utf-8")
    return problems


def _nav_paths(node: yaml.Node, found: list[tuple[str, int]]) -> None:
    if isinstance(node, yaml.ScalarNode):
        if node.value.endswith(".md"):
            found.append((node.value, node.start_mark.line + 1))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _nav_paths(item, found)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            _nav_paths(value, found)


def check_nav(project: Project) -> list[Problem]:
    """Every navigation entry needs its page in the source language (other languages fall back to it),
    and every translated page needs its original."""
    config = project.root / "mkdocs.yml"
    root_node = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    entries: list[tuple[str, int]] = []
    for key, value in root_node.value:
        if key.value == "nav":
            _nav_paths(value, entries)
    source = project.source_language
    problems = [Problem("mkdocs.yml", line, "nav",
                        f"{path}: docs/{source}/{path} does not exist; create it or correct the entry")
                for path, line in entries if not (project.docs_dir / source / path).is_file()]
    for lang in project.codes:
        if lang == source:
            continue
        for path in sorted((project.docs_dir / lang).rglob("*.md")):
            page = path.relative_to(project.docs_dir / lang)
            if not (project.docs_dir / source / page).is_file():
                problems.append(Problem(relative(path, project.root), 1, "translation",
                                        f"no original docs/{source}/{page.as_posix()} for this page: write the "
                                        f"{source} page first, or move this file to the right name"))
    return problems


def check_content(project: Project) -> list[Problem]:
    pages = markdown_pages(project)
    problems = check_nav(project)
    for path in pages:
        shown = relative(path, project.root)
        problems += check_front_matter(path, shown)
        problems += check_lines(path, shown, project.company)
    problems += lint(pages, project.root)
    return sorted(set(problems))
