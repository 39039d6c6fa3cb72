"""The web editor's YAML format (tools/decap/admin/como-yaml.js), run by Node on every data file of every
content type: read and written back unchanged, a file stays byte for byte; one text changed in one language
changes that text's lines only, comments and every other field kept; a page's front matter likewise."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml

from como_site.contenttypes import CONTENT_TYPES
from como_site.editor import write_editor
from como_site.editorconfig import FORMAT_PREFIX
from como_site.schema import text_fields
from tests.conftest import source_pages

RUN = """
import { SOURCE_KEY, back, forward, fromFile, toFile, pageFromFile, pageToFile } from "./como-yaml.js";
import fs from "fs";
const job = JSON.parse(fs.readFileSync(0, "utf8"));
const shapes = JSON.parse(fs.readFileSync("shapes.json", "utf8"))[job.format] || [];
const read = job.page ? pageFromFile : (text) => fromFile(text, shapes);
const write = job.page ? pageToFile : (data) => toFile(data, shapes);
const data = read(job.text);
const unchanged = write(structuredClone(data));
// the change is made in the file's form, then shown to the format as Decap would hand it over
const { [SOURCE_KEY]: source, ...shown } = data;
const edited = job.page ? shown : back(shown, shapes);
let target = edited;
for (const key of job.path.slice(0, -1)) target = target[key];
target[job.path[job.path.length - 1]] = job.value;
const handed = job.page ? edited : forward(edited, shapes);
process.stdout.write(JSON.stringify({ unchanged, changed: write({ ...handed, [SOURCE_KEY]: source }) }));
"""


@pytest.fixture(scope="module")
def admin(tmp_path_factory, project):
    folder = write_editor(project, tmp_path_factory.mktemp("admin") / "admin", "http://127.0.0.1:8081/api/v1")
    (folder / "package.json").write_text('{"type": "module"}', encoding="utf-8")
    (folder / "run.js").write_text(RUN, encoding="utf-8")
    return folder


def _run(admin: Path, job: dict) -> dict:
    result = subprocess.run(["node", "run.js"], cwd=admin, input=json.dumps(job), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def _data_files(project):
    for content_type in CONTENT_TYPES:
        data = project.root / content_type.data
        for path in sorted(data.glob("*.yml")) if data.is_dir() else [data]:
            if path.name != "vocabularies.yml":
                yield content_type, path


def _changed_line_numbers(before: str, after: str) -> set[int]:
    """The lines (1-based) of `before` that `after` replaces or removes."""
    import difflib
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines(), autojunk=False)
    return {line + 1 for tag, start, end, _, _ in matcher.get_opcodes() if tag != "equal" for line in range(start, end)}


def _lines_of(text: str, *path: str) -> set[int]:
    """The lines a value at `path` takes in the YAML `text` (its key's line included)."""
    node = yaml.compose(text)
    for key in path:
        key_node, node = next((k, v) for k, v in node.value if k.value == key)
    return set(range(key_node.start_mark.line + 1, node.end_mark.line + 1 + (node.end_mark.column > 0)))


def test_every_data_file_written_back_as_it_was_and_one_text_changed_alone(admin, project):
    checked = 0
    for content_type, path in _data_files(project):
        text = path.read_text(encoding="utf-8")
        schema = content_type.schema_at(project.root)
        field = next(path for path, value in text_fields(schema, yaml.safe_load(text)) if isinstance(value.get("de"), str)
                     and all(isinstance(part, str) for part in path))
        result = _run(admin, {"format": FORMAT_PREFIX + content_type.name, "text": text,
                              "path": [*field, "de"], "value": "Geändert: ein Text aus dem Web-Editor"})
        assert result["unchanged"] == text, path
        changed = yaml.safe_load(result["changed"])
        expected = yaml.safe_load(text)
        target = expected
        for part in field:
            target = target[part]
        target["de"] = "Geändert: ein Text aus dem Web-Editor"
        assert changed == expected, path
        changed_lines = _changed_line_numbers(text, result["changed"])
        assert changed_lines and changed_lines <= _lines_of(text, *field, "de"), (path, changed_lines)
        checked += 1
    assert checked >= len(CONTENT_TYPES)


def test_a_page_keeps_its_front_matter_when_its_body_changes(admin, project):
    shown = next(page for page in source_pages(project) if "/" in page)
    text = (project.docs_dir / "de" / shown).read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    result = _run(admin, {"page": True, "text": text, "path": ["body"], "value": body + "\nNeuer Absatz.\n"})
    assert result["unchanged"] == text
    assert result["changed"] == text + "\nNeuer Absatz.\n"
