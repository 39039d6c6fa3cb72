"""Pull-request previews: what makes a build a preview, its address, and the banner it shows.

One rule decides everything: a build is the preview of pull request N when its address ends in
`/previews/pr-N/`. The build (`--preview N`, `make site PREVIEW_PR=N`) derives that address from the
site's own (the host's root + previews/pr-N/), and the address alone then turns on the preview's marks
(noindex on every page, `X-Robots-Tag`, robots.txt `Disallow: /`, the banner) and lets the publish gate
pass. A production address never matches, so a production build never shows any of them.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from markupsafe import Markup

if TYPE_CHECKING:   # labels read the project, which asks this module whether it is a preview
    from como_site.labels import Labels

PREVIEWS_FOLDER = "previews"
PREVIEW_PATH = re.compile(rf"/{PREVIEWS_FOLDER}/pr-([1-9][0-9]*)/\Z")
BANNER_CLASS = "como-preview"
HEADERS = {"X-Robots-Tag": "noindex"}   # sent with every file of a preview, pages or not (como_site/hosting.py)


def preview_number(site_url: str) -> int | None:
    """The pull request whose preview lives at `site_url`; None for any other address."""
    match = PREVIEW_PATH.search(urlsplit(site_url).path)
    return int(match.group(1)) if match else None


def preview_url(site_url: str, number: int) -> str:
    """Where the preview of pull request `number` lives: previews/pr-N/ at the root of the site's host."""
    if number < 1:
        raise ValueError(f"{number} is no pull request number: give a number from 1 up")
    parts = urlsplit(site_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{PREVIEWS_FOLDER}/pr-{number}/", "", ""))


def built_address(site_dir: Path) -> str | None:
    """The address a built site was made for: the canonical link of its root page (None: no site)."""
    from como_site.builtpages import read_page

    root = site_dir / "index.html"
    return read_page(root.read_bytes()).canonical if root.is_file() else None


def preview_banner(labels: Labels, lang: str, number: int) -> Markup:
    """The banner on every page of a preview, in the page's language: an admonition like the draft
    banner's (como_site/drafts.py), its label texts escaped once here."""
    return Markup('<div class="admonition danger {}" role="note"><p class="admonition-title">{}</p><p>{}</p></div>'
                  ).format(BANNER_CLASS, labels.get("preview.title", lang, number=number),
                           labels.get("preview.notice", lang))
