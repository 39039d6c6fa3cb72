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


@pytest.mark.parametrize("text, field, line", [
    ("repo_url: 'https://github.com/x\" onmouseover=\"alert(1)'\n", "repo_url", None),
    ("repo_name: <b onclick=alert(1)>repo</b>\n", "repo_name", None),
    ("edit_uri: 'https://x/\" onclick=\"alert(1)'\n", "edit_uri", None),
    ("theme:\n  name: material\n  logo: 'x.png\" onerror=\"alert(1)'\n", "theme.logo", None),
    ("extra:\n  homepage: javascript:alert(1)\n", "extra.homepage", None),
    ("extra:\n  social:\n    - {icon: material/web, link: 'javascript:alert(1)'}\n", "extra.social", 2),
    ("extra:\n  consent: {title: <b>x</b>}\n", "extra.consent", None),
    ("plugins:\n  - search\n  - i18n:\n      languages:\n        - locale: en\n          extra:\n"
     "            homepage: javascript:alert(1)\n", "plugins[1].i18n.languages[0].extra.homepage", None),
    ("plugins:\n  i18n:\n    languages:\n      - locale: de\n        theme: {logo: x.png}\n",
     "plugins.i18n.languages[0].theme.logo", None),
])
def test_a_value_the_theme_prints_unchecked_is_refused_with_its_line(text, field, line):
    """Material prints these into every page as they are (not escaped, any address): mkdocs.yml may not set
    them, neither at the top level nor in a language's overrides."""
    found = problems(text)
    assert found == [f"mkdocs.yml:{line or text.count(chr(10))}: {field}: the theme would print this value into every page "
                     "unescaped and unchecked, and the site does not use it: remove it (a developer can change this "
                     "in como_site/configcode.py)"]

