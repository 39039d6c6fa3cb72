"""`make i18n-stamp`: record that translations match their current source, changing nothing but the stamp.

A translated page gets `source_hash:` in its front matter, and `source_commit:` (the original's last git
commit, which `make i18n-diff` compares with); a case file gets `translated_from:` (per language one hash
per field, and the file's commit under `commit`). Only the lines of that one key are rewritten, through ruamel.yaml's round trip
(comments, quotes, flow style and key order inside it are kept); every other byte of the file stays as
it was, wherever the key stands. Only translated pages and case files are accepted, and nothing is
written until every named file has been checked.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from como_site import gitinfo
from como_site.casestudies.validate import case_files
from como_site.contentfiles import read_bytes, read_text
from como_site.pages import FRONT_MATTER, is_generated
from como_site.problems import ContentError, Problem, raise_if_any
from como_site.project import Project
from como_site.translations import SOURCE_HASH_KEY, case_field_texts, content_hash, page_hash
from como_site.yamlsource import load_yaml

CASE_STAMP_KEY = "translated_from"
SOURCE_COMMIT_KEY = "source_commit"   # in a page's front matter
CASE_COMMIT_KEY = "commit"            # in each language's block of translated_from
CASE_STAMP_COMMENT = "written by `make i18n-stamp`: the source version each translation matches"


class StampRefused(Exception):
    """A path that is not a translated page or a case file; the message says what to give instead."""


@dataclass(frozen=True)
class Target:
    path: Path          # the file to stamp, inside the repository
    shown: str          # as in messages: relative to the repository, forward slashes
    lang: str | None    # the page's language; None for a case file
    page: str | None    # the page's path inside docs/<lang>/; None for a case file


def target(project: Project, name: str, cwd: Path) -> Target:
    """The file `name` (as typed, relative to cwd) names, if it may be stamped; else StampRefused."""
    source = project.source_language
    what = (f"give a translated page (docs/<lang>/<page>.md, not docs/{source}/) or a case file "
            "(case_studies/<id>.yml)")
    typed = Path(os.path.abspath(cwd / name))
    if not typed.is_relative_to(project.root):
        raise StampRefused(f"{name}: outside the repository; {what}")
    shown = typed.relative_to(project.root).as_posix()
    if typed.resolve() != typed:
        raise StampRefused(f"{shown}: a symbolic link; stamp the file itself")
    if not typed.exists():
        raise StampRefused(f"{shown}: no such file; {what}")
    if typed.is_dir():
        raise StampRefused(f"{shown}: a folder; name each file to stamp ({shown}/<page>.md)")
    parts = typed.relative_to(project.root).parts
    if parts[0] == project.case_studies_dir.name:
        if typed not in case_files(project):
            raise StampRefused(f"{shown}: not a case file (only case_studies/<id>.yml carry translations); {what}")
        return Target(typed, shown, None, None)
    if parts[0] == project.docs_dir.name and len(parts) > 2 and parts[1] in project.codes and typed.suffix == ".md":
        lang, page = parts[1], Path(*parts[2:]).as_posix()
        if lang == source:
            raise StampRefused(f"{shown}: {source} is the source language, whose pages are the originals; "
                               f"stamp their translations (docs/<lang>/{page})")
        if is_generated(typed):
            raise StampRefused(f"{shown}: written by the build from case_studies/; stamp the case files instead")
        if not (project.docs_dir / source / page).is_file():
            raise StampRefused(f"{shown}: no original docs/{source}/{page} to compare with; write it first")
        return Target(typed, shown, lang, page)
    raise StampRefused(f"{shown}: not a translated page or a case file; {what}")


# -- rewriting one top-level key ---------------------------------------------------------------------

def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100_000          # never fold a long line that was one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


class NotAMapping(ValueError):
    """The YAML is a list or a single value, not `key: value` lines."""


def _key_spans(text: str) -> dict[str, tuple[int, int]]:
    """Top-level key -> its lines [first, end) in text, without the blank and comment lines after it."""
    node = _round_trip().compose(text)
    if node is None:
        return {}
    if not isinstance(node, MappingNode):
        raise NotAMapping(text)
    lines = text.splitlines()
    spans = {}
    for key_node, value_node in node.value:
        start, end = key_node.start_mark.line, value_node.end_mark.line + (value_node.end_mark.column > 0)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        spans[str(key_node.value)] = (start, end)
    return spans


def _rewrite_key(text: str, key: str, update: Callable[[Any], Any], new_comment: str = "", new_gap: str = "") -> str:
    """text (YAML) with only the lines of top-level `key` rewritten to `update(old value)`; a missing key
    is appended at the end, after `new_gap` and with `new_comment` on its line."""
    yaml = _round_trip()
    lines = text.splitlines(keepends=True)
    spans = _key_spans(text)
    if key in spans:
        start, end = spans[key]
        old = "".join(lines[start:end])
        mapping = yaml.load(old)
    else:
        start = end = len(lines)
        old, mapping = "", CommentedMap()
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        if lines:
            lines.append(new_gap)
            start = end = len(lines)
    mapping[key] = update(mapping.get(key))
    if new_comment and not old:
        mapping.yaml_add_eol_comment(new_comment, key, column=len(key) + 4)
    buffer = io.StringIO()
    yaml.dump(mapping, buffer)
    new = buffer.getvalue()
    if old and not old.endswith("\n"):
        new = new.rstrip("\n")
    lines[start:end] = [new]
    return "".join(lines)


def _quoted_like(old: Any, value: str) -> str:
    """A hash always stays a quoted string (digits alone would read as a number), in the old quote style."""
    return SingleQuotedScalarString(value) if isinstance(old, SingleQuotedScalarString) else DoubleQuotedScalarString(value)


def _yaml_problem(error: YAMLError, shown: str, first_line: int) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = first_line + (mark.line if mark else 0)
    return Problem(shown, line, "yaml", f"not valid YAML ({getattr(error, 'problem', None) or error}); "
                                        "fix it, then stamp again")


# -- pages and case files ----------------------------------------------------------------------------

def stamped_page(project: Project, target: Target) -> str:
    """The page's text with `source_hash:` set to its original's current hash, nothing else changed."""
    text = read_text(target.path, project.root)
    value = page_hash(project, target.page)
    commit = gitinfo.last_commit(project.root, original_of(project, target))
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---"):
            raise ContentError([Problem(target.shown, 1, "front-matter", "the front matter is not closed: "
                                        "add a line --- after it, then stamp again")])
        commit_line = f'{SOURCE_COMMIT_KEY}: "{commit}"\n' if commit else ""
        return f'---\n{SOURCE_HASH_KEY}: "{value}"\n{commit_line}---\n\n{text}'
    try:
        head = _rewrite_key(match.group(1), SOURCE_HASH_KEY, lambda old: _quoted_like(old, value))
        if commit:
            head = _rewrite_key(head, SOURCE_COMMIT_KEY, lambda old: _quoted_like(old, commit))
    except YAMLError as error:
        raise ContentError([_yaml_problem(error, target.shown, 2)]) from None
    except NotAMapping:
        raise ContentError([Problem(target.shown, 2, "front-matter", "write the front matter as key: value "
                                    "lines, then stamp again")]) from None
    return f"---\n{head}---\n{text[match.end():]}"


def case_stamps(data: dict, source: str, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Per translated language, the current source hash of every field translated into it."""
    texts = case_field_texts(data)
    stamps = {}
    for lang in languages:
        if lang != source:
            hashes = {name: content_hash(text.get(source) or "") for name, text in texts.items() if text.get(lang)}
            if hashes:
                stamps[lang] = hashes
    return stamps


