"""The inline scripts our page templates emit, read from the theme's template files, and the check that
built pages carry no other. The Content-Security-Policy allows exactly these by hash: it is derived from
trusted templates, never from what the pages hold, so a script that reaches a page from content is
both refused by the build and blocked by the browser.

Material 9.8.2 keeps its inline scripts in partials/javascripts/; our pages use three of them:
base.html (ours, overrides/partials/javascripts/base.html: its `new URL("<base_url>/..", location)`
varies with the page's depth, so it is rendered for every depth the site has, and for the absolute base of
404 pages), content.html and palette.html
(the colour-scheme toggle: it applies the reader's stored choice before the page is painted; it has no
variables). Ours: partials/language-banner-script.html (the language banner, decided before the first
paint so that it never shifts the page; no variables either). The others appear only with features this
site leaves off (an announcement bar, versioning, cookie consent): a page carrying one fails the check
until its template is added to TEMPLATE_SCRIPTS.

Data blocks (<script> of a type browsers never run) need no hash, but nothing else may ride in them: a
page may carry them only as JSON of the kinds our templates emit (como_site.builtpages.DATA_BLOCK_TYPES:
Material's and the banner's settings, the JSON-LD of como_site.structureddata), and only valid JSON.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cached_property
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from como_site.builtpages import DATA_BLOCK_TYPES, InlineScript, PageRecord
from como_site.project import Project, read_mkdocs_config

TEMPLATE_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                    "partials/javascripts/palette.html", "partials/language-banner-script.html")
REVIEWED_MATERIAL_PARTIALS = frozenset(f"partials/javascripts/{name}.html" for name in
                                       ("announce", "base", "consent", "content", "outdated", "palette"))
SCRIPT_START = re.compile("<script", re.IGNORECASE)   # where html.parser starts reading (literal text)
SCRIPT_END = re.compile("</script[^>]*>", re.IGNORECASE)


class ThemeChanged(Exception):
    """The theme's templates emit inline scripts this module has not reviewed (a Material upgrade?)."""


