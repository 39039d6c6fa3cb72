"""A throw-away project holding only case-study data, for validator and generator tests."""
from __future__ import annotations

import dataclasses
import datetime
import shutil
import textwrap

import pytest

from como_site.casestudies.validate import load_case_studies
from como_site.project import ROOT, load_project
from tests.conftest import FIXTURES

TODAY = datetime.date(2026, 11, 27)


class CaseData:
    def __init__(self, root):
        self.root = root
        shutil.copytree(ROOT / "case_studies" / "schema", root / "case_studies" / "schema")
        shutil.copy(ROOT / "case_studies" / "vocabularies.yml", root / "case_studies")
        (root / "docs").mkdir()
        shutil.copytree(ROOT / "i18n", root / "i18n")
        shutil.copytree(ROOT / "overrides" / "content", root / "overrides" / "content")   # the page templates
        self.project = dataclasses.replace(load_project(ROOT), root=root)

    def add(self, name: str, text: str | None = None):
        target = self.root / "case_studies" / f"{name}.yml"
        source = FIXTURES / "cases" / f"{name}.yml"
        target.write_text(textwrap.dedent(text) if text is not None else source.read_text(encoding="utf-8"),
                          encoding="utf-8")
        return target

    def edit(self, name: str, old: str, new: str):
        path = self.root / "case_studies" / f"{name}.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def load(self):
        return load_case_studies(self.project, today=TODAY)

    def problems(self) -> list[str]:
        cases, problems = self.load()
        assert (cases is None) == bool(problems)
        return [str(problem) for problem in problems]


@pytest.fixture
def data(tmp_path) -> CaseData:
    return CaseData(tmp_path)
