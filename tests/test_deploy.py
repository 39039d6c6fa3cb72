"""scripts/deploy.sh and scripts/remove-preview.sh with rsync's local mode: a dry run shows the plan, a real
run mirrors the site, a production deploy refuses while company details are empty (a pull request's
preview may go out, into its own folder), an upload must match what was built, and removing a preview
leaves the others."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys

import pytest

from como_site.previews import preview_url
from como_site.project import ROOT
from tests.tinyproject import TinyProject

DEPLOY = ROOT / "scripts" / "deploy.sh"
REMOVE = ROOT / "scripts" / "remove-preview.sh"
LEGAL_NOTICE = "---\ntitle: Legal notice\ndescription: Legal notice.\n---\n\n# Legal notice\n\nAddress: {{ company.address }}\n"


def deploy(site, target, dry_run: bool, project_root, preview: int | None = None):
    """Run deploy.sh as `make upload` does, in the project's folder (whose pages the publish gate reads);
    `preview`: the PREVIEW_PR given."""
    env = {**os.environ, "DRY_RUN": "1" if dry_run else "0", "PREVIEW_PR": str(preview or ""),
           "PYTHON": sys.executable}
    return subprocess.run(["bash", str(DEPLOY), str(site), f"{target}/"], env=env, capture_output=True, text=True,
                          cwd=project_root)


@pytest.fixture
def no_placeholders(tmp_path):
    """A project whose pages hold no company placeholder: the publish gate lets its site go out (the rsync
    tests upload the real site, whose company details are still empty, from there)."""
    return TinyProject(tmp_path / "no-placeholders").root


def tree(path):
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


def assert_identical(left, right):
    assert tree(left) == tree(right)
    for name in tree(left):
        if (left / name).is_file():
            assert filecmp.cmp(left / name, right / name, shallow=False), name


def test_dry_run_lists_changes_and_changes_nothing(built_site, no_placeholders, tmp_path):
    target = tmp_path / "host"
    target.mkdir()
    (target / "old-page.html").write_text("old", encoding="utf-8")
    result = deploy(built_site, target, dry_run=True, project_root=no_placeholders)
    assert result.returncode == 0, result.stderr
    assert "Dry run" in result.stdout
    assert "de/index.html" in result.stdout and "*deleting   old-page.html" in result.stdout
    assert tree(target) == ["old-page.html"]


def test_real_run_mirrors_the_site_and_removes_stale_files(built_site, no_placeholders, tmp_path):
    target = tmp_path / "host"
    target.mkdir()
    (target / "old-page.html").write_text("old", encoding="utf-8")
    shutil.copytree(built_site / "de", target / "de")
    (target / "de" / "index.html").write_text("outdated", encoding="utf-8")
    result = deploy(built_site, target, dry_run=False, project_root=no_placeholders)
    assert result.returncode == 0, result.stderr
    assert_identical(built_site, target)


def test_a_site_at_the_host_root_keeps_the_previews_and_well_known(built_site, no_placeholders, tmp_path):
    """A site served at the root of its host is uploaded into the folder that also holds previews/ (README,
    "Pull-request previews") and the host's .well-known/ (ACME challenges): --delete-after must leave them."""
    target = tmp_path / "host"
    for name in ("previews/pr-7/index.html", ".well-known/acme-challenge/token", "old-page.html"):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_text("kept", encoding="utf-8")
    result = deploy(built_site, target, dry_run=False, project_root=no_placeholders)
    assert result.returncode == 0, result.stderr
    assert (target / "previews" / "pr-7" / "index.html").is_file()
    assert (target / ".well-known" / "acme-challenge" / "token").is_file()
    assert not (target / "old-page.html").exists() and (target / "de" / "index.html").is_file()


def test_refuses_a_folder_without_a_site(tmp_path):
    result = deploy(tmp_path, tmp_path / "host", dry_run=False, project_root=ROOT)
    assert result.returncode == 2 and "no built site" in result.stderr


def with_legal_notice(tiny_project, *build: str):
    """The project with a legal notice whose address is still empty, built (`build`: options of the build)."""
    for lang in tiny_project.languages:
        tiny_project.write(f"docs/{lang}/legal-notice.md", LEGAL_NOTICE)
    tiny_project.nav.append("legal-notice.md")
    tiny_project.save_config()
    result = tiny_project.cli("build", *build)
    assert result.returncode == 0, result.stdout + result.stderr
    return tiny_project.root / "site"


