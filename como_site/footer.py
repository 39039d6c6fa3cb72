"""The legal links every page's footer carries: the legal notice, privacy and contact, in the page's language.

German law expects the legal notice one step from every page. The links go to the pages of that name in the
language being built, and only to those that exist, so a project (or a language) without one of them gets no
dead link.
"""
from __future__ import annotations

from typing import Callable, Iterable

from como_site.home import CONTACT_ANCHOR, CONTACT_PAGE
from como_site.labels import Labels

FOOTER_PAGES = (("footer.legal_notice", "legal-notice.md", ""),
                ("footer.privacy", "privacy.md", ""),
                ("footer.contact", CONTACT_PAGE, f"#{CONTACT_ANCHOR}"))   # checked: como_site/contentcheck.py


def footer_links(files: Iterable, labels: Labels, lang: str, path_of: Callable) -> list[tuple[str, str]]:
    """(label, URL relative to the language root) for each footer page this build has."""
    urls = {path_of(file): file.url for file in files if file.is_documentation_page()}
    return [(labels.get(key, lang), urls[page] + anchor) for key, page, anchor in FOOTER_PAGES if page in urls]
