"""The home page (overrides/home.html), a language's front door: the page's own heading and first paragraph
(what Como does, as the editors wrote it in docs/<lang>/index.md), then the entry points: Como's four
service lines (the service pages the case-study vocabularies name), the case studies and contact; then
the rest of the page. Titles and texts are the pages' own or labels; nothing is written for the home page.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from como_site.contenttypes import CASE_STUDIES, Content
from como_site.labels import Labels

HOME_TEMPLATE = "home.html"          # the `template:` a start page names in its front matter
HIDDEN_PARTS = ("toc", "footer")     # Material's page.meta.hide: no table of contents, no "next page" link
CASES_PAGE = "case-studies/index.md"
CONTACT_PAGE, CONTACT_ANCHOR = "about.md", "contact"   # the about pages' `## ... {#contact}`


@dataclass(frozen=True)
class PageInfo:
    """What the home page shows of another page: its address inside the language folder and its own texts."""
    url: str           # e.g. "services/conception/"
    title: str
    description: str


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    text: str


@dataclass(frozen=True)
class Home:
    statement: Markup          # the page's h1 and its first paragraph
    services: tuple[Entry, ...]
    more: tuple[Entry, ...]    # the case studies, contact
    rest: Markup               # the page after its first paragraph


def service_pages(content: Content) -> list[str]:
    """Como's service lines, in the vocabularies' order: each one's page inside the language folder."""
    return list(content[CASE_STUDIES.name].vocabulary.service_pages.values())


def split_statement(content: str) -> tuple[Markup, Markup]:
    """A page's HTML as (everything up to its h1 and the paragraph after it, the rest): a notice the build
    puts before the heading stays with it. A page without an h1 followed by a paragraph has no statement."""
    body = LexborHTMLParser(f"<body>{content}</body>").body
    nodes = list(body.iter(include_text=True))
    tags = [(index, node.tag) for index, node in enumerate(nodes) if node.tag != "-text"]
    heading = next((position for position, (_, tag) in enumerate(tags) if tag == "h1"), None)
    if heading is None or heading + 1 >= len(tags) or tags[heading + 1][1] != "p":
        return Markup(""), Markup(content)
    cut = tags[heading + 1][0] + 1
    return (Markup("".join(node.html or "" for node in nodes[:cut])),
            Markup("".join(node.html or "" for node in nodes[cut:])))


def home_page(content: str, pages: dict[str, PageInfo], service_pages: list[str], labels: Labels,
              lang: str) -> Home:
    """The home page's parts; `pages`: this language's pages by path inside the language folder."""
    statement, rest = split_statement(content)
    services = tuple(Entry(page.url, page.title, page.description)
                     for page in (pages.get(path) for path in service_pages) if page)
    more = []
    if CASES_PAGE in pages:
        cases = pages[CASES_PAGE]
        more.append(Entry(cases.url, labels.get("home.cases", lang), cases.description))
    if CONTACT_PAGE in pages:
        contact = pages[CONTACT_PAGE]
        more.append(Entry(f"{contact.url}#{CONTACT_ANCHOR}", labels.get("home.contact", lang), contact.description))
    return Home(statement, services, tuple(more), rest)
