"""Build failures an editor can cause, on tiny throw-away projects (not the published content)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from como_site.build import BuildError
from como_site.builders.engine import load_engine
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


def test_plain_mkdocs_build_says_how_to_build(tmp_path):
    """A plain `mkdocs build` cannot make the pages that come from data (they exist only inside our
    one-language builds): it stops at once and names the command to use, without a traceback."""
    result = subprocess.run([sys.executable, "-m", load_engine().name, "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Build this site with `make site` (python -m como_site build)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "de").exists()


def test_broken_link_names_its_line_and_the_nearest_page(tiny_project):
    before = tiny_project.built_site()
    tiny_project.write("docs/en/index.md", "---\ntitle: Home\ndescription: Home.\n---\n\n# Home\n\n"
                                           "Read [our approach](services/conceptoin.md).\n\nSee [x](index.md#nowhere).\n")
    tiny_project.assert_refused(
        before, "docs/en/index.md:8: link: 'services/conceptoin.md' does not exist; did you mean services/conception.md?",
        "docs/en/index.md:10: link: 'index.md' has no heading with the anchor '#nowhere'")


def test_links_written_as_addresses_or_folders_name_their_line_and_the_page_file(tiny_project):
    """MkDocs leaves such links as they are and says so without a line ("Doc file 'de/index.md' contains an
    absolute link ..."): the editor gets the line and the page file to write, also as a pull-request annotation."""
    before = tiny_project.built_site()
    tiny_project.write("docs/de/index.md", "---\ntitle: Start\ndescription: Start.\n---\n\n# Start\n\n"
                                           "Siehe [Konzeption](/en/services/conception/).\n\n"
                                           "Und [Leistungen](services/conception).\n\n"
                                           "Auch [mit Pfad](/wissen/de/services/conception/).\n\n"
                                           "Oder [nirgends](/de/nirgends/).\n")
    output = tiny_project.assert_refused(
        before, "docs/de/index.md:8: link: '/en/services/conception/' is a web address, not a page file (it would "
                "lead out of a preview); write services/conception.md",
        "docs/de/index.md:10: link: 'services/conception' is not a page file; write services/conception.md",
        "docs/de/index.md:12: link: '/wissen/de/services/conception/' is a web address, not a page file (it would "
        "lead out of a preview); write services/conception.md",
        "docs/de/index.md:14: link: '/de/nirgends/' is a web address, not a page file (it would lead out of a "
        "preview); write the page's .md file, relative to this page (e.g. index.md for the home page)",
        env={"GITHUB_ACTIONS": "true"})
    assert "Doc file" not in output
    assert "::error file=docs/de/index.md,line=8,title=link::" in output
