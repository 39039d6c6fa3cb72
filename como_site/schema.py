"""A content type's JSON Schema read as data: which fields hold translatable text, and their placeholders.

A definition marked `"x-translatable": true` is a text with one value per language (plus the keys its
`properties` name, such as `sources`). Every field whose schema is, or may be (`oneOf`), such a text is
found by walking the schema alongside the data, so model, checks, translation status, stamping and scaffold
all use the same list and no field list is written twice. `"x-placeholder"` on a field is the text the
scaffold writes into it (the one source of placeholder texts); `"x-vocabulary"` names the vocabulary its
key comes from (the checks and the web editor's selects read it).
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from como_site.yamlsource import FieldPath, field_name

TRANSLATABLE = "x-translatable"
PLACEHOLDER = "x-placeholder"
VOCABULARY = "x-vocabulary"   # the list of a vocabularies file a value's key comes from
Schema = dict[str, Any]


@lru_cache(maxsize=None)
def load_schema(path: Path) -> Schema:
    """The schema at `path` (trusted: shipped with the code), read once per process; never modify it."""
    return json.loads(path.read_text(encoding="utf-8"))


def resolve(node: Schema, root: Schema) -> Schema:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


def alternatives(node: Schema, root: Schema) -> list[Schema]:
    node = resolve(node, root)
    return [node, *(resolve(choice, root) for choice in node.get("oneOf", node.get("anyOf", ())))]


def is_translatable(node: Schema, root: Schema) -> bool:
    """True when the field is (or may be written as) a text with one value per language."""
    return any(choice.get(TRANSLATABLE) for choice in alternatives(node, root))


def text_keys(schema: Schema) -> set[str]:
    """The keys of a translatable text that are not languages (e.g. `sources`, `note`)."""
    return {key for definition in (schema, *schema.get("$defs", {}).values()) if definition.get(TRANSLATABLE)
            for key in definition.get("properties", {})}


def _child(node: Schema, root: Schema, key: Any) -> Schema | None:
    for choice in alternatives(node, root):
        if isinstance(key, int):
            if "items" in choice:
                return choice["items"]
            continue
        if key in choice.get("properties", {}):
            return choice["properties"][key]
        if isinstance(choice.get("additionalProperties"), dict):
            return choice["additionalProperties"]
    return None


def text_fields(schema: Schema, data: Any, path: FieldPath = (), node: Schema | None = None
                ) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
    """Every translatable text in `data` (a file that passed the schema), with its field path."""
    found = walk(schema, data, lambda child, value: True if isinstance(value, dict) and is_translatable(child, schema)
                 else None, path, node)
    for field_path, value, _ in found:
        yield field_path, value


def vocabulary_values(schema: Schema, data: Any, path: FieldPath = (), node: Schema | None = None
                      ) -> Iterator[tuple[FieldPath, Any, str]]:
    """Every value in `data` whose field names a vocabulary (`x-vocabulary`): (field path, value, vocabulary)."""
    def vocabulary(child: Schema, value: Any) -> str | None:
        if isinstance(value, (dict, list)):
            return None
        return next((choice[VOCABULARY] for choice in alternatives(child, schema) if VOCABULARY in choice), None)
    return walk(schema, data, vocabulary, path, node)


def walk(schema: Schema, data: Any, match, path: FieldPath = (), node: Schema | None = None
         ) -> Iterator[tuple[FieldPath, Any, Any]]:
    """(field path, value, what `match(field schema, value)` said) for every value in `data` it says something
    (not None) about, going down the schema beside the data; below a match it looks no further."""
    node = schema if node is None else node
    said = match(node, data)
    if said is not None:
        yield path, data, said
        return
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        child = _child(node, schema, key)
        if child is not None:
            yield from walk(schema, value, match, (*path, key), child)


def translatable_texts(schema: Schema, data: Any) -> dict[str, dict[str, Any]]:
    """The translatable texts of a file's data by field name (`title`, `actors[0].name`, ...): the
    fields whose translations are tracked and stamped."""
    return {field_name(path): text for path, text in text_fields(schema, data)}


def translatable_paths(schema: Schema, node: Schema | None = None, path: str = "") -> list[str]:
    """The translatable fields a schema declares, as patterns (`title`, `actors[].name`)."""
    node = schema if node is None else node
    if path and is_translatable(node, schema):
        return [path]
    found: list[str] = []
    for choice in alternatives(node, schema):
        if "items" in choice:
            found += translatable_paths(schema, choice["items"], f"{path}[]")
        for key, child in choice.get("properties", {}).items():
            found += translatable_paths(schema, child, f"{path}.{key}" if path else key)
        if isinstance(choice.get("additionalProperties"), dict):
            found += translatable_paths(schema, choice["additionalProperties"], f"{path}.*" if path else "*")
    return list(dict.fromkeys(found))


def placeholders(schema: Schema, node: Schema | None = None, path: str = "") -> dict[str, str]:
    """Field pattern -> the placeholder text the scaffold writes there (`x-placeholder` in the schema)."""
    node = schema if node is None else node
    found = {path: node[PLACEHOLDER]} if path and PLACEHOLDER in node else {}
    for choice in alternatives(node, schema):
        if "items" in choice:
            found.update(placeholders(schema, choice["items"], f"{path}[]"))
        for key, child in choice.get("properties", {}).items():
            found.update(placeholders(schema, child, f"{path}.{key}" if path else key))
    return found
