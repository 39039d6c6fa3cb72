"""Check the built site the way search engines and visitors meet it; every fault names the page.

Faults: a page whose <html lang> is not its folder's language; an hreflang link that is relative, or not
returned by the page it points to (x-default included: the root chooser and the home pages name each
other); a missing x-default; a canonical link to a page that does not exist;
two pages of one language with the same <title>; a page without a meta description; a heading that skips
a level inside the page's article (generated pages are not linted as Markdown, so this guards them); a
link or anchor of any file of the site, the root pages included, that leads nowhere (como_site.linkcheck).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from como_site.builtpages import PageRecord
from como_site.linkcheck import broken_links


def heading_jumps(levels: list[int]) -> list[str]:
    return [f"h{previous} followed by h{level}" for previous, level in zip(levels, levels[1:]) if level > previous + 1]


def url_to_file(site_dir: Path, site_url: str, url: str) -> Path | None:
    """The file in site_dir that serves an absolute URL of the site (None: not on this site)."""
    if not url.startswith(site_url):
        return None
    relative = url[len(site_url):].split("#")[0]
    if relative == "" or relative.endswith("/"):
        return site_dir / relative / "index.html"
    return site_dir / relative


def check_site(site_dir: Path, site_url: str, languages: list[str], pages: dict[Path, PageRecord],
               not_built: tuple[str, ...] = (), links_in: list[Path] | None = None) -> list[str]:
    """Faults of the pages in the language folders and of every link; `pages`: every page's record
    (como_site.builtpages); `not_built`: the languages a preview leaves out, whose pages links may name;
    `links_in`: check the links of these files only (como_site.linkcheck)."""
    heads = {page: head for page, head in pages.items() if page.relative_to(site_dir).parts[0] in languages}
    faults: list[str] = []

    def fault(page: Path, message: str) -> None:
        faults.append(f"{page.relative_to(site_dir).as_posix()}: {message}")

    titles: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for page, head in heads.items():
        lang = page.relative_to(site_dir).parts[0]
        if head.lang != lang:
            fault(page, f'<html lang="{head.lang}"> does not match its folder ({lang})')
        if not head.description:
            fault(page, "no meta description (add `description:` to the page's front matter)")
        titles[(lang, head.title)].append(page)
        for jump in heading_jumps(head.headings):
            fault(page, f"heading levels skip one: {jump}")
        if page.name == "404.html":
            continue
        target = url_to_file(site_dir, site_url, head.canonical) if head.canonical else None
        if not head.canonical:
            fault(page, "no canonical link")
        elif target is None or (not target.is_file() and target.relative_to(site_dir).parts[0] not in not_built):
            fault(page, f"canonical link points to a missing page: {head.canonical}")
        for href in head.relative_hreflang:
            fault(page, f"hreflang link is relative (must be absolute): {href}")
        if head.noindex:
            if head.hreflang:
                fault(page, "a page excluded from search (noindex) must not announce alternates")
            continue
        if head.hreflang and "x-default" not in head.hreflang:
            fault(page, "hreflang links without x-default")
        if head.hreflang.get(lang) != head.canonical:
            fault(page, f"hreflang links do not list the page itself ({lang} -> {head.canonical})")
        for code, href in head.hreflang.items():
            if href in head.relative_hreflang:
                continue
            target = url_to_file(site_dir, site_url, href)
            if target and target.relative_to(site_dir).parts[0] in not_built:
                continue   # a preview of some languages only: the others are not there to check
            other = pages.get(target) if target else None
            if code == "x-default":   # the original (on this page itself), or the root chooser for home pages
                if other is None and href != head.canonical:
                    fault(page, f"hreflang x-default points to a missing page: {href}")
                elif other is not None and head.canonical not in other.hreflang.values():
                    fault(page, f"hreflang x-default is not reciprocal: {href} does not link back to {head.canonical}")
            elif other is None:
                fault(page, f"hreflang {code} points to a missing page: {href}")
            elif other.hreflang.get(lang) != head.canonical:
                fault(page, f"hreflang {code} is not reciprocal: {href} does not link back to {head.canonical}")
    faults += root_alternate_faults(site_dir, site_url, pages, not_built)
    for (lang, title), same in titles.items():
        if len(same) > 1:
            for page in same:
                fault(page, f'title "{title}" is used by {len(same)} pages in {lang}')
    return faults + broken_links(site_dir, site_url, not_built, links_in)


def root_alternate_faults(site_dir: Path, site_url: str, pages: dict[Path, PageRecord],
                          not_built: tuple[str, ...]) -> list[str]:
    """The root chooser's alternates: itself as x-default, and each home page it lists (but those of the
    languages `not_built`) links back to it."""
    faults = []
    for page, head in pages.items():
        if page.parent != site_dir or head.noindex or not head.hreflang:
            continue
        name = page.relative_to(site_dir).as_posix()
        if head.hreflang.get("x-default") != head.canonical:
            faults.append(f"{name}: the language chooser must be its own x-default ({head.canonical})")
        for code, href in head.hreflang.items():
            target = url_to_file(site_dir, site_url, href)
            if code == "x-default" or (target and target.relative_to(site_dir).parts[0] in not_built):
                continue
            other = pages.get(target) if target else None
            if other is None:
                faults.append(f"{name}: hreflang {code} points to a missing page: {href}")
            elif other.hreflang.get("x-default") != head.canonical:
                faults.append(f"{name}: hreflang {code} is not reciprocal: {href} does not name "
                              f"{head.canonical} as its x-default")
    return faults
