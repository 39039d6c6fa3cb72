"""Build the whole site safely: check, load the data, build each language in parallel, finish, swap in.

The order matters for editors: every content problem is reported before any page is rendered, and
site/ is replaced only when every step passed, so a failed build leaves the previous site/ as it was; the
replacement is one atomic exchange, under a lock that keeps a second build out (como_site/swap.py).
"""
from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path
from typing import Callable, Iterator

from como_site.buildcontext import BuildContext
from como_site.builders.mkdocs import LanguageBuild, build_language, warm_up
from como_site.contentcheck import check_content
from como_site.contentfiles import check_content_files
from como_site.contenttypes import CASE_STUDIES, Content, content_files, load_content
from como_site.drafts import previewed
from como_site.inlinescripts import ThemeChanged
from como_site.labels import labels_for
from como_site.linkhints import explain
from como_site.material_patches import MaterialChanged
from como_site.postprocess import postprocess
from como_site.previews import preview_url
from como_site.problems import raise_if_any
from como_site.project import ROOT, Project, load_project
from como_site.rendercache import Tally, counts, drawing_seconds, prune, start_tally, tally
from como_site.swap import BuildBusy, SiteLock, record_worker
from como_site.themeassets import FOLDER as ASSETS, ThemeAssets, write_theme_assets


def check_and_load(project: Project, drafts: bool = False,
                   loaded: Callable[[Content], None] = lambda content: None) -> tuple[Content, frozenset[str]]:
    """Check pages and every content type's data, reporting every problem of all at once; with `drafts`
    (the preview only) draft case studies are shown as published, and their ids returned for the banner.
    Links, special and oversized files come first: nothing may read or copy them. `loaded` is told the
    data as soon as it is loaded and valid, before the pages are checked."""
    raise_if_any(check_content_files(project.root))
    content, problems = load_content(project)
    if not problems:
        loaded(content)
    problems += check_content(project, None if problems else content)
    raise_if_any(problems)
    if not drafts:
        return content, frozenset()
    content["case-studies"], draft_ids = previewed(content["case-studies"])
    return content, draft_ids


LanguageBuilder = Callable[[Project, list[str], Content, frozenset[str], ThemeAssets, Path], list[LanguageBuild]]


class BuildError(Exception):
    """A language build failed; the message lists MkDocs' warnings, each naming the file."""


@dataclass
class BuildReport:
    site_dir: Path
    languages: list[str]
    seconds: float
    pages: int = 0
    rendered: dict[str, tuple[int, int]] = field(default_factory=dict)   # kind -> (drawn, from the cache)
    drawing: dict[str, float] = field(default_factory=dict)   # kind -> CPU seconds spent drawing

    def rendered_summary(self) -> str:
        """'pdf: 4 made, 0 from the cache, 0.41 s CPU' for each kind of file drawn at build time (the
        CPU time of the drawing, in whichever process did it: the benchmark reads it)."""
        return "; ".join(f"{kind}: {drawn} made, {cached} from the cache, {self.drawing.get(kind, 0.0):.2f} s CPU"
                         for kind, (drawn, cached) in self.rendered.items())


def _count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def _start_method() -> str:
    """Fork where it is safe: the workers start with this process's imports (our package, the engine's
    configuration code) instead of importing them again, which saves each worker some 0.5 s of CPU. Fork
    copies only the calling thread, so a process that runs other threads (a test's web server, an editor's
    tool) spawns fresh workers instead: a lock another thread held at the fork would never be released."""
    return "fork" if threading.active_count() == 1 and "fork" in get_all_start_methods() else "spawn"


@contextmanager
def _language_workers(jobs: int, lock_path: Path) -> Iterator[ProcessPoolExecutor | None]:
    """The pool of language processes (None to build in this one), started before the content is checked."""
    if jobs == 1:
        yield None
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context(_start_method()),
                               initializer=record_worker, initargs=(str(lock_path),))
    try:
        yield pool
    except BaseException:
        # Waits for the tasks already running (a warm-up, a language's PDFs: under a second at the real
        # site's size); without waiting, Python 3.11's pool sometimes prints a traceback at exit
        # ("Exception ignored in threading._shutdown ... Bad file descriptor") under the editor's message.
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


def draw_ahead(project: Project, content: Content, lang: str) -> Tally:
    """A worker's task while the main process checks the pages: one language's files made from data (the
    case-study PDFs, a third of a language's build) typeset into the render cache, where that language's
    build then takes them. The workers would otherwise wait for the check, and the last language build
    alone at the end; the work is the same. Any failure is left to the language's build, which makes the
    same files and reports it with its file."""
    start_tally()
    try:
        content_files(project, labels_for(project), content, lang)
    except Exception:   # noqa: BLE001 - reported by the language's build (see above)
        return {}
    return tally()


def _start_workers(pool: ProcessPoolExecutor | None, jobs: int, content: Content, project: Project,
                   languages: list[str]) -> list[Future]:
    """Give each worker its warm-up task, so the processes start and import while the pages are checked,
    then the languages' files to draw ahead; returns the futures of those, whose tallies the report adds."""
    if pool is None:
        return []
    cases = content.get(CASE_STUDIES.name)
    typesetting = bool(cases and cases.published)
    for _ in range(jobs):
        pool.submit(warm_up, typesetting)
    return [pool.submit(draw_ahead, project, content, lang) for lang in languages] if typesetting else []


