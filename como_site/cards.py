"""Social cards: the 1200 x 630 image shared links show, one per page and language.

`card_path` is the one rule for where a page's card lives, used by the page head (`og:image`) and by the
code that draws the cards: inside the language's folder, under assets/cards/, named after the page's URL.
Each language's build collects what its pages' cards show (`page_card`: the title, the top-level
section or the site's tagline, the site name) and writes them all at its end (`write_cards`), each drawn
by como_site/carddrawing.py only when the render cache has no card for exactly these texts.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Iterable

from markupsafe import Markup

from como_site.carddrawing import CardText, draw, lay_out, renderer_version
from como_site.rendercache import rendered

CARD_FOLDER = "assets/cards"
TAGLINE_LABEL = "card.tagline"   # the section line of pages outside every section (the home page)


def card_path(page_url: str) -> str:
    """The card's path relative to the language root, from the page's URL relative to it.

    "" (the home page) -> "assets/cards/index.png"; "clusters/why-clusters-matter/" ->
    "assets/cards/clusters/why-clusters-matter.png"; "faq.html" -> "assets/cards/faq.png".
    """
    stem = page_url.strip("/")
    if stem.endswith(".html"):
        stem = stem[: -len(".html")]
    if stem.endswith("/index") or stem == "index":
        stem = stem[: -len("index")].rstrip("/")
    return f"{CARD_FOLDER}/{stem or 'index'}.png"


@dataclass(frozen=True)
class PageCard:
    url: str          # the page's URL relative to the language root, as card_path takes it
    text: CardText


def plain(text: object) -> str:
    """A title as the reader sees it: the build hands the theme titles escaped once (Markup)."""
    return text.unescape() if isinstance(text, Markup) else str(text or "")


def nav_sections(items: Iterable) -> dict[str, str]:
    """URL of every page inside a top-level section of the navigation -> that section's title.
    `items` are the navigation's top-level items (MkDocs' Section, Page and Link objects, read by their
    `title`, `children` and `url`)."""
    def urls(item) -> list[str]:
        children = getattr(item, "children", None)
        if children is None:
            return [item.url] if getattr(item, "url", None) is not None else []
        return [url for child in children for url in urls(child)]
    return {url: plain(item.title) for item in items if getattr(item, "children", None) is not None
            for url in urls(item)}


def _url_and_folders_above(url: str) -> Iterable[str]:
    """The URL, then each folder above it up to the language root: for "case-studies/mireck/" that is
    "case-studies/mireck/", "case-studies/" and ""."""
    yield url
    parts = [part for part in url.split("/") if part]
    for depth in range(len(parts) - 1, -1, -1):
        yield "/".join(parts[:depth]) + "/" if depth else ""


def section_of(url: str, sections: dict[str, str]) -> str | None:
    """The section of the page at `url`: its own in the navigation, else that of the nearest page above it
    in the URL's folders (pages made from data, like a case study, are not in the navigation)."""
    return next((sections[above] for above in _url_and_folders_above(url) if above in sections), None)


def page_card(url: str, title: object, sections: dict[str, str], tagline: str, site_name: object,
              lang: str) -> PageCard:
    """What the card of the page at `url` shows."""
    return PageCard(url, CardText(plain(title), section_of(url, sections) or tagline, plain(site_name), lang))


def _drawn(text: CardText) -> bytes:
    return draw(lay_out(text))


def write_cards(project_root: Path, site_dir: Path, cards: Iterable[PageCard]) -> None:
    """Write each page's card into the built language folder `site_dir`, drawing only those the render
    cache does not hold (the cache counts which: the build's line "Files drawn at build time")."""
    for card in cards:
        text = card.text
        result = rendered(project_root, "cards", "png",
                          (renderer_version(), text.lang, text.title, text.section, text.site_name),
                          partial(_drawn, text))
        target = site_dir / card_path(card.url)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.data)

