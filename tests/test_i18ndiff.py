"""Stamps record the original's git commit, and `make i18n-diff` shows the original's changes since then
(a unified diff for a page, one per field for a case file), or says why it cannot."""
from __future__ import annotations

import subprocess

import pytest

from tests.conftest import FIXTURES

PAGE = "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\nWe advise clusters.\n\n## Contact {#contact}\n"
TRANSLATION = "---\ntitle: Über uns\ndescription: Über uns.\n---\n\n# Über uns\n\nWir beraten Cluster.\n\n## Kontakt {#contact}\n"


def git(root, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repository(tiny_project):
    """The tiny project as a git repository with an English page, its German translation and a case."""
    tiny_project.write("docs/en/about.md", PAGE)
    tiny_project.write("docs/de/about.md", TRANSLATION)
    tiny_project.add_case("alpha")
    git(tiny_project.root, "init", "-q")
    git(tiny_project.root, "add", "-A")
    git(tiny_project.root, "commit", "-qm", "pages")
    return tiny_project


def test_stamp_records_the_originals_commit(repository):
    commit = git(repository.root, "rev-parse", "HEAD").strip()
    result = repository.cli("i18n-stamp", "docs/de/about.md", "case_studies/alpha.yml")
    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stdout
    assert f'source_commit: "{commit}"\n---\n' in (repository.root / "docs/de/about.md").read_text(encoding="utf-8")
    case = (repository.root / "case_studies/alpha.yml").read_text(encoding="utf-8")
    assert f'  de: {{commit: "{commit}", ' in case
    assert repository.cli("check").returncode == 0   # the schema and the page rules accept the new keys


def test_stamp_says_when_the_original_has_uncommitted_changes(repository):
    (repository.root / "docs/en/about.md").write_text(PAGE + "\nMore.\n", encoding="utf-8")
    result = repository.cli("i18n-stamp", "docs/de/about.md")
    assert result.returncode == 0, result.stderr
    assert "note: docs/de/about.md: docs/en/about.md has changes not committed yet" in result.stdout


def test_diff_shows_the_english_changes_since_the_stamp(repository):
    assert repository.cli("i18n-stamp", "docs/de/about.md", "case_studies/alpha.yml").returncode == 0
    git(repository.root, "commit", "-qam", "stamp")
    (repository.root / "docs/en/about.md").write_text(PAGE.replace("We advise clusters.", "We advise and guide clusters."),
                                                      encoding="utf-8")
    case = repository.root / "case_studies/alpha.yml"
    english = (FIXTURES / "cases" / "alpha.yml").read_text(encoding="utf-8")
    assert "  en: Alpha summary" in english   # the fixture's English summary, changed below
    case.write_text(case.read_text(encoding="utf-8").replace("  en: Alpha summary", "  en: Alpha's new summary"),
                    encoding="utf-8")
    git(repository.root, "commit", "-qam", "new English")
    result = repository.cli("i18n-diff", "docs/de/about.md", "case_studies/alpha.yml")
    assert result.returncode == 0, result.stderr
    assert "docs/de/about.md: docs/en/about.md changed since" in result.stdout
    assert "-We advise clusters.\n+We advise and guide clusters.\n" in result.stdout
    assert "+++ case_studies/alpha.yml#summary.en (now)" in result.stdout
    assert "+Alpha's new summary" in result.stdout
    assert "#title" not in result.stdout   # unchanged fields show no diff


def test_diff_without_a_stamped_commit_says_how_to_get_one(repository):
    result = repository.cli("i18n-diff", "docs/de/about.md")
    assert result.returncode == 0
    assert "docs/de/about.md: source_commit: no commit recorded; stamp the translation with" in result.stdout


def test_diff_without_git_says_it_needs_git(tiny_project):
    tiny_project.write("docs/en/about.md", PAGE)
    tiny_project.write("docs/de/about.md", TRANSLATION)
    result = tiny_project.cli("i18n-diff", "docs/de/about.md", env={"PATH": "/nonexistent", "GIT_DIR": "/nonexistent"})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "git is not available here" in result.stderr
