"""The benchmark's report: a table of medians, what its columns mean, the ratio stock/ours, the growth
factor from N to 4N, the page counts and the background load."""
from __future__ import annotations

import os
import statistics

from benchmarks.measure import Measurement, Setup

GROWTH_TARGET = 4.4


def median_wall(results: list[Measurement]) -> float:
    """Median wall seconds of a set of builds."""
    return statistics.median(result.wall for result in results)


def table_row(setup: Setup, results: list[Measurement]) -> list[str]:
    """One set-up's figures as table cells."""
    wall = median_wall(results)
    pages = sum(results[0].pages.values())
    indexes = ", ".join(f"{name} {size / 1e3:.0f}" for name, size in results[0].search_index.items())
    return [setup.label, setup.size, str(len(results)), f"{wall:.1f}",
            f"{statistics.median(result.cpu for result in results):.1f}",
            f"{max(result.peak_kb for result in results) * 1024 / 1e6:.0f}", str(pages), f"{pages / wall:.1f}",
            f"{statistics.median(result.output_bytes for result in results) / 1e6:.1f}", indexes]


def format_table(rows: list[list[str]]) -> str:
    """Rows under a header, in aligned columns (numbers right-aligned)."""
    header = ["set-up", "size", "builds", "wall s", "CPU s", "peak MB", "pages", "pages/s", "output MB",
              "search index KB"]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if column in (0, 9) else cell.rjust(width)
                       for column, (cell, width) in enumerate(zip(row, widths))).rstrip() for row in [header, *rows]]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(lines)


def per_language(results: list[Measurement]) -> str:
    """Pages per language of a set-up's first build, e.g. "de 283, en 283, ..."."""
    return ", ".join(f"{lang} {count}" for lang, count in results[0].pages.items())


def background(results: dict[Setup, list[Measurement]]) -> str:
    """How busy the rest of the machine was while the builds ran: the figures' noise."""
    builds = [result for runs in results.values() for result in runs]
    others, wall, cpus = sum(r.others_cpu for r in builds), sum(r.wall for r in builds), os.cpu_count() or 1
    return (f"Other processes used {others:.0f} s CPU during the {wall:.0f} s of builds "
            f"({100 * others / (wall * cpus):.0f} % of the machine's {cpus} CPUs): the higher, the noisier "
            "the figures.")


def runs_of(results: dict[Setup, list[Measurement]], key: str, size: str) -> list[Measurement]:
    """The builds of the set-up with this key and size."""
    return next(runs for setup, runs in results.items() if (setup.key, setup.size) == (key, size))


def comparisons(results: dict[Setup, list[Measurement]]) -> str:
    """The ratio stock/pipeline at 4N and the pipeline's growth from N to 4N."""
    large = median_wall(runs_of(results, "a", "4N"))
    ratio = median_wall(runs_of(results, "b", "4N")) / large
    growth = large / median_wall(runs_of(results, "a", "N"))
    verdict = "met" if growth <= GROWTH_TARGET else "NOT met"
    return (f"Ratio b/a of median wall time at 4N: {ratio:.2f} "
            f"({'stock is slower' if ratio > 1 else 'stock is faster'}).\n"
            f"Growth factor a(4N)/a(N) of median wall time: {growth:.2f} "
            f"(target at most {GROWTH_TARGET}: {verdict}).")


def report(results: dict[Setup, list[Measurement]]) -> str:
    """The table, what its columns mean, the ratio and growth factor, the page counts and the noise."""
    order = sorted(results, key=lambda setup: (setup.size != "4N", setup.key))
    return "\n".join([
        format_table([table_row(setup, results[setup]) for setup in order]),
        "",
        "wall s, CPU s, output MB: medians over the builds; CPU s = user + system time of the build command and",
        "  all its child processes. peak MB: the largest resident set reached by any single process of a build",
        "  (from wait4; concurrent worker processes add up, so the whole build can hold more at once).",
        "pages: HTML pages rendered from Markdown (no 404 pages, no root language chooser); pages/s = pages / wall s.",
        "MB = 10^6 bytes, KB = 10^3 bytes.",
        "",
        comparisons(results),
        f"Pages 4N: {per_language(runs_of(results, 'a', '4N'))} "
        f"(stock: {per_language(runs_of(results, 'b', '4N'))}).",
        f"Pages N:  {per_language(runs_of(results, 'a', 'N'))}.",
        background(results),
    ])
