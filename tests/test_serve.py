"""como_site.serve: which languages a preview rebuilds after an edit."""
from pathlib import Path

from como_site.serve import affected_languages

ROOT = Path("/project")
ALL = ["de", "en", "es", "fr"]


def test_a_translation_rebuilds_its_language_only():
    assert affected_languages(ROOT, {ROOT / "docs/fr/about.md"}, ALL, "en") == ["fr"]
    assert affected_languages(ROOT, {ROOT / "docs/fr/a.md", ROOT / "docs/de/b.md"}, ALL, "en") == ["de", "fr"]


def test_source_pages_and_shared_files_rebuild_everything():
    assert affected_languages(ROOT, {ROOT / "docs/en/about.md"}, ALL, "en") == ALL
    assert affected_languages(ROOT, {ROOT / "case_studies/mireck.yml"}, ALL, "en") == ALL
    assert affected_languages(ROOT, {ROOT / "mkdocs.yml"}, ALL, "en") == ALL


def test_one_language_preview_ignores_other_languages():
    assert affected_languages(ROOT, {ROOT / "docs/fr/about.md"}, ["de"], "en") == []


def test_preview_watches_pages_data_glossary_and_sources(tmp_path):
    """Builds write nothing into the project, so every file in a watched folder is an editor's file."""
    from como_site.serve import _snapshot

    folder = tmp_path / "docs" / "de" / "case-studies"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("---\ntitle: Fallstudien\n---\n", encoding="utf-8")
    (tmp_path / "case_studies").mkdir()
    (tmp_path / "case_studies" / "alpha.yml").write_text("id: alpha\n", encoding="utf-8")
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "glossary.yml").write_text("terms: {}\n", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "further-reading.yml").write_text("sources: []\n", encoding="utf-8")
    assert set(_snapshot(tmp_path)) == {folder / "index.md", tmp_path / "case_studies" / "alpha.yml",
                                        tmp_path / "i18n" / "glossary.yml", tmp_path / "sources" / "further-reading.yml"}
