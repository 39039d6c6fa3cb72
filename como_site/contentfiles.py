"""The one way the build and the tools read editors' files (docs/, case_studies/, i18n/, mkdocs.yml).

Those files come from pull requests, so they are input, not code: a symbolic link, or a path that leads
outside the repository, is never followed; every file has a size limit; text is UTF-8 (a byte-order mark
is accepted, and so are Windows line endings, read as plain line breaks) and a byte that is not UTF-8 is
reported with its line. `check_content_files` walks the
content folders before anything else reads them or MkDocs copies them into the site.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from como_site.problems import ContentError, Problem

CONTENT_DIRS = ("docs", "case_studies", "i18n", "sources")
CONFIG_FILE = "mkdocs.yml"
KB, MB = 1024, 1024 * 1024
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
# MkDocs copies every file of docs/ into the site, on our own origin: content may put there only pages and
# raster images. An .html, .js, .css or .svg file would be a page or a script the CSP trusts as 'self'.
PUBLISHED_SUFFIXES = (".md", *IMAGE_SUFFIXES)
# The largest file editors may commit, by kind; say them in CONTRIBUTING.md when they change.
SIZE_LIMITS = {"page": 256 * KB, "yaml": 256 * KB, "image": 5 * MB, "other": 2 * MB}
BOM = b"\xef\xbb\xbf"
OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK   # never through a link; a pipe cannot block the read


def file_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".md":
        return "page"
    if suffix in (".yml", ".yaml"):
        return "yaml"
    return "image" if suffix in IMAGE_SUFFIXES else "other"


def _shown(path: Path, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _link_problem(path: Path, root: Path) -> Problem:
    target = Path(os.path.realpath(path))
    shown = _shown(path, root)
    if target.is_relative_to(root):
        return Problem(shown, 0, "", f"symbolic link (to {target.relative_to(root).as_posix()}); replace it with "
                                     "the file itself")
    return Problem(shown, 0, "", "symbolic link to outside the repository; replace it with the file itself")


def _size_problem(path: Path, root: Path, size: int) -> Problem | None:
    kind = file_kind(path)
    limit = SIZE_LIMITS[kind]
    if size <= limit:
        return None
    return Problem(_shown(path, root), 0, "", f"the file has {size // KB:,} KB; a{'n' if kind == 'image' else ''} "
                                              f"{kind} file may have at most {limit // KB:,} KB: make it smaller "
                                              "(shorten or split a page, compress an image)")


def _entry_problem(path: Path, root: Path) -> Problem | None:
    """What is wrong with one folder entry (link, device, oversized file), or None."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return _link_problem(path, root)
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        return Problem(_shown(path, root), 0, "", "not a regular file; remove it")
    return _type_problem(path, root) or _size_problem(path, root, info.st_size)


def _type_problem(path: Path, root: Path) -> Problem | None:
    """docs/ is published as it is: only pages and raster images may be there."""
    relative = Path(os.path.abspath(path)).relative_to(root)
    if relative.parts[0] != "docs" or path.suffix.lower() in PUBLISHED_SUFFIXES:
        return None
    return Problem(_shown(path, root), 0, "file-type", f"docs/ may hold only pages (.md) and images "
                   f"({', '.join(IMAGE_SUFFIXES)}); remove this file, or convert a drawing to .png or .webp")


def check_content_files(root: Path) -> list[Problem]:
    """Every symbolic link, special file and oversized file in the content folders and mkdocs.yml."""
    root = root.resolve()
    problems: list[Problem] = []
    entries = [root / name for name in (*CONTENT_DIRS, CONFIG_FILE) if os.path.lexists(root / name)]
    for top in [path for path in entries if path.is_dir() and not path.is_symlink()]:
        for folder, dirs, files in os.walk(top):   # links to folders are listed, never entered
            entries += [Path(folder) / name for name in (*dirs, *files)]
    return sorted(problem for path in entries if (problem := _entry_problem(path, root)))


def _refuse_outside(path: Path, root: Path) -> None:
    """A content path must lie inside the repository with no symbolic link on the way."""
    absolute = Path(os.path.abspath(path))
    if not absolute.is_relative_to(root):
        raise ContentError([Problem(path.as_posix(), 0, "", "lies outside the repository; only files inside it "
                                                            "can be read")])
    if Path(os.path.realpath(absolute)) != absolute:
        raise ContentError([_link_problem(absolute, root)])


def read_bytes(path: Path, root: Path) -> bytes:
    """The bytes of a content file: never through a link, never beyond the size limit of its kind."""
    root = root.resolve()
    _refuse_outside(path, root)
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except FileNotFoundError:
        raise ContentError([Problem(_shown(path, root), 0, "", "the file does not exist")]) from None
    except OSError:   # the link appeared after the check above
        raise ContentError([_link_problem(path, root)]) from None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ContentError([Problem(_shown(path, root), 0, "", "not a regular file; remove it")])
        data = handle.read(SIZE_LIMITS[file_kind(path)] + 1)
    problem = _size_problem(path, root, max(len(data), info.st_size))
    if problem:
        raise ContentError([problem])
    return data


def decode(data: bytes, shown: str) -> str:
    """UTF-8 text (a leading byte-order mark dropped, Windows line endings read as line breaks, as MkDocs reads
    them); a bad byte is reported with its line."""
    data = data.removeprefix(BOM)
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ContentError([Problem(shown, line, "encoding", f"not valid UTF-8 (byte 0x{data[error.start]:02x}); "
                                                             "save the file as UTF-8")]) from None


def read_text(path: Path, root: Path) -> str:
    """A content file's text, read safely (see read_bytes and decode)."""
    return decode(read_bytes(path, root), _shown(path, root.resolve()))


def read_start(path: Path, size: int) -> str:
    """The first `size` bytes of a file as text (bad bytes replaced), never through a link: enough to
    recognise a page our generators wrote without trusting the rest of it."""
    try:
        descriptor = os.open(path, OPEN_FLAGS)
    except OSError:
        return ""
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(size).removeprefix(BOM).decode("utf-8", errors="replace")
