"""Mistakes editors make in pages, each reported as path:line before anything is built."""
from __future__ import annotations

import pytest

from como_site.problems import ContentError

PAGE = """\
---
title: Seite
description: Eine Testseite.
---

# Seite

{body}
"""


def problems_for(tiny_project, body: str = "", text: str | None = None) -> list[str]:
    tiny_project.write("docs/de/index.md", text if text is not None else PAGE.format(body=body))
    with pytest.raises(ContentError) as failure:
        tiny_project.build()
    assert not (tiny_project.root / "site").exists()
    return str(failure.value).splitlines()


def test_heading_level_jump(tiny_project):
    assert problems_for(tiny_project, "Text.\n\n### Zu tief") == [
        "docs/de/index.md:10: heading-increment: headings must go down one level at a time: h1 is followed by h3 "
        "(markdownlint MD001)"]


def test_image_without_alt_text(tiny_project):
    tiny_project.write("docs/assets/bild.png", "png")
    assert problems_for(tiny_project, "![](../assets/bild.png)") == [
        "docs/de/index.md:8: image-alt-text: give the image a description for blind readers: "
        "![what it shows](file.png) (markdownlint MD045)"]


def test_empty_link_text(tiny_project):
    assert problems_for(tiny_project, "Mehr: [](index.md).") == [
        "docs/de/index.md:8: empty-link-text: the link to index.md has no text: write what it leads to between "
        "the brackets"]


def test_link_without_target(tiny_project):
    assert problems_for(tiny_project, "Text mit [Link]() darin.") == [
        "docs/de/index.md:8: empty-link: the link has no target: write [text](page.md) or [text](https://...) "
        "(markdownlint MD042)"]


def test_rules_follow_markdown_not_text(tiny_project):
    """Code is not checked; a multi-line paragraph reports the line of the fault itself."""
    body = "```\n[](index.md) http://example.org\n```\n\nEin Absatz,\nder weitergeht\nmit [](index.md)."
    assert problems_for(tiny_project, body) == [
        "docs/de/index.md:14: empty-link-text: the link to index.md has no text: write what it leads to between "
        "the brackets"]


def test_markdown_that_would_show_as_plain_text(tiny_project):
    """An unclosed code fence, a box whose text is not indented and a table whose line of dashes has a column
    too few: Markdown shows them as plain text (``` on the page, an empty box, a paragraph of |) and MkDocs says
    nothing, so the check names each line. Correct boxes, fences and tables pass."""
    assert problems_for(tiny_project, "!!! note \"Hinweis\"\n  nur zwei Leerzeichen\n\n!!! tip \"Tipp\"\n\nText.\n\n"
                                      "| A | B | C |\n|---|---|\n| 1 | 2 | 3 |\n\n```yaml\nkey: value\n\n## Weiter\n") == [
        "docs/de/index.md:8: box: the text of the box !!! note \"Hinweis\" must follow it on the next lines, each "
        "indented by four spaces; as it stands the box is empty",
        "docs/de/index.md:11: box: the text of the box !!! tip \"Tipp\" must follow it on the next lines, each "
        "indented by four spaces; as it stands the box is empty",
        "docs/de/index.md:16: table: the table's first row has 3 columns but the line of dashes below it has 2: "
        "write one |---| per column, so that it is shown as a table",
        "docs/de/index.md:19: code-fence: the code block opened here with ``` is never closed, so the page would "
        "show ``` and run on as text: add a line ``` after the code"]
    tiny_project.write("docs/de/index.md", PAGE.format(body="!!! note \"Hinweis\"\n    Text.\n\n!!! tip\n\n    Text.\n\n"
                                                            "| A | B |\n|---|---|\n| 1 | 2 |\n\n```yaml\nkey: value\n```\n"))
    tiny_project.build()


def test_http_link(tiny_project):
    assert problems_for(tiny_project, "Siehe [die Quelle](http://example.org/x).") == [
        "docs/de/index.md:8: https: http://example.org/x is not encrypted: use https://example.org/x"]


def test_front_matter_not_yaml(tiny_project):
    text = "---\ntitle: Seite: mit Doppelpunkt\ndescription: x\n---\n\n# Seite\n"
    assert problems_for(tiny_project, text=text)[0].startswith(
        "docs/de/index.md:2: front-matter: not valid YAML (mapping values are not allowed here)")


def test_page_saved_with_windows_line_endings_is_accepted(tiny_project):
    """A page saved on Windows (CRLF, as git's autocrlf checks it out there) has its front matter: it is
    checked and built like any other, not refused as a page without front matter."""
    (tiny_project.root / "docs/de/index.md").write_bytes(PAGE.format(body="Text.\n\n### Zu tief").replace("\n", "\r\n").encode())
    with pytest.raises(ContentError) as failure:
        tiny_project.build()
    assert str(failure.value).splitlines() == [
        "docs/de/index.md:10: heading-increment: headings must go down one level at a time: h1 is followed by h3 "
        "(markdownlint MD001)"]
    (tiny_project.root / "docs/de/index.md").write_bytes(PAGE.format(body="Text.").replace("\n", "\r\n").encode())
    assert tiny_project.build().pages


def test_a_build_right_after_a_refused_one_is_not_locked_out_by_its_workers(tiny_project):
    """The refused build's language processes (forked, holding the site lock) are gone when it reports: a
    second build in the same process, at once, gets the same message, not "another build ... is running"."""
    tiny_project.write("docs/de/index.md", "---\ntitle: Seite\n---\n\n# Seite\n")
    for _ in range(2):
        with pytest.raises(ContentError, match=r"docs/de/index\.md:3: front-matter\.description: add"):
            tiny_project.build()


