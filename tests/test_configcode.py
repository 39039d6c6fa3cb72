"""como_site.configcode: the keys of mkdocs.yml that name code keep the values the package allows."""
from __future__ import annotations

import pytest

from como_site.configcode import ALLOWED, code_problems
from como_site.project import ROOT, mkdocs_document
from como_site.yamlsource import parse_yaml


def problems(text: str) -> list[str]:
    document, syntax = parse_yaml(text, "mkdocs.yml")
    assert syntax == []
    return [str(problem) for problem in code_problems(document)]


def test_the_real_configuration_passes():
    assert code_problems(mkdocs_document(ROOT)) == []


@pytest.mark.parametrize("text, field, value", [
    ("hooks:\n  - hooks/como_hooks.py\n  - x.py\n", "hooks", "x.py"),
    ("plugins:\n  - search\n  - macros: {module_name: docs/x}\n", "plugins", "macros"),
    ("plugins:\n  search: {}\n  git: {}\n", "plugins", "git"),
    ("markdown_extensions:\n  - pymdownx.snippets: {base_path: /}\n", "markdown_extensions", "pymdownx.snippets"),
    ("theme: readthedocs\n", "theme.name", "readthedocs"),
    ("theme:\n  name: material\n  custom_dir: docs\n", "theme.custom_dir", "docs"),
    ("docs_dir: /etc\n", "docs_dir", "/etc"),
    ("site_dir: /var/www\n", "site_dir", "/var/www"),
    ("extra_javascript:\n  - path: assets/x.js\n", "extra_javascript", "assets/x.js"),
    ("extra_css: [https://evil.example/x.css]\n", "extra_css", "https://evil.example/x.css"),
    ("watch: [/]\n", "watch", "/"),
    ("extra_templates: [robots.txt]\n", "extra_templates", "robots.txt"),
    ("INHERIT: ../base.yml\n", "INHERIT", "../base.yml"),
])
def test_a_value_outside_the_allow_list_is_refused_with_its_line(text, field, value):
    found = problems(text)
    assert len(found) == 1, found
    assert found[0].startswith(f"mkdocs.yml:{text[:text.index(value)].count(chr(10)) + 1}: {field}: '{value}' is "
                               "code; it can only be changed in como_site/configcode.py by a developer (allowed: ")


def test_allowed_values_pass_in_every_form():
    assert problems("theme: material\nplugins: [search, {i18n: {}}]\nextra_css: [assets/como.css]\n") == []
    assert set(ALLOWED["hooks"]) == {"hooks/como_hooks.py"}
