"""The further-reading page: every source cited on the site, once, grouped, with the pages citing it.

A content type (registered in como_site/contenttypes.py) made of sources/further-reading.yml (the sources of
the hand-written pages, loaded and checked by como_site.onepage) and the sources of every published case
file, which load() reads through the case-study loader (their problems are reported by the case-study type).
Sources with the same URL are one entry that lists every page citing it.
"""
from __future__ import annotations

from typing import Any

from como_site import onepage
from como_site.contentfiles import read_text
from como_site.casestudies.validate import load_case_studies
from como_site.labels import Labels
from como_site.pages import front_matter
from como_site.problems import Problem
from como_site.project import Project
from como_site.templates import render
from como_site.typography import punctuation, typeset
from como_site.yamlsource import load_yaml

CASES_GROUP = "case-studies"   # the group of the case files' sources, after the data file's groups
FIELDS = ("authors", "publisher", "title", "description", "published_in", "pages", "date", "url", "language", "note")


def load(project: Project, content_type) -> tuple[dict[str, Any] | None, list[Problem]]:
    loaded, problems = onepage.load(project, content_type)
    cases, _ = load_case_studies(project)   # their problems come from the case-study type
    if loaded is None or cases is None:
        return None, problems
    problems = missing_pages(project, loaded)
    if problems:
        return None, problems
    return {"path": loaded["path"], "groups": loaded["data"]["groups"],
            "entries": merged_entries(loaded["data"]["sources"], cases.published)}, []


def missing_pages(project: Project, loaded: dict[str, Any]) -> list[Problem]:
    """A `cited_on` page that does not exist in the source language, with its line."""
    docs = project.root / "docs" / project.source_language
    missing = [(number, index, page) for number, source in enumerate(loaded["data"]["sources"])
               for index, page in enumerate(source["cited_on"]) if not (docs / page).is_file()]
    if not missing:
        return []
    document, _ = load_yaml(project.root / loaded["path"], loaded["path"], project.root)
    return [Problem(loaded["path"], document.line(("sources", number, "cited_on", index)),
                    f"sources[{number}].cited_on", f"no page docs/{project.source_language}/{page}; "
                    "name a page inside a language folder, e.g. clusters/index.md")
            for number, index, page in missing]


def merged_entries(sources: list[dict[str, Any]], cases) -> list[dict[str, Any]]:
    """The data file's sources, then each published case's sources; one entry per URL, citing pages joined.
    A cited page is ("page", path inside a language folder) or ("case", case)."""
    entries = [{**dict.fromkeys(FIELDS), **source, "cited": [("page", page) for page in source["cited_on"]]}
               for source in sources]
    by_url = {entry["url"]: entry for entry in entries if "url" in entry}
    for case in cases:
        for source in case.sources:
            entry = by_url.get(source.url)
            if entry is None:
                entry = by_url[source.url] = {**dict.fromkeys(FIELDS), "group": CASES_GROUP, "title": source.title, "publisher": source.publisher,
                                              "url": source.url, "date": source.date, "language": source.language,
                                              "cited": []}
                entries.append(entry)
            if ("case", case) not in entry["cited"]:
                entry["cited"].append(("case", case))
    return entries


def pages(project: Project, labels: Labels, loaded: dict[str, Any], lang: str, content_type) -> dict[str, str]:
    docs = project.root / "docs" / lang

    def text(value: Any) -> str:
        """A case's Text, a per-language dict or one string, in this language (else the source language)."""
        if hasattr(value, "get") and not isinstance(value, dict):
            return value.get(lang) or value.get(project.source_language) or ""
        if isinstance(value, dict):
            return value.get(lang) or value.get(project.source_language, "")
        return value or ""

    def citing(cited: list[tuple[str, Any]]) -> list[tuple[str, str]]:
        return [citing_page(page) for page in cited]

    def citing_page(cited: tuple[str, Any]) -> tuple[str, str]:
        """(link target inside the language folder, its title in this language) of a citing page."""
        kind, what = cited
        if kind == "case":
            return f"../case-studies/{what.id}/", text(what.texts["title"])
        path = docs / what
        url = "../" + what.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
        return url.replace("..//", "../"), typeset(front_matter(read_text(path, project.root), str(path)).get("title", what), lang)

    def prose(value: Any) -> str:
        """A note or description in this language, set in its typography (the list is raw HTML, which the
        build's Markdown typography does not reach)."""
        return typeset(text(value), lang)

    groups = {**loaded["groups"], CASES_GROUP: {lang: labels.get("further_reading.cases", lang)}}
    return {content_type.page: render(
        project.root, content_type.template, path=loaded["path"], lang=lang, label=lambda key: labels.get(key, lang),
        groups=[(prose(heading), [entry for entry in loaded["entries"] if entry["group"] == group])
                for group, heading in groups.items()],
        text=text, prose=prose, citing=citing, punctuation=lambda mark: punctuation(mark, lang))}


def blocks(project: Project, labels: Labels, loaded: dict[str, Any], lang: str, content_type,
           files: dict[str, bytes]) -> dict[str, str]:
    return {}
