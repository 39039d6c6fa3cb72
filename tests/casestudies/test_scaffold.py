"""como_site.casestudies.scaffold: `make new-case` writes a draft that already validates."""
from __future__ import annotations

import pytest

from como_site.casestudies.scaffold import new_case


def test_skeleton_is_a_valid_draft_in_every_language(data):
    path = new_case(data.project, "new-cluster")
    assert path.name == "new-cluster.yml"
    cases, problems = data.load()
    assert problems == []
    (case,) = cases.records
    assert case.status == "draft" and not cases.published
    assert set(case.texts["title"].values) == set(data.project.codes)
    assert "# Case study" in path.read_text(encoding="utf-8")   # every field is explained


def test_bad_or_taken_ids_are_refused(data):
    with pytest.raises(ValueError, match="lowercase letters"):
        new_case(data.project, "../evil")
    new_case(data.project, "taken")
    with pytest.raises(FileExistsError):
        new_case(data.project, "taken")


def test_reserved_ids_are_refused_before_writing(data):
    with pytest.raises(ValueError, match="'index' is reserved for the overview page; choose another id$"):
        new_case(data.project, "index")
    assert not (data.root / "case_studies" / "index.yml").exists()
