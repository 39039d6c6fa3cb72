"""The colour-scheme toggle: each button named, in the build's language, after the scheme it switches to;
every palette value Material prints escaped once."""
from __future__ import annotations

from como_site.labels import labels_for
from como_site.palette import localise_palette
from como_site.project import load_project
from tests.conftest import LANGUAGES


def palette():
    return [{"media": "(prefers-color-scheme)", "toggle": {"icon": "material/brightness-auto", "name": "x"}},
            {"media": "(prefers-color-scheme: light)", "scheme": "default", "toggle": {"icon": "i", "name": "x"}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "toggle": {"icon": "i", "name": "x"}}]


def test_each_toggle_is_named_after_the_next_scheme_in_every_language():
    labels = labels_for(load_project())
    for lang in LANGUAGES:
        options = palette()
        localise_palette(options, labels, lang)
        assert [option["toggle"]["name"] for option in options] == [
            labels.get(f"theme.palette_{kind}", lang) for kind in ("light", "dark", "system")]


def test_palette_values_are_escaped_once():
    options = palette()
    options[1]["media"] = '(prefers-color-scheme: light)" onfocus="alert(1)'
    localise_palette(options, labels_for(load_project()), "en")
    assert "&#34;" in options[1]["media"] and '"' not in options[1]["media"]
    localise_palette(options, labels_for(load_project()), "en")   # a second pass changes nothing
    assert options[1]["media"].count("&#34;") == 2
