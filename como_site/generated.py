"""Keep generated Markdown on disk in step with the data: write changed pages, remove stale ones.

Generated pages live under docs/<lang>/case-studies/ (git-ignored) because mkdocs-static-i18n drops
in-memory pages; each carries a `generated_from:` front-matter key. Only such files are ever replaced or
deleted: a hand-written page in the way of a generated one stops the build before anything is written.
Unchanged files are not touched, so MkDocs' file watcher and dirty builds see only real changes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from como_site import atomicfile
from como_site.casestudies.render import Renderer
from como_site.casestudies.validate import CaseStudies, load_case_studies
from como_site.drafts import previewed, with_banners
from como_site.labels import labels_for
from como_site.pages import GENERATED_KEY, front_matter, is_generated
from como_site.problems import Problem, raise_if_any, relative
from como_site.project import Project

GENERATED_DIRS = ("case-studies",)


@dataclass
class SyncReport:
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    unchanged: int = 0


def _write_if_changed(path: Path, text: str) -> bool:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    atomicfile.write_text(path, text)
    return True


def _in_generated_dirs(project: Project, path: Path) -> bool:
    return any(path.is_relative_to(project.docs_dir / lang / folder)
               for lang in project.codes for folder in GENERATED_DIRS)


def _marked(text: str) -> bool:
    """Whether a page's text carries the generated mark in its front matter (as pages.is_generated reads it)."""
    return text.startswith("---\n") and f"\n{GENERATED_KEY}:" in text.split("\n---", 1)[0]


def _refusals(project: Project, pages: dict[Path, str]) -> list[Problem]:
    """Pages the generator may not write: outside its folders, or over a file it did not generate."""
    problems = []
    for path, text in pages.items():
        shown = relative(path, project.root)
        if not _in_generated_dirs(project, path) or not _marked(text):
            problems.append(Problem(shown, 1, "generated", f"the generator may write only marked pages under "
                                    f"docs/<lang>/{'/, '.join(GENERATED_DIRS)}/; nothing was written"))
        elif (path.exists() or path.is_symlink()) and not (path.is_file() and is_generated(path)):
            source = front_matter(text, shown).get(GENERATED_KEY)
            problems.append(Problem(shown, 1, "generated", f"this page is written by hand, and {source} would "
                                    "replace it; nothing was written: give the case another id"))
    return problems


def sync_pages(project: Project, pages: dict[Path, str]) -> SyncReport:
    """Write the pages that changed and delete generated pages no longer produced; refuse (ContentError)
    before any change if a page would replace a file the generator did not write."""
    raise_if_any(_refusals(project, pages))
    report = SyncReport()
    for path, text in pages.items():
        if _write_if_changed(path, text):
            report.written.append(path)
        else:
            report.unchanged += 1
    for lang in project.codes:
        for folder in GENERATED_DIRS:
            for path in sorted((project.docs_dir / lang / folder).rglob("*.md")):
                if path not in pages and not path.is_symlink() and is_generated(path):
                    path.unlink()
                    report.removed.append(path)
        for folder in GENERATED_DIRS:
            for directory in sorted((project.docs_dir / lang / folder).rglob("*"), reverse=True):
                if directory.is_dir() and not any(directory.iterdir()):
                    directory.rmdir()
    return report


def generated_pages(project: Project, cases: CaseStudies) -> dict[Path, str]:
    labels = labels_for(project)
    pages: dict[Path, str] = {}
    for lang in project.codes:
        renderer = Renderer(project, labels, cases, lang)
        for relative, text in renderer.pages().items():
            pages[project.docs_dir / lang / relative] = text
    return pages


def generate(project: Project, drafts: bool = False) -> tuple[CaseStudies, SyncReport]:
    """Validate every case file (all problems at once) and bring the generated pages up to date; with
    `drafts` (the preview only) drafts get pages too, each with a "Draft" banner."""
    cases, problems = load_case_studies(project)
    raise_if_any(problems)
    assert cases is not None
    if not drafts:
        return cases, sync_pages(project, generated_pages(project, cases))
    cases, draft_ids = previewed(cases)
    pages = with_banners(generated_pages(project, cases), draft_ids, labels_for(project), project.docs_dir)
    return cases, sync_pages(project, pages)
