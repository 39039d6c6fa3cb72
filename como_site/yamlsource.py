"""Read editors' YAML keeping the line of every field, so problems can name `path:line`.

Dates stay strings (the schema checks their form) and a key given twice is a problem, not silently
overwritten as PyYAML would do.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from como_site.problems import Problem

FieldPath = tuple[Any, ...]


def field_name(path: FieldPath) -> str:
    """A field path as editors read it in messages: `actors[0].name`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(file)"


class _EditorLoader(yaml.SafeLoader):
    """SafeLoader without the implicit timestamp type: `2021-11-12` stays a string."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
          source: str) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                name = ".".join(str(part) for part in (*path, key))
                problems.append(Problem(source, key_node.start_mark.line + 1, name,
                                        "this field is given twice; keep one"))
            seen.add(key)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*path, key), lines, problems, source)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, problems, source)


def load_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse a YAML file; a syntax error becomes a problem with its line and a hint."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=_EditorLoader)
        data = yaml.load(text, Loader=_EditorLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        hint = "check indentation (spaces, not tabs), colons and quotes around text containing ': ' or '#'"
        return None, [Problem(shown_as, line, "yaml", f"not valid YAML ({error.problem}); {hint}")]
    problems: list[Problem] = []
    lines: dict[FieldPath, int] = {}
    if node is not None:
        _walk(node, (), lines, problems, shown_as)
    return YamlDocument(shown_as, data, lines), problems
