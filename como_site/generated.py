"""Keep generated Markdown on disk in step with the data: write changed pages, remove stale ones.

Generated pages live under docs/<lang>/case-studies/ (git-ignored) because mkdocs-static-i18n drops
in-memory pages; each carries a `generated_from:` front-matter key, the only files this module deletes.
Unchanged files are not touched, so MkDocs' file watcher and dirty builds see only real changes.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from como_site.casestudies.render import Renderer
from como_site.casestudies.validate import CaseStudies, load_case_studies
from como_site.labels import labels_for
from como_site.pages import is_generated
from como_site.problems import raise_if_any
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
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
    os.replace(handle.name, path)
    return True


def sync_pages(project: Project, pages: dict[Path, str]) -> SyncReport:
    report = SyncReport()
    for path, text in pages.items():
        if _write_if_changed(path, text):
            report.written.append(path)
        else:
            report.unchanged += 1
    for lang in project.codes:
        for folder in GENERATED_DIRS:
            for path in sorted((project.docs_dir / lang / folder).rglob("*.md")):
                if path not in pages and is_generated(path):
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


def generate(project: Project) -> tuple[CaseStudies, SyncReport]:
    """Validate every case file (all problems at once) and bring the generated pages up to date."""
    cases, problems = load_case_studies(project)
    raise_if_any(problems)
    assert cases is not None
    return cases, sync_pages(project, generated_pages(project, cases))
