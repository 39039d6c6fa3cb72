"""The forge's workflow files are valid and run what CI runs."""
from __future__ import annotations

import yaml

from como_site.project import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    return job["steps"]


def commands(name: str) -> list[str]:
    return [step["run"] for step in steps(name) if "run" in step]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_pull_request_checks_run_the_ci_script_status_and_site():
    runs = commands("checks.yml")
    assert "bash .ci/run" in runs
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci.index("make check") < ci.index("make test")          # CI runs the fast checks first, as here
    assert runs.index("make check") < runs.index("bash .ci/run")
    checkout = next(step for step in steps("checks.yml") if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0                     # the summary diffs against the base branch
    assert any("make i18n-status" in run for run in runs)
    assert "make site" in runs
    artifacts = [step["with"]["path"] for step in steps("checks.yml") if step.get("uses", "").startswith("actions/upload-artifact")]
    assert artifacts == ["i18n-status.txt", "site/"]


def test_deploy_workflow_builds_and_uploads_main():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]   # YAML 1.1 reads the key `on` as True
    assert any(run.startswith("make deploy") for run in commands("deploy.yml"))
