"""The theme's assets once for the whole site: Material's scripts, stylesheets and search worker, the Lunr files
the site's languages need, and ours (overrides/assets/), at one URL for every language, fingerprinted.

The orchestrator writes them into <site>/assets/ before the language builds (como_site/build.py) and hands
each build the resulting `ThemeAssets`; the templates (overrides/main.html) ask it for each file's address,
so every page points at the shared copy from the start and nothing is rewritten afterwards. The language
builds leave the theme's files out (hooks/como_hooks.py, on_files).

Each file's published name carries the first 8 hex digits of the SHA-256 of its published content, in
place of Material's own hash where it has one (bundle.<hash>.min.js) and before the extension otherwise
(como.<hash>.css): a changed file gets a new address, so hosts can cache them as immutable
(como_site/hosting.py). Source maps are not published, and the comments that would point a browser's
developer tools at them are removed. Material's bundle gets its guarded patch here, before it is hashed
(como_site/material_patches.py). Only the Lunr files that Material's search worker loads by their own
names keep them (it imports ../lunr/min/lunr.<lang>.min.js relative to itself), so they are not
fingerprinted; only those of the site's languages are published.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from como_site.inlinescripts import theme_folders
from como_site.material_patches import MaterialChanged, WRITTEN_FOR, patch_bundle
from como_site.project import Project

FOLDER = "assets"                                          # at the site's root, beside the language folders
MATERIAL_HASH = re.compile(r"\.[0-9a-f]{8}(?=\.min\.(?:js|css)$)")   # bundle.a5f9d56c.min.js
SOURCE_MAP_COMMENT = re.compile(rb"^[ \t]*(?://|/\*)# sourceMappingURL=[^\n]*\n?", re.MULTILINE)
BUNDLE = "javascripts/bundle.min.js"                       # names without Material's hash (`logical` below)
LUNR = "javascripts/lunr/"
LUNR_SUPPORT = "javascripts/lunr/min/lunr.stemmer.support.min.js"
# What Material's search worker imports for a language besides lunr.<lang>.min.js (its setupSearchLanguages)
LUNR_EXTRAS = {"ja": "javascripts/lunr/tinyseg.js", "hi": "javascripts/lunr/wordcut.js",
               "th": "javascripts/lunr/wordcut.js"}


def logical(name: str) -> str:
    """A theme file's name without Material's hash: the key the templates use, stable across releases."""
    return MATERIAL_HASH.sub("", name)


def fingerprinted(name: str, data: bytes) -> str:
    """`name` with the hash of `data`: in place of Material's hash, or before the last extension."""
    digest = hashlib.sha256(data).hexdigest()[:8]
    if MATERIAL_HASH.search(name):
        return MATERIAL_HASH.sub("." + digest, name)
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{digest}.{extension}" if dot and "/" not in extension else f"{name}.{digest}"


def without_source_map(data: bytes) -> bytes:
    """A script or stylesheet without the comment naming its source map (which is not published)."""
    return SOURCE_MAP_COMMENT.sub(b"", data)


def _lunr_wanted(name: str, languages: tuple[str, ...]) -> bool:
    """Material's worker loads these for one index in one language: the stemmer support, the language's file
    and its extras (never lunr.multi: each language has its own index)."""
    wanted = {LUNR_SUPPORT, *(f"{LUNR}min/lunr.{code}.min.js" for code in languages if code != "en"),
              *(LUNR_EXTRAS[code] for code in languages if code in LUNR_EXTRAS)}
    return name in wanted


@dataclass(frozen=True)
class ThemeAssets:
    """Where each shared file is published: logical name (under assets/, e.g. javascripts/bundle.min.js,
    como.css) -> its path from the site's root (assets/javascripts/bundle.1f2e3d4c.min.js)."""
    published: dict[str, str] = field(default_factory=dict)

    def path(self, name: str) -> str | None:
        """The published path of `name` as a page names it ("assets/como.css"), None if not shared."""
        prefix = FOLDER + "/"
        return self.published.get(logical(name[len(prefix):])) if name.startswith(prefix) else None

    def file_name(self, name: str) -> str:
        found = self.path(name)
        if found is None:
            raise KeyError(f"{name}: not among the theme's shared assets")
        return posixpath.basename(found)

    def url(self, name: str, base_url: str) -> str:
        """The address of `name` from a page whose MkDocs base_url (its language's home) is `base_url`:
        relative on pages, absolute on 404 pages. A file that is not shared (docs/assets/) stays in the
        language's folder."""
        found = self.path(name)
        if found is None:
            return posixpath.join(base_url, name)
        return posixpath.join(posixpath.normpath(posixpath.join(base_url, "..")), found)


def _sources(project: Project) -> dict[str, Path]:
    """Every file under the theme folders' assets/, by its name there; ours (overrides/) win over Material's."""
    found: dict[str, Path] = {}
    for folder in reversed(theme_folders(project)):   # Material first, then ours over it
        assets = folder / FOLDER
        for path in sorted(assets.rglob("*")):
            if path.is_file() and path.suffix != ".map":
                found[path.relative_to(assets).as_posix()] = path
    return found


def write_theme_assets(project: Project, site_dir: Path) -> ThemeAssets:
    """Write the shared assets into site_dir/assets/ and say where each went."""
    published: dict[str, str] = {}
    bundles = []
    for name, source in _sources(project).items():
        keeps_name = name.startswith(LUNR + "min/") or name in LUNR_EXTRAS.values()
        if keeps_name and not _lunr_wanted(name, project.codes):
            continue
        data = without_source_map(source.read_bytes())
        if logical(name) == BUNDLE:
            bundles.append(name)
            data = patch_bundle(data.decode("utf-8"), f"{FOLDER}/{name}").encode("utf-8")
        target = name if keeps_name else fingerprinted(name, data)
        (site_dir / FOLDER / target).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / FOLDER / target).write_bytes(data)
        published[logical(name)] = f"{FOLDER}/{target}"
    if len(bundles) != 1:
        raise MaterialChanged(f"{FOLDER}/javascripts: {len(bundles)} files bundle.*.min.js where Material "
                              f"{WRITTEN_FOR} has one; review como_site/material_patches.py before upgrading Material")
    return ThemeAssets(published)
