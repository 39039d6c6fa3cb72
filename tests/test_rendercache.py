"""The render cache: the same inputs are drawn once; any changed input draws afresh."""
from como_site.rendercache import input_key, rendered, start_tally, tally


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
    assert tally() == {"cards": (1, 0), "pdf": (0, 1)}
