"""The benchmark report's verdicts on the speed targets follow the measured medians, and it says what our
drawing leaves of each target's time (benchmarks/report.py, benchmarks/measure.py)."""
from __future__ import annotations

from pathlib import Path

from benchmarks.measure import Measurement, Setup, drawing
from benchmarks.report import drawing_floor, targets


SPREAD = (3.0, 1.0, 0.9)   # three builds of each set-up: the first and the last far off the middle one
WARM = 0.25                # seconds of every warm rebuild: warm ratios are 1.00, which no target expects


def runs(walls: dict[tuple[str, str], float], drawn: dict[tuple[str, str], dict[str, tuple[int, float]]] | None = None):
    """Three cold builds of each set-up whose medians are `walls` (and the CPU times of `drawn`), and three
    warm rebuilds of WARM seconds that draw nothing: a report that took the first build, the mean, or a
    warm rebuild for a cold build would print other figures."""
    def measurement(wall: float, drew: dict[str, tuple[int, float]]) -> Measurement:
        return Measurement(wall, wall * 1.5, 1000, {"en": 1}, 1, {}, 0.0, drew)

    results = {}
    for (key, size), wall in walls.items():
        setup, drew = Setup(key, size, Path("."), "x.md"), (drawn or {}).get((key, size), {})
        results[(setup, "cold")] = [measurement(wall * factor, {kind: (count, seconds * factor)
                                                                for kind, (count, seconds) in drew.items()})
                                    for factor in SPREAD]
        results[(setup, "warm")] = [measurement(WARM, {}) for _ in SPREAD]
    return results


def test_targets_met_and_not_met():
    met = targets(runs({("a", "small"): 1.0, ("b", "small"): 1.6, ("c", "small"): 0.1,
                        ("a", "large"): 2.0, ("b", "large"): 6.2, ("c", "large"): 0.5}))
    assert met == ["Target small cold: stock / ours at least 1.5: 1.60 (met).",
                   "Target large cold: stock / ours at least 3.0: 3.10 (met).",
                   "Target large cold: ours / Hugo at most 5.0: 4.00 (met)."]
    missed = targets(runs({("a", "small"): 1.0, ("b", "small"): 1.2, ("c", "small"): 0.1,
                           ("a", "large"): 3.0, ("b", "large"): 6.0, ("c", "large"): 0.5}))
    assert [line.endswith("(NOT met).") for line in missed] == [True, True, True]


def test_our_build_line_gives_what_was_drawn_and_its_cpu_time():
    log = ("Built 189 pages in de, en, es, fr into site in 3.9 s\n"
           "Files drawn at build time: cards: 188 made, 0 from the cache, 1.08 s CPU; "
           "pdf: 20 made, 0 from the cache, 2.05 s CPU\n")
    assert drawing(log) == {"cards": (188, 1.08), "pdf": (20, 2.05)}
    assert drawing("INFO - Documentation built in 2.51 seconds\n") == {}


def test_the_drawing_floor_is_its_cpu_time_over_the_cores_against_each_target():
    drawn = {("a", "small"): {"cards": (188, 1.0), "pdf": (20, 2.0)},
             ("a", "large"): {"cards": (1140, 6.0), "pdf": (80, 10.0)}}
    lines = drawing_floor(runs({("a", "small"): 4.0, ("b", "small"): 2.7, ("c", "small"): 1.0,
                                ("a", "large"): 15.0, ("b", "large"): 21.0, ("c", "large"): 3.0}, drawn), cores=2)
    assert lines == [
        "Drawing, small cold: 188 cards, 20 pdf drawn in 3.00 s CPU (median), at least 1.50 s on 2 cores; the target "
        "allows the whole build 1.80 s (stock's 2.70 s / 1.5), which leaves 0.30 s for everything else; our warm "
        "rebuild, which draws nothing, takes 0.25 s.",
        "Drawing, large cold: 1140 cards, 80 pdf drawn in 16.00 s CPU (median), at least 8.00 s on 2 cores; the "
        "target allows the whole build 7.00 s (stock's 21.00 s / 3.0), which leaves -1.00 s for everything else; our "
        "warm rebuild, which draws nothing, takes 0.25 s.",
        "Drawing, large cold: 1140 cards, 80 pdf drawn in 16.00 s CPU (median), at least 8.00 s on 2 cores; the "
        "target allows the whole build 15.00 s (Hugo's 3.00 s x 5.0), which leaves 7.00 s for everything else; our "
        "warm rebuild, which draws nothing, takes 0.25 s."]
