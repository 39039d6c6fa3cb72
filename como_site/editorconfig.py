"""The web editor's configuration (Decap CMS config.yml), derived from the content model, never written by hand.

One collection per content type, its fields read from the type's JSON Schema: every field a widget (a
vocabulary key a select with its labels, a text per language an object with one field per language, a
list a list, a date a date), required fields required, fields the tools write (`x-written-by`) hidden
and kept. The hand-written pages, one collection per folder and language, have the fields of PAGE_FIELDS
(como_site/pages.py) plus their Markdown body, in raw mode so that admonitions, attribute lists and `{{ company.x }}` survive.

Decap cannot show some shapes our YAML allows, so the editor's own format (tools/decap/admin/
como-editor.js) reshapes them on load and back on save; `shapes` lists, per collection, where:
  "one-text": a plain text or one text per language (oneOf): the plain text becomes the subfield `all`;
  "wrap":     a value or an object holding it (founded: 2016 or {year: 2016, sources: [...]});
  "map":      key -> value entries (the glossary's terms), shown as a list with a `key` field;
  "yaml":     any other choice of forms, edited as YAML text.
The settings (`extra.editor` in mkdocs.yml: repo, branch, url, auth_url) are checked here, once, for the
editor and for the "Edit this page" links (como_site/editlink.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from como_site.casestudies.validate import VOCABULARY_PATH
from como_site.casestudies.vocabulary import load_vocabulary
from como_site.contenttypes import CONTENT_TYPES, ContentType
from como_site.pages import PAGE_FIELDS
from como_site.problems import ContentError, Problem
from como_site.project import Project, mkdocs_document
from como_site.schema import TRANSLATABLE, VOCABULARY, Schema, alternatives, resolve

WRITTEN_BY = "x-written-by"
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LANGUAGE_KEYS = "^[a-z]{2}$"
ONE_TEXT = "all"          # the subfield of a plain text that stands for every language
MAP_KEY = "key"           # the subfield holding a map entry's key
FORMAT_PREFIX = "como-yaml-"   # our format, registered once per collection with its shapes
PAGE_COLLECTION = "pages"
PAGE_FORMAT = "como-frontmatter"   # our page format: front matter rewritten in place, as the data files


REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
BRANCH = re.compile(r"^[A-Za-z0-9_./-]+$")
EDITOR_URL = re.compile(r"^https://[^\s\"'<>]+$")


@dataclass(frozen=True)
class EditSettings:
    url: str      # the web editor's address, "" when not set up
    repo: str     # owner/name on GitHub, "" when not set
    branch: str
    auth_url: str  # the OAuth proxy (Decap's base_url), "" for Netlify's


def edit_settings(project: Project) -> EditSettings:
    """extra.editor of mkdocs.yml, checked; a wrong value is refused with its fix."""
    settings = project.editor
    url, repo, branch, auth_url = (str(settings.get(key) or "") for key in ("url", "repo", "branch", "auth_url"))
    branch = branch or "main"
    problems = []
    if url and not EDITOR_URL.match(url):
        problems.append(("url", "write the web editor's address with https://, e.g. https://www.example.org/wissen-admin/"))
    if auth_url and not EDITOR_URL.match(auth_url):
        problems.append(("auth_url", "write the OAuth proxy's address with https://, e.g. https://auth.example.org"))
    if repo and not REPO.match(repo):
        problems.append(("repo", "write the GitHub repository as owner/name, e.g. como-consult/wissen"))
    if not BRANCH.match(branch):
        problems.append(("branch", "write the branch name only, e.g. main"))
    if problems:
        document = mkdocs_document(project.root)
        raise ContentError([Problem("mkdocs.yml", document.line(("extra", "editor", key)), f"extra.editor.{key}", message)
                            for key, message in problems])
    return EditSettings(url.rstrip("/") + "/" if url else "", repo, branch, auth_url)


@dataclass
class _Walk:
    """What a collection's walk through its schema needs and collects."""
    root: Schema
    languages: tuple[str, ...]
    source_language: str
    vocabularies: dict[str, dict[str, dict[str, str]]]
    shapes: list[dict[str, Any]] = field(default_factory=list)

    def shape(self, path: list[str], kind: str, **extra: Any) -> None:
        self.shapes.append({"path": path, "kind": kind, **extra})


def _label(name: str) -> str:
    return name.replace("_", " ").replace("-", " ").capitalize()


def _per_language(node: Schema) -> bool:
    """An object of one text per language: `x-translatable`, or keyed by language codes only."""
    return bool(node.get(TRANSLATABLE)) or (node.get("type") == "object" and LANGUAGE_KEYS in node.get("patternProperties", {}))


def _base(name: str, node: Schema, required: bool) -> dict[str, Any]:
    widget = {"name": name, "label": _label(name), "required": required}
    if node.get("description"):
        widget["hint"] = node["description"]
    return widget


