"""como_site.warmbuild: which pages a Markdown edit renders again, in which previewed language, and which
edits need a full build."""
from __future__ import annotations

import pytest

from como_site.warmbuild import page_edits

ALL = ["de", "en", "es", "fr"]


@pytest.fixture
def project(tiny_project):
    (tiny_project.root / "docs/fr/services/conception.md").unlink()   # French shows the English fallback
    return tiny_project


def edits(project, *paths: str, languages=ALL, known=None):
    changed = {project.root / path for path in paths}
    files = {path for path in (project.root / "docs").rglob("*") if path.is_file()}
    return page_edits(project.project, changed, files if known is None else known, languages)


def test_a_translation_renders_its_page_in_its_language_only(project):
    assert edits(project, "docs/de/index.md") == {"de": {"index.md": None}}
    assert edits(project, "docs/de/index.md", languages=["fr"]) == {}


def test_a_source_page_renders_its_translations_and_fallbacks_too(project):
    found = edits(project, "docs/en/services/conception.md")
    assert set(found) == set(ALL)
    assert {lang: pages["services/conception.md"] is None for lang, pages in found.items()} == \
        {"de": True, "en": True, "es": True, "fr": False}   # French gets its fallback's new Markdown
    assert "# services/conception.md" in found["fr"]["services/conception.md"]
    assert set(edits(project, "docs/en/index.md", languages=["es"])) == {"es"}


@pytest.mark.parametrize("path", ["mkdocs.yml", "i18n/labels.yml", "docs/en/assets/logo.svg"])
def test_files_other_than_pages_need_a_full_build(project, path):
    (project.root / path).parent.mkdir(parents=True, exist_ok=True)
    (project.root / path).touch()
    assert edits(project, path, known={project.root / path}) is None


def test_new_and_removed_pages_need_a_full_build(project):
    new = project.write("docs/de/new.md", "---\ntitle: Neu\ndescription: Neu.\n---\n\n# Neu\n")
    assert edits(project, "docs/de/new.md", known=set()) is None
    new.unlink()
    assert edits(project, "docs/de/new.md", known={new}) is None
