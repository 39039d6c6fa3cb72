"""What git knows about an editor's file: its last commit, uncommitted changes, its text at a commit.

Used by stamping (which records the original's commit next to its hash) and by `make i18n-diff` and the
pull-request summary (which show what changed in the original since). git is optional: without it, or
outside a repository, every function answers None and the caller says so.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

COMMIT = re.compile(r"^[0-9a-f]{40}$")


def git(root: Path, *args: str) -> str | None:
    """git's output in root, or None when git is missing or the command failed."""
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30,
                                stdin=subprocess.DEVNULL)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def last_commit(root: Path, path: str) -> str | None:
    """The last commit that changed `path` (repository-relative), or None (no git, never committed)."""
    commit = (git(root, "log", "-1", "--format=%H", "--", path) or "").strip()
    return commit if COMMIT.match(commit) else None


def has_uncommitted_changes(root: Path, path: str) -> bool:
    return bool((git(root, "status", "--porcelain", "--", path) or "").strip())


def text_at(root: Path, commit: str, path: str) -> str | None:
    """`path` as it was at `commit`, or None (no git, commit not in this clone, file absent then)."""
    if not COMMIT.match(commit):
        return None
    return git(root, "show", f"{commit}:{path}")


def available(root: Path) -> bool:
    return git(root, "rev-parse", "--git-dir") is not None