def _scalar(node: Schema, walk: _Walk) -> dict[str, Any]:
    """The widget settings of a value that is not an object or a list."""
    if VOCABULARY in node:
        labels = walk.vocabularies.get(node[VOCABULARY], {})
        return {"widget": "select", "options": [{"label": f"{(texts or {}).get(walk.source_language, key)} ({key})",
                                                 "value": key} for key, texts in labels.items()]}
    if "enum" in node:
        return {"widget": "select", "options": list(node["enum"])}
    if node.get("const") is True or node.get("type") == "boolean":
        return {"widget": "boolean"}
    if node.get("type") in ("integer", "number"):
        settings = {"widget": "number", "value_type": "int" if node["type"] == "integer" else "float"}
        if "minimum" in node:
            settings["min"] = node["minimum"]
        return settings
    if node.get("pattern") == DATE_PATTERN:
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False}
    settings: dict[str, Any] = {"widget": "string"}
    if "pattern" in node:
        settings["pattern"] = [node["pattern"], f"must match {node['pattern']}"]
    return settings


def _fields(node: Schema, walk: _Walk, path: list[str]) -> list[dict[str, Any]]:
    required = set(node.get("required", ()))
    return [widget_for(name, child, walk, name in required, [*path, name])
            for name, child in node.get("properties", {}).items()]


def _texts(name: str, node: Schema, walk: _Walk, required: bool, path: list[str], one_text: bool) -> dict[str, Any]:
    """One text per language (and the text's other keys, e.g. its sources); `one_text` adds `all`."""
    languages = [{"name": lang, "label": lang, "widget": "text", "required": required and lang == walk.source_language
                  and not one_text} for lang in walk.languages]
    extra = [widget_for(key, child, walk, False, [*path, key]) for key, child in node.get("properties", {}).items()]
    if one_text:
        walk.shape(path, "one-text", field=ONE_TEXT)
        languages.insert(0, {"name": ONE_TEXT, "label": "One text for every language (or one per language below)",
                             "widget": "string", "required": False})
    return {**_base(name, node, required), "widget": "object", "collapsed": False, "fields": languages + extra}


def _choice(name: str, node: Schema, walk: _Walk, required: bool, path: list[str]) -> dict[str, Any] | None:
    """A field that may be written in several forms (oneOf/anyOf), or None when it has one form."""
    choices = alternatives(node, walk.root)[1:]
    if not choices:
        return None
    objects = [choice for choice in choices if choice.get("type") == "object" or TRANSLATABLE in choice]
    scalars = [choice for choice in choices if choice not in objects and choice.get("type") != "array"]
    hint = {"description": node.get("description") or objects[0].get("description", "")} if objects else {}
    if len(objects) == 1 and len(scalars) == len(choices) - 1:
        if _per_language(objects[0]) and all(choice.get("type") == "string" for choice in scalars):
            return _texts(name, {**objects[0], **hint}, walk, required, path, one_text=bool(scalars))
        if len(objects[0].get("required", ())) == 1:
            walk.shape(path, "wrap", key=objects[0]["required"][0])
            return {**_base(name, {**node, **hint}, required), "widget": "object", "collapsed": False,
                    "fields": _fields(objects[0], walk, path)}
    walk.shape(path, "yaml")
    return {**_base(name, node, required), "widget": "text",
            "hint": f"{node.get('description', '')} (written as YAML)".strip()}


def widget_for(name: str, node: Schema, walk: _Walk, required: bool, path: list[str]) -> dict[str, Any]:
    """The Decap widget of one schema field."""
    own = node
    node = {**resolve(node, walk.root), **{key: value for key, value in own.items() if key != "$ref"}}
    if WRITTEN_BY in node:
        return {"name": name, "widget": "hidden", "required": False}
    chosen = _choice(name, node, walk, required, path)
    if chosen is not None:
        return chosen
    if _per_language(node):
        return _texts(name, node, walk, required, path, one_text=False)
    if node.get("type") == "array":
        items = resolve(node["items"], walk.root)
        widget = {**_base(name, node, required), "widget": "list"}
        if VOCABULARY in items:
            return {**widget, **_scalar(items, walk), "multiple": True}
        if items.get("type") == "object":
            return {**widget, "collapsed": True, "fields": _fields(items, walk, [*path, "*"])}
        return {**widget, "field": widget_for("value", items, walk, True, [*path, "*"])}
    if node.get("type") == "object" and node.get("properties"):
        return {**_base(name, node, required), "widget": "object", "collapsed": False, "fields": _fields(node, walk, path)}
    if node.get("type") == "object":   # key -> value entries
        walk.shape(path, "map", key=MAP_KEY)
        value = resolve(node.get("additionalProperties") or {}, walk.root)
        entry = widget_for("entry", value, walk, True, [*path, "*"])
        inner = entry.get("fields", [{**entry, "name": "value"}])
        if "fields" not in entry:
            walk.shapes[-1]["value"] = "value"
        return {**_base(name, node, required), "widget": "list", "collapsed": True, "summary": "{{fields.%s}}" % MAP_KEY,
                "fields": [{"name": MAP_KEY, "label": "Key", "widget": "string", "required": True}, *inner]}
    return {**_base(name, node, required), **_scalar(node, walk)}


