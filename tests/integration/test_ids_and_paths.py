"""Issue 10, items 7 and 8 on tiny projects: a case id the site uses, a badly named page or image, and a
published scaffold are refused with path:line, a non-zero exit and site/ unchanged byte for byte."""
from __future__ import annotations

from tests.conftest import FIXTURES

ALPHA = (FIXTURES / "cases" / "alpha.yml").read_text(encoding="utf-8")


def test_a_case_called_index_leaves_the_overview_pages_alone(tiny_project):
    before = tiny_project.built_site()
    overviews = {lang: (tiny_project.root / f"docs/{lang}/case-studies/index.md").read_bytes()
                 for lang in tiny_project.languages}
    tiny_project.add_case("index", ALPHA.replace("id: alpha", "id: index"))
    tiny_project.assert_refused(before, "case_studies/index.yml:2: id: 'index' is reserved for the overview page; "
                                        "choose another id (and rename the file)")
    assert {lang: (tiny_project.root / f"docs/{lang}/case-studies/index.md").read_bytes()
            for lang in tiny_project.languages} == overviews


def test_page_and_image_names_must_be_lowercase_ascii(tiny_project):
    before = tiny_project.built_site()
    for lang in tiny_project.languages:
        tiny_project.write(f"docs/{lang}/Über Uns.md", f"---\ntitle: Über\ndescription: Über {lang}.\n---\n\n# Über\n")
    tiny_project.write("docs/assets/Karte Kosovo.PNG", "png")
    tiny_project.assert_refused(
        before,
        "docs/de/Über Uns.md: file-name: use lowercase letters, digits and hyphens: rename it to uber-uns.md",
        "docs/assets/Karte Kosovo.PNG: file-name: use lowercase letters, digits and hyphens: rename it to "
        "karte-kosovo.png")


def test_a_published_scaffold_is_refused(tiny_project):
    before = tiny_project.built_site()
    result = tiny_project.cli("new-case", "my-cluster")
    assert result.returncode == 0, result.stderr
    path = tiny_project.root / "case_studies" / "my-cluster.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: published"), encoding="utf-8")
    tiny_project.assert_refused(
        before,
        "case_studies/my-cluster.yml:31: summary.de: still the scaffold's placeholder text: write the real text",
        "case_studies/my-cluster.yml:67: sources[0].url: still the scaffold's example address")
