"""Social cards: the 1200 x 630 image shared links show, one per page and language.

`card_path` is the one rule for where a page's card lives, used by the page head (`og:image`) and by the
code that draws the cards: inside the language's folder, under assets/cards/, named after the page's URL.
"""
from __future__ import annotations

CARD_FOLDER = "assets/cards"


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
