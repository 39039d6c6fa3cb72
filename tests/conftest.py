"""Shared fixtures: the real site built once per session, and tiny throw-away projects for error cases."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from como_site.build import BuildError, build_site
from como_site.casestudies.validate import load_case_studies
from como_site.contentfiles import CONTENT_DIRS
from como_site.problems import ContentError
from como_site.project import ROOT, load_project
from tests.tinyproject import FIXTURES, TinyProject, run_cli, site_snapshot  # noqa: F401 - tests import them from here

LANGUAGES = ("de", "en", "es", "fr")


@pytest.fixture(scope="session")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real site, built once by the real pipeline into a temporary folder that the web server's
    unprivileged worker can read (pytest's own temporary folders are private to root). A content problem
    fails the tests that need the site with the editor's path:line messages, not a traceback."""
    base = Path(tempfile.mkdtemp(prefix="como-test-site-"))
    base.chmod(0o755)
    site_dir = base / "site"
    try:
        build_site(site_dir=site_dir)
    except (ContentError, BuildError) as error:
        pytest.fail(f"The real site does not build:\n{error}", pytrace=False)
    yield site_dir
    shutil.rmtree(base, ignore_errors=True)


def published_cases(project) -> tuple:
    """The project's published case studies, sorted by id: what tests of the real site expect."""
    cases, problems = load_case_studies(project)
    if problems:
        pytest.fail("\n".join(map(str, problems)), pytrace=False)
    return tuple(sorted(cases.published, key=lambda case: case.id))


def sample_case(project) -> tuple[str, str]:
    """One published case of the real project, as (its page, its country's page) under case-studies/, for
    tests that check one page of each kind."""
    case = published_cases(project)[0]
    return f"case-studies/{case.id}/", f"case-studies/country/{case.country.lower()}/"


def copy_of_project(root: Path) -> Path:
    """A copy of the real project's content, configuration, hooks and templates (the package is installed)."""
    for name in (*CONTENT_DIRS, "hooks", "overrides"):
        shutil.copytree(ROOT / name, root / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def source_pages(project) -> list[str]:
    """Hand-written pages of the source language, as paths inside the language folder."""
    base = project.docs_dir / project.source_language
    return sorted(path.relative_to(base).as_posix() for path in base.rglob("*.md"))


@pytest.fixture
def tiny_project(tmp_path) -> TinyProject:
    return TinyProject(tmp_path / "project")


@pytest.fixture(scope="session")
def server(built_site, project):
    """Apache httpd serving the real site at the same path prefix as its public address."""
    from tests.webserver import Apache, base_path

    with Apache(built_site, base_path(project.site_url)) as apache:
        yield apache
