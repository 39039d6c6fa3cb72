"""HTML from content: each planted input is refused with path:line, a non-zero exit and site/ unchanged."""
from __future__ import annotations

import pytest

from tests.conftest import TinyProject

PAGE = "---\ntitle: Startseite\ndescription: Die Startseite.\n---\n\n# Startseite\n\n{body}\n"
BAD_PAGES = {
    "script": ("Text.\n\n<script>alert(1)</script>",
               "docs/de/index.md:10: html: <script> is not allowed in pages; pages cannot run scripts"),
    "handler": ('Ein <span lang="en" onclick="alert(1)">Wort</span>.',
                "docs/de/index.md:8: html: onclick= on <span> is not allowed: pages cannot run scripts"),
    "image-handler": ('<img src="x.png" onerror="alert(1)">', "docs/de/index.md:8: html: <img> is not allowed in pages; "
                                                               "write images in Markdown"),
    "javascript-link": ("Ein [Link](javascript:alert(1)).",
                        "docs/de/index.md:8: link: javascript:alert(1): javascript: addresses are not allowed"),
    "data-image": ("![Bild](data:image/svg+xml;base64,PHN2Zz4=)", "docs/de/index.md:8: link: data:image/svg+xml;base64"),
    "remote-image": ("Text.\n\n![Karte](https://tracker.example/map.png)",
                     "docs/de/index.md:10: image: https://tracker.example/map.png: an image from another website "
                     "does not show here"),
    "protocol-relative-image": ("![Karte](//tracker.example/map.png)", "docs/de/index.md:8: image: "
                                "//tracker.example/map.png: an image from another website"),
    "refresh": ('<meta http-equiv="refresh" content="0; url=https://example.org">',
                "docs/de/index.md:8: html: <meta> is not allowed in pages"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "docs/de/index.md:8: html: <iframe> is not allowed"),
    "style-attribute-list": ('Ein Absatz.\n{: style="display:none" }',
                             'docs/de/index.md:9: attribute-list: {: style="display:none" }: style=display:none is not '
                             "allowed; attribute lists take only #id, .class and lang=xx"),
    "handler-attribute-list": ("## Abschnitt {#teil onclick=alert(1)}",
                               "docs/de/index.md:8: attribute-list: {#teil onclick=alert(1)}: onclick=alert(1) is not "
                               "allowed: pages cannot run scripts"),
    "inside-a-box": ('!!! note "Hinweis"\n\n    Text.\n\n    <script>alert(1)</script>',
                     "docs/de/index.md:12: html: <script> is not allowed in pages"),
}


@pytest.fixture(scope="module")
def built_project(tmp_path_factory):
    """One tiny project, built once; each test plants its input and puts the page back."""
    project = TinyProject(tmp_path_factory.mktemp("untrusted") / "project")
    return project, project.built_site()


@pytest.mark.parametrize("name", BAD_PAGES)
def test_the_page_check_refuses_html_from_content(built_project, name):
    project, before = built_project
    body, message = BAD_PAGES[name]
    original = (project.root / "docs/de/index.md").read_text(encoding="utf-8")
    project.write("docs/de/index.md", PAGE.format(body=body))
    try:
        project.assert_refused(before, message)
    finally:
        project.write("docs/de/index.md", original)


def test_html_that_slips_past_the_page_check_stops_the_build(built_project):
    """Company values from mkdocs.yml are filled into pages after the page check: the build's own
    allow-list still stops a script there, naming the page."""
    project, before = built_project
    original = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(original.replace("    email: ~", "    email: '<script>alert(1)</script>'"),
                                             encoding="utf-8")
    page = (project.root / "docs/de/index.md").read_text(encoding="utf-8")
    project.write("docs/de/index.md", PAGE.format(body="E-Mail: {{ company.email }}"))
    try:
        output = project.assert_refused(before, "docs/de/index.md: html: the built page would carry '<script>")
        assert "alert(1)" in output
    finally:
        (project.root / "mkdocs.yml").write_text(original, encoding="utf-8")
        project.write("docs/de/index.md", page)


def test_an_inline_script_not_from_our_templates_stops_the_build(built_project):
    """mkdocs.yml can switch on Material's analytics, whose inline scripts our templates do not emit:
    the build names each page instead of allowing them in the Content-Security-Policy."""
    project, before = built_project
    original = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(
        original.replace("\nextra:\n", "\nextra:\n  analytics:\n    provider: google\n    property: G-TEST\n"),
        encoding="utf-8")
    try:
        project.assert_refused(before, "de/index.html: inline script not from a template (sha256-",
                               "en/404.html: inline script not from a template (sha256-")
    finally:
        (project.root / "mkdocs.yml").write_text(original, encoding="utf-8")
