"""como_site.builders.mkdocs: the theme's loader lists no files under assets/ or hidden folders, and still serves
every template."""
from __future__ import annotations

import jinja2

from como_site.builders.mkdocs import _ThemeLoader


def test_theme_files_outside_assets_and_hidden_folders_only(tmp_path):
    custom, theme = tmp_path / "overrides", tmp_path / "theme"
    for path in ["overrides/main.html", "overrides/assets/como.css", "overrides/content/page.md",
                 "theme/base.html", "theme/assets/javascripts/bundle.js", "theme/.icons/material/a.svg",
                 "theme/partials/.hidden/x.svg", "theme/partials/nav.html", "theme/robots.txt",
                 "theme/partials/assets/kept.txt"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("{{ 1 + 1 }}", encoding="utf-8")
    loader = _ThemeLoader(jinja2.FileSystemLoader([str(custom), str(theme)]))
    assert loader.list_templates() == ["base.html", "content/page.md", "main.html", "partials/assets/kept.txt",
                                       "partials/nav.html", "robots.txt"]
    env = jinja2.Environment(loader=loader)
    assert env.get_template("partials/nav.html").render() == "2"
    assert env.get_template("assets/como.css").render() == "2"
