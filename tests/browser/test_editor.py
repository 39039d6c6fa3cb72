"""The web editor (Decap CMS, `make cms`) in a real Chromium against decap-server on 127.0.0.1, editing a copy
of the project through the editorial workflow (each save a branch, publishing merges it), as an editor would.
Every request to another host is blocked and recorded: none may happen."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from como_site.editor import write_editor
from como_site.pages import front_matter
from como_site.project import ROOT, load_project
from tests.browser.conftest import RECORD_CSP
from tests.conftest import copy_of_project, published_cases, run_cli, source_pages
from tests.webserver import Apache, free_port

DECAP = ROOT / "tools" / "decap"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def repo():
    """A copy of the project in a git repository of its own (decap-server's git mode needs one)."""
    base = Path(tempfile.mkdtemp(prefix="como-editor-"))
    base.chmod(0o755)
    root = copy_of_project(base / "repo")
    shutil.copy(ROOT / ".gitignore", root / ".gitignore")   # a build on the copy leaves .cache/ and site/ out of
    _git(root, "init", "-q", "-b", "main")                   # the editor's commits, as in the real repository
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "the project as it was")
    yield root
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def decap_server(repo):
    """decap-server in git mode on 127.0.0.1, working on the copy; stopped after the module."""
    port = free_port()
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "git"}
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(["node", "node_modules/decap-server/dist/index.js"], cwd=DECAP, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            pytest.fail(f"decap-server stopped: {log.read().decode()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}/api/v1"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor(decap_server, repo):
    """The editor as `make cms CMS_LOCAL=1` writes it, served by Apache with its own .htaccess."""
    base = Path(tempfile.mkdtemp(prefix="como-admin-"))
    base.chmod(0o755)
    admin = write_editor(load_project(ROOT), base / "admin", decap_server)
    with Apache(admin, "/admin/") as apache:
        yield apache
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def editor_page(browser, editor):
    """The editor, logged in to the local backend, in a fresh profile that blocks and records foreign requests."""
    context = browser.new_context(locale="en-GB")
    foreign: list[str] = []

    def only_local(route):
        if urlsplit(route.request.url).hostname != "127.0.0.1" and route.request.url.startswith(("http:", "https:")):
            foreign.append(route.request.url)
            return route.abort()
        return route.continue_()
    context.route("**/*", only_local)
    page = context.new_page()
    page.add_init_script(RECORD_CSP)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())   # "Are you sure you want to publish this entry?"
    page.goto(editor.url, wait_until="networkidle")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Collections").first.wait_for()
    yield page
    assert foreign == [], foreign
    assert page.evaluate("window.__csp") == []
    assert errors == [], errors
    context.close()


def _field(page, label: str):
    """The control of the field labelled `label` (Decap links each label to its control by id)."""
    label_element = page.locator("label", has_text=re.compile(rf"^{re.escape(label)}( \(optional\))?$")).first
    return page.locator(f"[id='{label_element.get_attribute('for')}']")


def _publish(page, repo: Path) -> None:
    """Save (a branch and a draft), mark it ready, publish it now; returns once the branch is merged. Each
    step waits for Decap to confirm the one before (its toasts and the status button)."""
    commits = _git(repo, "rev-list", "--count", "main")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").first.wait_for()
    page.get_by_role("button", name=re.compile("^Status")).click()
    page.get_by_role("menuitem", name="Ready").click()
    page.get_by_role("button", name="Status: Ready").wait_for()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_role("menuitem", name="Publish now").click()
    page.get_by_text("Entry published").first.wait_for()
    deadline = time.monotonic() + 30
    while _git(repo, "rev-list", "--count", "main") == commits and time.monotonic() < deadline:
        page.wait_for_timeout(200)


def _changed_lines(repo: Path, path: str) -> list[str]:
    diff = _git(repo, "diff", "HEAD~1", "HEAD", "--unified=0", "--", path)   # what publishing changed
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_case_study_summary_edited_in_one_language_changes_that_field_only(editor_page, repo):
    project = load_project(repo)
    case = published_cases(project)[0]
    shown = f"case_studies/{case.id}.yml"
    before = (repo / shown).read_text(encoding="utf-8")
    editor_page.goto(editor_page.url.split("#")[0] + f"#/collections/case-studies/entries/{case.id}")
    german = _field(editor_page, "Summary").get_by_label(re.compile(r"^de\b"))
    new_text = "Ein geänderter Satz aus dem Web-Editor: mit Doppelpunkt, damit er in Anführungszeichen steht."
    german.fill(new_text)
    _publish(editor_page, repo)

    after = (repo / shown).read_text(encoding="utf-8")
    assert after != before, _git(repo, "log", "--oneline")
    removed = [line for line in _changed_lines(repo, shown) if line.startswith("-")]
    added = [line for line in _changed_lines(repo, shown) if line.startswith("+")]
    old_german = yaml.safe_load(before)["summary"]["de"]
    assert removed and all(line[1:].strip() in old_german for line in removed), removed
    assert "".join(line[1:].strip() for line in added) == new_text
    lines_before, lines_after = before.splitlines(), after.splitlines()
    assert [line for line in lines_before if line.lstrip().startswith("#")] == \
           [line for line in lines_after if line.lstrip().startswith("#")]   # every comment kept
    with tempfile.TemporaryDirectory() as site:
        build = run_cli(repo, "build", "--site-dir", f"{site}/site")
    assert build.returncode == 0, build.stderr


@pytest.mark.parametrize("collection, entry, page_path", [
    ("pages-de", "about", "docs/de/about.md"),
    ("pages-clusters-de", "index", "docs/de/clusters/index.md"),
])
def test_german_page_edit_lands_in_the_german_folder(editor_page, repo, collection, entry, page_path):
    before = (repo / page_path).read_text(encoding="utf-8")
    editor_page.goto(editor_page.url.split("#")[0] + f"#/collections/{collection}/entries/{entry}")
    body = editor_page.locator("[aria-label='markdown field'] [data-slate-editor='true']")   # the raw Markdown
    body.locator("[data-slate-node='element']").last.click()   # the last line
    editor_page.keyboard.press("End")
    editor_page.keyboard.press("Enter")
    editor_page.keyboard.type("Ein neuer Absatz aus dem Web-Editor.")
    _publish(editor_page, repo)

    changed = _git(repo, "diff", "--name-only", "HEAD~1", "HEAD").split()
    assert changed == [page_path]
    after = (repo / page_path).read_text(encoding="utf-8")
    assert "Ein neuer Absatz aus dem Web-Editor." in after and after != before
    assert _changed_lines(repo, page_path) == ["+", "+Ein neuer Absatz aus dem Web-Editor."], _git(repo, "diff", "HEAD~1", "HEAD")


def test_german_pages_listed_and_buttons_drawn_with_plain_glyphs(editor_page, project):
    editor_page.goto(editor_page.url.split("#")[0] + "#/collections/pages-de")
    top_level = sorted(page for page in source_pages(project) if "/" not in page)
    titles = [front_matter((project.docs_dir / "de" / page).read_text(encoding="utf-8"), page)["title"]
              for page in top_level if (project.docs_dir / "de" / page).is_file()]
    for title in titles:
        editor_page.get_by_text(title, exact=True).first.wait_for()
    new_entry = editor_page.get_by_role("link", name=re.compile("^Create entry of type"))
    assert new_entry.inner_text().startswith("+ ")   # not U+FF0B, which DejaVu draws as an empty box
