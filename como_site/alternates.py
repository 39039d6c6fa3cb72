"""Which language versions of a page exist, and the links between them.

Pages live at the same relative path in every language folder (docs/<lang>/<path>.md), and each language
is served from /<lang>/, so a page's counterpart in another language is found from its path alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from como_site.project import Project


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    link: str        # relative to the page it is shown on
    url: str         # absolute
    exists: bool     # False: the link goes to that language's home page instead


def page_path_to_url(path: str) -> str:
    """docs-relative Markdown path (without language) -> directory URL relative to the language root."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def alternates(project: Project, current: str, path: str) -> list[Alternate]:
    """The page `path` (e.g. 'clusters/index.md') as shown in language `current`, in every language."""
    url = page_path_to_url(path)
    up = "../" * (url.count("/") + 1)
    result = []
    for language in project.languages:
        exists = (project.docs_dir / language.code / path).is_file()
        target = url if exists else ""
        result.append(Alternate(language.code, language.name, f"{up}{language.code}/{target}",
                                f"{project.language_url(language.code)}{target}", exists))
    return result
