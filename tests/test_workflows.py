"""The forge's workflow files: valid, running what CI runs, and keeping pull requests away from credentials."""
from __future__ import annotations

import subprocess

import yaml

from como_site.project import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BUILDS = ("make site", "make deploy", "make test", "bash .ci/run", "como_site build")


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def triggers(name: str) -> dict:
    return workflow(name)[True]   # YAML 1.1 reads the key `on` as True


def steps(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def commands(name: str, job: str) -> list[str]:
    return [step["run"] for step in steps(name, job) if "run" in step]


def needs(name: str, job: str) -> set[str]:
    """Every job that must pass before `job`, directly or through others."""
    jobs = workflow(name)["jobs"]
    direct = jobs[job].get("needs", [])
    direct = [direct] if isinstance(direct, str) else direct
    return set(direct).union(*(needs(name, other) for other in direct))


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_pull_request_checks_run_the_ci_script_status_and_site():
    runs = commands("checks.yml", "checks")
    assert "bash .ci/run" in runs
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci.index("make check") < ci.index("make test")          # CI runs the fast checks first, as here
    assert runs.index("make check") < runs.index("bash .ci/run")
    checkout = next(step for step in steps("checks.yml", "checks") if step.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0                     # the summary diffs against the base branch
    assert any("make i18n-status" in run for run in runs)
    assert "make site" in runs
    artifacts = [step["with"]["path"] for step in steps("checks.yml", "checks")
                 if step.get("uses", "").startswith("actions/upload-artifact")]
    assert artifacts == ["i18n-status.txt", "site/"]


def test_no_workflow_runs_pull_requests_with_secrets_or_write_access():
    for path in WORKFLOWS.glob("*.yml"):
        assert "pull_request_target" not in triggers(path.name) and "workflow_run" not in triggers(path.name), path.name
        assert workflow(path.name)["permissions"] == {"contents": "read"}, path.name
    assert "pull_request" in triggers("checks.yml")
    assert "secrets." not in (WORKFLOWS / "checks.yml").read_text(encoding="utf-8")
    assert "pull_request" not in triggers("deploy.yml")


def test_deploy_runs_only_on_main_after_the_checks_of_that_commit_in_the_protected_environment():
    assert triggers("deploy.yml")["push"]["branches"] == ["main"]
    jobs = workflow("deploy.yml")["jobs"]
    assert jobs["checks"]["uses"] == "./.github/workflows/checks.yml" and "secrets" not in jobs["checks"]
    key_jobs = [name for name, job in jobs.items() if "secrets." in yaml.safe_dump(job)]
    assert key_jobs == ["deploy"]
    assert jobs["deploy"]["environment"] == "production"
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert {"checks", "build"} <= needs("deploy.yml", "deploy")


def test_the_site_is_built_before_and_apart_from_any_credential():
    """The job holding the SSH key builds nothing and reads no content: it uploads the site that an
    earlier job, without secrets, built; the artifact holds only site/."""
    assert "make site" in commands("deploy.yml", "build")
    assert "build" in needs("deploy.yml", "deploy")
    deploy_steps = steps("deploy.yml", "deploy")
    assert not any(build in step.get("run", "") for step in deploy_steps for build in BUILDS)
    key = next(index for index, step in enumerate(deploy_steps) if "secrets.DEPLOY_SSH_KEY" in yaml.safe_dump(step))
    download = next(index for index, step in enumerate(deploy_steps)
                    if step.get("uses", "").startswith("actions/download-artifact"))
    upload = next(index for index, step in enumerate(deploy_steps) if step.get("run", "").startswith("make upload"))
    assert download < key < upload
    uploads = [step["with"]["path"] for step in steps("deploy.yml", "build")
               if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads == ["site/"]


def test_make_upload_sends_the_built_site_without_building():
    plan = subprocess.run(["make", "-n", "upload", "DEPLOY_TARGET=host:/www/"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert 'bash scripts/deploy.sh site "host:/www/"' in plan
    assert "como_site" not in plan and "pip" not in plan
