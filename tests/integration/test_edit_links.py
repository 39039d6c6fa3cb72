"""Item 8 of issue 12: "Edit this page" on every page, in its language, leading to the page's file (for a page
made from data, its data file) in the web editor, else on GitHub, else nowhere. Checked in built sites; the
expected links derive from the content (docs/, case_studies/), never pinned."""
from __future__ import annotations

from pathlib import Path

import pytest

from como_site.build import build_site
from como_site.editlink import edit_url
from como_site.editorconfig import edit_settings
from como_site.labels import labels_for
from como_site.problems import ContentError
from como_site.project import load_project
from tests.conftest import copy_of_project, published_cases, source_pages
from tests.htmlpages import parse

EDITOR = "https://www.example.org/wissen-admin/"


def _with_editor(root: Path, settings: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  editor:\n")
    end = text.index("\n  # One set of company values")
    config.write_text(text[:start] + "  editor:\n" + settings + text[end:], encoding="utf-8")


def _edit_links(page: Path) -> list:
    return parse(page).select("p.como-edit a")


def test_no_link_while_neither_editor_nor_repository_is_set(built_site, project):
    if project.editor.get("url") or project.editor.get("repo"):
        pytest.skip("mkdocs.yml sets up the editor: the configured cases below cover it")
    for lang in project.codes:
        assert not any(_edit_links(page) for page in (built_site / lang).rglob("index.html")), lang


@pytest.fixture(scope="module")
def site_with_editor(tmp_path_factory):
    root = copy_of_project(tmp_path_factory.mktemp("editor") / "project")
    _with_editor(root, f"    url: {EDITOR}\n    repo: como-consult/wissen\n")
    build_site(root=root, site_dir=root / "site", languages=["de"])
    return root


def test_every_page_links_to_its_file_in_the_web_editor_in_its_language(site_with_editor):
    project = load_project(site_with_editor)
    label = labels_for(project).get("page.edit", "de")
    site = site_with_editor / "site" / "de"
    for path in source_pages(project):
        folder, stem = Path(path).parent.as_posix(), Path(path).stem
        url = ("" if folder == "." else folder + "/") + ("" if stem == "index" else stem + "/")
        links = _edit_links(site / url / "index.html")
        collection = "pages-de" if folder == "." else f"pages-{folder.replace('/', '-')}-de"
        assert [(a["href"], a.get_text()) for a in links] == [(f"{EDITOR}#/collections/{collection}/entries/{stem}", label)], path
    for case in published_cases(project):
        links = _edit_links(site / "case-studies" / case.id / "index.html")
        assert [a["href"] for a in links] == [f"{EDITOR}#/collections/case-studies/entries/{case.id}"]
    assert [a["href"] for a in _edit_links(site / "glossary" / "index.html")] == [f"{EDITOR}#/collections/glossary/entries/glossary"]


def test_without_editor_the_link_opens_the_file_on_github(tmp_path):
    root = copy_of_project(tmp_path / "project")
    _with_editor(root, "    repo: como-consult/wissen\n    branch: main\n")
    project = load_project(root)
    case = published_cases(project)[0]
    assert edit_url(project, "fr", "about.md", None) == "https://github.com/como-consult/wissen/edit/main/docs/fr/about.md"
    assert edit_url(project, "de", f"case-studies/{case.id}.md", f"case_studies/{case.id}.yml") == \
        f"https://github.com/como-consult/wissen/edit/main/case_studies/{case.id}.yml"


@pytest.mark.parametrize("settings, field", [("    url: http://example.org/admin/\n", "extra.editor.url"),
                                             ("    repo: not a repo\n", "extra.editor.repo")])
def test_wrong_settings_are_refused_with_their_fix(tmp_path, settings, field):
    root = copy_of_project(tmp_path / "project")
    _with_editor(root, settings)
    with pytest.raises(ContentError) as refused:
        edit_settings(load_project(root))
    line = next(number for number, text in enumerate((root / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
                if text == settings.rstrip("\n"))
    assert f"mkdocs.yml:{line}: {field}:" in str(refused.value)
