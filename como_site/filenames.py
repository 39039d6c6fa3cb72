"""File and folder names under docs/ become web addresses: lowercase ASCII letters, digits and hyphens.

A page `docs/de/Über Uns.md` would be served as /de/Über Uns/ (escaped differently by every tool, and
broken on case-insensitive hosts); so every folder name, and every file name before its extension, must
match NAME. Each problem suggests the fixed name, transliterated (Ü -> u) with unicodedata.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from como_site.problems import Problem, relative
from como_site.project import Project

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
EXTENSION = re.compile(r"^\.[a-z0-9]+$")
RULE = "use lowercase letters, digits and hyphens"


def suggested_name(name: str) -> str:
    """`name` as lowercase ASCII with hyphens: 'Über Uns' -> 'uber-uns' ('' when nothing is left)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _file_name_ok(name: str) -> bool:
    stem, extension = os.path.splitext(name)
    return bool(NAME.match(stem) and EXTENSION.match(extension))


def _fix(name: str, is_folder: bool) -> str:
    stem, extension = (name, "") if is_folder else os.path.splitext(name)
    fixed = (suggested_name(stem) or "my-page") + (suggested_name(extension) and "." + suggested_name(extension))
    return f"{RULE}: rename it to {fixed}"


def check_file_names(project: Project) -> list[Problem]:
    """Every badly named folder (its contents are not listed again) and file under docs/."""
    problems = []
    for folder, folders, files in os.walk(project.docs_dir):
        for name in sorted(folders):
            if not name.startswith(".") and not NAME.match(name):
                problems.append(Problem(relative(Path(folder) / name, project.root), 0, "folder-name", _fix(name, True)))
        folders[:] = [name for name in folders if NAME.match(name)]
        for name in files:
            if not name.startswith(".") and not _file_name_ok(name):
                problems.append(Problem(relative(Path(folder) / name, project.root), 0, "file-name", _fix(name, False)))
    return problems
