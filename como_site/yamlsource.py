"""Read editors' YAML keeping the line of every field, so problems can name `path:line`.

Editors' YAML (case files, vocabularies, i18n/*.yml, page front matter, mkdocs.yml) is input from pull
requests, so the loader is stricter than PyYAML's safe one: no anchors or aliases (a 600-byte alias bomb
would otherwise expand to gigabytes), no tags (mkdocs.yml may use `!ENV` only), at most MAX_DEPTH levels
of nesting, and a key given twice is a problem, not silently overwritten. Dates stay strings (the schema
checks their form).

Speed: libyaml (PyYAML's C parser) reads the text into events when PyYAML has it; composing the nodes (where
the refusals above are made), resolving and constructing stay the loader's own Python code, so the data and
every field's line are the same. A text the fast path does not accept as it is is parsed again by the pure
Python loader, whose messages (and their lines) are the ones editors are shown.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from como_site.contentfiles import read_text
from como_site.problems import ContentError, Problem

FieldPath = tuple[Any, ...]
MAX_DEPTH = 20   # levels of nesting; our deepest file (mkdocs.yml) uses 5
SYNTAX_HINT = "check indentation (spaces, not tabs), colons and quotes around text containing ': ' or '#'"


def field_name(path: FieldPath) -> str:
    """A field path as editors read it in messages: `actors[0].name`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


class RefusedYaml(yaml.MarkedYAMLError):
    """Valid YAML that editors' files may not use; its `problem` says what to write instead."""


class EditorLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type (`2021-11-12` stays a string), without anchors,
    aliases and tags, and with a nesting limit."""

    allowed_tags: frozenset[str] = frozenset()

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise RefusedYaml(problem="anchors and aliases (&x, *x) are not allowed: write the value out",
                              problem_mark=event.start_mark)
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in self.allowed_tags:
            allowed = f" (only {', '.join(sorted(self.allowed_tags))})" if self.allowed_tags else ""
            raise RefusedYaml(problem=f"the tag {tag} is not allowed{allowed}: write the value without it",
                              problem_mark=event.start_mark)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RefusedYaml(problem=f"nested more than {MAX_DEPTH} levels deep: write the fields flatter",
                              problem_mark=event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@lru_cache(maxsize=None)
def with_libyaml(loader: type[EditorLoader]) -> type[EditorLoader] | None:
    """`loader` reading its events from libyaml (None without it): the same composer, refusals,
    constructors and resolvers; the loader's Python reader only checks the characters."""
    try:
        from yaml.cyaml import CParser
    except ImportError:   # PyYAML built without libyaml
        return None

    class LibyamlEvents(loader):
        def __init__(self, stream: str):
            super().__init__(stream)
            self.events = CParser(stream)

        def check_event(self, *choices):
            return self.events.check_event(*choices)

        def peek_event(self):
            return self.events.peek_event()

        def get_event(self):
            return self.events.get_event()

    LibyamlEvents.__name__ = LibyamlEvents.__qualname__ = f"{loader.__name__}WithLibyaml"
    return LibyamlEvents


def _composed(parser: EditorLoader) -> tuple[yaml.Node | None, Any]:
    try:
        node = parser.get_single_node()
        return node, parser.construct_document(node) if node is not None else None
    finally:
        parser.dispose()


def _compose(text: str, loader: type[EditorLoader]) -> tuple[yaml.Node | None, Any]:
    """The document's root node and its data; raises what the pure Python `loader` raises for the text."""
    fast = with_libyaml(loader)
    if fast is not None:
        try:
            return _composed(fast(text))
        except yaml.YAMLError:
            pass   # the Python loader below finds the fault and words it as editors are shown it
    return _composed(loader(text))


@dataclass
class YamlDocument:
    path: str                                   # as shown in messages
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line(self, path: FieldPath) -> int:
        """The line of a field, or of its nearest enclosing field that exists."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def _walk(node: yaml.Node, path: FieldPath, lines: dict[FieldPath, int], problems: list[Problem],
          source: str, offset: int) -> None:
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                name = ".".join(str(part) for part in (*path, key))
                problems.append(Problem(source, key_node.start_mark.line + 1 + offset, name,
                                        "this field is given twice; keep one"))
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1 + offset
            _walk(value_node, (*path, key), lines, problems, source, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, problems, source, offset)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, shown: str, offset: int, rule: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    if isinstance(error, RefusedYaml):
        return Problem(shown, line + offset, rule, str(error.problem))
    tabbed = next((number for number, row in enumerate(text.splitlines()[:line], start=1)
                   if "\t" in row[:len(row) - len(row.lstrip())]), None)
    if tabbed:
        return Problem(shown, tabbed + offset, rule, "this line is indented with a tab: use spaces, not tabs")
    return Problem(shown, line + offset, rule, f"not valid YAML ({error.problem}); {SYNTAX_HINT}")


def parse_yaml(text: str, shown: str, first_line: int = 1, loader: type[EditorLoader] = EditorLoader,
               rule: str = "yaml") -> tuple[YamlDocument | None, list[Problem]]:
    """Parse editors' YAML whose first line is line `first_line` of file `shown`; a syntax error or a
    refused construct becomes a problem (named `rule`) with its line and a hint."""
    offset = first_line - 1
    try:
        node, data = _compose(text, loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, shown, offset, rule)]
    except yaml.reader.ReaderError as error:   # a control character, e.g. a NUL byte
        line = text.count("\n", 0, error.position) + 1 + offset
        return None, [Problem(shown, line, rule, f"character #x{error.character:04x} is not allowed in YAML: "
                                                    "delete it")]
    problems: list[Problem] = []
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _walk(node, (), lines, problems, shown, offset)
    if rule != "yaml":   # a part of a file, e.g. front matter: its fields are named as such
        problems = [replace(problem, field=f"{rule}.{problem.field}") for problem in problems]
    return YamlDocument(shown, data, lines), problems


def load_yaml(path: Path, shown_as: str, root: Path,
              loader: type[EditorLoader] = EditorLoader) -> tuple[YamlDocument | None, list[Problem]]:
    """Read (see contentfiles) and parse a YAML file of the repository at `root`."""
    try:
        text = read_text(path, root)
    except ContentError as error:
        return None, error.problems
    return parse_yaml(text, shown_as, loader=loader)
