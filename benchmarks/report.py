"""The benchmark's report: a table of medians (cold builds and warm rebuilds, wall time beside CPU time),
what its columns mean, the ratios between the set-ups, the growth factor from the small corpus to the
large one, what the drawing alone leaves of each target's time, the page counts and the background load."""
from __future__ import annotations

import os
import statistics

from benchmarks.measure import Measurement, Setup

GROWTH_SLACK = 1.1   # linear in pages: at most this much above the growth of the page count
SPEED_TARGETS = {"small": 1.5, "large": 3.0}   # cold builds: stock / ours at least this (issue 16)
HUGO_TARGET = 5.0    # cold builds, large corpus: ours / Hugo at most this

Results = dict[tuple[Setup, str], list[Measurement]]   # (set-up, "cold" or "warm") -> its builds


def median_wall(results: list[Measurement]) -> float:
    """Median wall seconds of a set of builds."""
    return statistics.median(result.wall for result in results)


def median_cpu(results: list[Measurement]) -> float:
    """Median CPU seconds of a set of builds."""
    return statistics.median(result.cpu for result in results)


def table_row(setup: Setup, kind: str, results: list[Measurement]) -> list[str]:
    """One set-up's figures as table cells."""
    wall = median_wall(results)
    pages = sum(results[0].pages.values())
    indexes = ", ".join(f"{name} {size / 1e3:.0f}" for name, size in results[0].search_index.items()) or "-"
    return [setup.label, setup.size, kind, str(len(results)), f"{wall:.2f}", f"{median_cpu(results):.2f}",
            f"{max(result.peak_kb for result in results) * 1024 / 1e6:.0f}", str(pages), f"{pages / wall:.1f}",
            f"{statistics.median(result.output_bytes for result in results) / 1e6:.1f}", indexes]


def format_table(rows: list[list[str]]) -> str:
    """Rows under a header, in aligned columns (numbers right-aligned)."""
    header = ["set-up", "size", "build", "builds", "wall s", "CPU s", "peak MB", "pages", "pages/s", "output MB",
              "search index KB"]
    left = (0, 1, 2, 10)
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if column in left else cell.rjust(width)
                       for column, (cell, width) in enumerate(zip(row, widths))).rstrip() for row in [header, *rows]]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(lines)


def per_language(results: list[Measurement]) -> str:
    """Pages per language of a set-up's first build, e.g. "de 283, en 283, ..."."""
    return ", ".join(f"{lang} {count}" for lang, count in results[0].pages.items())


def background(results: Results) -> str:
    """How busy the rest of the machine was while the builds ran: the figures' noise."""
    builds = [result for runs in results.values() for result in runs]
    others, wall, cpus = sum(r.others_cpu for r in builds), sum(r.wall for r in builds), os.cpu_count() or 1
    return (f"Other processes used {others:.0f} s CPU during the {wall:.0f} s of builds "
            f"({100 * others / (wall * cpus):.0f} % of the machine's {cpus} CPUs): the higher, the noisier "
            "the figures.")


def runs_of(results: Results, key: str, size: str, kind: str = "cold") -> list[Measurement]:
    """The builds of the set-up with this key and size."""
    return next(runs for (setup, of_kind), runs in results.items()
                if (setup.key, setup.size, of_kind) == (key, size, kind))


def wall_ratio(results: Results, slower: str, faster: str, size: str, kind: str) -> float:
    """How many times `slower` takes `faster`'s median wall time."""
    return median_wall(runs_of(results, slower, size, kind)) / median_wall(runs_of(results, faster, size, kind))


def ratio(results: Results, slower: str, faster: str, size: str, kind: str) -> str:
    """How many times `slower` takes `faster`'s time, in wall and in CPU time."""
    first, second = runs_of(results, slower, size, kind), runs_of(results, faster, size, kind)
    return (f"{wall_ratio(results, slower, faster, size, kind):.2f} wall, "
            f"{median_cpu(first) / median_cpu(second):.2f} CPU")


def targets(results: Results) -> list[str]:
    """The cold-build targets, by median wall time: stock / ours at each size, ours / Hugo on the large corpus."""
    lines = []
    for size, target in SPEED_TARGETS.items():
        value = wall_ratio(results, "b", "a", size, "cold")
        lines.append(f"Target {size} cold: stock / ours at least {target}: {value:.2f} "
                     f"({'met' if value >= target else 'NOT met'}).")
    value = wall_ratio(results, "a", "c", "large", "cold")
    lines.append(f"Target large cold: ours / Hugo at most {HUGO_TARGET}: {value:.2f} "
                 f"({'met' if value <= HUGO_TARGET else 'NOT met'}).")
    return lines


