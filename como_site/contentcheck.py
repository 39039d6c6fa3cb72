"""Checks of the Markdown pages that editors hit most often, each reported as `path:line: rule: message`.

Pages are parsed with markdown-it-py (a CommonMark parser that keeps source lines) and checked for what
markdownlint calls MD001 (heading levels that skip one), MD045 (images without alt text) and MD042 (links
without a target), plus links without text and unencrypted http:// links. Front matter, navigation
entries and company placeholders are this project's own rules.

Why not pymarkdownlnt itself: it took 15-18 ms a page here, 17 s for the 1,000-page benchmark corpus, more
than the whole parallel build; markdown-it-py parses the same corpus in under a second.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from como_site.company import unknown_placeholders
from como_site.contenttypes import Content, content_pages
from como_site.labels import labels_for
from como_site.pages import FRONT_MATTER, is_generated
from como_site.problems import Problem, relative
from como_site.project import Project

REQUIRED_FRONT_MATTER = ("title", "description")
PARSER = MarkdownIt("commonmark").enable("table")


def markdown_pages(project: Project) -> list[Path]:
    """Editors' pages: every .md file under docs/<lang>/ except the generated ones."""
    return [path for lang in project.codes for path in sorted((project.docs_dir / lang).rglob("*.md"))
            if not is_generated(path)]


def check_front_matter(text: str, shown: str) -> list[Problem]:
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


class _PageCheck:
    """The Markdown rules for one page, on markdown-it-py's tokens."""

    def __init__(self, text: str, shown: str):
        match = FRONT_MATTER.match(text)
        self.offset = match.group(0).count("\n") if match else 0   # lines before the Markdown body
        self.body = text[match.end():] if match else text
        self.lines = self.body.splitlines()
        self.shown = shown
        self.problems: list[Problem] = []

    def problem(self, line: int, rule: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line + self.offset, rule, message))

    def line_of(self, token: Token, needle: str) -> int:
        """The 1-based body line inside a block token's lines that contains `needle`."""
        start, end = token.map or (0, 1)
        for number in range(start, end):
            if needle in self.lines[number]:
                return number + 1
        return start + 1

    def run(self) -> list[Problem]:
        previous_level = 0
        for token in PARSER.parse(self.body):
            if token.type == "heading_open":
                level = int(token.tag[1])
                if previous_level and level > previous_level + 1:
                    self.problem(token.map[0] + 1, "heading-increment",
                                 f"headings must go down one level at a time: h{previous_level} is followed by "
                                 f"h{level} (markdownlint MD001)")
                previous_level = level
            elif token.type == "inline":
                self.inline(token)
        return self.problems

    def inline(self, block: Token) -> None:
        children = block.children or []
        for index, child in enumerate(children):
            if child.type == "image":
                if not child.content.strip():
                    self.problem(self.line_of(block, "!["), "image-alt-text", "give the image a description for "
                                 "blind readers: ![what it shows](file.png) (markdownlint MD045)")
                self.check_target(block, child.attrs.get("src", ""))
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                if href in ("", "#"):
                    self.problem(self.line_of(block, "]("), "empty-link", "the link has no target: write "
                                 "[text](page.md) or [text](https://...) (markdownlint MD042)")
                following = children[index + 1] if index + 1 < len(children) else None
                if following is None or following.type == "link_close" or (
                        following.type == "text" and not following.content.strip()
                        and index + 2 < len(children) and children[index + 2].type == "link_close"):
                    self.problem(self.line_of(block, f"]({href}"), "empty-link-text",
                                 f"the link to {href or '(nothing)'} has no text: write what it leads to between "
                                 "the brackets")
                self.check_target(block, href)

    def check_target(self, block: Token, url: str) -> None:
        if url.startswith("http://"):
            self.problem(self.line_of(block, url), "https",
                         f"{url} is not encrypted: use https://{url.removeprefix('http://')}")


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


def check_nav(project: Project, made: set[str] = frozenset()) -> list[Problem]:
    """Every navigation entry needs its page in the source language (other languages fall back to it)
    or a page made from data (`made`), and every translated page needs its original."""
    root_node = yaml.compose((project.root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    entries: list[tuple[str, int]] = []
    for key, value in root_node.value:
        if key.value == "nav":
            _nav_paths(value, entries)
    source = project.source_language
    problems = [Problem("mkdocs.yml", line, "nav",
                        f"{path}: docs/{source}/{path} does not exist; create it or correct the entry")
                for path, line in entries if path not in made and not (project.docs_dir / source / path).is_file()]
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


def check_pages_made_from_data(project: Project, made: set[str]) -> list[Problem]:
    """A file in docs/ may not take the place of a page made from data, and older builds' generated
    files (they wrote such pages into docs/) must go."""
    problems = []
    for lang in project.codes:
        for path in sorted((project.docs_dir / lang).rglob("*.md")):
            page, shown = path.relative_to(project.docs_dir / lang).as_posix(), relative(path, project.root)
            if is_generated(path):
                problems.append(Problem(shown, 1, "generated", "written by an older build; pages made from data are "
                                        "no longer files: delete this file"))
            elif page in made:
                problems.append(Problem(shown, 1, "page", f"{page} is made from data in every language; rename "
                                        "this file or remove it"))
    return problems


def check_content(project: Project, content: Content | None = None) -> list[Problem]:
    """Every problem of the editors' pages; with `content` (the validated data), also against the pages
    made from it."""
    made = set(content_pages(project, labels_for(project), content, project.source_language)) if content else set()
    problems = check_nav(project, made) + check_pages_made_from_data(project, made)
    for path in markdown_pages(project):
        shown, text = relative(path, project.root), path.read_text(encoding="utf-8")
        problems += check_front_matter(text, shown)
        problems += _PageCheck(text, shown).run()
        problems += unknown_placeholders(text, shown, project.company)
    return sorted(set(problems))
