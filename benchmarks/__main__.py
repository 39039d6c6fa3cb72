"""Benchmark the site's build pipeline against a stock MkDocs set-up on synthetic corpora.

Run `python -m benchmarks [--pages M] [--cases N] [--repeat R] [--keep]`. It writes, in a temporary
folder, two synthetic four-language projects: "4N" with M Markdown pages per language and N case studies
(each in all languages), and "N" with a quarter of each. It then builds, R times each, as a fresh subprocess
into a fresh folder:

  a) both projects with the project's pipeline (`python -m como_site build`), the small one first;
  b) the 4N pages with a stock set-up (`mkdocs build`: Material defaults, plugins search and i18n),
     alternating with a at 4N,

and prints wall time, CPU time, peak memory, pages, output size and search-index sizes, the ratio b/a
and the growth factor a(4N)/a(N). It prints figures; it tests nothing.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from benchmarks.corpus import make_project, make_stock_project
from benchmarks.measure import BuildFailed, Measurement, Setup, measure
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
                        help="synthetic Markdown pages per language at size 4N (default: 230)")
    parser.add_argument("--cases", type=at_least(4), default=20,
                        help="case studies at size 4N (default: 20)")
    parser.add_argument("--repeat", type=at_least(1), default=2,
                        help="builds per set-up and size (default: 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and every build's output")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write the corpora, run every build, print the report; clean up unless --keep."""
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="como-bench-"))
    try:
        (work / "logs").mkdir()
        print(f"Writing the corpora in {work} ...", flush=True)
        large, small, stock = work / "project-4N", work / "project-N", work / "stock-4N"
        sections = make_project(large, args.pages, args.cases)
        make_project(small, args.pages // 4, args.cases // 4)
        make_stock_project(large, stock, sections)
        rounds = [[Setup("a", "N", small)], [Setup("a", "4N", large), Setup("b", "4N", stock)]]
        results: dict[Setup, list[Measurement]] = {setup: [] for setups in rounds for setup in setups}
        print("Building: the small corpus first, then the large one, a and b alternating.", flush=True)
        for setups in rounds:
            for run in range(1, args.repeat + 1):
                for setup in setups:
                    results[setup].append(measure(setup, run, work, args.keep))
        print()
        print(report(results))
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
