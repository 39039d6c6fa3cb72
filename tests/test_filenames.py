"""como_site.filenames: names under docs/ are lowercase ASCII letters, digits and hyphens, with a fix offered."""
from __future__ import annotations

import dataclasses

import pytest

from como_site.filenames import check_file_names, suggested_name


@pytest.mark.parametrize("name, fixed", [("Über Uns", "uber-uns"), ("Ça va?", "ca-va"), ("A__b--c", "a-b-c"),
                                         ("2016", "2016"), ("日本", "")])
def test_suggested_name_transliterates(name, fixed):
    assert suggested_name(name) == fixed


def test_bad_names_are_named_with_their_fix(tmp_path, project):
    project = dataclasses.replace(project, root=tmp_path)
    for relative in ("docs/de/Über Uns.md", "docs/de/good-page.md", "docs/assets/Logo Final.PNG",
                     "docs/assets/ok.png", "docs/en/Neue Seiten/a.md", "docs/en/Neue Seiten/B.md",
                     "docs/de/.hidden.md", "docs/fr/some_page.md"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("", encoding="utf-8")
    assert sorted(str(problem) for problem in check_file_names(project)) == [
        "docs/assets/Logo Final.PNG: file-name: use lowercase letters, digits and hyphens: rename it to logo-final.png",
        "docs/de/Über Uns.md: file-name: use lowercase letters, digits and hyphens: rename it to uber-uns.md",
        "docs/en/Neue Seiten: folder-name: use lowercase letters, digits and hyphens: rename it to neue-seiten",
        "docs/fr/some_page.md: file-name: use lowercase letters, digits and hyphens: rename it to some-page.md",
    ]
