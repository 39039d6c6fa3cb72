"""What git knows about an editor's file: its last commit, uncommitted changes, its text at a commit, the
dates it was first and last committed.

Used by stamping (which records the original's commit next to its hash), by `make i18n-diff` and the
pull-request summary (which show what changed in the original since), and by the feeds and structured
data (when a case study was published and last changed). git is optional: without it, or
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


def commit_dates(root: Path, path: str) -> tuple[str, str] | None:
    """(first, last) commit dates of `path` as RFC 3339 timestamps, following renames; None without
    git or history."""
    dates = (git(root, "log", "--follow", "--format=%cI", "--", path) or "").split()
    return (dates[-1], dates[0]) if dates else None


def has_uncommitted_changes(root: Path, path: str) -> bool:
    return bool((git(root, "status", "--porcelain", "--", path) or "").strip())


def text_at(root: Path, commit: str, path: str) -> str | None:
    """`path` as it was at `commit`, or None (no git, commit not in this clone, file absent then)."""
    if not COMMIT.match(commit):
        return None
    return git(root, "show", f"{commit}:{path}")


def available(root: Path) -> bool:
    return git(root, "rev-parse", "--git-dir") is not None
