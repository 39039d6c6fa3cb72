"""The forge's workflow files: valid, running what CI runs, and keeping pull requests' code away from credentials."""
from __future__ import annotations

import json
import subprocess

import yaml

from como_site.project import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BUILDS = ("make site", "make deploy", "make test", "bash .ci/run", "como_site build")
PREVIEW_CREDENTIAL_JOBS = {"deploy": "make upload PREVIEW_PR=", "remove": "make remove-preview PREVIEW_PR="}
SAME_REPOSITORY = "github.event.pull_request.head.repo.full_name == github.repository"


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


def run_index(job_steps: list[dict], command: str) -> int:
    """Where the step running exactly `command` is among the job's steps."""
    return next(index for index, step in enumerate(job_steps) if step.get("run") == command)


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
    assert runs.index("make check") < runs.index("make site") < runs.index("bash .ci/run")   # links are checked by
    # the build: its annotations must come before the tests, which fail on the same link without annotating it
    artifacts = [step["with"]["path"] for step in steps("checks.yml", "checks")
                 if step.get("uses", "").startswith("actions/upload-artifact")]
    assert artifacts == ["i18n-status.txt", "site/"]


def test_no_workflow_runs_pull_requests_with_secrets_or_write_access():
    """Only the preview's credential jobs hold secrets or write access on a pull request, and they run
    none of its code (see the preview tests below)."""
    for path in WORKFLOWS.glob("*.yml"):
        assert "pull_request_target" not in triggers(path.name) and "workflow_run" not in triggers(path.name), path.name
        assert workflow(path.name)["permissions"] == {"contents": "read"}, path.name
    assert "pull_request" in triggers("checks.yml")
    assert "secrets." not in (WORKFLOWS / "checks.yml").read_text(encoding="utf-8")
    assert "pull_request" not in triggers("deploy.yml")
    jobs = workflow("preview.yml")["jobs"]
    assert [name for name, job in jobs.items() if "secrets." in yaml.safe_dump(job) or "permissions" in job] == \
        list(PREVIEW_CREDENTIAL_JOBS)


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
    assert run_index(deploy_steps, "make venv") < upload   # the publish gate runs in it
    uploads = [step["with"]["path"] for step in steps("deploy.yml", "build")
               if step.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads == ["site/"]


def test_make_upload_sends_the_built_site_without_building():
    plan = subprocess.run(["make", "-n", "upload", "DEPLOY_TARGET=host:/www/"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout
    assert 'bash scripts/deploy.sh site "host:/www/"' in plan
    assert "como_site" not in plan and "pip" not in plan


def test_previews_follow_every_push_and_the_closing_of_a_pull_request():
    assert triggers("preview.yml") == {"pull_request": {"types": ["opened", "synchronize", "reopened", "closed"]}}
    assert workflow("preview.yml")["env"]["PREVIEW_PR"] == "${{ github.event.pull_request.number }}"
    jobs = workflow("preview.yml")["jobs"]
    assert all(SAME_REPOSITORY in job["if"] for job in jobs.values())   # forks get no secrets: nothing runs
    assert "github.event.action != 'closed'" in jobs["build"]["if"] and "build" in needs("preview.yml", "deploy")
    assert "github.event.action == 'closed'" in jobs["remove"]["if"] and "needs" not in jobs["remove"]


def test_the_preview_is_built_like_the_site_without_any_credential():
    assert 'make site PREVIEW_PR="$PREVIEW_PR"' in commands("preview.yml", "build")
    assert [step["with"]["path"] for step in steps("preview.yml", "build")
            if step.get("uses", "").startswith("actions/upload-artifact")] == ["site/"]
    plan = subprocess.run(["make", "-n", "site", "PREVIEW_PR=7"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout
    assert "-m como_site build --preview 7" in plan


def test_preview_credential_jobs_run_the_base_branchs_commands_on_the_built_files_only():
    for job, command in PREVIEW_CREDENTIAL_JOBS.items():
        details = workflow("preview.yml")["jobs"][job]
        assert details["environment"] == "preview"
        assert details["permissions"] == {"contents": "read", "pull-requests": "write"}
        job_steps = steps("preview.yml", job)
        checkout = next(step for step in job_steps if step.get("uses", "").startswith("actions/checkout"))
        assert checkout["with"] == {"ref": "${{ github.event.pull_request.base.sha }}", "persist-credentials": False}
        assert not any(build in step.get("run", "") for step in job_steps for build in BUILDS)
        key = next(index for index, step in enumerate(job_steps) if "secrets.DEPLOY_SSH_KEY" in yaml.safe_dump(step))
        run = next(index for index, step in enumerate(job_steps) if step.get("run", "").startswith(command))
        comment = next(index for index, step in enumerate(job_steps)
                       if step.get("uses", "").startswith("actions/github-script"))
        assert job_steps.index(checkout) < key < run < comment
        if job == "deploy":
            download = next(index for index, step in enumerate(job_steps)
                            if step.get("uses", "").startswith("actions/download-artifact"))
            assert run_index(job_steps, "make venv") < run and download < key
    plan = subprocess.run(["make", "-n", "remove-preview", "PREVIEW_PR=7", "DEPLOY_TARGET=host:/previews/"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout
    assert 'bash scripts/remove-preview.sh "host:/previews/" "7"' in plan and "como_site" not in plan


COMMENT_RUN = """
const previewComment = require(process.argv[1]);
const comments = [];
const github = {
  paginate: async (list, args) => list(args),
  rest: {issues: {
    listComments: (args) => comments.filter((comment) => comment.issue_number === args.issue_number),
    createComment: async (args) => { comments.push({id: 100 + comments.length, user: {type: 'Bot'}, ...args}); },
    updateComment: async (args) => { comments.find((comment) => comment.id === args.comment_id).body = args.body; },
  }},
};
const context = {repo: {owner: 'como', repo: 'wissen'}, payload: {pull_request: {number: 7}}};
comments.push({id: 100, issue_number: 7, user: {type: 'User'}, body: previewComment.MARKER + ' quoted by a person'});
(async () => {
  for (const body of ['first push', 'second push', 'closed']) await previewComment({github, context}, body);
  console.log(JSON.stringify(comments));
})();
"""


def test_the_preview_link_is_one_comment_edited_on_every_push():
    """The workflow's comment script with a stand-in for GitHub's API: one comment of its own, edited."""
    script = ROOT / ".github" / "scripts" / "preview-comment.js"
    result = subprocess.run(["node", "-e", COMMENT_RUN, str(script)], capture_output=True, text=True, check=True)
    comments = json.loads(result.stdout)
    assert [(comment["id"], comment["body"].splitlines()[-1]) for comment in comments] == \
        [(100, "<!-- como-preview --> quoted by a person"), (101, "closed")]
    for job in PREVIEW_CREDENTIAL_JOBS:
        scripts = [step["with"]["script"] for step in steps("preview.yml", job)
                   if step.get("uses", "").startswith("actions/github-script")]
        assert len(scripts) == 1 and "require('./.github/scripts/preview-comment.js')" in scripts[0]
