"""The project's settings as plain data: paths, languages, site URL and company values.

They are read from mkdocs.yml (the one place editors change them) with the editors' YAML loader plus
MkDocs' `!ENV` tag, so this module needs no MkDocs import, and so a pull request that puts code into
mkdocs.yml is refused before MkDocs (whose own loader would run it) ever reads the file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from como_site.configcode import code_problems
from como_site.contentfiles import CONFIG_FILE, read_text
from como_site.previews import preview_number
from como_site.problems import ContentError, Problem, SettingProblem, raise_if_any
from como_site.siteurl import normalised, site_url_problem
from como_site.yamlsource import EditorLoader, YamlDocument, load_yaml

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Language:
    code: str   # ISO 639-1, also the folder name under docs/ and in the URL
    name: str   # the language's own name, as shown in the switcher


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[Language, ...]
    source_language: str          # the language other languages translate from
    site_url: str                 # absolute, ends with "/"
    company: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    https_redirect: bool = False  # the web server sends http:// visitors to https://

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def case_studies_dir(self) -> Path:
        return self.root / "case_studies"

    @property
    def i18n_dir(self) -> Path:
        return self.root / "i18n"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def language(self, code: str) -> Language:
        for lang in self.languages:
            if lang.code == code:
                return lang
        raise KeyError(code)

    @property
    def preview(self) -> int | None:
        """The pull request this build previews (its address ends in /previews/pr-N/); None in production."""
        return preview_number(self.site_url)

    def language_url(self, code: str) -> str:
        """Absolute URL of a language's home page."""
        return f"{self.site_url}{code}/"


class _ConfigLoader(EditorLoader):
    """The editors' loader, plus MkDocs' `!ENV` tag; every other tag (MkDocs' own loader would run
    `!!python/object/apply:...`) is refused with its line before MkDocs reads the file."""

    allowed_tags = frozenset({"!ENV"})


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1] or items, items[-1] if len(items) > 1 else None
    for name in names:
        if name in os.environ:
            try:
                return yaml.safe_load(os.environ[name])
            except yaml.YAMLError:
                return os.environ[name]   # as it is: the check of the value names the problem
    return default


def _env_names(node: yaml.Node) -> list[str]:
    """The variables an `!ENV` node reads, in order (its last item is the default when it has several)."""
    if isinstance(node, yaml.ScalarNode):
        return [node.value]
    items = [item.value for item in node.value]
    return items[:-1] or items


_ConfigLoader.add_constructor("!ENV", _env_tag)


def mkdocs_document(root: Path) -> YamlDocument:
    """mkdocs.yml of the project at `root`, with the line of every key; refused (ContentError) when it is
    not valid, uses YAML editors may not use, or changes a key that names code (see configcode)."""
    document, problems = load_yaml(root / CONFIG_FILE, CONFIG_FILE, root, loader=_ConfigLoader)
    raise_if_any(problems)
    if not isinstance(document.data, dict):
        raise ContentError([Problem(CONFIG_FILE, 1, "(file)", "write the settings as key: value lines")])
    raise_if_any(code_problems(document))
    return document


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    return mkdocs_document(path.resolve().parent).data


def _refuse(document: YamlDocument, path: tuple[Any, ...], message: str) -> ContentError:
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")
    return ContentError([Problem(document.path, document.line(path), name, message)])


def _mapping(document: YamlDocument, path: tuple[str, ...]) -> dict[str, Any]:
    """The group of settings at `path` ({} when absent); anything but key: value lines is refused."""
    value: Any = document.data
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            return {}
    if not isinstance(value, dict):
        raise _refuse(document, path, "write this as key: value lines")
    return value


def _languages(document: YamlDocument) -> tuple[tuple[Language, ...], str]:
    """The languages under `plugins: - i18n: languages:` and the one marked `default: true`."""
    plugins = document.data.get("plugins")
    found = [(index, plugin["i18n"]) for index, plugin in enumerate(plugins if isinstance(plugins, list) else [])
             if isinstance(plugin, dict) and "i18n" in plugin]
    if not found:
        raise _refuse(document, ("plugins",), "the i18n plugin (mkdocs-static-i18n) is not configured: add `- i18n:`")
    path = ("plugins", found[0][0], "i18n", "languages")
    entries = found[0][1].get("languages") if isinstance(found[0][1], dict) else None
    if not isinstance(entries, list) or not entries:
        raise _refuse(document, path, "list the languages, each with locale: and name:")
    for index, entry in enumerate(entries):
        if not (isinstance(entry, dict) and isinstance(entry.get("locale"), str) and isinstance(entry.get("name"), str)):
            raise _refuse(document, (*path, index), "each language needs locale: (e.g. de) and name: (e.g. Deutsch)")
    defaults = [entry["locale"] for entry in entries if entry.get("default")]
    if len(defaults) != 1:
        raise _refuse(document, path, "mark exactly one language `default: true`: the source language")
    return tuple(Language(entry["locale"], entry["name"]) for entry in entries), defaults[0]


def _site_url_error(root: Path, value: object, given: bool) -> ContentError | None:
    """The problem with the site address, named where it was set: --site-url, the variable that
    mkdocs.yml's `!ENV` read, or mkdocs.yml's own line (looked up only when there is a problem)."""
    problem = site_url_problem(value, unset_hint=False)
    if problem is None:
        return None
    if given:
        return ContentError([SettingProblem("", 0, "--site-url", problem)])
    document = yaml.compose(read_text(root / CONFIG_FILE, root), Loader=_ConfigLoader)  # noqa: S506 - safe subclass
    node = next((value_node for key, value_node in document.value if key.value == "site_url"), None)
    variable = next((name for name in _env_names(node) if name in os.environ), None) \
        if node is not None and node.tag == "!ENV" else None
    if variable:
        return ContentError([SettingProblem("", 0, variable, site_url_problem(value, unset_hint=True))])
    return ContentError([Problem("mkdocs.yml", node.start_mark.line + 1 if node else 0, "site_url", problem)])


def load_project(root: Path = ROOT, site_url: str | None = None) -> Project:
    root = root.resolve()
    document = mkdocs_document(root)
    config = document.data
    languages, source = _languages(document)
    url = site_url if site_url is not None else config.get("site_url")
    error = _site_url_error(root, url, given=site_url is not None)
    if error:
        raise error
    return Project(
        root=root,
        languages=languages,
        source_language=source,
        site_url=normalised(url),
        company=dict(_mapping(document, ("extra", "company"))),
        https_redirect=bool(_mapping(document, ("extra", "hosting")).get("https_redirect", False)),
    )


@lru_cache(maxsize=None)
def project_at(root: Path, site_url: str | None = None) -> Project:
    """The project whose mkdocs.yml lies in `root` (served at `site_url`), read once per process."""
    return load_project(root, site_url)