def drawing_floor(results: Results, cores: int) -> list[str]:
    """For each cold-build target: the CPU time our cold builds spent drawing (cards, PDFs: work the other
    set-ups do not do), the least wall time that takes on `cores` cores, and what the target leaves for the
    rest of the build (checks, pages, link check) once it is paid, beside our warm rebuild's time (all but
    the drawing). A negative rest: the target cannot be met while every cold build draws every file, however
    fast everything else gets; a warm rebuild over the budget: it cannot be met even if drawing cost nothing."""
    lines = []
    allowed = []
    for size, target in SPEED_TARGETS.items():
        stock = median_wall(runs_of(results, "b", size))
        allowed.append((size, stock / target, f"stock's {stock:.2f} s / {target}"))
    hugo = median_wall(runs_of(results, "c", "large"))
    allowed.append(("large", hugo * HUGO_TARGET, f"Hugo's {hugo:.2f} s x {HUGO_TARGET}"))
    for size, budget, source in allowed:
        ours = runs_of(results, "a", size)
        cpu = statistics.median(sum(seconds for _, seconds in result.drawing.values()) for result in ours)
        made = ", ".join(f"{drawn} {kind}" for kind, (drawn, _) in ours[0].drawing.items()) or "nothing"
        floor = cpu / cores
        warm = median_wall(runs_of(results, "a", size, "warm"))
        lines.append(f"Drawing, {size} cold: {made} drawn in {cpu:.2f} s CPU (median), at least {floor:.2f} s on "
                     f"{cores} cores; the target allows the whole build {budget:.2f} s ({source}), which leaves "
                     f"{budget - floor:.2f} s for everything else; our warm rebuild, which draws nothing, takes "
                     f"{warm:.2f} s.")
    return lines


def comparisons(results: Results) -> list[str]:
    """The ratios stock/ours and ours/Hugo at each size and kind, and our growth from small to large."""
    lines = []
    for size in ("small", "large"):
        for kind in ("cold", "warm"):
            lines.append(f"{size} {kind}: b/a (stock / ours) {ratio(results, 'b', 'a', size, kind)}; "
                         f"a/c (ours / Hugo) {ratio(results, 'a', 'c', size, kind)}.")
    small, large = runs_of(results, "a", "small"), runs_of(results, "a", "large")
    growth = median_wall(large) / median_wall(small)
    target = GROWTH_SLACK * sum(large[0].pages.values()) / sum(small[0].pages.values())
    verdict = "met" if growth <= target else "NOT met"
    lines.append(f"Growth factor a(large)/a(small) of median cold wall time: {growth:.2f} "
                 f"(target at most {target:.2f}, {GROWTH_SLACK} x the growth of the page count: {verdict}).")
    return lines + targets(results)


def report(results: Results) -> str:
    """The table, what its columns mean, the ratios and growth factor, the page counts and the noise."""
    order = sorted(results, key=lambda item: (item[0].size != "large", item[1], item[0].key))
    return "\n".join([
        format_table([table_row(setup, kind, results[(setup, kind)]) for setup, kind in order]),
        "",
        "cold: a fresh copy of the corpus, no cache, a fresh output folder; warm: the same copy rebuilt into the",
        "  same folder after a one-page edit. wall s, CPU s, output MB: medians over the builds; CPU s = user +",
        "  system time of the build command and all its child processes. peak MB: the largest resident set",
        "  reached by any single process of a build (from wait4; concurrent worker processes add up).",
        "pages: HTML pages rendered from Markdown (no 404 pages, no root language chooser, no redirects);",
        "  pages/s = pages / wall s. MB = 10^6 bytes, KB = 10^3 bytes.",
        "",
        *comparisons(results),
        *drawing_floor(results, os.cpu_count() or 1),
        *(f"Pages {size}: ours {per_language(runs_of(results, 'a', size))}; stock "
          f"{per_language(runs_of(results, 'b', size))}; Hugo {per_language(runs_of(results, 'c', size))}."
          for size in ("large", "small")),
        background(results),
    ])