def test_front_matter_missing_description(tiny_project):
    assert problems_for(tiny_project, text="---\ntitle: Seite\n---\n\n# Seite\n") == [
        "docs/de/index.md:3: front-matter.description: add `description:` to the front matter"]


def test_refused_data_is_reported_alone_not_as_missing_pages_made_from_data(tiny_project):
    """While any data file is refused no page is made from data, so the nav's entries for those pages
    (the glossary here) cannot be checked: the editor is told of the data file only, not to create pages."""
    tiny_project.nav.append("glossary.md")
    tiny_project.save_config()
    tiny_project.add_case("bomb", "a: &a [x, x]\nb: [*a, *a]\n")
    lines = problems_for(tiny_project, "Text.")
    assert lines == ["case_studies/bomb.yml:1: yaml: anchors and aliases (&x, *x) are not allowed: write the value out"]


def test_nav_entry_without_page(tiny_project):
    tiny_project.nav.append({"Leistungen": ["services/nope.md"]})
    tiny_project.save_config()
    lines = problems_for(tiny_project, "Text.")
    assert len(lines) == 1 and lines[0].startswith("mkdocs.yml:")
    assert lines[0].endswith(": nav: services/nope.md: docs/en/services/nope.md does not exist; create it or "
                             "correct the entry")


def test_translation_without_original(tiny_project):
    tiny_project.write("docs/fr/orpheline.md", "---\ntitle: O\ndescription: O.\n---\n\n# O\n")
    assert problems_for(tiny_project, "Text.") == [
        "docs/fr/orpheline.md:1: translation: no original docs/en/orpheline.md for this page: write the en page "
        "first, or move this file to the right name"]


def test_translation_saved_in_another_folder_than_its_original_is_told_where_it_belongs(tiny_project):
    """A German page saved as docs/de/x.md while the English one is docs/en/clusters/x.md: the message names the
    place, and it comes even while a data file is refused (it needs no page made from data)."""
    tiny_project.write("docs/en/clusters/cluster-finance.md", "---\ntitle: F\ndescription: F.\n---\n\n# F\n")
    tiny_project.write("docs/de/cluster-finance.md", "---\ntitle: F\ndescription: F.\n---\n\n# F\n")
    tiny_project.add_case("bomb", "a: &a [x, x]\n")
    assert problems_for(tiny_project, "Text.") == [
        "case_studies/bomb.yml:1: yaml: anchors and aliases (&x, *x) are not allowed: write the value out",
        "docs/de/cluster-finance.md:1: translation: no original docs/en/cluster-finance.md for this page: its en "
        "original is docs/en/clusters/cluster-finance.md: move this file to docs/de/clusters/cluster-finance.md"]


def test_all_problems_at_once_with_case_data(tiny_project):
    tiny_project.add_case("beta").write_text(
        (tiny_project.root / "case_studies" / "beta.yml").read_text(encoding="utf-8").replace("XK", "QQ"))
    lines = problems_for(tiny_project, "### Zu tief\n\n[](index.md)")
    assert [line.split(":")[0] for line in lines] == ["case_studies/beta.yml", "docs/de/index.md", "docs/de/index.md"]


def test_failed_build_keeps_the_previous_site_byte_for_byte(tiny_project):
    tiny_project.build()
    site = tiny_project.root / "site"
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    tiny_project.write("docs/es/index.md", "---\ntitle: Inicio\ndescription: Inicio.\n---\n\n# Inicio\n\n"
                                           "[Roto](no-existe.md)\n")
    with pytest.raises(Exception, match="es/index.md"):
        tiny_project.build()
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert not list(tiny_project.root.glob(".site-build-*"))


def test_misspelt_company_placeholder(tiny_project):
    assert problems_for(tiny_project, "E-Mail: {{ company.emial }}")[0].startswith(
        "docs/de/index.md:8: company.emial: unknown company field; use one of: address, content_responsible")


def test_unknown_page_layout(tiny_project):
    text = "---\ntitle: Seite\ndescription: Eine Testseite.\ntemplate: main.html\n---\n\n# Seite\n"
    assert problems_for(tiny_project, text=text) == [
        "docs/de/index.md:4: front-matter.template: 'main.html' is not a layout of this site: write home.html, "
        "or leave the field out"]


ABOUT = "---\ntitle: About\ndescription: Who we are.\n---\n\n# About\n\n## Contact {#contact}\n\nWrite to us.\n"


def test_about_page_without_contact_heading(tiny_project):
    """The footer and the home page link to about.md#contact in every language: a translation that drops the id
    is named before the build, with its line, not later as a broken link in a built page."""
    tiny_project.write("docs/en/about.md", ABOUT)
    tiny_project.write("docs/de/about.md", "---\ntitle: Über uns\ndescription: Wer wir sind.\n---\n\n# Über uns\n\n"
                                           "Text.\n\n## Kontakt\n\nSchreiben Sie uns.\n")
    assert problems_for(tiny_project, "Text.") == [
        "docs/de/about.md:10: contact-heading: every page's footer and the home page link to this page's contact "
        "section: end the contact heading with {#contact}, e.g. `## Contact {#contact}` (the text may be in the "
        "page's language; the id stays contact)"]


def test_about_page_contact_heading_with_more_attributes(tiny_project):
    tiny_project.write("docs/en/about.md", ABOUT)
    tiny_project.write("docs/de/about.md", "---\ntitle: Über uns\ndescription: Wer wir sind.\n---\n\n# Über uns\n\n"
                                           "## Kontakt { #contact .wichtig }\n\nSchreiben Sie uns.\n")
    tiny_project.build()
    assert '<h2 class="wichtig" id="contact">' in (tiny_project.root / "site/de/about/index.html").read_text(encoding="utf-8")
