"""The benchmark report's verdicts on the speed targets follow the measured medians (benchmarks/report.py)."""
from __future__ import annotations

from pathlib import Path

from benchmarks.measure import Measurement, Setup
from benchmarks.report import targets


def runs(walls: dict[tuple[str, str], float]):
    def measurement(wall: float) -> Measurement:
        return Measurement(wall, wall * 1.5, 1000, {"en": 1}, 1, {}, 0.0)
    return {(Setup(key, size, Path("."), "x.md"), kind): [measurement(wall)]
            for (key, size), wall in walls.items() for kind in ("cold", "warm")}


def test_targets_met_and_not_met():
    met = targets(runs({("a", "small"): 1.0, ("b", "small"): 1.6, ("c", "small"): 0.1,
                        ("a", "large"): 2.0, ("b", "large"): 6.2, ("c", "large"): 0.5}))
    assert met == ["Target small cold: stock / ours at least 1.5: 1.60 (met).",
                   "Target large cold: stock / ours at least 3.0: 3.10 (met).",
                   "Target large cold: ours / Hugo at most 5.0: 4.00 (met)."]
    missed = targets(runs({("a", "small"): 1.0, ("b", "small"): 1.2, ("c", "small"): 0.1,
                           ("a", "large"): 3.0, ("b", "large"): 6.0, ("c", "large"): 0.5}))
    assert [line.endswith("(NOT met).") for line in missed] == [True, True, True]
