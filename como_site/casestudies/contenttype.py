"""Case studies as a content type (registered in como_site/contenttypes.py): case_studies/*.yml become a
page per case, its PDF, facet pages and the overview block, in every language."""
from __future__ import annotations

from como_site.casestudies.render import Renderer
from como_site.casestudies.validate import CaseStudies, load_case_studies
from como_site.labels import Labels
from como_site.problems import Problem
from como_site.project import Project


def load(project: Project, content_type) -> tuple[CaseStudies | None, list[Problem]]:
    return load_case_studies(project)


def pages(project: Project, labels: Labels, cases: CaseStudies, lang: str, content_type) -> dict[str, str]:
    return Renderer(project, labels, cases, lang).pages()


def files(project: Project, labels: Labels, cases: CaseStudies, lang: str, content_type) -> dict[str, bytes]:
    return Renderer(project, labels, cases, lang).files()


def blocks(project: Project, labels: Labels, cases: CaseStudies, lang: str, content_type,
           files: dict[str, bytes]) -> dict[str, str]:
    return Renderer(project, labels, cases, lang, files).blocks()
