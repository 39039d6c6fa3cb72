"""Checks of the Markdown pages that editors hit most often, each reported as `path:line: rule: message`.

Pages are parsed with markdown-it-py (a CommonMark parser that keeps source lines) and checked for what
markdownlint calls MD001 (heading levels that skip one), MD045 (images without alt text) and MD042 (links
without a target), plus links without text and unencrypted http:// links. Front matter, navigation
entries and company placeholders are this project's own rules, and so is the HTML a page may carry
(como_site/pagehtml.py): raw HTML, attribute lists and link addresses.

Why not pymarkdownlnt itself: it took 15-18 ms a page here, 17 s for the 1,000-page benchmark corpus, more
than the whole parallel build; markdown-it-py parses the same corpus in under a second.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from como_site.company import unknown_placeholders
from como_site.contentfiles import read_text
from como_site.contenttypes import Content, content_pages
from como_site.filenames import check_file_names
from como_site.home import CONTACT_ANCHOR, CONTACT_PAGE
from como_site.labels import labels_for
from como_site.pagehtml import (MARKDOWN, REMOTE_IMAGE, address_fault, attribute_list_faults, is_remote_image,
                                raw_html_faults)
from como_site.pages import FRONT_MATTER, field_problems, is_generated, parse_front_matter
from como_site.problems import ContentError, Problem, relative
from como_site.project import Project, mkdocs_document
from como_site.yamlsource import FieldPath

BOX_OPENERS = ("!!!", "???")             # admonitions and details: their indented body is Markdown too
TEXT_TOKENS = ("text", "softbreak", "hardbreak")
TABLE_DASHES = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")   # a table's line under its first row


def markdown_pages(project: Project) -> list[Path]:
    """Editors' pages: every .md file under docs/<lang>/ except the generated ones."""
    return [path for lang in project.codes for path in sorted((project.docs_dir / lang).rglob("*.md"))
            if not is_generated(path)]


def check_front_matter(text: str, shown: str) -> list[Problem]:
    if not text.startswith("---\n"):
        return [Problem(shown, 1, "front-matter", "the page must start with front matter: a line ---, then "
                                                  "title: and description:, then a line ---")]
    document, problems = parse_front_matter(text, shown)
    if document is None and not problems:
        return [Problem(shown, 1, "front-matter", "the front matter is not closed: add a line --- after it")]
    if document is None:
        return problems
    document.data = {} if document.data is None else document.data
    if not isinstance(document.data, dict):
        return [Problem(shown, 2, "front-matter", "write the front matter as key: value lines")]
    return problems + field_problems(document, FRONT_MATTER.match(text).group(0).count("\n"))


class _PageCheck:
    """The Markdown rules for one page, on markdown-it-py's tokens."""

    def __init__(self, text: str, shown: str, offset: int | None = None):
        """`offset`: the lines before `text` in the file, for a box's body (else the front matter's)."""
        match = FRONT_MATTER.match(text) if offset is None else None
        self.offset = match.group(0).count("\n") if match else offset or 0   # lines before the Markdown body
        self.body = text[match.end():] if match else text
        self.lines = self.body.splitlines()
        self.shown = shown
        self.problems: list[Problem] = []
        self.headings: list[tuple[int, str]] = []   # (file line, text with any attribute list) of each heading

    def problem(self, line: int, rule: str, message: str) -> None:
        self.problems.append(Problem(self.shown, line + self.offset, rule, message))

    def line_of(self, token: Token, needle: str) -> int:
        """The 1-based body line inside a block token's lines that contains `needle` (in any case)."""
        start, end = token.map or (0, 1)
        for number in range(start, end):
            if needle.lower() in self.lines[number].lower():
                return number + 1
        return start + 1

    def run(self) -> list[Problem]:
        previous_level, previous_text = 0, ""
        tokens = MARKDOWN.parse(self.body)
        for index, token in enumerate(tokens):
            if token.type == "code_block" and previous_text.startswith(BOX_OPENERS):
                self.problems += _PageCheck(token.content, self.shown, self.offset + token.map[0]).run()
            if token.type == "inline" or not token.type.endswith("_close"):
                previous_text = token.content   # the text of the block just closed, when a box opens
            if token.type == "heading_open":
                self.headings.append((token.map[0] + 1 + self.offset, tokens[index + 1].content))
                level = int(token.tag[1])
                if previous_level and level > previous_level + 1:
                    self.problem(token.map[0] + 1, "heading-increment",
                                 f"headings must go down one level at a time: h{previous_level} is followed by "
                                 f"h{level} (markdownlint MD001)")
                previous_level = level
            elif token.type == "inline":
                if tokens[index - 1].type == "paragraph_open":
                    self.paragraph(token, tokens[index + 2] if index + 2 < len(tokens) else None)
                self.inline(token)
            elif token.type == "html_block":
                self.raw_html(token, token.content)
            elif token.type == "fence":
                self.fence(token)
        return self.problems

    def fence(self, block: Token) -> None:
        if "{" in block.info:
            self.attribute_lists(block, block.info)
        start, end = block.map
        last = self.lines[end - 1].strip() if end - 1 > start else ""
        closed = last.startswith(block.markup) and set(last) == {block.markup[0]}
        if end == len(self.lines) and not closed:
            self.problem(start + 1, "code-fence", f"the code block opened here with {block.markup} is never closed, so "
                         f"the page would show {block.markup} and run on as text: add a line {block.markup} after the code")

    def paragraph(self, block: Token, following: Token | None) -> None:
        """A box whose text is not indented, and a table whose line of dashes has too few or too many columns:
        Markdown shows either as plain text (an empty box, a paragraph full of |), without any error."""
        lines = block.content.split("\n")
        start, end = block.map
        body = self.lines[start + 1:end]   # the lines right under a box's opener, as written
        start += 1
        if lines[0].startswith(BOX_OPENERS) and (
                any(not line.startswith(("    ", "\t")) for line in body)
                or (not body and (following is None or following.type != "code_block"))):
            self.problem(start, "box", f"the text of the box {lines[0]} must follow it on the next lines, each "
                         "indented by four spaces; as it stands the box is empty")
        if len(lines) > 1 and lines[0].lstrip().startswith("|") and TABLE_DASHES.match(lines[1]):
            header, dashes = _cells(lines[0]), _cells(lines[1])
            if header != dashes:
                self.problem(start + 1, "table", f"the table's first row has {header} columns but the line of dashes "
                             f"below it has {dashes}: write one |---| per column, so that it is shown as a table")

    def raw_html(self, block: Token, html: str) -> None:
        overview_allowed = self.shown.endswith("/case-studies/index.md")
        for where, fault in raw_html_faults(html, overview_allowed):
            self.problem(self.line_of(block, where), "html", fault)

    def attribute_lists(self, block: Token, text: str) -> None:
        for attribute_list, fault in attribute_list_faults(text):
            self.problem(self.line_of(block, attribute_list), "attribute-list", f"{attribute_list}: {fault}")

    def inline(self, block: Token) -> None:
        children = block.children or []
        text = ""   # a run of text, where attribute lists are written
        for index, child in enumerate(children):
            if child.type in TEXT_TOKENS:
                text += child.content if child.type == "text" else "\n"
                continue
            self.attribute_lists(block, text)
            text = ""
            if child.type == "html_inline":
                self.raw_html(block, child.content)
            elif child.type == "image":
                if not child.content.strip():
                    self.problem(self.line_of(block, "!["), "image-alt-text", "give the image a description for "
                                 "blind readers: ![what it shows](file.png) (markdownlint MD045)")
                source = str(child.attrs.get("src", ""))
                self.check_target(block, source)
                if is_remote_image(source):
                    self.problem(self.line_of(block, source[:20]), "image", f"{source[:40]}: {REMOTE_IMAGE}: save "
                                 "the image in docs/assets/ and write ![what it shows](../assets/file.png)")
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
        self.attribute_lists(block, text)

    def check_target(self, block: Token, url: str) -> None:
        if url.startswith("http://"):
            self.problem(self.line_of(block, url), "https",
                         f"{url} is not encrypted: use https://{url.removeprefix('http://')}")
        fault = address_fault(url)
        if fault:
            self.problem(self.line_of(block, url[:20]), "link", f"{url[:40]}: {fault}")


def _cells(row: str) -> int:
    """How many cells a table row written with | has."""
    return len(row.strip().removeprefix("|").removesuffix("|").split("|"))


