"""como_site.generated: generated pages written only when changed, stale ones removed, others kept."""
from __future__ import annotations

import dataclasses
import os

import pytest

from como_site.generated import sync_pages
from como_site.pages import is_generated
from como_site.problems import ContentError


def test_write_only_changed_and_remove_stale(tmp_path, project):
    project = dataclasses.replace(project, root=tmp_path)
    folder = tmp_path / "docs" / "de" / "case-studies"
    page = folder / "a.md"
    stale = folder / "sector" / "old.md"
    hand_written = folder / "index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("---\ntitle: x\ngenerated_from: case_studies/old.yml\n---\n", encoding="utf-8")
    hand_written.write_text("---\ntitle: Fallstudien\n---\n\n# Fallstudien\n", encoding="utf-8")
    text = "---\ntitle: A\ngenerated_from: case_studies/a.yml\n---\n\n# A\n"

    first = sync_pages(project, {page: text})
    assert first.written == [page] and first.removed == [stale]
    assert not stale.parent.exists() and hand_written.exists()

    os.utime(page, (1, 1))
    second = sync_pages(project, {page: text})
    assert second.written == [] and second.unchanged == 1
    assert page.stat().st_mtime == 1                      # untouched, so watchers see no change

    third = sync_pages(project, {page: text.replace("# A", "# B")})
    assert third.written == [page]


def test_is_generated_reads_front_matter_only(tmp_path):
    folder = tmp_path / "docs" / "en" / "case-studies"
    folder.mkdir(parents=True)
    generated = folder / "g.md"
    generated.write_text("---\ntitle: G\ngenerated_from: x\n---\n", encoding="utf-8")
    mention = folder / "m.md"
    mention.write_text("---\ntitle: M\n---\n\ngenerated_from: in the body\n", encoding="utf-8")
    assert is_generated(generated) and not is_generated(mention)


def test_never_replaces_a_hand_written_page(tmp_path, project):
    project = dataclasses.replace(project, root=tmp_path)
    folder = tmp_path / "docs" / "de" / "case-studies"
    folder.mkdir(parents=True)
    overview = folder / "index.md"
    overview.write_text("---\ntitle: Fallstudien\n---\n\n# Fallstudien\n", encoding="utf-8")
    other = folder / "a.md"
    generated = "---\ntitle: X\ngenerated_from: case_studies/index.yml\n---\n\n# X\n"
    with pytest.raises(ContentError) as refused:
        sync_pages(project, {overview: generated, other: generated})
    assert str(refused.value) == ("docs/de/case-studies/index.md:1: generated: this page is written by hand, and "
                                  "case_studies/index.yml would replace it; nothing was written: give the case another id")
    assert overview.read_text(encoding="utf-8").startswith("---\ntitle: Fallstudien") and not other.exists()
    with pytest.raises(ContentError, match="the generator may write only marked pages under docs/<lang>/case-studies/"):
        sync_pages(project, {tmp_path / "docs" / "de" / "about.md": generated})


def test_a_page_outside_the_generators_folders_is_never_generated(tmp_path):
    """An editor's page cannot escape the checks by claiming to be generated."""
    page = tmp_path / "docs" / "en" / "about.md"
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: A\ngenerated_from: x\n---\n", encoding="utf-8")
    assert not is_generated(page)
