"""The keys of mkdocs.yml that make MkDocs run or load code, and the only values they may hold.

mkdocs.yml is edited in pull requests (company details, navigation, languages), but some of its keys name
code: a hook or plugin runs Python, a theme folder holds templates, a script is served on every page. Their
values are fixed here, in trusted code, so a pull request cannot add code through the configuration; a
developer changes them in this module. Other keys make Material print a value into every page as it is,
neither escaped nor checked; the site uses none of them, so they are refused too (UNCHECKED_BY_THEME).
"""
from __future__ import annotations

from typing import Any, Iterator

from como_site.problems import Problem
from como_site.yamlsource import FieldPath, YamlDocument, field_name

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
# Keys whose values Material prints into every page raw (repo_name as HTML; the others as addresses,
# attributes or whole blocks: a `"` ends the attribute, javascript: runs on a click) and that this site
# does not use (its edit link is extra.editor's). Refused at the top level and in each language's
# overrides (the i18n plugin's `extra:` and `theme:` of a language), which Material prints the same way.
# (extra.analytics is not among them: its inline scripts stop the build, como_site/inlinescripts.py.)
UNCHECKED_BY_THEME = ("repo_url", "repo_name", "edit_uri", "edit_uri_template", "theme.logo", "extra.homepage",
                      "extra.social", "extra.consent", "extra.scope")


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
    return problems + _unchecked_by_theme(data, document)


def _language_overrides(data: dict) -> Iterator[tuple[FieldPath, dict]]:
    """(field path, settings) of the top level and of each language of the i18n plugin."""
    yield (), data
    plugins = data.get("plugins")
    entries = enumerate(plugins) if isinstance(plugins, list) else [(None, plugins)]
    for index, entry in entries:
        i18n = entry.get("i18n") if isinstance(entry, dict) else None
        languages = i18n.get("languages") if isinstance(i18n, dict) else None
        for number, language in enumerate(languages if isinstance(languages, list) else []):
            if isinstance(language, dict):
                at = ("plugins", *(() if index is None else (index,)), "i18n", "languages", number)
                yield at, language


def _unchecked_by_theme(data: dict, document: YamlDocument) -> list[Problem]:
    """A problem for every key of UNCHECKED_BY_THEME set at the top level or in a language."""
    problems = []
    for at, settings in _language_overrides(data):
        for dotted in UNCHECKED_BY_THEME:
            *parents, key = dotted.split(".")
            holder: Any = settings
            for part in parents:
                holder = holder.get(part) if isinstance(holder, dict) else None
            if isinstance(holder, dict) and key in holder:
                where = (*at, *parents, key)
                problems.append(Problem(document.path, document.line(where), field_name(where),
                                        "the theme would print this value into every page unescaped and "
                                        "unchecked, and the site does not use it: remove it (a developer can "
                                        f"change this in {MODULE})"))
    return problems
