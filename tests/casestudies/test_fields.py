"""Translation status and stamping cover every text the case-study schema marks translatable."""
from __future__ import annotations

from como_site.stamping import plan
from como_site.translations import CURRENT, MISSING, OUTDATED, case_statuses


def states(case, lang: str) -> dict[str, str]:
    return {status.item.split("#")[1]: status.state for status in case_statuses(case, "en", ("de", "en", "es", "fr"))
            if status.lang == lang}


def test_status_and_stamping_cover_region_actor_names_figure_labels_and_source_titles(data):
    path = data.add("alpha")
    for target, text in plan(data.project, [str(path)], data.root):   # what `make i18n-stamp` writes
        target.path.write_text(text, encoding="utf-8")
    cases, problems = data.load()
    assert problems == []
    fields = ("region", "actors[1].name", "figures[0].label", "sources[1].title")
    assert {name: states(cases.records[0], "de")[name] for name in fields} == dict.fromkeys(fields, CURRENT)
    data.edit("alpha", "en: Test University", "en: Test University of Alpha")
    data.edit("alpha", ", fr: Quantité test}", "}")
    data.edit("alpha", "status: published", "status: published\npending: [fr]")
    cases, problems = data.load()
    assert problems == []
    assert states(cases.records[0], "de")["actors[1].name"] == OUTDATED
    assert states(cases.records[0], "de")["region"] == CURRENT
    assert states(cases.records[0], "fr")["figures[0].label"] == MISSING


def test_i18n_status_lists_the_region(tiny_project):
    tiny_project.add_case("alpha")
    result = tiny_project.cli("i18n-status")
    assert result.returncode == 0, result.stderr
    assert "de       outdated  case_studies/alpha.yml#region  (no hash under translated_from)" in result.stdout
    assert "fr       outdated  case_studies/alpha.yml#actors[1].name  (no hash under translated_from)" in result.stdout
