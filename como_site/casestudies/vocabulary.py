"""The controlled vocabularies case files may use: sectors, Como's service lines, actor types."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from como_site.problems import Problem
from como_site.yamlsource import load_yaml

PAGE_PATH = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$")   # a page inside docs/<lang>/, written into links


@dataclass(frozen=True)
class Vocabulary:
    sectors: dict[str, dict[str, str]]           # key -> {lang: label}
    services: dict[str, dict[str, str]]          # key -> {lang: label}
    service_pages: dict[str, str]                # key -> docs-relative page path
    actor_types: dict[str, dict[str, str]]       # key -> {lang: label}


def _group(data: Any, name: str) -> dict[str, Any]:
    value = data.get(name) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def load_vocabulary(path: Path, shown_as: str, languages: tuple[str, ...],
                    root: Path) -> tuple[Vocabulary | None, list[Problem]]:
    document, problems = load_yaml(path, shown_as, root)
    if document is None:
        return None, problems
    data = document.data
    services = {key: entry if isinstance(entry, dict) else {} for key, entry in _group(data, "services").items()}
    vocabulary = Vocabulary(
        sectors=_group(data, "sectors"),
        services={key: entry.get("label") for key, entry in services.items()},
        service_pages={key: entry.get("page") for key, entry in services.items()},
        actor_types=_group(data, "actor_types"),
    )
    for group, entries in (("sectors", vocabulary.sectors), ("services", vocabulary.services),
                           ("actor_types", vocabulary.actor_types)):
        if not entries:
            problems.append(Problem(shown_as, document.line((group,)), group,
                                    "this list is missing or empty: write key: {de: ..., en: ...} lines"))
        for key, labels in entries.items():
            labels = labels if isinstance(labels, dict) else {}
            missing = [lang for lang in languages if not isinstance(labels.get(lang), str) or not labels[lang]]
            if missing:
                problems.append(Problem(shown_as, document.line((group, key)), f"{group}.{key}",
                                        f"label missing for {', '.join(missing)}: add it"))
    for key, page in vocabulary.service_pages.items():
        if not isinstance(page, str) or not PAGE_PATH.match(page):
            problems.append(Problem(shown_as, document.line(("services", key, "page")), f"services.{key}.page",
                                    "name the service page as a path in the language folder, e.g. "
                                    "services/conception.md"))
    return vocabulary, problems
