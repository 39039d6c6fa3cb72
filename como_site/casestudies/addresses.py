"""Case ids are web addresses: the names a case id may not take, because the site already uses them.

A case `x` becomes docs/<lang>/case-studies/x.md and /<lang>/case-studies/x/. It must not take the name of
the overview page (index), of a facet folder the generator writes (country/, sector/, ...), of any
hand-written page or folder under docs/<lang>/case-studies/, or of a name the site has in every language
folder (docs/<lang>/ and docs/ entries such as assets, and what the engine writes there). The set is read
from the generator's code and the docs tree, so a new facet or a new page is reserved without a second list.
"""
from __future__ import annotations

from pathlib import Path

from como_site.pages import is_generated
from como_site.project import Project

OVERVIEW = "index"      # MkDocs' name for a folder's own page: docs/<lang>/case-studies/index.md
CASES_FOLDER = "case-studies"
# Written into every language folder by MkDocs and Material, not by a file of ours in docs/:
# 404.html (the theme's error page), search/ (the search plugin's index), sitemap.xml(.gz).
ENGINE_OUTPUT = {"404": "the error page /<lang>/404.html", "search": "the search index /<lang>/search/",
                 "sitemap": "the sitemap /<lang>/sitemap.xml"}


def _names(folder: Path) -> dict[str, Path]:
    """Hand-written entries of a folder by the name they take in an address (pages without .md)."""
    if not folder.is_dir():
        return {}
    entries = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            entries[path.name] = path
        elif path.suffix == ".md" and not is_generated(path):
            entries[path.stem] = path
    return entries


def reserved_ids(project: Project) -> dict[str, str]:
    """Every name a case id may not take -> what the site uses it for, in words for the message."""
    from como_site.casestudies.render import FACETS   # here, not at the top: render imports the validator

    reserved = {OVERVIEW: "the overview page"}
    reserved.update({facet: f"the facet pages /<lang>/{CASES_FOLDER}/{facet}/" for facet in FACETS})
    for lang in project.codes:
        for name, path in _names(project.docs_dir / lang / CASES_FOLDER).items():
            reserved.setdefault(name, f"{path.relative_to(project.root).as_posix()}, which is written by hand")
    reserved.update({name: description for name, description in ENGINE_OUTPUT.items() if name not in reserved})
    site_level = {name: path for lang in project.codes for name, path in _names(project.docs_dir / lang).items()}
    site_level.update({name: path for name, path in _names(project.docs_dir).items() if name not in project.codes})
    for name, path in site_level.items():
        reserved.setdefault(name, f"/<lang>/{name}/, which the site has in every language "
                                  f"({path.relative_to(project.root).as_posix()})")
    return reserved


def reserved_id_message(case_id: str, reserved: dict[str, str],
                        fix: str = "choose another id (and rename the file)") -> str | None:
    """The message for a reserved id, or None when the id is free."""
    if case_id not in reserved:
        return None
    return f"'{case_id}' is reserved for {reserved[case_id]}; {fix}"
