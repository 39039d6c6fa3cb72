"""Lighthouse scores of the key pages in every language, through Apache like on the host (not a test:
scores on two shared cores are noisy, so the tests gate on bytes and axe instead).

    make lighthouse        # = make site, npm ci in tools/lighthouse, then `python -m scripts.lighthouse`
    python -m scripts.lighthouse --preset mobile --runs 3 --pages home,service

Each page is measured with Lighthouse's mobile preset (its default: a mid-range phone on a throttled
network and CPU), its desktop preset, or both; with --runs N each figure is the median of N runs.
Besides the four category scores it prints first and largest contentful paint, total blocking time and
the bytes transferred, and the audits that cost performance points.

Run as a module from the repository root, so that `tests.webserver` (the tests' Apache) is importable.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
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
# audit id -> (column, unit divisor, format)
METRICS = {"first-contentful-paint": ("FCP s", 1000, "{:.2f}"), "largest-contentful-paint": ("LCP s", 1000, "{:.2f}"),
           "total-blocking-time": ("TBT ms", 1, "{:.0f}"), "total-byte-weight": ("KiB", 1024, "{:.1f}")}
PRESETS = {"mobile": [], "desktop": ["--preset=desktop"]}   # mobile is Lighthouse's default: no --preset
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-dev-shm-usage --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")


ATTEMPTS = 3   # Lighthouse now and then loses the trace of a load on a busy machine (NO_NAVSTART): run it again


def run(url: str, preset: str, report: Path) -> dict:
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", *PRESETS[preset],
               f"--only-categories={','.join(CATEGORIES)}", "--quiet", f"--chrome-flags={CHROME_FLAGS}"]
    for attempt in range(1, ATTEMPTS + 1):
        if subprocess.run(command, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}).returncode == 0:
            return json.loads(report.read_text(encoding="utf-8"))
        print(f"    Lighthouse failed on {url} (attempt {attempt} of {ATTEMPTS})", file=sys.stderr, flush=True)
    raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}")


def figures(result: dict) -> dict[str, float]:
    """The category scores (0-100) and the metrics of one Lighthouse report, by column name."""
    found = {name: result["categories"][name]["score"] * 100 for name in CATEGORIES}
    for audit, (column, divisor, _) in METRICS.items():
        found[column] = result["audits"][audit]["numericValue"] / divisor
    return found


def losses(result: dict) -> list[str]:
    """The audits below a full score that weigh in the performance category, or fail in another one."""
    lost = []
    for name in CATEGORIES:
        for ref in result["categories"][name]["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 1 and (ref["weight"] > 0 or name == "performance"):
                value = audit.get("displayValue", "")
                lost.append(f"{ref['id']} {audit['score']:.2f}{' ' + value if value else ''}")
    return lost


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m scripts.lighthouse", description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=["mobile", "desktop", "both"], default="both")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the table shows medians")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"comma-separated, among: {', '.join(PAGES)}")
    parser.add_argument("--languages", default="", help="comma-separated language codes (default: all)")
    parser.add_argument("--audits", action="store_true", help="also print the audits that cost points")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    project = load_project(ROOT)
    site = ROOT / "site"
    if not (site / "index.html").is_file():
        print("No built site: run make site first", file=sys.stderr)
        return 2
    presets = list(PRESETS) if args.preset == "both" else [args.preset]
    pages = {name: PAGES[name] for name in args.pages.split(",")}
    languages = args.languages.split(",") if args.languages else list(project.codes)
    columns = CATEGORIES + [column for column, _, _ in METRICS.values()]
    formats = {**{name: "{:.0f}" for name in CATEGORIES}, **{column: fmt for column, _, fmt in METRICS.values()}}
    with Apache(site, base_path(project.site_url)) as server, tempfile.TemporaryDirectory() as work:
        for preset in presets:
            print(f"\n{preset} (median of {args.runs})\n\n| page | language | {' | '.join(columns)} |\n"
                  f"|---|---|{'---:|' * len(columns)}", flush=True)
            for name, path in pages.items():
                for lang in languages:
                    results = [run(f"{server.url}{lang}/{path}", preset, Path(work) / "report.json")
                               for _ in range(args.runs)]
                    runs = [figures(result) for result in results]
                    median = {column: statistics.median(run[column] for run in runs) for column in columns}
                    cells = " | ".join(formats[column].format(median[column]) for column in columns)
                    print(f"| {name} | {lang} | {cells} |", flush=True)
                    if args.audits:
                        for lost in sorted({line for result in results for line in losses(result)}):
                            print(f"    {lost}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
