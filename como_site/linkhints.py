"""MkDocs' link warnings made editor-sized: the page's line, and the nearest existing page as a suggestion.

MkDocs names the file of a broken link but not its line; this finds the line in the source and, for a
missing target, suggests the closest page of that language (difflib over the page list), written as the
link would be written from that file: `docs/de/index.md:8: link: 'services/conceptoin.md' does not exist;
did you mean services/conception.md?`. Links MkDocs leaves as they are (an address on the site such as
`/en/services/`, or a folder or a name without `.md`) are named the same way, with the page file to write
instead. Any other message is returned unchanged.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from pathlib import Path

from como_site.contentfiles import read_text
from como_site.project import Project

_LINK = r"^Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but "
MISSING_TARGET = re.compile(_LINK + r"the target '[^']+' is not found among documentation files\.$")
MISSING_ANCHOR = re.compile(_LINK + r"(?:the doc '[^']+' does not contain an anchor '#[^']+'|there is no such "
                            r"anchor on this page)\.$")
_LEFT_AS_IS = (r"^Doc file '(?P<file>[^']+)' contains an {kind} link '(?P<link>[^']+)', it was left as is\."
               r"(?: Did you mean '[^']+'\?)?$")
ABSOLUTE_LINK = re.compile(_LEFT_AS_IS.format(kind="absolute"))
UNRECOGNIZED_LINK = re.compile(_LEFT_AS_IS.format(kind="unrecognized relative"))


def _line_of(text: str, link: str) -> int:
    """The first line that holds the link as written (0 when it cannot be found)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if f"({link}" in line or f"]: {link}" in line or f'"{link}"' in line:
            return number
    return 0


def nearest_page(docs_dir: Path, file: str, link: str) -> str | None:
    """The existing page closest to `link` (relative to `file`, both inside docs_dir), written the same way."""
    lang, folder = file.split("/", 1)[0], posixpath.dirname(file)
    pages = [posixpath.relpath(path.relative_to(docs_dir).as_posix(), folder)
             for path in (docs_dir / lang).rglob("*.md")]
    target = link.split("#", 1)[0]
    matches = difflib.get_close_matches(target, pages, n=1, cutoff=0.6)
    return matches[0] if matches else None


def page_file(docs_dir: Path, file: str, link: str) -> str | None:
    """The page file a link written as an address or a folder means (`/en/services/`, `/wissen/en/services/`
    or `services/`), in the language of `file` and relative to it; None when that language has no such page."""
    lang, folder = file.split("/", 1)[0], posixpath.dirname(file)
    path = link.split("#", 1)[0].split("?", 1)[0]
    if path.startswith("/"):   # whatever comes before a language folder is the host's path to the site
        parts = path.strip("/").split("/")
        start = next((index for index, part in enumerate(parts) if (docs_dir / part).is_dir()), None)
        targets = [f"{lang}/{'/'.join(parts[start + 1:])}"] if start is not None else []
    else:   # from the file's folder, or from the page's address as a browser reads it (faq.md is at faq/)
        targets = [posixpath.normpath(posixpath.join(base, path)) for base in (folder, file.removesuffix(".md"))]
    for target in targets:
        target = target.rstrip("/")
        for candidate in (f"{target}.md", f"{target}/index.md"):
            if candidate.startswith(f"{lang}/") and (docs_dir / candidate).is_file():
                return posixpath.relpath(candidate, folder)
    return None


def _left_as_is(where: str, docs_dir: Path, file: str, link: str, absolute: bool) -> str:
    """An address on the site or a folder written as a link: the page file to write instead."""
    written = "a web address, not a page file (it would lead out of a preview)" if absolute else "not a page file"
    page = page_file(docs_dir, file, link)
    home = posixpath.relpath(f"{file.split('/', 1)[0]}/index.md", posixpath.dirname(file))
    fix = f"write {page}" if page else f"write the page's .md file, relative to this page (e.g. {home} for the home page)"
    return f"{where}: link: '{link}' is {written}; {fix}"


def explain(project: Project, docs_dir: Path, message: str) -> str:
    """`message` as `path:line: link: ...` with a suggestion, when it is one of MkDocs' link warnings."""
    match = (MISSING_TARGET.match(message) or MISSING_ANCHOR.match(message) or ABSOLUTE_LINK.match(message)
             or UNRECOGNIZED_LINK.match(message))
    if not match:
        return message
    file, link = match["file"], match["link"]
    source, shown = project.docs_dir / file, f"{project.docs_dir.name}/{file}"
    line = _line_of(read_text(source, project.root), link) if source.is_file() else 0   # 0: a fallback page
    where = f"{shown}:{line}" if line else shown
    if match.re in (ABSOLUTE_LINK, UNRECOGNIZED_LINK):
        return _left_as_is(where, docs_dir, file, link, match.re is ABSOLUTE_LINK)
    page, _, anchor = link.partition("#")
    if match.re is MISSING_ANCHOR:
        return (f"{where}: link: '{page or link}' has no heading with the anchor '#{anchor}'; "
                "check the heading's spelling or remove the anchor")
    suggestion = nearest_page(docs_dir, file, link)
    hint = f"did you mean {suggestion}?" if suggestion else "check the file name, relative to this page"
    return f"{where}: link: '{link}' does not exist; {hint}"
