"""JSON-LD (schema.org) for a page's head: the Organization on the home pages, an Article for each case
study, a BreadcrumbList on every page; and the serialisation that keeps any content inside its element.

A `<script type="application/ld+json">` block is data, never run, but the HTML parser still ends it at the
first `</script`: so after json.dumps every `<`, `>` and `&` (and the two line separators) is written as a
JSON escape (\\u003c ...), which JSON readers turn back into the character and HTML never sees.
"""
from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from como_site.casestudies.model import CaseStudy
from como_site.casestudies.render import Renderer

SCHEMA = "https://schema.org"
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# extra.company key in mkdocs.yml -> schema.org property of an Organization (only what a value is filled in for)
ORGANIZATION_FIELDS = {"name": "name", "website": "url", "email": "email", "phone": "telephone",
                       "address": "address", "vat_id": "vatID"}


def serialised(data: dict[str, Any]) -> Markup:
    """The JSON text of a block, safe to place between <script type="application/ld+json"> tags as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in HTML_SAFE.items():
        text = text.replace(char, code)
    return Markup(text)


def _organization(company: dict[str, Any]) -> dict[str, Any]:
    filled = {prop: str(company[key]).strip() for key, prop in ORGANIZATION_FIELDS.items()
              if company.get(key) is not None and str(company[key]).strip()}
    return {"@type": "Organization", **filled}


def organization(company: dict[str, Any]) -> dict[str, Any]:
    """The company behind the site, from extra.company: only the values filled in (an empty `~` is left out)."""
    return {"@context": SCHEMA, **_organization(company)}


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict[str, Any]:
    """(name, absolute URL) from the home page down to the page itself."""
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": number, "name": name, "item": url}
        for number, (name, url) in enumerate(trail, start=1)]}


def _citation(r: Renderer, source) -> dict[str, Any]:
    work = {"@type": "CreativeWork", "name": r.text(source.title)[0], "url": source.url,
            "publisher": {"@type": "Organization", "name": r.text(source.publisher)[0]}}
    if source.date:
        work["datePublished"] = source.date
    if source.language:
        work["inLanguage"] = source.language
    return work


def _about(r: Renderer, case: CaseStudy) -> list[dict[str, Any]]:
    """What the case is about: the cluster (where the data names it), its country and its sectors."""
    cluster = ([{"@type": "Organization", "name": case.names[0], "foundingDate": str(case.founded),
                 **({"alternateName": list(case.names[1:])} if case.names[1:] else {})}] if case.names else [])
    return [*cluster, {"@type": "Country", "name": r.facet_label("country", case.country)},
            *({"@type": "Thing", "name": r.sector(key)} for key in case.sectors)]


def article(r: Renderer, case: CaseStudy, headline: str, description: str, url: str, image: str,
            published: str, updated: str, company: dict[str, Any]) -> dict[str, Any]:
    """One case study in the renderer's language, citing every source the page lists."""
    return {"@context": SCHEMA, "@type": "Article", "headline": headline, "description": description,
            "inLanguage": r.lang, "url": url, "mainEntityOfPage": url, "image": image,
            "datePublished": published, "dateModified": updated,
            "author": _organization(company), "publisher": _organization(company),
            "about": _about(r, case), "citation": [_citation(r, source) for source in case.sources]}
