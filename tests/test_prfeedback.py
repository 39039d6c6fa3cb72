"""Pull-request feedback in GitHub Actions: problems as annotations on the diff, and the job summary."""
from __future__ import annotations

import subprocess

from como_site.prfeedback import annotation, code_span, problems_in
from como_site.problems import Problem
from tests.conftest import FIXTURES

GITHUB = {"GITHUB_ACTIONS": "true", "GITHUB_REPOSITORY": "como/site", "GITHUB_HEAD_REF": "my-change",
          "GITHUB_SERVER_URL": "https://github.com"}


def git(root, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args], cwd=root,
                   check=True, capture_output=True)


def test_annotation_escapes_data_and_properties_as_github_documents():
    problem = Problem("docs/de/a,b:c.md", 3, "summary.de", "100% wrong\r\nfix it")
    assert annotation(problem) == "::error file=docs/de/a%2Cb%3Ac.md,line=3,title=summary.de::100%25 wrong%0D%0Afix it"
    assert annotation(Problem("case_studies/x.yml", 0, "", "whole file")) == "::error file=case_studies/x.yml::whole file"


def test_a_message_that_quotes_a_field_stays_one_code_span_in_the_summary():
    """`add `summary:`` would end the code at the message's own backtick and show the rest garbled."""
    assert code_span("x.yml:6: summary: required field is missing; add `summary:`") == \
        "`` x.yml:6: summary: required field is missing; add `summary:` ``"
    assert code_span("docs/de/a.md:3: plain") == "`docs/de/a.md:3: plain`"


def test_build_error_lines_that_name_a_file_become_problems():
    text = ("The build failed; nothing in site/ was changed.\n"
            "[de] docs/de/about.md:7: link: 'x.md' does not exist; did you mean clusters/index.md?\n"
            "[fr] Doc file 'index.md' contains an unrecognized link\n")
    assert problems_in(text) == [Problem("docs/de/about.md", 7, "link", "'x.md' does not exist; did you mean clusters/index.md?")]


def test_planted_error_is_annotated_and_summarised(tiny_project, tmp_path):
    tiny_project.write("docs/en/about.md", "---\ntitle: About\ndescription: About us.\n---\n\n# About\n\n"
                                           "## Contact {#contact}\n\nMail: {{ company.email }}\n")
    tiny_project.write("docs/de/about.md", "---\ntitle: Über uns\ndescription: Über uns.\n---\n\n# Über uns\n\n## Kontakt {#contact}\n")
    git(tiny_project.root, "init", "-q", "-b", "main")
    git(tiny_project.root, "add", "-A")
    git(tiny_project.root, "commit", "-qm", "base")
    git(tiny_project.root, "switch", "-q", "-c", "my-change")
    tiny_project.write("docs/en/about.md", "---\ntitle: About\ndescription: About us, changed.\n---\n\n# About\n\n"
                                           "## Contact {#contact}\n\nMail: {{ company.email }}\n")
    tiny_project.write("docs/de/about.md", "---\ntitle: Über uns\ndescription: Über uns.\nhide: [toc]\n---\n\n# Über uns\n\n## Kontakt {#contact}\n")
    git(tiny_project.root, "commit", "-qam", "change")
    summary = tmp_path / "summary.md"
    result = tiny_project.cli("check", env={**GITHUB, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_BASE_REF": "main"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "docs/de/about.md:4: front-matter.hide: " in result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1
    assert annotations[0].startswith("::error file=docs/de/about.md,line=4,title=front-matter.hide::")
    text = summary.read_text(encoding="utf-8")
    assert "**1 problem(s)** to fix" in text and "- `docs/de/about.md:4: front-matter.hide: " in text
    changed = text.split("### Pages and data this pull request changes (against main)")[1].split("###")[0]
    assert changed.split() == ["-", "[docs/de/about.md](https://github.com/como/site/blob/my-change/docs/de/about.md)",
                               "-", "[docs/en/about.md](https://github.com/como/site/blob/my-change/docs/en/about.md)"]
    outdated = text.split("### Translations this pull request makes outdated")[1].split("###")[0]
    assert "**de**" in outdated and "[docs/de/about.md](" in outdated and "`make i18n-diff FILES=docs/de/about.md`" in outdated
    assert "**fr**" not in outdated   # no French translation of about.md exists: it is missing, not outdated
    placeholders = text.split("### Company details still to be completed")[1]
    assert "[docs/en/about.md](https://github.com/como/site/blob/my-change/docs/en/about.md): line 10 (company.email)" in placeholders


def test_no_annotations_outside_github_actions(tiny_project):
    tiny_project.write("docs/de/index.md", "---\ntitle: Home\ndescription: Home.\nhide: [toc]\n---\n\n# Home\n")
    result = tiny_project.cli("check", env={"GITHUB_ACTIONS": ""})
    assert result.returncode == 1 and "docs/de/index.md:4: front-matter.hide" in result.stderr
    assert "::error" not in result.stdout + result.stderr


def test_an_invalid_case_is_annotated_and_the_summary_still_written(tiny_project, tmp_path):
    tiny_project.add_case("beta", (FIXTURES / "cases" / "beta.yml").read_text(encoding="utf-8").replace("XK", "QQ"))
    summary = tmp_path / "summary.md"
    result = tiny_project.cli("check", env={**GITHUB, "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    annotation_lines = [line for line in result.stdout.splitlines() if line.startswith("::error file=case_studies/beta.yml,line=")]
    assert annotation_lines and "title=country" in annotation_lines[0]
    assert "case_studies/beta.yml:" in summary.read_text(encoding="utf-8")