def _vocabularies(project: Project) -> dict[str, dict[str, dict[str, str]]]:
    """The case studies' vocabularies by name (as `x-vocabulary` names them): key -> label per language."""
    vocabulary, _ = load_vocabulary(project.root / VOCABULARY_PATH, VOCABULARY_PATH.as_posix(), project.codes,
                                    project.root)
    return dict(vars(vocabulary)) if vocabulary else {}


def type_collection(project: Project, content_type: ContentType) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A content type's collection and the shapes our format reshapes in it."""
    schema = content_type.schema_at(project.root)
    walk = _Walk(schema, project.codes, project.source_language, _vocabularies(project))
    fields = _fields(schema, walk, [])
    collection: dict[str, Any] = {"name": content_type.name, "label": schema.get("title", _label(content_type.name)),
                                  "description": schema.get("description", ""), "format": FORMAT_PREFIX + content_type.name,
                                  "extension": "yml"}
    data = project.root / content_type.data
    if data.is_dir():
        identifier = "id" if "id" in schema.get("properties", {}) else None
        collection.update({"folder": content_type.data, "create": True, "slug": "{{%s}}" % (identifier or "slug"),
                           "fields": fields})
        if identifier:
            collection["identifier_field"] = identifier
    else:
        collection["files"] = [{"name": content_type.name, "label": collection["label"], "file": content_type.data,
                                "fields": fields}]
    return collection, walk.shapes


def _page_fields() -> list[dict[str, Any]]:
    fields = []
    for name, rule in PAGE_FIELDS.items():
        widget: dict[str, Any] = {"name": name, "label": _label(name), "required": rule.required, "hint": rule.meaning}
        if rule.written_by_tools:
            widget = {"name": name, "widget": "hidden", "required": False}
        elif rule.parts:
            widget.update(widget="object", collapsed=True, fields=[
                {"name": part, "label": _label(part), "required": False,
                 **({"widget": "list", "field": {"name": "passage", "widget": "string"}} if kind is list else {"widget": "string"})}
                for part, kind in rule.parts])
        elif rule.choices:
            widget.update(widget="select", options=list(rule.choices))
        else:
            widget["widget"] = "text" if name == "description" else "string"
        fields.append(widget)
    fields.append({"name": "body", "label": "Text", "widget": "markdown", "modes": ["raw"], "required": True})
    return fields


def page_folders(project: Project) -> list[str]:
    """The folders of hand-written pages inside a language folder ('' for the top level), from the source language."""
    base = project.docs_dir / project.source_language
    return ["", *sorted(path.relative_to(base).as_posix() for path in base.iterdir()
                        if path.is_dir() and any(path.glob("*.md")))]


def page_collection_name(folder: str, lang: str) -> str:
    """The collection of a page folder in one language: `pages-<lang>`, `pages-<folder>-<lang>`."""
    return "-".join([PAGE_COLLECTION, *([re.sub(r"[^a-z0-9]+", "-", folder)] if folder else []), lang])


def page_collections(project: Project) -> list[dict[str, Any]]:
    """The hand-written pages: one collection per folder and language (docs/<lang>/, docs/<lang>/clusters/, ...).
    Not Decap's i18n `multiple_folders`: it expects the language folder right above each file (our subfolders
    do not fit), and with the editorial workflow it cannot reopen a saved draft that changes a translation
    only ("Could not locate entry for default locale", decap-cms-core 3.19.1, tried with decap-server)."""
    common = {"create": True, "extension": "md", "format": PAGE_FORMAT, "slug": "{{slug}}", "summary": "{{title}}"}
    return [{**common, "name": page_collection_name(folder, lang),
             "label": f"Pages{': ' + folder + '/' if folder else ''} ({project.language(lang).name})",
             "folder": f"docs/{lang}/{folder}".rstrip("/"), "fields": _page_fields()}
            for folder in page_folders(project) for lang in project.codes]


def editor_config(project: Project, local_backend: str | None = None) -> tuple[dict[str, Any], dict[str, list]]:
    """Decap's config.yml as data, and the shapes of each of our formats. `local_backend`: the address of
    decap-server on 127.0.0.1 (local editing and the tests), which Decap uses when opened on 127.0.0.1."""
    settings = edit_settings(project)
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo, "branch": settings.branch}
    if settings.auth_url:
        backend["base_url"] = settings.auth_url
    collections, shapes = [], {}
    for content_type in CONTENT_TYPES:
        collection, found = type_collection(project, content_type)
        collections.append(collection)
        shapes[collection["format"]] = found
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "site_url": project.site_url,
        "media_folder": "docs/assets",
        "public_folder": "../assets",
        "collections": [*page_collections(project), *collections],
    }
    if local_backend:
        config["local_backend"] = {"url": local_backend, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config, shapes
