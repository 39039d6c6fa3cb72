"""Interface texts in every language, read from i18n/labels.yml (one key, four translations), set in
each language's typography (como_site/typography.py) wherever they are used."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from como_site.problems import Problem, raise_if_any, relative
from como_site.project import Project
from como_site.typography import typeset


class Labels:
    def __init__(self, texts: dict[str, dict[str, str]]):
        self._texts = texts

    def get(self, key: str, lang: str, **values: object) -> str:
        text = self._texts[key][lang]
        return typeset(text.format(**values) if values else text, lang)

    def keys(self) -> list[str]:
        return list(self._texts)


def load_labels(path: Path, languages: tuple[str, ...], root: Path) -> Labels:
    """Load labels and insist that every key has every language."""
    node = yaml.compose(path.read_text(encoding="utf-8"))
    texts = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = []
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value} if node else {}
    for key, translations in texts.items():
        missing = [lang for lang in languages if not (translations or {}).get(lang)]
        if missing:
            problems.append(Problem(relative(path, root), lines.get(key, 0), key,
                                    f"missing translation for {', '.join(missing)}: add it under this key"))
    raise_if_any(problems)
    return Labels(texts)


@lru_cache(maxsize=None)
def labels_for(project: Project) -> Labels:
    return load_labels(project.i18n_dir / "labels.yml", project.codes, project.root)
