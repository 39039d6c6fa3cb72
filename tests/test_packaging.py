"""como_site is an installed package: importable from any folder, with no sys.path edits anywhere."""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from como_site.project import ROOT

OUR_CODE = ("como_site", "hooks", "scripts", "tests", "benchmarks")


def test_como_site_imports_from_another_folder(tmp_path):
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", "import como_site.project as p; print(p.ROOT)"], cwd=tmp_path,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == ROOT


def sys_path_uses(path: Path) -> list[int]:
    """Lines of `path` that touch sys.path (an attribute `path` of the name `sys`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "path"
            and isinstance(node.value, ast.Name) and node.value.id == "sys"]


def test_no_code_edits_sys_path():
    files = [path for folder in OUR_CODE for path in sorted((ROOT / folder).rglob("*.py"))]
    assert len(files) > 50
    assert {f"{path.relative_to(ROOT)}:{line}" for path in files for line in sys_path_uses(path)} == set()
