"""A cache of files drawn at build time (social cards, case-study PDFs), keyed by a hash of their inputs.

Drawing a card or typesetting a PDF is slow, and most builds change few pages. Each drawn file is kept under
`.cache/render/<kind>/<sha256 of its inputs>.<suffix>` in the project folder (git-ignored); a build asks for
a file by its inputs and gets the kept bytes when nothing it depends on changed. The inputs must include
everything the drawing reads: the texts, the language, and a version of the drawing code (`renderer`), so
a change to the template or the code draws afresh. Writes are atomic, so the parallel per-language builds
can share one cache. Each build counts what it drew and what it took from the cache (`tally`, summed over
its processes by `counts`), per kind and counting each file once, and the CPU time the drawing took
(`drawing_seconds`), so the build can say how much work it did.

A file is dated when it is drawn and again each time a build takes it (its modification time), and `prune`
removes what no build has asked for in KEEP_DAYS: the cache keeps what the current pages and the branches
being worked on use, and does not grow with every edit ever made (each changed title leaves a card behind).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

CACHE_FOLDER = Path(".cache") / "render"
KEEP_DAYS = 30

Tally = dict[str, dict[str, float | None]]   # kind -> input key -> CPU seconds drawing it (None: from the cache)
_tally: Tally = {}   # this process's, since start_tally


@dataclass(frozen=True)
class Rendered:
    """The bytes of one drawn file, and whether this build drew them (False: taken from the cache)."""

    data: bytes
    drawn: bool


def input_key(parts: Iterable[str | bytes]) -> str:
    """A hash of the inputs, each part length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(raw).to_bytes(8, "big"))
        digest.update(raw)
    return digest.hexdigest()


def rendered(project_root: Path, kind: str, suffix: str, parts: Iterable[str | bytes],
             draw: Callable[[], bytes]) -> Rendered:
    """The file for these inputs: from the cache, or drawn by `draw()` now and kept for the next build."""
    folder = Path(project_root) / CACHE_FOLDER / kind
    key = input_key(parts)
    path = folder / f"{key}.{suffix}"
    try:
        data = path.read_bytes()
        os.utime(path)   # asked for today: kept by `prune`
        _tally.setdefault(kind, {}).setdefault(key, None)
        return Rendered(data, drawn=False)
    except FileNotFoundError:   # never drawn, or removed by a prune since it was read
        pass
    started = time.process_time()
    data = draw()
    seconds = time.process_time() - started
    folder.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _tally.setdefault(kind, {})[key] = seconds
    return Rendered(data, drawn=True)


def start_tally() -> None:
    """Forget the counts: a build of one language starts here (builds may share a process)."""
    _tally.clear()


def tally() -> Tally:
    """What was asked for since `start_tally`, each file once: to hand to `counts` with other processes'."""
    return {kind: dict(keys) for kind, keys in _tally.items()}


def _merged(tallies: Iterable[Tally]) -> Tally:
    """The tallies of several processes as one: a file one process drew and another then took from the
    cache (the files drawn ahead, como_site/build.py) is drawn, once."""
    merged: Tally = {}
    for one in tallies:
        for kind, keys in one.items():
            kept = merged.setdefault(kind, {})
            for key, seconds in keys.items():
                if kept.get(key) is None:
                    kept[key] = seconds
    return merged


def counts(tallies: Iterable[Tally]) -> dict[str, tuple[int, int]]:
    """Kind -> (files drawn, files taken from the cache) over the tallies of several processes."""
    return {kind: (sum(seconds is not None for seconds in keys.values()),
                   sum(seconds is None for seconds in keys.values()))
            for kind, keys in sorted(_merged(tallies).items())}


def drawing_seconds(tallies: Iterable[Tally]) -> dict[str, float]:
    """Kind -> CPU seconds spent drawing its files (in whichever process drew them), over several tallies."""
    return {kind: sum(seconds for seconds in keys.values() if seconds is not None)
            for kind, keys in sorted(_merged(tallies).items())}


def prune(project_root: Path, now: float | None = None) -> int:
    """Remove the cached files no build has drawn or taken in KEEP_DAYS, and temporary files a killed build
    left (older than a day); returns how many were removed. Files that vanish meanwhile are skipped."""
    now = time.time() if now is None else now
    removed = 0
    for path in (Path(project_root) / CACHE_FOLDER).glob("*/*"):
        try:
            age = now - path.lstat().st_mtime
            if path.is_file() and age > (86400 if path.name.startswith(".") else KEEP_DAYS * 86400):
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed
