"""Drafts in the editors' preview (`make serve`): shown like published cases, each page with a "Draft" banner.

Only the preview asks for this (build_site(drafts=True)); `make site` and a plain `mkdocs build` never
publish a draft. The banner is an admonition with the class `como-draft`, in the page's language.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

from como_site.casestudies.validate import CaseStudies
from como_site.labels import Labels

BANNER_CLASS = "como-draft"


def previewed(cases: CaseStudies) -> tuple[CaseStudies, frozenset[str]]:
    """The cases with every draft shown as published, and the ids of those drafts."""
    drafts = frozenset(case.id for case in cases.records if not case.published)
    records = tuple(replace(case, status="published") if case.id in drafts else case for case in cases.records)
    return replace(cases, records=records), drafts


def with_banners(pages: dict[str, str], drafts: frozenset[str], labels: Labels, lang: str) -> dict[str, str]:
    """One language's pages made from data (path inside the language folder -> Markdown), a draft's own
    page with the banner after its first heading."""
    marked = {}
    for path, text in pages.items():
        page = PurePosixPath(path)
        if page.parent.name == "case-studies" and page.stem in drafts:
            banner = (f'!!! danger {BANNER_CLASS} "{labels.get("draft.title", lang)}"\n\n'
                      f'    {labels.get("draft.notice", lang)}\n\n')
            head, heading, rest = text.partition("\n# ")
            if heading:
                title_line, _, body = rest.partition("\n")
                text = f"{head}\n# {title_line}\n\n{banner}{body}"
        marked[path] = text
    return marked
