"""Build failures an editor can cause, on tiny throw-away projects (not the published content)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from como_site.build import BuildError
from como_site.project import ROOT


def test_broken_internal_link_fails_the_build_naming_the_file(tiny_project):
    tiny_project.write("docs/de/index.md", """\
        ---
        title: Startseite
        description: Startseite.
        ---

        # Startseite

        Siehe [die fehlende Seite](gibt-es-nicht.md).
        """)
    with pytest.raises(BuildError) as failure:
        tiny_project.build()
    assert "de/index.md" in str(failure.value)
    assert "gibt-es-nicht.md" in str(failure.value)
    assert not (tiny_project.root / "site").exists()


def test_broken_anchor_fails_the_build(tiny_project):
    tiny_project.write("docs/fr/index.md", """\
        ---
        title: Accueil
        description: Accueil.
        ---

        # Accueil

        Voir [la section](#nexiste-pas).
        """)
    with pytest.raises(BuildError, match=r"fr/index\.md"):
        tiny_project.build()


def test_tiny_project_builds_when_correct(tiny_project):
    report = tiny_project.build()
    assert report.languages == ["de", "en", "es", "fr"]
    assert all((tiny_project.root / "site" / lang / "index.html").is_file() for lang in report.languages)


def test_plain_mkdocs_strict_build_passes(tmp_path, built_site):
    """The stock `mkdocs build --strict` (all languages in one process) still works on the real project,
    and writes one merged search index that each of our per-language indexes undercuts."""
    env = {key: value for key, value in os.environ.items() if key != "COMO_ONLY_LANGUAGE"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "de" / "index.html").is_file()
    merged = (tmp_path / "site" / "search" / "search_index.json").stat().st_size
    for lang in ("de", "en", "es", "fr"):
        assert (built_site / lang / "search" / "search_index.json").stat().st_size < merged / 2


def test_broken_link_names_its_line_and_the_nearest_page(tiny_project):
    before = tiny_project.built_site()
    tiny_project.write("docs/en/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\n# Home\n\n"
                                           "Read [our approach](services/conceptoin.md).\n\nSee [x](index.md#nowhere).\n")
    tiny_project.assert_refused(
        before, "docs/en/index.md:8: link: 'services/conceptoin.md' does not exist; did you mean services/conception.md?",
        "docs/en/index.md:10: link: 'index.md' has no heading with the anchor '#nowhere'")
