"""When each page was last updated, from the content's git history: shown on the page and given to the sitemaps.

A written page is dated by the last commit of its file (docs/<lang>/...); a page made from data by the last
commit of its data (a case study: its YAML; the glossary: i18n/glossary.yml; further reading:
sources/further-reading.yml; the facet pages: anything under case_studies/); a fallback page by its
original. The whole history is read once per build (one `git log`), in UTC dates, along the first parents:
a change merged from a branch is dated by its merge, the day it reached the branch the site is built from. A file never committed
(or a copy without git) has no date: the page shows none and its sitemap entry has no <lastmod>. Never the
clock, so the same content always builds the same pages.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from como_site.casestudies.localise import long_date
from como_site.contentfiles import CONTENT_DIRS
from como_site.gitinfo import git
from como_site.labels import Labels

COMMIT_MARK = "\x1e"   # starts each commit's line in the log below, before its timestamp


def last_changes(root: Path) -> dict[str, datetime.date]:
    """Repository-relative path -> the (UTC) day of the last commit that changed it, for every content file."""
    log = git(root, "log", "--first-parent", "--diff-merges=first-parent", f"--format={COMMIT_MARK}%ct", "--name-only",
              "--no-renames", "--", *CONTENT_DIRS) or ""
    changed: dict[str, datetime.date] = {}
    day = None
    for line in log.split("\n"):   # not splitlines(): it breaks lines at the \x1e mark too
        if line.startswith(COMMIT_MARK):
            day = datetime.datetime.fromtimestamp(int(line[1:]), datetime.timezone.utc).date()
        elif line and day:
            changed.setdefault(line, day)   # newest commit first: the first seen is the last change
    return changed


@dataclass(frozen=True)
class ChangeDates:
    changed: dict[str, datetime.date]

    def of(self, source: str) -> datetime.date | None:
        """The last change of a file, or of anything in a folder (a path ending in /); None if never committed."""
        if not source.endswith("/"):
            return self.changed.get(source)
        return max((day for path, day in self.changed.items() if path.startswith(source)), default=None)


def updated_note(labels: Labels, lang: str, day: datetime.date) -> Markup:
    """'Last updated: 1 December 2026' in the page's language, as one <time> element (escaped once)."""
    text = labels.get("theme.last_updated", lang, date=long_date(day.isoformat(), labels.get("format.locale", lang),
                                                                   labels.get("format.first_day", lang)))
    return Markup('<time class="como-updated" datetime="{}">{}</time>').format(day.isoformat(), escape(text))
