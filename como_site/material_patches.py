"""The few changes to Material for MkDocs that no template block or override can make, each guarded.

Every patch replaces one exact piece of Material's own text and refuses, naming the file, when that text
is not there exactly once: an upgraded Material then stops the build with a clear message instead of
being patched wrongly. What an override can do lives in overrides/ instead (e.g. partials/toc.html).
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
import jinja2

WRITTEN_FOR = "9.8.2"   # the Material release these patches were checked against


class MaterialChanged(Exception):
    """Material's files are not what a patch was written for."""


@dataclass(frozen=True)
class Patch:
    old: str
    new: str

    def apply(self, text: str, where: str) -> str:
        if text.count(self.old) != 1:
            raise MaterialChanged(
                f"{where}: Material's text {self.old!r} is not there exactly once (the patches were written for "
                f"Material {WRITTEN_FOR}, installed is {version('mkdocs-material')}); review "
                "como_site/material_patches.py before upgrading Material")
        return text.replace(self.old, self.new)


# Material's bundle fetches "sitemap.xml" relative to every <link rel=alternate> on each page load, to map
# the switcher to the same page. Our alternates are absolute, page-specific URLs (for search engines),
# so it would request /<lang>/<page>/sitemap.xml (404s) or, in previews, the production host (a
# third-party request). The switcher links are already page-specific, so the lookup is switched off
# by making its selector match nothing.
ALTERNATE_LOOKUP = Patch('M("link[rel=alternate]")', 'M("link[rel=alternate][data-md-sitemap-lookup]")')

# base.html writes `autocomplete` on the drawer and search checkboxes (allowed only on text-like inputs,
# the W3C checker reports it on every page) outside any block, so only its source can be changed.
# partials/header.html prints the site name in one span that phones cut off ("Como – Conocimie…"): it gets a
# short form beside it (the company's name), which como.css shows instead where the long one would not fit.
SITE_NAME = Patch("""<span class="md-ellipsis">
            {{ config.site_name }}
          </span>""", """<span class="md-ellipsis como-site-name--long">
            {{ config.site_name }}
          </span>
          <span class="como-site-name--short">{{ config.extra.company.name | e }}</span>""")
TEMPLATE_PATCHES = {"base.html": (Patch('id="__drawer" autocomplete="off">', 'id="__drawer">'),
                                  Patch('id="__search" autocomplete="off">', 'id="__search">')),
                    "partials/header.html": (SITE_NAME,)}


def patch_bundle(text: str, where: str) -> str:
    """Material's script, patched; written once for all languages (como_site/themeassets.py), and errors
    name it as it is in the site's assets, e.g. assets/javascripts/bundle.a5f9d56c.min.js."""
    return ALTERNATE_LOOKUP.apply(text, where)


class PatchedTemplates(jinja2.BaseLoader):
    """The theme's template loader, with TEMPLATE_PATCHES applied to the sources they name."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(self, environment: jinja2.Environment, template: str):
        source, filename, uptodate = self.loader.get_source(environment, template)
        for patch in TEMPLATE_PATCHES.get(template, ()):
            source = patch.apply(source, filename or template)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()


def patch_templates(environment: jinja2.Environment) -> None:
    """Serve the theme's templates patched, and load the patched ones now: a changed Material fails here,
    before any page is rendered."""
    environment.loader = PatchedTemplates(environment.loader)
    for name in TEMPLATE_PATCHES:
        environment.get_template(name)
