"""sources/further-reading.yml: valid against its schema, and in step with the Sources sections of the pages.

Expectations come from docs/ and mkdocs.yml: every page that ends with a Sources section is cited by as many
entries as its section lists, in every language, and every title an entry gives stands in that section.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from markdown_it import MarkdownIt

from como_site.pages import is_generated
from como_site.project import ROOT, load_project
from como_site.yamlsource import load_yaml

DATA = ROOT / "sources" / "further-reading.yml"
SCHEMA = ROOT / "sources" / "schema" / "further-reading.schema.json"
SOURCES_HEADING = "Sources"   # the English heading of a page's last section (CONTRIBUTING.md, house style)
PARSER = MarkdownIt("commonmark")
PROJECT = load_project(ROOT)


@pytest.fixture(scope="module")
def data() -> dict:
    document, problems = load_yaml(DATA, DATA.relative_to(ROOT).as_posix(), ROOT)
    assert not problems, "\n".join(map(str, problems))
    return document.data


def last_section(path: Path) -> tuple[str, list[str]]:
    """The heading of a page's last h2 section and the items of the list in it."""
    tokens = PARSER.parse(path.read_text(encoding="utf-8"))
    starts = [i for i, token in enumerate(tokens) if token.type == "heading_open" and token.tag == "h2"]
    if not starts:
        return "", []
    heading = tokens[starts[-1] + 1].content
    items = [tokens[i + 2].content for i in range(starts[-1], len(tokens))
             if tokens[i].type == "list_item_open" and tokens[i].level == 1]
    return heading, items


def cited_pages(language: str) -> dict[str, list[str]]:
    """Page (inside the language folder) -> the items of its Sources section, for pages that have one."""
    base = ROOT / "docs" / language
    found = {}
    for path in sorted(base.rglob("*.md")):
        heading, items = last_section(path)
        if not is_generated(path) and heading == SOURCES_HEADING:
            found[path.relative_to(base).as_posix()] = items
    return found


def translatable_texts(schema: dict, node: dict, value, where: str):
    """(where, value) of every field the schema marks x-translatable, found by walking schema and data."""
    node = resolve(schema, node)
    if node.get("x-translatable") and isinstance(value, dict):
        yield where, value
        return
    for choice in node.get("oneOf", []):
        if isinstance(value, dict) and resolve(schema, choice).get("type") == "object":
            yield from translatable_texts(schema, choice, value, where)
    if isinstance(value, dict):
        for key, item in value.items():
            child = node.get("properties", {}).get(key) or node.get("additionalProperties")
            if isinstance(child, dict):
                yield from translatable_texts(schema, child, item, f"{where}.{key}")
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for index, item in enumerate(value):
            yield from translatable_texts(schema, node["items"], item, f"{where}[{index}]")


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def test_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_data_validates_against_its_schema(data):
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(data)]
    assert not errors, "\n".join(errors)


def test_schema_rejects_a_source_without_title_or_description(data):
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    entry = {key: value for key, value in data["sources"][0].items() if key not in ("title", "description")}
    assert not validator.is_valid({**data, "sources": [entry]})


def test_ids_are_unique_and_groups_known(data):
    ids = [source["id"] for source in data["sources"]]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    unknown = {source["id"]: source["group"] for source in data["sources"] if source["group"] not in data["groups"]}
    assert not unknown, f"group not under groups: {unknown}"


def test_every_translatable_text_has_every_language(data):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    codes = set(PROJECT.codes)
    texts = list(translatable_texts(schema, schema, data, "further-reading"))
    assert len(texts) >= len(data["groups"]) + len(data["sources"])   # every group title and every note
    wrong = {where: sorted(set(value) ^ codes) for where, value in texts if set(value) != codes}
    assert not wrong, wrong


def test_every_page_cited_on_exists_and_has_a_sources_section(data):
    pages = cited_pages(PROJECT.source_language)
    missing = {source["id"]: page for source in data["sources"] for page in source["cited_on"] if page not in pages}
    assert not missing, f"cited_on names pages without a Sources section: {missing}"


def test_every_source_of_every_page_is_listed(data):
    for page, items in cited_pages(PROJECT.source_language).items():
        entries = [source for source in data["sources"] if page in source["cited_on"]]
        assert len(entries) == len(items), (
            f"docs/{PROJECT.source_language}/{page}: its Sources section lists {len(items)} sources, {DATA.relative_to(ROOT)} has "
            f"{len(entries)} with this page under cited_on ({', '.join(e['id'] for e in entries)}): add or remove one")
        section = "\n".join(items)
        untitled = [e["id"] for e in entries if "title" in e and e["title"] not in section]
        assert not untitled, f"docs/{PROJECT.source_language}/{page}: these titles are not in its Sources section: {untitled}"


@pytest.mark.parametrize("language", [code for code in PROJECT.codes if code != PROJECT.source_language])
def test_translations_list_as_many_sources_as_their_original(language):
    originals = cited_pages(PROJECT.source_language)
    base = ROOT / "docs" / language
    for page, items in originals.items():
        if (base / page).exists():
            _, translated = last_section(base / page)
            assert len(translated) == len(items), f"docs/{language}/{page}: {len(translated)} sources, the original {len(items)}"
