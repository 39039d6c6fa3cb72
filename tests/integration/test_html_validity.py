"""Valid HTML: the W3C Nu HTML Checker finds no error on one page of each kind in every language."""
from __future__ import annotations

import json
import subprocess

from como_site.project import ROOT, load_project
from tests.conftest import LANGUAGES, sample_case

VNU = ROOT / "tools" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = ["index.html", "404.html", "clusters/index.html", "services/conception/index.html", "about/index.html",
         "case-studies/index.html", *(f"{page}index.html" for page in sample_case(load_project())),
         "glossary/index.html"]


def test_no_html_errors(built_site):
    files = [built_site / "index.html", built_site / "404.html"]
    files += [built_site / lang / page for lang in LANGUAGES for page in PAGES]
    assert all(path.is_file() for path in files)
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [f"{m['url'].rsplit(str(built_site), 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert errors == []
