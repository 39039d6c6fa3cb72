"""scripts/deploy.sh with rsync's local mode: a dry run shows the plan, a real run mirrors the site, and a
production deploy refuses while company details are empty (previews may go out)."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys

from como_site.project import ROOT

DEPLOY = ROOT / "scripts" / "deploy.sh"
LEGAL_NOTICE = "---\ntitle: Legal notice\ndescription: Legal notice.\n---\n\n# Legal notice\n\nAddress: {{ company.address }}\n"


def deploy(site, target, dry_run: bool, preview: bool = True, project_root=ROOT, **env: str):
    """Run deploy.sh as `make deploy` does (in the project's folder); the real site's company details are
    still empty, so the rsync tests deploy it as a preview."""
    env = {**os.environ, "DRY_RUN": "1" if dry_run else "0", "PREVIEW": "1" if preview else "0",
           "PYTHON": sys.executable, **env}
    return subprocess.run(["bash", str(DEPLOY), str(site), f"{target}/"], env=env, capture_output=True, text=True,
                          cwd=project_root)


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


def with_legal_notice(tiny_project):
    for lang in tiny_project.languages:
        tiny_project.write(f"docs/{lang}/legal-notice.md", LEGAL_NOTICE)
    tiny_project.nav.append("legal-notice.md")
    tiny_project.save_config()
    tiny_project.built_site()
    return tiny_project.root / "site"


def test_production_deploy_lists_open_placeholders_and_uploads_nothing(tiny_project, tmp_path):
    site = with_legal_notice(tiny_project)
    target = tmp_path / "host"
    target.mkdir()
    for dry_run in (True, False):
        result = deploy(site, target, dry_run=dry_run, preview=False, project_root=tiny_project.root)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        for lang in tiny_project.languages:
            assert f"docs/{lang}/legal-notice.md:8: company.address: still empty" in result.stderr
        assert "Nothing was uploaded." in result.stderr
        assert tree(target) == []


def test_previews_may_go_out_with_open_placeholders(tiny_project, tmp_path):
    site = with_legal_notice(tiny_project)
    for name, settings in {"flag": {"preview": True}, "address": {"preview": False,
                           "SITE_URL": "https://www.como-consult.de/wissen/previews/pr-7/"}}.items():
        target = tmp_path / name
        result = deploy(site, target, dry_run=False, project_root=tiny_project.root, **settings)
        assert result.returncode == 0, result.stderr
        assert_identical(site, target)


def test_production_deploy_passes_once_every_placeholder_is_filled(tiny_project, tmp_path):
    head, _, company = tiny_project.config_text.partition("\n  company:\n")
    tiny_project.config_text = f"{head}\n  company:\n" + re.sub(r"^(    \w+): ~", r"\1: Filled in", company, flags=re.M)
    site = with_legal_notice(tiny_project)
    target = tmp_path / "host"
    result = deploy(site, target, dry_run=False, preview=False, project_root=tiny_project.root)
    assert result.returncode == 0, result.stderr
    assert "every company placeholder is filled in" in result.stdout
    assert_identical(site, target)
    assert "Filled in" in (target / "de" / "legal-notice" / "index.html").read_text(encoding="utf-8")
