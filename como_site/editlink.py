"""The "Edit this page" link of every page: the page's file (for a page made from data, its data file) in
the web editor when `extra.editor.url` is set, else on GitHub when `extra.editor.repo` is, else none.

The web editor's address of a file follows its collections (como_site/editorconfig.py):
`<url>#/collections/<collection>/entries/<entry>`. The settings (extra.editor in mkdocs.yml) are checked by
como_site.editorconfig.edit_settings before they reach a link.
"""
from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import quote

from como_site.contenttypes import CONTENT_TYPES
from como_site.editorconfig import edit_settings, page_collection_name
from como_site.project import Project

def _editor_entry(project: Project, file: str) -> str | None:
    """The web editor's address of a file or folder, after its `#` (None: no collection holds it)."""
    for content_type in CONTENT_TYPES:
        data = content_type.data.rstrip("/")
        if file.rstrip("/") == data:
            is_folder = (project.root / data).is_dir()
            return f"/collections/{content_type.name}" + ("" if is_folder else f"/entries/{content_type.name}")
        if PurePosixPath(file).parent.as_posix() == data:
            return f"/collections/{content_type.name}/entries/{PurePosixPath(file).stem}"
    parts = PurePosixPath(file).parts   # docs/<lang>/<folder...>/<page>.md
    if len(parts) < 3 or parts[0] != "docs" or parts[1] not in project.codes or not file.endswith(".md"):
        return None
    lang, folder = parts[1], "/".join(parts[2:-1])
    return f"/collections/{page_collection_name(folder, lang)}/entries/{PurePosixPath(file).stem}"


def edit_url(project: Project, lang: str, page_path: str, generated_from: str | None) -> str | None:
    """Where "Edit this page" leads for the page `page_path` of language `lang` (None: nowhere)."""
    settings = edit_settings(project)
    file = generated_from or f"docs/{lang}/{page_path}"
    if settings.url:
        entry = _editor_entry(project, file)
        return settings.url + "#" + quote(entry) if entry else None
    if settings.repo and (project.root / file).exists():
        kind = "tree" if (project.root / file).is_dir() else "edit"
        return f"https://github.com/{settings.repo}/{kind}/{quote(settings.branch)}/{quote(file.rstrip('/'))}"
    return None