def test_production_deploy_lists_open_placeholders_and_uploads_nothing(tiny_project, tmp_path):
    site = with_legal_notice(tiny_project)
    target = tmp_path / "host"
    target.mkdir()
    for dry_run in (True, False):
        result = deploy(site, target, dry_run=dry_run, project_root=tiny_project.root)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        for lang in tiny_project.languages:
            assert f"docs/{lang}/legal-notice.md:8: company.address: still empty" in result.stderr
        assert "Nothing was uploaded." in result.stderr
        assert tree(target) == []


def test_a_preview_goes_out_with_open_placeholders_into_its_own_folder(tiny_project, tmp_path):
    site = with_legal_notice(tiny_project, "--preview", "7")
    target = tmp_path / "previews"
    (target / "pr-8").mkdir(parents=True)
    result = deploy(site, target, dry_run=False, project_root=tiny_project.root, preview=7)
    assert result.returncode == 0, result.stderr
    assert "allowed in the preview of pull request 7" in result.stdout
    assert_identical(site, target / "pr-7")
    assert tree(target / "pr-8") == []


def test_an_upload_must_be_what_was_built(tiny_project, tmp_path):
    """A preview never lands over the site, nor the site (or another pull request's preview) as a preview."""
    preview = with_legal_notice(tiny_project, "--preview", "7")
    production_address = tiny_project.project.site_url
    for upload, message in ((None, "is the preview of pull request 7: upload it with PREVIEW_PR=7"),
                            (8, f"was built for {preview_url(production_address, 7)}, not as the preview of "
                                "pull request 8: build it with `make site PREVIEW_PR=8` first")):
        result = deploy(preview, tmp_path / "host", dry_run=False, project_root=tiny_project.root, preview=upload)
        assert result.returncode == 1 and message in result.stderr, result.stdout + result.stderr
        assert "Nothing was uploaded." in result.stderr and not (tmp_path / "host").exists()
    tiny_project.built_site()   # now as the site itself
    production = tiny_project.root / "site"
    result = deploy(production, tmp_path / "host", dry_run=False, project_root=tiny_project.root, preview=7)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"was built for {production_address}, not as the preview of pull request 7" in result.stderr
    assert not (tmp_path / "host").exists()


def test_removing_a_preview_leaves_the_others(tiny_project, tmp_path):
    """Deployed previews of pull requests 7, 70 and 8 (rsync local mode), then pull request 7 closes."""
    previews = tmp_path / "previews"
    previews.mkdir()   # made once on the host (README, "Pull-request previews")
    for number in (7, 70, 8):
        site = tiny_project.root / "site"
        assert tiny_project.cli("build", "--preview", str(number)).returncode == 0
        assert deploy(site, previews, dry_run=False, project_root=tiny_project.root, preview=number).returncode == 0
    (previews / "notes.txt").write_text("kept", encoding="utf-8")
    kept = {name: tree(previews / name) for name in ("pr-70", "pr-8")}
    dry = subprocess.run(["bash", str(REMOVE), f"{previews}/", "7"], capture_output=True, text=True,
                         env={**os.environ, "DRY_RUN": "1"})
    assert dry.returncode == 0 and "*deleting   pr-7/" in dry.stdout and (previews / "pr-7" / "index.html").is_file()
    result = subprocess.run(["bash", str(REMOVE), str(previews), "7"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in previews.iterdir()) == ["notes.txt", "pr-70", "pr-8"]
    assert {name: tree(previews / name) for name in kept} == kept and kept["pr-8"]


@pytest.mark.parametrize("number", ["", "0", "7/..", "*"])
def test_removal_refuses_anything_but_a_pull_request_number(tmp_path, number):
    (tmp_path / "pr-7").mkdir()
    result = subprocess.run(["bash", str(REMOVE), str(tmp_path), number], capture_output=True, text=True)
    assert result.returncode != 0 and (tmp_path / "pr-7").is_dir()


def test_production_deploy_passes_once_every_placeholder_is_filled(tiny_project, tmp_path):
    head, _, company = tiny_project.config_text.partition("\n  company:\n")
    tiny_project.config_text = f"{head}\n  company:\n" + re.sub(r"^(    \w+): ~", r"\1: Filled in", company, flags=re.M)
    site = with_legal_notice(tiny_project)
    target = tmp_path / "host"
    result = deploy(site, target, dry_run=False, project_root=tiny_project.root)
    assert result.returncode == 0, result.stderr
    assert "every company placeholder is filled in" in result.stdout
    assert_identical(site, target)
    assert "Filled in" in (target / "de" / "legal-notice" / "index.html").read_text(encoding="utf-8")