class _Scripts(HTMLParser):
    """The bodies of the executable inline scripts in a page (external and JSON data scripts are not)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bodies: list[str] = []
        self._body: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script" and "src" not in values and (values.get("type") or "").strip().lower() not in DATA_BLOCK_TYPES:
            self._body = []

    def handle_data(self, data):
        if self._body is not None:
            self._body.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._body is not None:
            self.bodies.append("".join(self._body))
            self._body = None


def inline_scripts(html: str) -> list[str]:
    """The executable inline scripts of a page. Only the stretches from each `<script` to the `</script`
    after it are parsed (html.parser on a whole page costs ~2 ms; a page has a few scripts)."""
    parser = _Scripts()
    for start in SCRIPT_START.finditer(html):
        end = SCRIPT_END.search(html, start.end())
        parser.feed(html[start.start():end.end() if end else len(html)] + "</script>")
        parser.reset()
    return parser.bodies


def data_block_fault(block: InlineScript) -> str | None:
    """What is wrong with a data block (a <script> browsers do not run), if anything: only JSON of the kinds
    our templates emit (DATA_BLOCK_TYPES) is allowed, so that no other content rides in a script element."""
    if block.data_type is None:
        return (f'data block of type "{block.type}" not from a template (allowed: '
                f'{", ".join(sorted(DATA_BLOCK_TYPES))}): remove it from the page')
    try:
        json.loads(block.body)
    except ValueError as error:
        return f"{block.data_type} block is not valid JSON ({error}): remove it from the page"
    return None


def csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _theme(project: Project) -> tuple[list[Path], list[str]]:
    """The template folders (ours first, then Material's) and the theme features, from mkdocs.yml."""
    theme = read_mkdocs_config(project.root / "mkdocs.yml")["theme"]
    if theme.get("name") != "material":
        raise ThemeChanged(f"mkdocs.yml: theme {theme.get('name')!r}: como_site/inlinescripts.py knows Material only")
    material = Path(find_spec("material.templates").origin).parent   # the package MkDocs' theme entry point names
    custom = [project.root / theme["custom_dir"]] if theme.get("custom_dir") else []
    return custom + [material], list(theme.get("features") or [])


def theme_folders(project: Project) -> list[Path]:
    """The theme's folders, ours first, then Material's: where its templates and assets come from."""
    return _theme(project)[0]


def _guard(folders: list[Path]) -> None:
    """Fail clearly when the templates hold inline scripts not reviewed here: a new partial under
    Material's partials/javascripts/, or an inline script in Material's base.html or in our overrides."""
    material = folders[-1]
    partials = {path.relative_to(material).as_posix()
                for path in (material / "partials" / "javascripts").glob("*.html")}
    if partials != REVIEWED_MATERIAL_PARTIALS:
        raise ThemeChanged(f"{material}/partials/javascripts/ now holds {sorted(partials)}, not "
                           f"{sorted(REVIEWED_MATERIAL_PARTIALS)}: review como_site/inlinescripts.py before upgrading")
    ours = [template for folder in folders[:-1] for template in sorted(folder.rglob("*.html"))
            if template.relative_to(folder).as_posix() not in TEMPLATE_SCRIPTS]
    templates = [material / "base.html", *ours]
    for template in templates:
        if inline_scripts(template.read_text(encoding="utf-8")):
            raise ThemeChanged(f"{template} emits an inline script: add it to TEMPLATE_SCRIPTS in "
                               "como_site/inlinescripts.py, or load it from a file")


def base_url(site_dir: Path, page: Path, project: Project) -> str:
    """MkDocs' base_url for a built page: relative to the language's home, absolute on 404 pages."""
    lang, *folders = page.relative_to(site_dir).parent.parts
    if page.name == "404.html" and not folders:
        return urlsplit(project.language_url(lang)).path
    return "/".join([".."] * len(folders)) or "."


@dataclass
class TemplateScripts:
    """The inline scripts the templates emit for each base_url the site's pages have."""

    project: Project
    site_dir: Path
    languages: list[str]

    @cached_property
    def pages(self) -> list[Path]:
        return [page for lang in self.languages for page in sorted((self.site_dir / lang).rglob("*.html"))]

    @cached_property
    def by_base_url(self) -> dict[str, list[str]]:
        folders, features = _theme(self.project)
        _guard(folders)
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(folder) for folder in folders]))
        # Only base_url and features: no value from mkdocs.yml's `extra` (content) reaches a script we allow.
        render = {url: [script for name in TEMPLATE_SCRIPTS
                        for script in inline_scripts(env.get_template(name).render(
                            base_url=url, features=features, config={"extra": {}}))]
                  for url in {base_url(self.site_dir, page, self.project) for page in self.pages}}
        return dict(sorted(render.items()))

    @property
    def hashes(self) -> list[str]:
        """CSP source expressions for every script the templates emit on this site."""
        return sorted({csp_hash(script) for scripts in self.by_base_url.values() for script in scripts})

    def faults(self, pages: dict[Path, PageRecord]) -> list[str]:
        """Each inline script in a built page (from the one pass's records) that its templates did not emit,
        and each data block that is not JSON of an allowed kind."""
        faults = []
        for page, record in pages.items():
            at_root = page.parent == self.site_dir   # the chooser and root 404 (rootfiles.py) carry no script
            allowed = () if at_root else self.by_base_url[base_url(self.site_dir, page, self.project)]
            faults += [f"{page.relative_to(self.site_dir).as_posix()}: inline script not from a template "
                       f"({csp_hash(script.body).strip(chr(39))}): remove it from the page"
                       for script in record.executable_scripts if script.body not in allowed]
            faults += [f"{page.relative_to(self.site_dir).as_posix()}: {fault}"
                       for block in record.data_blocks if (fault := data_block_fault(block))]
        return faults
