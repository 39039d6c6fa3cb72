"""Build the whole site safely: check, generate, build each language in parallel, finish, swap in.

The order matters for editors: every content problem is reported before any page is rendered, and
site/ is replaced only when every step passed, so a failed build leaves the previous site/ as it was.
"""
from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from como_site.builders.mkdocs import LanguageBuild, build_language
from como_site.casestudies.validate import CaseStudies
from como_site.contentcheck import check_content
from como_site.contentfiles import check_content_files
from como_site.fallbacks import stage_docs
from como_site.generated import generate
from como_site.hosting import write_hosting_files
from como_site.labels import labels_for
from como_site.linkhints import explain
from como_site.postprocess import postprocess
from como_site.problems import ContentError, raise_if_any
from como_site.project import ROOT, Project, load_project
from como_site.rootfiles import write_root_files
from como_site.sitecheck import check_site


def check_and_generate(project: Project, drafts: bool = False) -> CaseStudies:
    """Check pages and case data, reporting every problem of both at once; then write generated pages
    (with `drafts`, the preview's, drafts too). Links, special and oversized files come first: nothing
    may read or copy them."""
    raise_if_any(check_content_files(project.root))
    problems = check_content(project)
    try:
        cases, _ = generate(project, drafts)
    except ContentError as error:
        problems += error.problems
    raise_if_any(problems)
    return cases


class BuildError(Exception):
    """A language build failed; the message lists MkDocs' warnings, each naming the file."""


@dataclass
class BuildReport:
    site_dir: Path
    languages: list[str]
    seconds: float
    pages: int = 0


def _count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))


def _build_languages(project: Project, languages: list[str], docs_dir: Path, cases: Path, staging: Path,
                     jobs: int) -> list[LanguageBuild]:
    arguments = [(str(project.root), lang, str(staging / lang), project.language_url(lang), str(docs_dir),
                  str(cases)) for lang in languages]
    if jobs == 1 or len(languages) == 1:
        return [build_language(*args) for args in arguments]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        return list(pool.map(build_language, *zip(*arguments)))


def build_site(root: Path | None = None, site_dir: Path | None = None, site_url: str | None = None,
               languages: list[str] | None = None, jobs: int | None = None,
               keep_other_languages: bool = False, drafts: bool = False) -> BuildReport:
    """Build `languages` (default: all) into site_dir; with keep_other_languages (the preview's
    incremental rebuild) the other languages already in site_dir are carried over unchanged; with
    drafts (the preview only) draft case studies are built too, each with a "Draft" banner."""
    started = time.perf_counter()
    project = load_project(root or ROOT, site_url)
    site_dir = (site_dir or project.root / "site").resolve()
    languages = languages or list(project.codes)
    jobs = jobs or min(len(languages), os.cpu_count() or 1)

    cases = check_and_generate(project, drafts)  # every content problem surfaces here, before any page is rendered
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    work = Path(tempfile.mkdtemp(prefix="como-build-"))
    try:
        docs_dir = stage_docs(project, labels_for(project), work)
        case_data = work / "cases.pickle"   # validated once here, not again in every language's build
        case_data.write_bytes(pickle.dumps(cases))
        results = _build_languages(project, languages, docs_dir, case_data, staging, jobs)
        failed = [result for result in results if not result.ok]
        if failed:
            lines = [f"[{result.language}] {explain(project, docs_dir, message)}"
                     for result in failed for message in result.warnings]
            raise BuildError("The build failed; nothing in site/ was changed.\n" + "\n".join(lines))
        if keep_other_languages and site_dir.exists():
            for code in project.codes:
                if code not in languages and (site_dir / code).is_dir():
                    shutil.copytree(site_dir / code, staging / code)
        postprocess(project, staging, languages)
        present = [code for code in project.codes if (staging / code).is_dir()]
        write_root_files(project, staging, present)
        write_hosting_files(project, staging, present, project.https_redirect)
        faults = check_site(staging, project.site_url, present)
        if faults:
            raise BuildError("The built site has faults; nothing in site/ was changed.\n" + "\n".join(faults))
        _swap_in(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return BuildReport(site_dir, languages, time.perf_counter() - started, _count_pages(site_dir))


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace site_dir by staging with two renames, so no half-written site is ever in place."""
    for path in staging.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    staging.chmod(0o755)
    previous = site_dir.with_name(site_dir.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
