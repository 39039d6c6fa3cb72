"""The controlled vocabularies case files may use: sectors, Como's service lines, actor types."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from como_site.problems import Problem
from como_site.yamlsource import load_yaml


@dataclass(frozen=True)
class Vocabulary:
    sectors: dict[str, dict[str, str]]           # key -> {lang: label}
    services: dict[str, dict[str, str]]          # key -> {lang: label}
    service_pages: dict[str, str]                # key -> docs-relative page path
    actor_types: dict[str, dict[str, str]]       # key -> {lang: label}


def load_vocabulary(path: Path, shown_as: str, languages: tuple[str, ...],
                    root: Path) -> tuple[Vocabulary | None, list[Problem]]:
    document, problems = load_yaml(path, shown_as, root)
    if document is None:
        return None, problems
    data = document.data or {}
    services = {key: entry.get("label", {}) for key, entry in (data.get("services") or {}).items()}
    vocabulary = Vocabulary(
        sectors=data.get("sectors") or {},
        services=services,
        service_pages={key: entry.get("page", "") for key, entry in (data.get("services") or {}).items()},
        actor_types=data.get("actor_types") or {},
    )
    for group, entries in (("sectors", vocabulary.sectors), ("services", services),
                           ("actor_types", vocabulary.actor_types)):
        if not entries:
            problems.append(Problem(shown_as, document.line((group,)), group, "this list is missing or empty"))
        for key, labels in entries.items():
            missing = [lang for lang in languages if not (labels or {}).get(lang)]
            if missing:
                problems.append(Problem(shown_as, document.line((group, key)), f"{group}.{key}",
                                        f"label missing for {', '.join(missing)}: add it"))
    return vocabulary, problems
