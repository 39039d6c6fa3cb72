"""Notices around a page's language: an outdated translation, and offers of the reader's language."""
from __future__ import annotations

from html import escape

from como_site.alternates import Alternate, page_path_to_url
from como_site.labels import Labels
from como_site.project import Project
from como_site.translations import page_hash


def outdated_notice(project: Project, labels: Labels, lang: str, path: str, recorded_hash: str | None) -> str:
    """An admonition for a translation whose source changed after it was made ('' otherwise).
    `recorded_hash`: the page's `source_hash`, as the builder already read it from the front matter."""
    source = project.docs_dir / project.source_language / path
    if lang == project.source_language or not source.is_file():
        return ""   # pages made from data are no files: their fields carry their own translation status
    if recorded_hash is not None and str(recorded_hash) == page_hash(project, path):
        return ""
    url = page_path_to_url(path)
    original = "../" * (url.count("/") + 1) + f"{project.source_language}/{url}"
    return (f'!!! warning "{labels.get("outdated.title", lang)}"\n\n'
            f'    {labels.get("outdated.notice", lang)} '
            f'<a href="{escape(original)}" hreflang="{project.source_language}">{labels.get("outdated.original_link", lang)}</a>')


def language_offers(project: Project, labels: Labels, lang: str, switcher: list[Alternate]) -> dict[str, dict[str, str]]:
    """For the language banner: each other language with a real translation, in its own words."""
    return {alt.lang: {"text": labels.get("banner.text", alt.lang), "switch": labels.get("banner.switch", alt.lang),
                       "dismiss": labels.get("banner.dismiss", alt.lang), "href": alt.link}
            for alt in switcher if alt.exists and alt.lang != lang}
