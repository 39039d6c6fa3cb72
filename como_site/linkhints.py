"""MkDocs' link warnings made editor-sized: the page's line, and the nearest existing page as a suggestion.

MkDocs names the file of a broken link but not its line; this finds the line in the source and, for a
missing target, suggests the closest page of that language (difflib over the page list), written as the
link would be written from that file: `docs/de/index.md:8: link: 'services/conceptoin.md' does not exist;
did you mean services/conception.md?`. Any other message is returned unchanged.
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


def explain(project: Project, docs_dir: Path, message: str) -> str:
    """`message` as `path:line: link: ...` with a suggestion, when it is one of MkDocs' link warnings."""
    match = MISSING_TARGET.match(message) or MISSING_ANCHOR.match(message)
    if not match:
        return message
    file, link = match["file"], match["link"]
    source, shown = project.docs_dir / file, f"{project.docs_dir.name}/{file}"
    line = _line_of(read_text(source, project.root), link) if source.is_file() else 0   # 0: a fallback page
    where = f"{shown}:{line}" if line else shown
    page, _, anchor = link.partition("#")
    if match.re is MISSING_ANCHOR:
        return (f"{where}: link: '{page or link}' has no heading with the anchor '#{anchor}'; "
                "check the heading's spelling or remove the anchor")
    suggestion = nearest_page(docs_dir, file, link)
    hint = f"did you mean {suggestion}?" if suggestion else "check the file name, relative to this page"
    return f"{where}: link: '{link}' does not exist; {hint}"
