"""Interface texts in every language, read from i18n/labels.yml (one key, four translations)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from como_site.problems import ContentError, Problem, raise_if_any, relative
from como_site.project import Project
from como_site.yamlsource import load_yaml


class Labels:
    def __init__(self, texts: dict[str, dict[str, str]]):
        self._texts = texts

    def get(self, key: str, lang: str, **values: object) -> str:
        text = self._texts[key][lang]
        return text.format(**values) if values else text

    def keys(self) -> list[str]:
        return list(self._texts)


def load_labels(path: Path, languages: tuple[str, ...], root: Path) -> Labels:
    """Load labels and insist that every key has every language, as a text."""
    shown = relative(path, root)
    document, problems = load_yaml(path, shown, root)
    raise_if_any(problems)
    texts = document.data or {}
    if not isinstance(texts, dict):
        raise ContentError([Problem(shown, 1, "(file)", "write the labels as key: {de: ..., en: ...} entries")])
    for key, translations in texts.items():
        translations = translations if isinstance(translations, dict) else {}
        missing = [lang for lang in languages if not isinstance(translations.get(lang), str)
                   or not translations[lang]]
        if missing:
            problems.append(Problem(shown, document.line((key,)), str(key),
                                    f"missing translation for {', '.join(missing)}: add it under this key"))
    raise_if_any(problems)
    return Labels(texts)


@lru_cache(maxsize=None)
def labels_for(project: Project) -> Labels:
    return load_labels(project.i18n_dir / "labels.yml", project.codes, project.root)
