"""The project's settings as plain data: paths, languages, site URL and company values.

They are read from mkdocs.yml (the one place editors change them) with a YAML loader that understands
MkDocs' `!ENV` tag, so this module needs no MkDocs import.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from como_site.problems import ContentError, Problem, SettingProblem
from como_site.siteurl import normalised, site_url_problem

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

    def language_url(self, code: str) -> str:
        """Absolute URL of a language's home page."""
        return f"{self.site_url}{code}/"


class _ConfigLoader(yaml.SafeLoader):
    """SafeLoader that resolves `!ENV` like MkDocs does and ignores other application tags."""


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
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader)  # noqa: S506 - SafeLoader subclass


def _i18n_plugin(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise ValueError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is not configured")


def _site_url_error(root: Path, value: object, given: bool) -> ContentError | None:
    """The problem with the site address, named where it was set: --site-url, the variable that
    mkdocs.yml's `!ENV` read, or mkdocs.yml's own line (looked up only when there is a problem)."""
    problem = site_url_problem(value, unset_hint=False)
    if problem is None:
        return None
    if given:
        return ContentError([SettingProblem("", 0, "--site-url", problem)])
    with (root / "mkdocs.yml").open(encoding="utf-8") as handle:
        document = yaml.compose(handle, Loader=_ConfigLoader)  # noqa: S506 - SafeLoader subclass
    node = next((value_node for key, value_node in document.value if key.value == "site_url"), None)
    variable = next((name for name in _env_names(node) if name in os.environ), None) \
        if node is not None and node.tag == "!ENV" else None
    if variable:
        return ContentError([SettingProblem("", 0, variable, site_url_problem(value, unset_hint=True))])
    return ContentError([Problem("mkdocs.yml", node.start_mark.line + 1 if node else 0, "site_url", problem)])


def load_project(root: Path = ROOT, site_url: str | None = None) -> Project:
    root = root.resolve()
    config = read_mkdocs_config(root / "mkdocs.yml")
    entries = _i18n_plugin(config)["languages"]
    languages = tuple(Language(entry["locale"], entry["name"]) for entry in entries)
    source = next(entry["locale"] for entry in entries if entry.get("default"))
    url = site_url if site_url is not None else config.get("site_url")
    error = _site_url_error(root, url, given=site_url is not None)
    if error:
        raise error
    return Project(
        root=root,
        languages=languages,
        source_language=source,
        site_url=normalised(url),
        company=dict(config.get("extra", {}).get("company", {})),
        https_redirect=bool(config.get("extra", {}).get("hosting", {}).get("https_redirect", False)),
    )


@lru_cache(maxsize=None)
def project_at(root: Path, site_url: str | None = None) -> Project:
    """The project whose mkdocs.yml lies in `root` (served at `site_url`), read once per process."""
    return load_project(root, site_url)
