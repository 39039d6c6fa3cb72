"""The colour-scheme toggle (Material's `theme.palette` in mkdocs.yml): light and dark schemes that follow
the reader's system setting until the reader chooses with the toggle in the header.

Material names each toggle button in the configuration, once for all languages, and prints the palette's
values unescaped into the page. Each language's build therefore names the buttons from i18n/labels.yml (a
button is named after the scheme it switches to: the next entry of the list) and escapes every value
once (mkdocs.yml is content).
"""
from __future__ import annotations

from typing import Any

from como_site.htmlpolicy import escaped_once
from como_site.labels import Labels

SYSTEM_MEDIA = "(prefers-color-scheme)"
SWITCH_TO = {"system": "theme.palette_system", "light": "theme.palette_light", "dark": "theme.palette_dark"}
PRINTED = ("media", "scheme", "primary", "accent")   # the values Material writes into attributes


def _kind(option: dict[str, Any]) -> str:
    if option.get("media") == SYSTEM_MEDIA or not option.get("scheme"):
        return "system"
    return "dark" if option["scheme"] == "slate" else "light"


def localise_palette(palette: Any, labels: Labels, lang: str) -> None:
    """Name the toggles of `palette` (in place) in `lang`, and escape what Material prints."""
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for index, option in enumerate(options):
        for key in PRINTED:
            if isinstance(option.get(key), str):
                option[key] = escaped_once(option[key])
        toggle = option.get("toggle")
        if isinstance(toggle, dict):
            target = options[(index + 1) % len(options)]
            toggle["name"] = escaped_once(labels.get(SWITCH_TO[_kind(target)], lang))
