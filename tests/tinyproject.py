"""A throw-away copy of the project with pages we choose: the tests' error cases and the benchmark's corpora.

It imports no pytest, so `make bench` (site dependencies only) can use it too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from como_site.build import build_site
from como_site.casestudies.render import OVERVIEW_MARKER
from como_site.project import ROOT, load_project

FIXTURES = Path(__file__).parent / "fixtures"
SERVICE_PAGES = [entry["page"] for entry in
                 yaml.safe_load((ROOT / "case_studies" / "vocabularies.yml").read_text(encoding="utf-8"))["services"].values()]


class TinyProject:
    """A minimal copy of the project (config, hooks, theme overrides, labels, schema) with pages we choose;
    its builds use the installed como_site package, run in the copy's folder."""

    def __init__(self, root: Path):
        self.root = root
        for name in ("hooks", "overrides", "i18n"):
            shutil.copytree(ROOT / name, root / name)
        (root / "case_studies").mkdir()
        shutil.copytree(ROOT / "case_studies" / "schema", root / "case_studies" / "schema")
        shutil.copy(ROOT / "case_studies" / "vocabularies.yml", root / "case_studies")
        shutil.copytree(ROOT / "sources" / "schema", root / "sources" / "schema")
        shutil.copy(FIXTURES / "further-reading.yml", root / "sources")
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


def run_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m como_site ARGS` in the project folder `root`, as the Makefile's targets do."""
    return subprocess.run([sys.executable, "-m", "como_site", *args], cwd=root, capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


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
