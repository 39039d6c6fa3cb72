"""Interface texts in every language, read from i18n/labels.yml (one key, four translations), set in
each language's typography (como_site/typography.py) wherever they are used.

A text may name values to fill in as `{name}`; nothing else in braces, since str.format would otherwise
let a label reach into Python objects (`{date.__class__}`) or build huge strings (`{date:>999999999}`).
"""
from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from como_site.problems import ContentError, Problem, raise_if_any, relative
from como_site.project import Project
from como_site.yamlsource import load_yaml
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
        problems += [Problem(shown, document.line((key, lang)), f"{key}.{lang}", message)
                     for lang, text in translations.items() if (message := _placeholder_problem(text))]
    raise_if_any(problems)
    return Labels(texts)


def _placeholder_problem(text: object) -> str | None:
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(str(text))
                  if name is not None]
    except ValueError:
        return "a single { or } is not allowed: write {{ or }} for a brace"
    if any(not name.isidentifier() or spec or conversion for name, spec, conversion in fields):
        return "write values to fill in as {name} only (letters and _), nothing else between braces"
    return None


@lru_cache(maxsize=None)
def labels_for(project: Project) -> Labels:
    return load_labels(project.i18n_dir / "labels.yml", project.codes, project.root)
