"""Which language versions of a page exist, and the links between them.

Pages live at the same relative path in every language folder (docs/<lang>/<path>.md), and each language
is served from /<lang>/, so a page's counterpart in another language is found from its path alone.
A real translation is a file in the project's docs/<lang>/, or a page made from data (which exists in every
language); a fallback page exists only in the build and is never announced as an alternate.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from como_site.project import Project


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    link: str        # relative to the page it is shown on
    url: str         # absolute
    exists: bool     # a real translation (False: a fallback page or, if none, the language's home)


@dataclass(frozen=True)
class PageLinks:
    switcher: list[Alternate]
    canonical: str
    hreflang: list[tuple[str, str]] = field(default_factory=list)   # (hreflang, absolute URL)
    noindex: bool = False


def page_path_to_url(path: str) -> str:
    """docs-relative Markdown path (without language) -> directory URL relative to the language root."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def alternates(project: Project, path: str, everywhere: bool = False) -> list[Alternate]:
    """The page `path` (e.g. 'clusters/index.md') in every language. The build has every page in every
    language (fallback pages fill the gaps), so each link goes to the same page; `exists` tells which
    are real translations (all, for a page made from data: `everywhere`)."""
    url = page_path_to_url(path)
    up = "../" * (url.count("/") + 1)
    return [Alternate(language.code, language.name, f"{up}{language.code}/{url}",
                      f"{project.language_url(language.code)}{url}",
                      everywhere or (project.docs_dir / language.code / path).is_file())
            for language in project.languages]


def page_links(project: Project, current: str, path: str, fallback_of: str | None,
               everywhere: bool = False) -> PageLinks:
    """Switcher links, canonical URL and hreflang cluster of one page (noindex and no hreflang: a fallback
    page, and every page of a pull request's preview)."""
    switcher = alternates(project, path, everywhere)
    url = page_path_to_url(path)
    if fallback_of:
        return PageLinks(switcher, f"{project.language_url(fallback_of)}{url}", noindex=True)
    if project.preview:   # nothing of a pull request's preview is indexed: no alternates to announce
        return PageLinks(switcher, f"{project.language_url(current)}{url}", noindex=True)
    real = [alt for alt in switcher if alt.exists]
    default = next((alt for alt in real if alt.lang == project.source_language), real[0] if real else None)
    hreflang = [(alt.lang, alt.url) for alt in real]
    if path == "index.md":   # the home pages: the root language chooser, which lists them all, is their x-default
        hreflang.append(("x-default", project.site_url))
    elif default:            # any other page: its original, the one version every translation is made from
        hreflang.append(("x-default", default.url))
    return PageLinks(switcher, f"{project.language_url(current)}{url}", hreflang)


def home_links(project: Project) -> list[Alternate]:
    """Each language's home page as absolute paths, for pages served at any address (the 404 page)."""
    base = urlsplit(project.site_url).path
    return [Alternate(language.code, language.name, f"{base}{language.code}/", project.language_url(language.code),
                      True) for language in project.languages]
