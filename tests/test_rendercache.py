"""The render cache: the same inputs are drawn once; any changed input draws afresh; what no build used
for KEEP_DAYS is pruned; the CPU
time of the drawing is counted."""
import os
import time

from como_site.rendercache import (CACHE_FOLDER, KEEP_DAYS, counts, drawing_seconds, input_key, prune, rendered,
                                  start_tally, tally)


def test_same_inputs_are_drawn_once(tmp_path):
    calls = []

    def draw():
        calls.append(1)
        return b"png"

    first = rendered(tmp_path, "cards", "png", ["Title", "de", "v1"], draw)
    second = rendered(tmp_path, "cards", "png", ["Title", "de", "v1"], draw)
    assert (first.drawn, second.drawn) == (True, False)
    assert second.data == b"png" and len(calls) == 1


def test_a_changed_input_draws_again(tmp_path):
    rendered(tmp_path, "cards", "png", ["Title", "de", "v1"], lambda: b"one")
    again = rendered(tmp_path, "cards", "png", ["Title", "fr", "v1"], lambda: b"two")
    assert again.drawn and again.data == b"two"


def test_parts_are_length_prefixed():
    assert input_key(["ab", "c"]) != input_key(["a", "bc"])


def test_the_tally_counts_each_file_once(tmp_path):
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: b"1")
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: b"1")   # asked again in the same build: still one file drawn
    rendered(tmp_path, "pdf", "pdf", ["b"], lambda: b"2")
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: b"1")
    rendered(tmp_path, "cards", "png", ["a"], lambda: b"3")
    assert counts([tally()]) == {"cards": (1, 0), "pdf": (0, 1)}


def test_prune_removes_what_no_build_used_for_keep_days_and_keeps_what_a_build_took(tmp_path):
    now = time.time()
    rendered(tmp_path, "cards", "png", ["old, unused"], lambda: b"1")
    rendered(tmp_path, "cards", "png", ["old, taken again"], lambda: b"2")
    rendered(tmp_path, "pdf", "pdf", ["recent"], lambda: b"3")
    folder = tmp_path / CACHE_FOLDER
    long_ago = now - (KEEP_DAYS + 1) * 86400
    for key in ("old, unused", "old, taken again"):
        os.utime(folder / "cards" / f"{input_key([key])}.png", (long_ago, long_ago))
    leftover = folder / "pdf" / ".killed.pdf.tmp"
    leftover.write_bytes(b"half")
    os.utime(leftover, (now - 2 * 86400, now - 2 * 86400))
    assert not rendered(tmp_path, "cards", "png", ["old, taken again"], lambda: b"redrawn").drawn   # dated today

    assert prune(tmp_path, now) == 2
    assert sorted(path.name for path in folder.glob("*/*")) == sorted(
        [f"{input_key(['old, taken again'])}.png", f"{input_key(['recent'])}.pdf"])
    assert rendered(tmp_path, "cards", "png", ["old, unused"], lambda: b"drawn again").drawn


def test_counts_take_a_file_one_process_drew_and_another_took_from_the_cache_as_drawn_once(tmp_path):
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: b"1")   # drawn ahead, in one process
    ahead = tally()
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: b"1")   # the language's build, in another
    rendered(tmp_path, "pdf", "pdf", ["b"], lambda: b"2")
    rendered(tmp_path, "cards", "png", ["c"], lambda: b"3")
    build = tally()
    start_tally()
    rendered(tmp_path, "cards", "png", ["c"], lambda: b"3")   # a later build
    assert counts([ahead, build]) == {"cards": (1, 0), "pdf": (2, 0)}
    assert counts([tally()]) == {"cards": (0, 1)}


def _busy(seconds: float) -> bytes:
    """A drawing that takes `seconds` of this process's CPU time."""
    until = time.process_time() + seconds
    while time.process_time() < until:
        pass
    return b"drawn"


def test_drawing_seconds_sum_the_cpu_time_of_the_files_drawn_once_and_not_of_those_from_the_cache(tmp_path):
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: _busy(0.05))   # drawn ahead, in one process
    ahead = tally()
    start_tally()
    rendered(tmp_path, "pdf", "pdf", ["a"], lambda: _busy(1.0))   # taken from the cache: not drawn again
    rendered(tmp_path, "pdf", "pdf", ["b"], lambda: _busy(0.05))
    rendered(tmp_path, "cards", "png", ["c"], lambda: _busy(0.02))
    seconds = drawing_seconds([ahead, tally()])
    assert sorted(seconds) == ["cards", "pdf"]
    assert 0.099 <= seconds["pdf"] < 0.5 and 0.02 <= seconds["cards"] < 0.3
    start_tally()
    rendered(tmp_path, "cards", "png", ["c"], lambda: _busy(1.0))   # a later build draws nothing
    assert drawing_seconds([tally()]) == {"cards": 0.0}
