"""The engine hedge: the same builder runs on MkDocs 1.6.1 (the lock, `make test`) and on ProperDocs 1.6.7
installed in its place (`make test-properdocs`, which sets ENGINE_UNDER_TEST=properdocs)."""
from __future__ import annotations

import os
import subprocess
from importlib.metadata import PackageNotFoundError, distribution

import pytest

from como_site.builders.engine import load_engine
from como_site.project import ROOT
from tests.conftest import site_snapshot

ENGINE_UNDER_TEST = os.environ.get("ENGINE_UNDER_TEST", "mkdocs")
MKDOCS_PYTHON = ROOT / ".venv" / "bin" / "python"   # the Makefile's environment from requirements.lock


def installed(name: str) -> bool:
    try:
        distribution(name)
    except PackageNotFoundError:
        return False
    return True


def test_the_environment_has_one_engine_and_the_builder_loads_it():
    assert load_engine().name == ENGINE_UNDER_TEST
    assert installed("mkdocs") == (ENGINE_UNDER_TEST == "mkdocs")
    assert installed("properdocs") == (ENGINE_UNDER_TEST == "properdocs")


def test_a_plugin_warning_fails_the_strict_build(tiny_project):
    """Plugins log under `mkdocs.*` on either engine; a warning there must stop the build like any other."""
    before = tiny_project.built_site()
    hooks = tiny_project.root / "hooks" / "como_hooks.py"
    hooks.write_text(hooks.read_text(encoding="utf-8") + (
        "\n\ndef on_post_page(output, page, config):\n"
        "    import logging\n"
        "    logging.getLogger('mkdocs.plugins.planted').warning('planted plugin warning')\n"
        "    return output\n"), encoding="utf-8")
    tiny_project.assert_refused(before, "[de] planted plugin warning", "Aborted with")


@pytest.mark.skipif(ENGINE_UNDER_TEST == "mkdocs", reason="compares ProperDocs with MkDocs: make test-properdocs")
def test_properdocs_builds_the_same_bytes_as_mkdocs(built_site, tmp_path):
    reference = tmp_path / "site"
    result = subprocess.run([str(MKDOCS_PYTHON), "-m", "como_site", "build", "--site-dir", str(reference)],
                            cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_site, properdocs_site = site_snapshot(reference), site_snapshot(built_site)
    assert len(properdocs_site) > 200
    assert sorted(name for name in mkdocs_site if mkdocs_site[name] != properdocs_site.get(name)) == []
    assert properdocs_site.keys() == mkdocs_site.keys()
