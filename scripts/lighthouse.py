"""Lighthouse scores of the key pages in every language, through Apache like on the host (not a test:
scores on two shared cores are noisy, so the tests gate on bytes and axe instead).

    make lighthouse        # = make site, npm ci in tools/lighthouse, then `python -m scripts.lighthouse`

Run as a module from the repository root, so that `tests.webserver` (the tests' Apache) is importable.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from como_site.project import load_project
from tests.webserver import Apache, base_path

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "service": "services/conception/", "case study": "case-studies/mireck/",
         "overview": "case-studies/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")


def scores(url: str, report: Path) -> dict[str, int]:
    subprocess.run([str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--preset=desktop",
                    f"--only-categories={','.join(CATEGORIES)}", "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    project = load_project(ROOT)
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("No built site: run make site first", file=sys.stderr)
        return 2
    print(f"| page | language | {' | '.join(CATEGORIES)} |\n|---|---|{'---:|' * len(CATEGORIES)}")
    with Apache(site, base_path(project.site_url)) as server, tempfile.TemporaryDirectory() as work:
        for name, path in PAGES.items():
            for lang in project.codes:
                result = scores(f"{server.url}{lang}/{path}", Path(work) / "report.json")
                print(f"| {name} | {lang} | {' | '.join(str(result[c]) for c in CATEGORIES)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