def _build_languages(project: Project, languages: list[str], content: Content, drafts: frozenset[str],
                     assets: ThemeAssets, staging: Path, pool: ProcessPoolExecutor | None) -> list[LanguageBuild]:
    """One MkDocs build per language; each gets the validated content and the shared theme assets' names as
    arguments (pickled by the process pool), so no language validates or renders the data of another."""
    arguments = [(BuildContext(project, lang, content, drafts, assets), str(staging / lang)) for lang in languages]
    if pool is None:
        return [build_language(*args) for args in arguments]
    try:
        return list(pool.map(build_language, *zip(*arguments)))
    except BrokenProcessPool:
        raise BuildError("A language build was stopped from outside (killed or out of memory); "
                         "nothing in site/ was changed: build again") from None


def build_site(root: Path | None = None, site_dir: Path | None = None, site_url: str | None = None,
               languages: list[str] | None = None, jobs: int | None = None,
               keep_other_languages: bool = False, drafts: bool = False, preview: int | None = None,
               language_builder: LanguageBuilder | None = None) -> BuildReport:
    """Build `languages` (default: all) into site_dir; with keep_other_languages (the preview's
    incremental rebuild) the other languages already in site_dir are carried over unchanged; with
    drafts (the preview only) draft case studies are built too, each with a "Draft" banner; with
    `preview` (a pull request's number) the site is that pull request's preview (como_site/previews.py);
    `language_builder` builds the languages in place of a process pool (the preview's warm builders)."""
    started = time.perf_counter()
    project = load_project(root or ROOT, site_url)
    if preview is not None:
        project = replace(project, site_url=preview_url(project.site_url, preview))
    site_dir = (site_dir or project.root / "site").resolve()
    languages = languages or list(project.codes)
    jobs = min(jobs or os.cpu_count() or 1, len(languages))
    try:
        with SiteLock(site_dir) as lock:
            tallies = _build_and_swap(project, lock, languages, jobs, keep_other_languages, drafts, language_builder)
            prune(project.root)   # the drawn files no build has used for a month
    except BuildBusy as busy:
        raise BuildError(str(busy)) from None
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise
        raise BuildError(f"the disk is full while writing {error.filename or site_dir.parent}: free some space "
                         f"and build again; {site_dir.name}/ was not changed") from None
    return BuildReport(site_dir, languages, time.perf_counter() - started, _count_pages(site_dir), counts(tallies),
                       drawing_seconds(tallies))


def _build_and_swap(project: Project, lock: SiteLock, languages: list[str], jobs: int,
                    keep_other_languages: bool, drafts: bool,
                    language_builder: LanguageBuilder | None) -> list[Tally]:
    """What the build drew or took from the render cache, as the tallies of its tasks."""
    ahead: list[Future] = []
    with _language_workers(1 if language_builder else jobs, lock.path) as pool:
        # every content problem surfaces here, before rendering
        content, draft_ids = check_and_load(
            project, drafts, lambda loaded: ahead.extend(_start_workers(pool, jobs, loaded, project, languages)))
        build_languages = language_builder or partial(_build_languages, pool=pool)
        results = _build_in_staging(project, lock, languages, content, draft_ids, build_languages,
                                    keep_other_languages)
        return [future.result() for future in ahead] + [result.rendered for result in results]


def _build_in_staging(project: Project, lock: SiteLock, languages: list[str], content: Content,
                      draft_ids: frozenset[str], build_languages: LanguageBuilder,
                      keep_other_languages: bool) -> list[LanguageBuild]:
    site_dir = lock.site_dir
    staging = lock.new_staging()
    try:
        if keep_other_languages and (site_dir / ASSETS).is_dir():   # the languages carried over name these
            shutil.copytree(site_dir / ASSETS, staging / ASSETS)
        try:
            assets = write_theme_assets(project, staging)   # once, for every language
        except (MaterialChanged, ThemeChanged) as error:
            raise BuildError(f"The build failed; nothing in site/ was changed.\n{error}") from None
        results = build_languages(project, languages, content, draft_ids, assets, staging)
        failed = [result for result in results if not result.ok]
        if failed:
            lines = [f"[{result.language}] {explain(project, project.docs_dir, message)}"
                     for result in failed for message in result.warnings]
            raise BuildError("The build failed; nothing in site/ was changed.\n" + "\n".join(lines))
        if keep_other_languages and site_dir.exists():
            for code in project.codes:
                if code not in languages and (site_dir / code).is_dir():
                    shutil.copytree(site_dir / code, staging / code)
        present = [code for code in project.codes if (staging / code).is_dir()]
        try:
            faults = postprocess(project, staging, languages, present)
        except ThemeChanged as error:
            raise BuildError(f"The build failed; nothing in site/ was changed.\n{error}") from None
        if faults:
            raise BuildError("The built site has faults; nothing in site/ was changed.\n" + "\n".join(faults))
        lock.swap_in(staging)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)
