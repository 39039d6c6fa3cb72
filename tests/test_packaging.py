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


def pins(lock: str) -> dict[str, str]:
    """name -> version of every package a lock file pins."""
    lines = (ROOT / lock).read_text(encoding="utf-8").splitlines()
    return dict(line.split(" ")[0].split("==") for line in lines if "==" in line and not line.startswith((" ", "#")))


def test_the_properdocs_lock_pins_the_build_lock_but_mkdocs():
    """`make test-properdocs` tests the same build: every package of the build lock, at the same version,
    except MkDocs itself (after a change to requirements.in, `make lock` compiles both)."""
    build, properdocs = pins("requirements.lock"), pins("requirements-properdocs.lock")
    assert {name: version for name, version in build.items() if name != "mkdocs"}.items() <= properdocs.items()
    assert "mkdocs" not in properdocs and "properdocs" in properdocs
