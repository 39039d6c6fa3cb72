"""The published case studies on the real site: every expectation comes from case_studies/, so a new valid
case keeps these green; the same assertions run over a copy of the project with one more case (the
scaffold, filled in), and an invalid added case fails with its path:line message."""
from __future__ import annotations

import re

import pytest

from como_site.build import build_site
from como_site.casestudies.scaffold import new_case
from como_site.project import load_project
from tests.conftest import copy_of_project, published_cases, run_cli
from tests.htmlpages import parse


def assert_published_cases(site_dir, project) -> None:
    """Each published case has its page (title, sources, founding year) and one card on the overview."""
    cases = published_cases(project)
    assert cases, "the real project publishes at least one case"
    for lang in project.codes:
        overview = parse(site_dir / lang / "case-studies" / "index.html")
        cards = [a["href"] for a in overview.select("article.como-card h3 a:not(.headerlink)")]
        assert sorted(cards) == sorted(f"{case.id}/" for case in cases), lang
        assert overview.select_one("svg.como-map__svg title").get_text()
        for case in cases:
            page = parse(site_dir / lang / "case-studies" / case.id / "index.html")
            title = case.texts["title"].get(lang) or case.texts["title"].get(project.source_language)
            assert " ".join(title.split()) in " ".join(page.select_one("h1").get_text().split()), (lang, case.id)
            sources = page.select_one("h2#sources").find_next_sibling("ol")
            assert {a["href"] for a in sources.select("a")} == {source.url for source in case.sources}, (lang, case.id)
            assert str(case.founded) in page.select_one(".como-facts").get_text(), (lang, case.id)


def test_every_published_case_has_its_page_and_card(built_site, project):
    assert_published_cases(built_site, project)


@pytest.mark.parametrize("lang", ["de", "es", "fr"])
def test_generated_pages_carry_no_false_outdated_notice(built_site, lang):
    for page in (built_site / lang / "case-studies").rglob("index.html"):
        assert not parse(page).select(".admonition.warning"), page


def filled_in_scaffold(root, case_id: str, publish: bool = True) -> None:
    """`make new-case`, then what an editor does: real texts and source, status published."""
    path = new_case(load_project(root), case_id)
    text = path.read_text(encoding="utf-8").replace(" (replace)", "")
    text = text.replace("https://www.example.org/replace-with-the-real-address", "https://www.example.org/annual-report")
    path.write_text(re.sub(r"^status: draft", "status: published", text, flags=re.M) if publish else text,
                    encoding="utf-8")


def test_an_added_valid_case_keeps_the_site_assertions_green(tmp_path, project):
    root = copy_of_project(tmp_path / "project")
    filled_in_scaffold(root, "my-cluster")
    build_site(root=root, site_dir=root / "site")
    copy = load_project(root)
    assert [case.id for case in published_cases(copy)] == sorted([*(case.id for case in published_cases(project)),
                                                                  "my-cluster"])
    assert_published_cases(root / "site", copy)


def test_an_added_invalid_case_fails_with_its_path_and_line(tmp_path):
    root = copy_of_project(tmp_path / "project")
    path = new_case(load_project(root), "my-cluster")
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft ", "status: published"), encoding="utf-8")
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if text.startswith("summary:")) + 1
    result = run_cli(root, "build")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert f"case_studies/my-cluster.yml:{line}: summary.de: still the scaffold's placeholder text" in result.stderr
    assert not (root / "site").exists()
