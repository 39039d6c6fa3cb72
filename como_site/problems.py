"""Problems found in editors' files, reported all at once as `path:line: field: message`."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str          # relative to the repository root, forward slashes
    line: int          # 1-based; 0 when the problem concerns the whole file
    field: str         # the field, front-matter key or rule concerned; "" when the file as a whole is wrong
    message: str       # what is wrong and how to fix it

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so editors fix them in one round."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise ContentError(problems)


@dataclass(frozen=True, order=True)
class SettingProblem(Problem):
    """A problem with a setting given outside any file (an environment variable, a command-line option):
    printed as `NAME: message`; path and line stay empty."""

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
