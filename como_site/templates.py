"""Jinja templates for pages made from data (overrides/content/*.md): Markdown that MkDocs then renders.

Autoescape is on, so every plain value is HTML-escaped exactly once where the template places it. A value
that is already safe Markdown or HTML says so by being `Markup`: `markdown()` for a text from data that
validation allowed as Markdown (no HTML, no attribute lists), `escape()` results for pieces built here.
Template comments are written `{# ... #}` with a space after `{#`, so that Markdown's heading ids such as
`## Sources {#sources}` stay text.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

TEMPLATE_DIR = Path("overrides") / "content"
LINE_BREAKS = re.compile(r"[\r\n]+")


def markdown(text: str) -> Markup:
    """A validated Markdown text from data: placed as it is (validation rejected HTML in it)."""
    return Markup(text)


def one_line(value: object) -> object:
    """Every plain value a template places is one line: a blank line inside a value would end the raw
    HTML block around it, and Markdown would then read what follows (links included) as markup."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return LINE_BREAKS.sub(" ", value)   # only line breaks: no-break spaces (1 234,5 in French) stay
    return value


def front_matter_value(value: object) -> Markup:
    """A scalar written as YAML for a page's front matter (YAML-quoted, not HTML-escaped: MkDocs'
    templates escape titles and descriptions where they meet HTML)."""
    return Markup(yaml.safe_dump(value, allow_unicode=True, width=1000).removesuffix("\n...\n").rstrip("\n"))


@lru_cache(maxsize=None)
def environment(root: Path) -> Environment:
    """The templates of the project at `root` (trusted code under overrides/), loaded once per process."""
    env = Environment(loader=FileSystemLoader(root / TEMPLATE_DIR), autoescape=True, undefined=StrictUndefined,
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, comment_start_string="{# ",
                      finalize=one_line)
    env.filters["yaml"] = front_matter_value
    return env


def render(root: Path, name: str, **values: object) -> str:
    return environment(root).get_template(name).render(**values)
