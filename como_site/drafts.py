"""Drafts in the editors' preview (`make serve`): shown like published cases, each page with a "Draft" banner.

Only the preview asks for this (build_site(drafts=True)); `make site` and a plain `mkdocs build` never
publish a draft. The banner is an admonition with the class `como-draft`, in the page's language.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from como_site.casestudies.validate import CaseStudies
from como_site.labels import Labels

BANNER_CLASS = "como-draft"


def previewed(cases: CaseStudies) -> tuple[CaseStudies, set[str]]:
    """The cases with every draft shown as published, and the ids of those drafts."""
    drafts = {case.id for case in cases.records if not case.published}
    records = tuple(replace(case, status="published") if case.id in drafts else case for case in cases.records)
    return replace(cases, records=records), drafts


def with_banners(pages: dict[Path, str], drafts: set[str], labels: Labels, docs_dir: Path) -> dict[Path, str]:
    """The generated pages, a draft's own page in every language with the banner after its first heading."""
    marked = {}
    for path, text in pages.items():
        if path.parent.name == "case-studies" and path.stem in drafts:
            lang = path.relative_to(docs_dir).parts[0]
            banner = (f'!!! danger {BANNER_CLASS} "{labels.get("draft.title", lang)}"\n\n'
                      f'    {labels.get("draft.notice", lang)}\n\n')
            head, heading, rest = text.partition("\n# ")
            if heading:
                title_line, _, body = rest.partition("\n")
                text = f"{head}\n# {title_line}\n\n{banner}{body}"
        marked[path] = text
    return marked
