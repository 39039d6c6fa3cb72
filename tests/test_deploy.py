"""scripts/deploy.sh with rsync's local mode: a dry run shows the plan, a real run mirrors the site."""
from __future__ import annotations

import filecmp
import os
import shutil
import subprocess

from como_site.project import ROOT

DEPLOY = ROOT / "scripts" / "deploy.sh"


def deploy(site, target, dry_run: bool):
    env = {**os.environ, "DRY_RUN": "1" if dry_run else "0"}
    return subprocess.run(["bash", str(DEPLOY), str(site), f"{target}/"], env=env, capture_output=True, text=True)


def tree(path):
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


def assert_identical(left, right):
    assert tree(left) == tree(right)
    for name in tree(left):
        if (left / name).is_file():
            assert filecmp.cmp(left / name, right / name, shallow=False), name


def test_dry_run_lists_changes_and_changes_nothing(built_site, tmp_path):
    target = tmp_path / "host"
    target.mkdir()
    (target / "old-page.html").write_text("old", encoding="utf-8")
    result = deploy(built_site, target, dry_run=True)
    assert result.returncode == 0, result.stderr
    assert "Dry run" in result.stdout
    assert "de/index.html" in result.stdout and "*deleting   old-page.html" in result.stdout
    assert tree(target) == ["old-page.html"]


def test_real_run_mirrors_the_site_and_removes_stale_files(built_site, tmp_path):
    target = tmp_path / "host"
    target.mkdir()
    (target / "old-page.html").write_text("old", encoding="utf-8")
    shutil.copytree(built_site / "de", target / "de")
    (target / "de" / "index.html").write_text("outdated", encoding="utf-8")
    result = deploy(built_site, target, dry_run=False)
    assert result.returncode == 0, result.stderr
    assert_identical(built_site, target)


def test_refuses_a_folder_without_a_site(tmp_path):
    result = deploy(tmp_path, tmp_path / "host", dry_run=False)
    assert result.returncode == 2 and "no built site" in result.stderr
