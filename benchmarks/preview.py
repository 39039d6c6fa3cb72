"""The live preview's edit-to-visible time: a page is saved, and we wait until the preview serves the change.

Measured end to end, as an editor sees it: `python -m como_site serve` runs in a copy of a corpus; each edit
appends a unique sentence to one page of the source language (the case that rebuilds the most: fallbacks and
notices in other languages depend on it), and the clock runs from the write until the page fetched over HTTP
from 127.0.0.1 holds that sentence (watcher, rebuild and server together). Once with one language previewed,
once with all of them; the median of several edits is reported with the fastest and slowest.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import BuildFailed

POLL = 0.005   # seconds between two fetches of the edited page
STARTUP = 300  # seconds the preview may take to serve its first build


@dataclass(frozen=True)
class PreviewTimes:
    languages: str         # "en" or "all"
    seconds: list[float]   # edit-to-visible time of each edit

    def line(self) -> str:
        return (f"  preview, {self.languages:3}: median {statistics.median(self.seconds):.3f} s "
                f"(fastest {min(self.seconds):.3f}, slowest {max(self.seconds):.3f}; {len(self.seconds)} edits)")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float) -> float:
    """Fetch url until it holds text; returns when it did (time.perf_counter())."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if text in _fetch(url):
            return time.perf_counter()
        time.sleep(POLL)
    raise BuildFailed(f"{url} did not show {text!r} within {seconds:.0f} s")


def measure_preview(corpus: Path, work: Path, page: str, languages: str | None, edits: int) -> PreviewTimes:
    """Run the preview of `languages` (comma-separated; None: all) in a copy of corpus and time `edits`
    edits of `page` (a path inside docs/, e.g. en/services/index.md)."""
    copy = work / f"preview-{languages or 'all'}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(corpus, copy, symlinks=True)
    port = _free_port()
    command = [sys.executable, "-m", "como_site", "serve", "--port", str(port)] + (["--lang", languages] if languages else [])
    log = (work / f"preview-{languages or 'all'}.log").open("w", encoding="utf-8")
    process = subprocess.Popen(command, cwd=copy, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/{page.removesuffix('.md').removesuffix('index')}"
    if not url.endswith("/"):
        url += "/"
    source = copy / "docs" / page
    original = source.read_text(encoding="utf-8")
    try:
        _wait_for(url, "</html>", STARTUP)
        seconds = []
        for number in range(1, edits + 1):
            marker = f"Preview edit number {number} of {edits}."
            time.sleep(1.0)   # the preview is idle again: each edit is measured alone
            started = time.perf_counter()
            source.write_text(f"{original}\n\n{marker}\n", encoding="utf-8")
            seconds.append(_wait_for(url, marker, 60) - started)
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    return PreviewTimes(languages or "all", seconds)


def preview_report(corpus: Path, work: Path, source_language: str, edits: int) -> str:
    """Both previews of corpus, one language (the source language) and all, as report lines."""
    page = f"{source_language}/services/index.md"
    print(f"Timing the preview: {edits} edits of docs/{page}, one language, then all.", flush=True)
    results = [measure_preview(corpus, work, page, source_language, edits),
               measure_preview(corpus, work, page, None, edits)]
    return "Preview, edit saved -> page served with the change (end to end, over HTTP):\n" + \
        "\n".join(result.line() for result in results)