def _updated_stamps(old: Any, stamps: dict[str, dict[str, str]], languages: tuple[str, ...],
                    commit: str | None) -> CommentedMap:
    block = old if isinstance(old, CommentedMap) else CommentedMap()
    for lang in languages:
        hashes = stamps.get(lang)
        if not hashes:
            block.pop(lang, None)
            continue
        if not isinstance(block.get(lang), CommentedMap):
            block[lang] = CommentedMap()
            block[lang].fa.set_flow_style()
        fields = block[lang]
        kept = {**hashes, CASE_COMMIT_KEY: commit} if commit else hashes
        for name in [name for name in fields if name not in kept]:
            del fields[name]
        if commit:   # first in its block, where a reader finds it
            if CASE_COMMIT_KEY not in fields:
                fields.insert(0, CASE_COMMIT_KEY, _quoted_like(None, commit))
            else:
                fields[CASE_COMMIT_KEY] = _quoted_like(fields[CASE_COMMIT_KEY], commit)
        for name, value in hashes.items():
            fields[name] = _quoted_like(fields.get(name), value)
    return block


def stamped_case(project: Project, target: Target) -> str:
    """The case file's text with `translated_from:` set to the current hashes, nothing else changed."""
    document, problems = load_yaml(target.path, target.shown, project.root)
    raise_if_any(problems)
    if not isinstance(document.data, dict):
        raise ContentError([Problem(target.shown, 1, "(file)", "a case file must be a list of fields (id:, ...)")])
    stamps = case_stamps(document.data, project.source_language, project.codes)
    commit = gitinfo.last_commit(project.root, target.shown)
    text = read_text(target.path, project.root)
    try:
        return _rewrite_key(text, CASE_STAMP_KEY, lambda old: _updated_stamps(old, stamps, project.codes, commit),
                            CASE_STAMP_COMMENT, new_gap="\n")
    except YAMLError as error:
        raise ContentError([_yaml_problem(error, target.shown, 1)]) from None


def original_of(project: Project, target: Target) -> str:
    """The repository path of what a translation is made from: the source page, or the case file itself."""
    return target.shown if target.page is None else f"docs/{project.source_language}/{target.page}"


def commit_note(project: Project, target: Target) -> str | None:
    """What the translator should know about the commit a stamp records, when it is not exact."""
    original = original_of(project, target)
    if not gitinfo.available(project.root):
        return f"{target.shown}: no git here: the stamp records no commit, so `make i18n-diff` cannot show changes"
    if gitinfo.last_commit(project.root, original) is None:
        return f"{target.shown}: {original} is not committed yet: the stamp records no commit; stamp again after committing"
    if gitinfo.has_uncommitted_changes(project.root, original):
        return (f"{target.shown}: {original} has changes not committed yet: the stamp records its last commit, "
                "so `make i18n-diff` will also show those changes; commit first and stamp again to be exact")
    return None


def stamped_text(project: Project, target: Target) -> str:
    """The stamped file, with the line endings it had (the text is read with Windows line endings as \\n)."""
    text = stamped_case(project, target) if target.page is None else stamped_page(project, target)
    return text.replace("\n", "\r\n") if b"\r\n" in read_bytes(target.path, project.root) else text


def plan(project: Project, names: list[str], cwd: Path) -> list[tuple[Target, str]]:
    """Each named file with its stamped text; every refusal (StampRefused) or problem in a file
    (ContentError) is found before anything is written."""
    targets, refusals = [], []
    for name in names:
        try:
            targets.append(target(project, name, cwd))
        except StampRefused as refusal:
            refusals.append(str(refusal))
    if refusals:
        raise StampRefused("\n".join(refusals))
    stamps, problems = [], []
    for stamp in targets:
        try:
            stamps.append((stamp, stamped_text(project, stamp)))
        except ContentError as error:
            problems += error.problems
    raise_if_any(problems)
    return stamps
