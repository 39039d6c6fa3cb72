"""Atom feeds (RFC 4287): one per language, of the published case studies, newest change first.

The knowledge pages are left out on purpose: they are reference texts revised in place, so a typo fix or a
re-stamped translation would show up as news; the feed is for learning that a case study was added or
changed. Dates come from como_site.casestudies.dates (git history, else the data), never the clock.
The XML is written by ElementTree, which escapes every text and attribute value.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from como_site.casestudies.dates import CaseDates
from como_site.casestudies.render import Renderer, short_description
from como_site.casestudies.validate import CaseStudies
from como_site.labels import Labels
from como_site.project import Project
from como_site.typography import typeset

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_PATH = "case-studies/feed.xml"   # inside each language folder
FEED_TYPE = "application/atom+xml"
TITLE_LABEL = "feed.title"
NOTHING_YET = "1970-01-01T00:00:00Z"   # the feed's `updated` while no case study is published



def _add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, attributes)
    element.text = text
    return element


def feed_xml(project: Project, labels: Labels, cases: CaseStudies, dates: dict[str, CaseDates], lang: str) -> bytes:
    """The Atom document of one language's case studies; `dates`: each published case's, by id."""
    r, home = Renderer(project, labels, cases, lang), project.language_url(lang)
    entries = sorted(((dates[case.id], case) for case in cases.published),
                     key=lambda entry: (entry[0].updated, entry[1].id), reverse=True)
    # Atom as the default namespace, written as a plain attribute: ElementTree's prefix registry is shared by
    # the whole process (another module's registration would turn it into "ns0:")
    feed = ElementTree.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _add(feed, "id", home + FEED_PATH)
    _add(feed, "title", labels.get(TITLE_LABEL, lang))
    _add(feed, "updated", max((dates.updated for dates, _ in entries), default=NOTHING_YET))
    _add(feed, "link", rel="self", type=FEED_TYPE, href=home + FEED_PATH)
    _add(feed, "link", rel="alternate", type="text/html", href=home + "case-studies/")
    author = _add(feed, "author")
    _add(author, "name", project.company.get("name") or "Como")
    if project.company.get("website"):
        _add(author, "uri", str(project.company["website"]))
    for dates, case in entries:
        (title, fallback), url = r.text(case.texts["title"]), f"{home}case-studies/{case.id}/"
        text_lang = project.source_language if fallback else lang
        entry = _add(feed, "entry")
        _add(entry, "id", url)
        _add(entry, "title", typeset(title, text_lang), **({XML_LANG: text_lang} if fallback else {}))
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", dates.published)
        _add(entry, "updated", dates.updated)
        summary, summary_fallback = r.text(case.texts["summary"])
        summary_lang = project.source_language if summary_fallback else lang
        _add(entry, "summary", typeset(short_description(summary), summary_lang),
             **({XML_LANG: summary_lang} if summary_fallback else {}))
        for key in case.sectors:
            _add(entry, "category", term=key, label=r.sector(key))
    ElementTree.indent(feed)
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def write_feed(project: Project, labels: Labels, cases: CaseStudies, dates: dict[str, CaseDates], lang: str,
               language_dir: Path) -> None:
    path = language_dir / FEED_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(feed_xml(project, labels, cases, dates, lang))
