"""When a case study was published and last changed, for its feed entry and its structured data.

The dates come from git history (the first and the last commit of its file); where there is none (a copy
without git, a file not committed yet) from the data: the latest date its sources carry (a case cannot be
written before its sources were read), else 1 January of its founding year. Never the clock, so the same
content always builds the same feed.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from como_site.casestudies.model import CaseStudy
from como_site.gitinfo import commit_dates


@dataclass(frozen=True)
class CaseDates:
    published: str   # RFC 3339, e.g. 2026-11-27T05:02:02+00:00
    updated: str


def date_from_data(case: CaseStudy) -> str:
    """The latest date of the case's sources (when they were published or read), as a timestamp."""
    dates = [date for source in case.sources for date in (source.date, source.accessed) if date]
    return f"{max(dates) if dates else f'{case.founded:04d}-01-01'}T00:00:00Z"


def case_dates(root: Path, case: CaseStudy) -> CaseDates:
    found = commit_dates(root, case.path)
    if found:
        return CaseDates(*found)
    date = date_from_data(case)
    return CaseDates(date, date)


def dates_of(root: Path, cases: tuple[CaseStudy, ...]) -> dict[str, CaseDates]:
    """Case id -> its dates: asked once per language build, for its feed and its pages' structured data."""
    return {case.id: case_dates(root, case) for case in cases}
