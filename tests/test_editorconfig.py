"""como_site.editorconfig: the web editor's config.yml against the content model it is generated from. The
expectations walk the schemas, PAGE_FIELDS and docs/, so a new field, type or page folder is checked too."""
from __future__ import annotations

from dataclasses import replace

from pathlib import PurePosixPath

import pytest

from como_site.contenttypes import CONTENT_TYPES
from como_site.editorconfig import PAGE_FORMAT, editor_config, page_folders
from como_site.pages import PAGE_FIELDS
from como_site.schema import TRANSLATABLE, alternatives, resolve
from tests.conftest import source_pages


@pytest.fixture(scope="module")
def generated(project):
    return editor_config(replace(project, editor={"repo": "como-consult/wissen", "branch": "main"}))


def _collection(config, name):
    return next(collection for collection in config["collections"] if collection["name"] == name)


def _fields(collection):
    return collection["fields"] if "fields" in collection else collection["files"][0]["fields"]


def _check(field, node, root, languages, vocabularies, where):
    """One config field against its schema node, recursively."""
    node = {**resolve(node, root), **{k: v for k, v in node.items() if k != "$ref"}}
    choices = alternatives(node, root)[1:]
    if "x-written-by" in node:
        assert field["widget"] == "hidden", where
        return
    per_language = [choice for choice in [node, *choices] if choice.get(TRANSLATABLE)
                    or "^[a-z]{2}$" in choice.get("patternProperties", {})]
    if per_language:
        names = [sub["name"] for sub in field["fields"]]
        assert field["widget"] == "object" and set(languages) <= set(names), where
        assert all(sub["widget"] == "text" for sub in field["fields"] if sub["name"] in languages), where
        if choices and any(choice.get("type") == "string" for choice in choices):
            assert "all" in names, where   # the plain-text form
        for key, child in per_language[0].get("properties", {}).items():
            _check(next(sub for sub in field["fields"] if sub["name"] == key), child, root, languages, vocabularies, f"{where}.{key}")
        return
    if choices:
        objects = [choice for choice in choices if choice.get("type") == "object"]
        assert field["widget"] == ("object" if len(objects) == 1 and len(choices) == 2 else "text"), where
        return
    kind = node.get("type")
    if "enum" in node:
        assert field["widget"] == "select" and field["options"] == node["enum"], where
    elif node.get("x-vocabulary"):
        assert field["widget"] == "select" and [option["value"] for option in field["options"]] == \
            list(vocabularies[node["x-vocabulary"]]), where
    elif kind == "array":
        items = resolve(node["items"], root)
        if items.get("x-vocabulary"):
            assert field["widget"] == "select" and field["multiple"] is True, where
            assert [option["value"] for option in field["options"]] == list(vocabularies[items["x-vocabulary"]]), where
        else:
            assert field["widget"] == "list", where
            if items.get("type") == "object":
                _check_object(field["fields"], items, root, languages, vocabularies, where + "[]")
    elif kind == "object" and node.get("properties"):
        assert field["widget"] == "object", where
        _check_object(field["fields"], node, root, languages, vocabularies, where)
    elif kind == "object":
        assert field["widget"] == "list" and field["fields"][0]["name"] == "key", where   # key -> value entries
    elif kind in ("integer", "number"):
        assert field["widget"] == "number" and field["value_type"] == ("int" if kind == "integer" else "float"), where
    elif node.get("pattern") == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$":
        assert field["widget"] == "datetime" and field["time_format"] is False, where
    elif node.get("const") is True:
        assert field["widget"] == "boolean", where
    else:
        assert field["widget"] == "string", where


def _check_object(fields, node, root, languages, vocabularies, where):
    by_name = {field["name"]: field for field in fields}
    assert set(by_name) == set(node.get("properties", {})), where   # every schema field, and no other
    for name, child in node["properties"].items():
        field = by_name[name]
        if field["widget"] != "hidden":
            assert field["required"] is (name in node.get("required", ())), f"{where}.{name}"
        _check(field, child, root, languages, vocabularies, f"{where}.{name}")


@pytest.mark.parametrize("content_type", CONTENT_TYPES, ids=lambda content_type: content_type.name)
def test_each_content_type_is_a_collection_with_every_schema_field(generated, project, content_type):
    from como_site.editorconfig import _vocabularies

    config, shapes = generated
    collection = _collection(config, content_type.name)
    schema = content_type.schema_at(project.root)
    _check_object(_fields(collection), schema, schema, project.codes, _vocabularies(project), content_type.name)
    assert collection["format"] in shapes and collection["extension"] == "yml"
    is_folder = (project.root / content_type.data).is_dir()
    assert collection.get("folder") == (content_type.data if is_folder else None)
    assert is_folder or collection["files"][0]["file"] == content_type.data


def test_tool_written_stamps_are_hidden(generated):
    config, _ = generated
    stamps = [field for field in _fields(_collection(config, "case-studies")) if field["name"] == "translated_from"]
    assert stamps == [{"name": "translated_from", "widget": "hidden", "required": False}]


def test_pages_of_every_folder_and_language_with_the_page_fields(generated, project):
    config, _ = generated
    pages = [collection for collection in config["collections"] if collection.get("format") == PAGE_FORMAT]
    assert sorted(collection["folder"] for collection in pages) == sorted(
        f"docs/{lang}/{folder}".rstrip("/") for folder in page_folders(project) for lang in project.codes)
    assert set(page_folders(project)) == {"", *(PurePosixPath(page).parent.as_posix() for page in source_pages(project)
                                                 if "/" in page)}
    for collection in pages:
        fields = {field["name"]: field for field in collection["fields"]}
        assert list(fields) == [*PAGE_FIELDS, "body"]
        assert fields["body"]["widget"] == "markdown" and fields["body"]["modes"] == ["raw"]
        for name, rule in PAGE_FIELDS.items():
            assert (fields[name]["widget"] == "hidden") is rule.written_by_tools, name
            assert fields[name]["required"] is rule.required, name
            if rule.choices:   # a field with a fixed list of values is a select of exactly those
                assert (fields[name]["widget"], fields[name]["options"]) == ("select", list(rule.choices)), name


def test_github_backend_with_editorial_workflow_and_a_local_backend_only_when_asked(project, generated):
    config, _ = generated
    assert config["backend"] == {"name": "github", "repo": "como-consult/wissen", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow" and "local_backend" not in config
    local, _ = editor_config(project, "http://127.0.0.1:8081/api/v1")
    assert local["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
