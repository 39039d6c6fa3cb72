"""What one language's build needs from the orchestrator, handed over as typed data (no environment
variables): the builder adapter sets it before MkDocs runs, the hooks read it."""
from __future__ import annotations

from dataclasses import dataclass, field

from como_site.contenttypes import Content, content_pages
from como_site.drafts import with_banners
from como_site.fallbacks import fallback_pages
from como_site.labels import labels_for
from como_site.project import Project
from como_site.themeassets import ThemeAssets


@dataclass(frozen=True)
class BuildContext:
    project: Project      # at the address this build is for (a preview's differs from mkdocs.yml's)
    language: str         # the one language this build makes
    content: Content      # every content type's model, validated once for all languages
    drafts: frozenset[str] = frozenset()   # the preview only: draft case studies shown, with a banner
    assets: ThemeAssets = field(default_factory=ThemeAssets)   # the theme's files, shared by all languages


_current: list[BuildContext] = []


def set_current(context: BuildContext | None) -> None:
    _current[:] = [context] if context else []


def current() -> BuildContext | None:
    """The context of the build running in this process; None under a plain `mkdocs build`."""
    return _current[0] if _current else None


def pages_in_memory(context: BuildContext) -> dict[str, str]:
    """Every page of this language that is not a file in docs/<lang>/: pages made from data, and
    fallbacks for translations not written yet. Path inside the language folder -> Markdown."""
    project, lang = context.project, context.language
    labels = labels_for(project)
    made = content_pages(project, labels, context.content, lang)
    if context.drafts:
        made = with_banners(made, context.drafts, labels, lang)
    return {**fallback_pages(project, labels, lang), **made}
