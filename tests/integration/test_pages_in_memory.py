"""Pages made from data exist only inside the build: nothing is written into the project, nothing
generated is tracked, and files older builds wrote are refused with a message."""
from __future__ import annotations

import shutil
import subprocess
import sys

from como_site.project import ROOT


def git(*args: str, cwd) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_a_build_leaves_git_status_clean(tmp_path):
    copy = tmp_path / "copy"
    for name in git("ls-files", "-co", "--exclude-standard", "-z", cwd=ROOT).split("\0"):
        if name and (ROOT / name).is_file() and not (ROOT / name).is_symlink():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "copy", cwd=copy)
    assert git("ls-files", "docs/*/case-studies/*/", cwd=copy) == ""   # no facet page is tracked
    result = subprocess.run([sys.executable, "-m", "como_site", "build"], cwd=copy, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (copy / "site" / "fr" / "case-studies" / "sector" / "metal-industry" / "index.html").is_file()
    assert (copy / "site" / "es" / "glossary" / "index.html").is_file()
    assert git("status", "--porcelain", "--ignored=no", cwd=copy) == ""


def test_a_generated_file_left_by_an_older_build_is_refused(tiny_project):
    before = tiny_project.built_site()
    tiny_project.write("docs/de/case-studies/old.md", "---\ntitle: Alt\ngenerated_from: case_studies/old.yml\n---\n\n# Alt\n")
    tiny_project.assert_refused(before, "docs/de/case-studies/old.md:1: generated: written by an older build; "
                                        "pages made from data are no longer files: delete this file")


def test_a_page_file_may_not_replace_a_page_made_from_data(tiny_project):
    before = tiny_project.built_site()
    tiny_project.write("docs/fr/glossary.md", "---\ntitle: Glossaire\ndescription: Les termes.\n---\n\n# Glossaire\n")
    tiny_project.assert_refused(before, "docs/fr/glossary.md:1: page: glossary.md is made from data in every "
                                        "language; rename this file or remove it")
