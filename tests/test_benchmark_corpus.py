"""The benchmark's corpus builders (outside comparisons call them too) make projects our checks accept."""
from __future__ import annotations

import subprocess
import sys

import yaml

from benchmarks.corpus import make_project, make_stock_project

LANGUAGES = ("de", "en", "es", "fr")


def test_corpus_projects_pass_the_checks_and_the_stock_copy_has_the_same_pages(tmp_path):
    ours, stock = tmp_path / "ours", tmp_path / "stock"
    sections = make_project(ours, pages=20, cases=4)
    assert sum(len(section.pages) for section in sections) == 20
    assert len(list((ours / "case_studies").glob("case-*.yml"))) == 4
    result = subprocess.run([sys.executable, "-m", "como_site", "check"], cwd=ours, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    make_stock_project(ours, stock, sections)
    for lang in LANGUAGES:
        written = {path.relative_to(ours / "docs" / lang) for path in (ours / "docs" / lang).rglob("*.md")}
        assert {path.relative_to(stock / "docs" / lang) for path in (stock / "docs" / lang).rglob("*.md")} == written
        assert len(written) >= 20 + 2 + 4   # the pages, home, overview and one page per case study
    config = yaml.safe_load((stock / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material"}
    assert config["nav"][1] == {"Services": sections[0].pages}
