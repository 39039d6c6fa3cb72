"""Shared fixtures: the real site built once per session, and tiny throw-away projects for error cases."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from como_site.build import build_site
from como_site.project import ROOT, load_project
from tests.tinyproject import FIXTURES, TinyProject, site_snapshot  # noqa: F401 - the tests import them from here

LANGUAGES = ("de", "en", "es", "fr")


@pytest.fixture(scope="session")
def project():
    return load_project(ROOT)


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The real site, built once by the real pipeline into a temporary folder that the web server's
    unprivileged worker can read (pytest's own temporary folders are private to root)."""
    base = Path(tempfile.mkdtemp(prefix="como-test-site-"))
    base.chmod(0o755)
    site_dir = base / "site"
    build_site(site_dir=site_dir)
    yield site_dir
    shutil.rmtree(base, ignore_errors=True)


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
