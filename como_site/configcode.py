"""The keys of mkdocs.yml that make MkDocs run or load code, and the only values they may hold.

mkdocs.yml is edited in pull requests (company details, navigation, languages), but some of its keys name
code: a hook or plugin runs Python, a theme folder holds templates, a script is served on every page. Their
values are fixed here, in trusted code, so a pull request cannot add code through the configuration; a
developer changes them in this module.
"""
from __future__ import annotations

from typing import Any, Iterator

from como_site.problems import Problem
from como_site.yamlsource import FieldPath, YamlDocument

MODULE = "como_site/configcode.py"
ALLOWED: dict[str, tuple[str, ...]] = {
    "hooks": ("hooks/como_hooks.py",),
    "plugins": ("search", "i18n"),
    "markdown_extensions": ("admonition", "attr_list", "def_list", "md_in_html", "tables", "toc",
                            "pymdownx.details", "pymdownx.superfences"),
    "theme.name": ("material",),
    "theme.custom_dir": ("overrides",),
    "docs_dir": ("docs",),
    "site_dir": ("site",),
    "extra_javascript": ("assets/case-study-filter.js",),
    "extra_css": ("assets/como.css",),
    "watch": ("case_studies", "i18n", "overrides", "como_site"),
    "extra_templates": (),   # Jinja templates from docs/: code
    "INHERIT": (),           # would load another file with MkDocs' unsafe YAML loader
}


def _entries(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, Any]]:
    """(field path, name) of each entry: a list of names, of {name: options} or of {path: ...}."""
    if isinstance(value, dict):
        value = [value] if "path" in value else [{name: None} for name in value]
        path_of = (lambda index, item: (*path, next(iter(item))))
    else:
        value = value if isinstance(value, list) else [value]
        path_of = (lambda index, item: (*path, index))
    for index, item in enumerate(value):
        if isinstance(item, dict):
            names = [item["path"]] if "path" in item else list(item)
        else:
            names = [item]
        for name in names:
            yield path_of(index, item), name


def code_problems(document: YamlDocument) -> list[Problem]:
    """A problem for every value of a code key that is not in ALLOWED."""
    data = document.data if isinstance(document.data, dict) else {}
    problems = []
    for dotted, allowed in ALLOWED.items():
        path = tuple(dotted.split("."))
        value: Any = data
        for part in path:
            if isinstance(value, str) and part == "name":   # `theme: material` is the theme's name
                break
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue
        for where, name in _entries(value, path):
            if str(name) not in allowed:
                listed = ", ".join(allowed) if allowed else "nothing"
                problems.append(Problem(document.path, document.line(where), dotted,
                                        f"'{name}' is code; it can only be changed in {MODULE} by a developer "
                                        f"(allowed: {listed})"))
    return problems
