"""Sub-path deployment and the case-study facets, on sites built just for these tests."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator

import pytest

from como_site.build import build_site
from tests.conftest import TinyProject
from tests.webserver import Apache


def build_and_serve(prefix: str, project_root: Callable[[Path], Path] | None = None) -> Iterator[Apache]:
    """Build a site for http://127.0.0.1:<port><prefix> in a folder Apache's worker may read, serve it,
    and remove it afterwards. `project_root` makes a project in that folder (default: the real one)."""
    base = Path(tempfile.mkdtemp(prefix="como-served-"))
    base.chmod(0o755)
    server = Apache(base / "site", prefix)
    root = project_root(base) if project_root else None
    build_site(root=root, site_dir=base / "site", site_url=f"http://127.0.0.1:{server.port}{prefix}")
    with server:
        yield server
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def prefixed_server():
    """The real site built for, and served under, another path prefix."""
    yield from build_and_serve("/intern/wissen/")


def test_site_works_under_another_path_prefix(visit, prefixed_server):
    visitor = visit("de/services/", origin_server=prefixed_server)
    assert visitor.page.locator('link[rel="canonical"]').get_attribute("href") == prefixed_server.url + "de/services/"
    visitor.assert_clean()
    missing = visitor.page.goto(prefixed_server.url + "es/no-existe/")
    assert missing.status == 404
    link = visitor.page.locator("article li a").first
    assert link.get_attribute("href").startswith("/intern/wissen/es/")
    link.click()
    visitor.page.wait_for_load_state("networkidle")
    assert visitor.page.url.startswith(prefixed_server.url + "es/")


def two_case_project(base: Path) -> Path:
    project = TinyProject(base / "project")
    for name in ("alpha", "beta"):
        project.add_case(name)
    return project.root


@pytest.fixture(scope="module")
def facet_server():
    """A tiny project with two fixture cases in different countries and sectors."""
    yield from build_and_serve("/wissen/", two_case_project)


def test_facets_filter_instantly_with_javascript(visit, facet_server):
    visitor = visit("de/case-studies/", origin_server=facet_server)
    page = visitor.page
    cards = page.locator("article.como-card")
    assert cards.count() == 2
    kenya = page.locator('a[data-facet="country"][data-value="KE"]')
    kenya.click()
    assert kenya.get_attribute("aria-pressed") == "true"
    assert page.locator("article.como-card:visible").count() == 1
    assert "Alpha" in page.locator("article.como-card:visible").inner_text()
    assert page.locator(".como-facets__status").inner_text() == "1 von 2 Fallstudien angezeigt"
    page.locator("a[data-facet-reset]").click()
    assert page.locator("article.como-card:visible").count() == 2
    visitor.assert_clean()


def test_facets_work_without_javascript(browser, facet_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(facet_server.url + "fr/case-studies/")
    page.click('a[data-facet="sector"][data-value="agri-food"]')
    page.wait_for_url("**/fr/case-studies/sector/agri-food/")
    assert page.locator("article.como-card").count() == 1
    context.close()
