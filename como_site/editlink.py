"""The "Edit this page" link of every page: the page's file (for a page made from data, its data file) in
the web editor when `extra.editor.url` is set, else on GitHub when `extra.editor.repo` is, else none.

The web editor's address of a file follows its collections (como_site/editorconfig.py):
`<url>#/collections/<collection>/entries/<entry>`. The settings come from mkdocs.yml, so they are checked
before they reach a link: an https:// address, a repository written owner/name, a plain branch name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

from como_site.contenttypes import CONTENT_TYPES
from como_site.editorconfig import page_collection_name
from como_site.problems import ContentError, Problem
from como_site.project import Project, mkdocs_document

REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
BRANCH = re.compile(r"^[A-Za-z0-9_./-]+$")
EDITOR_URL = re.compile(r"^https://[^\s\"'<>]+$")


@dataclass(frozen=True)
class EditSettings:
    url: str      # the web editor's address, "" when not set up
    repo: str     # owner/name on GitHub, "" when not set
    branch: str


def edit_settings(project: Project) -> EditSettings:
    """extra.editor of mkdocs.yml, checked; a wrong value is refused with its fix."""
    settings = project.editor
    url, repo, branch = (str(settings.get(key) or "") for key in ("url", "repo", "branch"))
    branch = branch or "main"
    problems = []
    if url and not EDITOR_URL.match(url):
        problems.append(("url", "write the web editor's address with https://, e.g. https://www.example.org/wissen-admin/"))
    if repo and not REPO.match(repo):
        problems.append(("repo", "write the GitHub repository as owner/name, e.g. como-consult/wissen"))
    if not BRANCH.match(branch):
        problems.append(("branch", "write the branch name only, e.g. main"))
    if problems:
        document = mkdocs_document(project.root)
        raise ContentError([Problem("mkdocs.yml", document.line(("extra", "editor", key)), f"extra.editor.{key}", message)
                            for key, message in problems])
    return EditSettings(url.rstrip("/") + "/" if url else "", repo, branch)


def _editor_entry(project: Project, file: str) -> str:
    """The web editor's address of a file or folder, after its `#`."""
    for content_type in CONTENT_TYPES:
        data = content_type.data.rstrip("/")
        if file.rstrip("/") == data:
            is_folder = (project.root / data).is_dir()
            return f"/collections/{content_type.name}" + ("" if is_folder else f"/entries/{content_type.name}")
        if PurePosixPath(file).parent.as_posix() == data:
            return f"/collections/{content_type.name}/entries/{PurePosixPath(file).stem}"
    parts = PurePosixPath(file).parts   # docs/<lang>/<folder...>/<page>.md
    lang, folder = parts[1], "/".join(parts[2:-1])
    return f"/collections/{page_collection_name(folder, lang)}/entries/{PurePosixPath(file).stem}"


def edit_url(project: Project, lang: str, page_path: str, generated_from: str | None) -> str | None:
    """Where "Edit this page" leads for the page `page_path` of language `lang` (None: nowhere)."""
    settings = edit_settings(project)
    file = generated_from or f"docs/{lang}/{page_path}"
    if settings.url:
        return settings.url + "#" + quote(_editor_entry(project, file))
    if settings.repo:
        kind = "tree" if (project.root / file).is_dir() else "edit"
        return f"https://github.com/{settings.repo}/{kind}/{quote(settings.branch)}/{quote(file.rstrip('/'))}"
    return None
