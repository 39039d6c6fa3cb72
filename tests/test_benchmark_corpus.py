"""The benchmark's corpus builders (outside comparisons call them too) make projects our checks accept."""
from __future__ import annotations

import re
import subprocess
import sys

from pathlib import Path

import yaml

from benchmarks.corpus import make_hugo_project, make_project, make_stock_project
from como_site.contenttypes import content_pages, load_content
from como_site.labels import labels_for
from como_site.project import load_project

LANGUAGES = ("de", "en", "es", "fr")


def test_corpus_projects_pass_the_checks_and_the_stock_copy_has_the_same_pages(tmp_path):
    ours, stock = tmp_path / "ours", tmp_path / "stock"
    sections = make_project(ours, pages=20, cases=4)
    assert sum(len(section.pages) for section in sections) == 20
    assert len(list((ours / "case_studies").glob("case-*.yml"))) == 4
    result = subprocess.run([sys.executable, "-m", "como_site", "check"], cwd=ours, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    make_stock_project(ours, stock, sections)
    project = load_project(ours)
    content, _ = load_content(project)
    for lang in LANGUAGES:
        written = {path.relative_to(ours / "docs" / lang) for path in (ours / "docs" / lang).rglob("*.md")}
        made = {Path(path) for path in content_pages(project, labels_for(project), content, lang)}   # in memory for us
        assert {path.relative_to(stock / "docs" / lang) for path in (stock / "docs" / lang).rglob("*.md")} == written | made
        assert len(written) >= 20 + 2 and len(made) >= 4   # the pages, home, overview; one page per case study
    config = yaml.safe_load((stock / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material"}
    assert config["nav"][1] == {"Services": sections[0].pages}


def test_the_hugo_copy_holds_the_stock_pages_as_hugo_sections(tmp_path):
    """Every page of the stock copy is in Hugo's content folder of its language; a folder's index.md is its
    _index.md (a Hugo section page), and links to it follow."""
    ours, stock, hugo = tmp_path / "ours", tmp_path / "stock", tmp_path / "hugo"
    make_stock_project(ours, stock, make_project(ours, pages=20, cases=4))
    make_hugo_project(stock, hugo)
    for lang in LANGUAGES:
        pages = {path.relative_to(stock / "docs" / lang) for path in (stock / "docs" / lang).rglob("*.md")}
        expected = {path.with_name("_index.md") if path.name == "index.md" else path for path in pages}
        assert {path.relative_to(hugo / "content" / lang) for path in (hugo / "content" / lang).rglob("*.md")} == expected
    assert not [path for path in (hugo / "content").rglob("*.md")
                if re.search(r"\]\((?:[^)\s]*/)?index\.md[)#]", path.read_text(encoding="utf-8"))]
    config = yaml.safe_load((hugo / "hugo.yaml").read_text(encoding="utf-8"))
    assert {code: entry["contentDir"] for code, entry in config["languages"].items()} == {
        lang: f"content/{lang}" for lang in LANGUAGES}