def _nav_paths(value: Any, path: FieldPath, found: list[tuple[str, FieldPath]]) -> None:
    """Every page or address in the navigation, with its field path."""
    if isinstance(value, str):
        found.append((value, path))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _nav_paths(item, (*path, index), found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _nav_paths(item, (*path, key), found)


def check_nav(project: Project, made: set[str] = frozenset()) -> list[Problem]:
    """Every navigation entry needs its page in the source language (other languages fall back to it)
    or a page made from data (`made`); an address in it follows the pages' rule for addresses."""
    config = mkdocs_document(project.root)
    entries: list[tuple[str, FieldPath]] = []
    _nav_paths(config.data.get("nav"), ("nav",), entries)
    source = project.source_language
    problems = [Problem(config.path, config.line(where), "nav",
                        f"{path}: docs/{source}/{path} does not exist; create it or correct the entry")
                for path, where in entries if path.endswith(".md") and path not in made
                and not (project.docs_dir / source / path).is_file()]
    problems += [Problem(config.path, config.line(where), "nav", f"{address[:40]}: {fault}")   # a link on every page
                 for address, where in entries if (fault := address_fault(address))]
    return problems


def check_originals(project: Project) -> list[Problem]:
    """Every translated page needs its original, under the same name; where the original of that file name
    is in another folder, the message names the place the translation belongs."""
    source = project.source_language
    originals = [path.relative_to(project.docs_dir / source) for path in (project.docs_dir / source).rglob("*.md")]
    problems = []
    for lang in project.codes:
        if lang == source:
            continue
        for path in sorted((project.docs_dir / lang).rglob("*.md")):
            page = path.relative_to(project.docs_dir / lang)
            if (project.docs_dir / source / page).is_file():
                continue
            namesakes = sorted(original.as_posix() for original in originals if original.name == page.name)
            fix = (f"its {source} original is docs/{source}/{namesakes[0]}: move this file to docs/{lang}/{namesakes[0]}"
                   if len(namesakes) == 1 else f"write the {source} page first, or move this file to the right name")
            problems.append(Problem(relative(path, project.root), 1, "translation",
                                    f"no original docs/{source}/{page.as_posix()} for this page: {fix}"))
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


def check_contact_heading(page: _PageCheck) -> list[Problem]:
    """The footer and the home page link to the about page's contact section by its id, the same in every
    language: one of the page's headings (as the page's check just read them) must carry it."""
    if any(re.search(rf"\{{[^}}]*#{CONTACT_ANCHOR}(?![\w-])[^}}]*\}}\s*$", title) for _, title in page.headings):
        return []
    line = page.headings[-1][0] if page.headings else 1
    return [Problem(page.shown, line, "contact-heading", f"every page's footer and the home page link to this page's "
                    f"contact section: end the contact heading with {{#{CONTACT_ANCHOR}}}, e.g. `## Contact "
                    f"{{#{CONTACT_ANCHOR}}}` (the text may be in the page's language; the id stays {CONTACT_ANCHOR})")]


def check_content(project: Project, content: Content | None = None) -> list[Problem]:
    """Every problem of the editors' pages; with `content` (the validated data), also the nav and the pages
    made from it. Without it (some data was refused) no page is made from data, and checking the nav would
    only tell the editor to create those pages by hand; every translation's original is checked either way."""
    problems = check_file_names(project) + check_originals(project)
    if content:
        made = set(content_pages(project, labels_for(project), content, project.source_language))
        problems += check_nav(project, made) + check_pages_made_from_data(project, made)
    for path in markdown_pages(project):
        problems += check_page(project, path)
    return sorted(set(problems))


def check_page(project: Project, path: Path) -> list[Problem]:
    """The problems of one editor's page on its own: its front matter, Markdown and placeholders (and the
    about page's contact heading)."""
    shown = relative(path, project.root)
    try:
        text = read_text(path, project.root)
    except ContentError as error:
        return error.problems
    page = _PageCheck(text, shown)
    problems = check_front_matter(text, shown) + page.run() + unknown_placeholders(text, shown, project.company)
    if path.relative_to(project.docs_dir).parts[1:] == (CONTACT_PAGE,):
        problems += check_contact_heading(page)
    return problems
