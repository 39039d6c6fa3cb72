"""como_site.translations: per page and per case-study field, missing / outdated / current (stamped with
como_site.stamping, see test_stamping.py)."""
from __future__ import annotations

import dataclasses

import yaml

from como_site.casestudies.model import CaseStudy
from como_site.contenttypes import CASE_STUDIES
from como_site.project import ROOT
from como_site.stamping import plan
from como_site.translations import CURRENT, MISSING, OUTDATED, Status, all_statuses, case_statuses, page_status, report
from tests.conftest import FIXTURES


def stamp(project, *names: str) -> None:
    for target, text in plan(project, list(names), project.root):
        target.path.write_text(text, encoding="utf-8")


def test_page_status_and_stamping(tmp_path, project):
    project = dataclasses.replace(project, root=tmp_path)
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "de").mkdir()
    (tmp_path / "docs" / "en" / "a.md").write_text("---\ntitle: A\n---\n\n# A\n", encoding="utf-8")
    assert page_status(project, "de", "a.md").state == MISSING
    (tmp_path / "docs" / "de" / "a.md").write_text("---\ntitle: A de\n---\n\n# A\n", encoding="utf-8")
    assert page_status(project, "de", "a.md").state == OUTDATED         # never stamped
    stamp(project, "docs/de/a.md")
    assert page_status(project, "de", "a.md").state == CURRENT
    assert "title: A de" in (tmp_path / "docs" / "de" / "a.md").read_text(encoding="utf-8")
    (tmp_path / "docs" / "en" / "a.md").write_text("---\ntitle: A\n---\n\n# A, revised\n", encoding="utf-8")
    status = page_status(project, "de", "a.md")
    assert (status.state, status.note) == (OUTDATED, "the source changed since")
    lines = report(all_statuses(project, ())).splitlines()
    assert "de       outdated  a.md  (the source changed since)" in lines
    assert lines[-1] == "0 current, 1 outdated, 2 missing"


def test_case_fields_get_their_own_status(tmp_path, project):
    project = dataclasses.replace(project, root=tmp_path)
    path = tmp_path / "case_studies" / "alpha.yml"
    path.parent.mkdir()
    path.write_text((FIXTURES / "cases" / "alpha.yml").read_text(encoding="utf-8"), encoding="utf-8")
    stamp(project, "case_studies/alpha.yml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["context"]["en"] = "Alpha context, revised."
    case = CaseStudy.from_data(data, "case_studies/alpha.yml", CASE_STUDIES.schema_at(ROOT))
    states = {(s.item.split("#")[1], s.lang): s.state for s in case_statuses(case, "en", project.codes)}
    assert states[("context", "fr")] == OUTDATED and states[("title", "fr")] == CURRENT
    assert ("context", "en") not in states
    stamp(project, "case_studies/alpha.yml")   # stamping twice keeps a single block
    assert path.read_text(encoding="utf-8").count("translated_from:") == 1


def test_report_shows_what_needs_work_unless_asked_for_all():
    statuses = [Status("a.md", "de", CURRENT), Status("b.md", "fr", OUTDATED, "the source changed since"),
                Status("c.md", "es", MISSING)]
    needs_work = report(statuses, show_all=False).splitlines()
    assert needs_work[1:] == ["fr       outdated  b.md  (the source changed since)", "es       missing   c.md",
                              "1 current, 1 outdated, 1 missing"]
    assert "de       current   a.md" in report(statuses).splitlines()
