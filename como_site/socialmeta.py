"""What a shared link and a search engine read from an indexable page's head: Open Graph and Twitter tags
and the page's JSON-LD blocks, all from the page's own data.

The values here are plain text: the template escapes each exactly once where it meets HTML (`| e`); the
JSON-LD arrives serialised by como_site.structureddata, inert inside its <script> element.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup

from como_site.alternates import page_path_to_url
from como_site.cards import card_path
from como_site.casestudies.dates import CaseDates
from como_site.casestudies.model import CaseStudy
from como_site.casestudies.render import Renderer
from como_site.casestudies.validate import CaseStudies
from como_site.labels import Labels
from como_site.project import Project
from como_site.structureddata import article, breadcrumb_list, organization, serialised

HOME = "index.md"
CARD_SIZE = (1200, 630)     # what como_site.cards draws
LOCALE_LABEL = "social.locale"   # the Open Graph locale of each language (de_DE, en_GB, ...)


@dataclass(frozen=True)
class PageFacts:
    """One built page, as plain text (not HTML)."""
    path: str                        # inside the language folder, e.g. 'clusters/index.md'
    title: str
    description: str
    canonical: str
    site_name: str
    translations: tuple[str, ...]    # the other languages with a real translation (never a fallback page)
    case: CaseStudy | None = None    # the case study the page shows, if it is one
    case_dates: CaseDates | None = None   # when it was published and last changed


@dataclass(frozen=True)
class SocialHead:
    meta: tuple[tuple[str, str, str], ...]   # (attribute, its value, content): ("property", "og:title", ...)
    json_ld: tuple[Markup, ...]              # serialised blocks


def card_url(project: Project, lang: str, path: str) -> str:
    """The absolute address of the page's social card (como_site.cards draws it there)."""
    return project.language_url(lang) + card_path(page_path_to_url(path))


def breadcrumb_trail(project: Project, lang: str, page: PageFacts, titles: Mapping[str, str]) -> list[tuple[str, str]]:
    """(title, URL) of the home page, each folder's index page above this page that exists (`titles`:
    every page of the language by path), and the page itself."""
    parts = page.path.split("/")
    above = [HOME, *(f"{'/'.join(parts[:depth])}/{HOME}" for depth in range(1, len(parts)))]
    trail = [(titles[path], project.language_url(lang) + page_path_to_url(path))
             for path in dict.fromkeys(above) if path in titles and path != page.path]
    return [*trail, (page.title, page.canonical)]


def social_head(project: Project, labels: Labels, lang: str, page: PageFacts, titles: Mapping[str, str],
                cases: CaseStudies | None) -> SocialHead:
    home = page.path == HOME
    image = card_url(project, lang, page.path)
    meta = [("property", "og:type", "website" if home else "article"), ("property", "og:site_name", page.site_name),
            ("property", "og:title", page.title), ("property", "og:description", page.description),
            ("property", "og:url", page.canonical), ("property", "og:locale", labels.get(LOCALE_LABEL, lang)),
            *(("property", "og:locale:alternate", labels.get(LOCALE_LABEL, other)) for other in page.translations),
            ("property", "og:image", image), ("property", "og:image:width", str(CARD_SIZE[0])),
            ("property", "og:image:height", str(CARD_SIZE[1])),
            ("property", "og:image:alt", f"{page.title} – {page.site_name}"),
            ("name", "twitter:card", "summary_large_image")]
    blocks = [organization(project.company)] if home else []
    if page.case is not None and page.case_dates is not None and cases is not None:
        blocks.append(article(Renderer(project, labels, cases, lang), page.case, page.title, page.description,
                              page.canonical, image, page.case_dates.published, page.case_dates.updated,
                              project.company))
    blocks.append(breadcrumb_list(breadcrumb_trail(project, lang, page, titles)))
    return SocialHead(tuple(meta), tuple(serialised(block) for block in blocks))


def chooser_meta(project: Project, title: str, description: str, languages: list[str]) -> list[tuple[str, str, str]]:
    """The root language chooser's tags: its title and description (in every language), with the source
    language's home card."""
    source = project.source_language
    return [("property", "og:type", "website"), ("property", "og:title", title),
            ("property", "og:description", description),
            ("property", "og:url", project.site_url),
            ("property", "og:image", card_url(project, source if source in languages else languages[0], HOME)),
            ("property", "og:image:width", str(CARD_SIZE[0])), ("property", "og:image:height", str(CARD_SIZE[1])),
            ("property", "og:image:alt", title),
            ("name", "twitter:card", "summary_large_image")]
