"""Shared fixtures: the real site built once per session, and tiny throw-away projects for error cases."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml

from como_site.build import BuildError, build_site
from como_site.casestudies.validate import load_case_studies
from como_site.casestudies.render import OVERVIEW_MARKER
from como_site.problems import ContentError
from como_site.project import ROOT, load_project

LANGUAGES = ("de", "en", "es", "fr")
FIXTURES = Path(__file__).parent / "fixtures"
SERVICE_PAGES = [entry["page"] for entry in
                 yaml.safe_load((ROOT / "case_studies" / "vocabularies.yml").read_text(encoding="utf-8"))["services"].values()]


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
    """A copy of the real project's content, configuration, hooks and templates (the package linked)."""
    for name in ("docs", "case_studies", "i18n", "hooks", "overrides"):
        shutil.copytree(ROOT / name, root / name, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "como_site").symlink_to(ROOT / "como_site")
    return root


def run_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m como_site ARGS` in the project folder `root`, as the Makefile's targets do."""
    return subprocess.run([sys.executable, "-m", "como_site", *args], cwd=root, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def source_pages(project) -> list[str]:
    """Hand-written pages of the source language, as paths inside the language folder."""
    base = project.docs_dir / project.source_language
    return sorted(path.relative_to(base).as_posix() for path in base.rglob("*.md"))


class TinyProject:
    """A minimal copy of the project (config, hooks, theme overrides, package) with pages we choose."""

    def __init__(self, root: Path):
        self.root = root
        for name in ("hooks", "overrides", "i18n"):
            shutil.copytree(ROOT / name, root / name)
        (root / "como_site").symlink_to(ROOT / "como_site")
        (root / "case_studies").mkdir()
        shutil.copytree(ROOT / "case_studies" / "schema", root / "case_studies" / "schema")
        shutil.copy(ROOT / "case_studies" / "vocabularies.yml", root / "case_studies")
        shutil.copytree(ROOT / "docs" / "assets", root / "docs" / "assets")
        self.config_text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        self.nav = ["index.md", {"Case studies": ["case-studies/index.md"]}]
        self.languages = list(load_project(ROOT).codes)
        for lang in self.languages:
            self.write(f"docs/{lang}/index.md", f"---\ntitle: Home {lang}\ndescription: Home page {lang}.\n---\n\n# Home {lang}\n")
            for page in SERVICE_PAGES:
                self.write(f"docs/{lang}/{page}", f"---\ntitle: {page}\ndescription: {page}.\n---\n\n# {page}\n")
            self.write(f"docs/{lang}/case-studies/index.md",
                       f"---\ntitle: Cases {lang}\ndescription: Cases {lang}.\n---\n\n# Cases {lang}\n\n{OVERVIEW_MARKER}\n")
        self.save_config()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def add_case(self, name: str, text: str | None = None) -> Path:
        """Copy a fixture case (tests/fixtures/cases/<name>.yml), or write `text` as case_studies/<name>.yml."""
        target = self.root / "case_studies" / f"{name}.yml"
        source = FIXTURES / "cases" / f"{name}.yml"
        target.write_text(textwrap.dedent(text) if text is not None else source.read_text(encoding="utf-8"),
                          encoding="utf-8")
        return target

    @property
    def project(self):
        return load_project(self.root)

    def save_config(self) -> None:
        head, _, rest = self.config_text.partition("\nnav:\n")
        _, _, tail = rest.partition("\nextra:\n")
        nav = yaml.safe_dump({"nav": self.nav}, allow_unicode=True)
        (self.root / "mkdocs.yml").write_text(f"{head}\n{nav}\nextra:\n{tail}", encoding="utf-8")

    def build(self, **kwargs):
        return build_site(root=self.root, site_dir=self.root / "site", **kwargs)

    def cli(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run `python -m como_site ARGS` in the project's folder, as the Makefile's targets do."""
        return run_cli(self.root, *args, env=env)

    def built_site(self) -> dict[str, bytes]:
        """Build the project as it is (it must pass) and return site/ byte for byte, to compare later."""
        result = self.cli("build")
        assert result.returncode == 0, result.stdout + result.stderr
        return site_snapshot(self.root / "site")

    def assert_refused(self, before: dict[str, bytes], *messages: str, command: tuple[str, ...] = ("build",),
                       env: dict[str, str] | None = None) -> str:
        """Run a command on planted bad input: it must exit non-zero with each message (no traceback)
        and leave site/ exactly as `before`. Returns what it printed, for further assertions."""
        result = self.cli(*command, env=env)
        output = result.stdout + result.stderr
        assert result.returncode != 0, output
        assert "Traceback" not in output, output
        for message in messages:
            assert message in output, output
        assert site_snapshot(self.root / "site") == before
        return output


def site_snapshot(site_dir: Path) -> dict[str, bytes]:
    """Every file under site_dir (links not followed) with its bytes; {} when there is no site."""
    if not site_dir.exists():
        return {}
    snapshot = {}
    for folder, _, names in os.walk(site_dir):
        for name in names:
            path = Path(folder) / name
            snapshot[path.relative_to(site_dir).as_posix()] = path.read_bytes() if not path.is_symlink() else b"->"
    return snapshot


@pytest.fixture
def tiny_project(tmp_path) -> TinyProject:
    return TinyProject(tmp_path / "project")


@pytest.fixture(scope="session")
def server(built_site, project):
    """Apache httpd serving the real site at the same path prefix as its public address."""
    from tests.webserver import Apache, base_path

    with Apache(built_site, base_path(project.site_url)) as apache:
        yield apache
