"""The theme's assets exist once, at one address for every language, fingerprinted, without source maps."""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from como_site.project import load_project
from como_site.themeassets import FOLDER, ThemeAssets, fingerprinted, logical, without_source_map, write_theme_assets
from tests.conftest import LANGUAGES
from tests.htmlpages import html_pages

IMAGES_AND_DOCUMENTS = (".png", ".jpg", ".jpeg", ".webp", ".svg", ".gif", ".ico", ".pdf")
FINGERPRINT = re.compile(r"\.([0-9a-f]{8})(?:\.min)?\.[a-z0-9]+$")
SITE_BUDGET = 6_000_000   # bytes, without images and PDFs (issue 16)


def asset_addresses(page: Path) -> list[str]:
    """Every file a page loads by its head and scripts: stylesheets, icon, scripts, the search worker."""
    tree = LexborHTMLParser(page.read_bytes())
    found = [node.attributes["src"] for node in tree.css("script[src]")]
    found += [node.attributes["href"] for node in tree.css("link[rel=stylesheet], link[rel=icon]")]
    config = tree.css_first("#__config")
    if config:   # our worker, and the two it loads by the names its address gives (overrides/main.html)
        worker = urlsplit(json.loads(config.text())["search"])
        named = parse_qs(worker.query)
        folder = posixpath.dirname(worker.path)
        found += [worker.path, posixpath.join(folder, named["material"][0]),
                  posixpath.join(folder, "..", "lunr", named["widen"][0])]
    return found


def served_file(site_dir: Path, site_path: str, page: Path, address: str) -> Path:
    """The file an address on `page` names (relative, or an absolute path under the site's path)."""
    path = posixpath.normpath(urlsplit(address).path)
    if path.startswith("/"):
        assert path.startswith(site_path), (page, address)
        return site_dir / path[len(site_path):]
    return site_dir / posixpath.normpath(posixpath.join(page.parent.relative_to(site_dir).as_posix(), path))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def loaded(built_site, project) -> dict[str, set[Path]]:
    """Language -> every file its pages load."""
    site_path = urlsplit(project.site_url).path
    return {lang: {served_file(built_site, site_path, page, address)
                   for page in html_pages(built_site, lang) for address in asset_addresses(page)}
            for lang in LANGUAGES}


def test_every_language_loads_the_same_files_from_the_shared_folder(loaded, built_site):
    for lang, files in loaded.items():
        assert files, lang
        assert all(path.is_file() for path in files), sorted(path for path in files if not path.is_file())
        assert all(path.is_relative_to(built_site / FOLDER) for path in files), lang
        assert files == loaded[LANGUAGES[0]], lang


def test_each_theme_asset_is_published_once(built_site):
    """No file of the shared folder has a copy anywhere else in the site, nor a second copy in it."""
    shared = [path for path in (built_site / FOLDER).rglob("*") if path.is_file()]
    copies = defaultdict(list)
    for path in built_site.rglob("*"):
        if path.is_file():
            copies[digest(path)].append(path.relative_to(built_site).as_posix())
    assert shared
    for path in shared:
        assert copies[digest(path)] == [path.relative_to(built_site).as_posix()]
    for lang in LANGUAGES:
        assert not (built_site / lang / FOLDER / "javascripts").exists(), lang
        assert not (built_site / lang / FOLDER / "stylesheets").exists(), lang


def test_loaded_files_are_named_by_their_content(loaded):
    """Every file the pages load carries the hash of its content (only the Lunr files, which Material's
    worker loads by their own names, do not: no page names them)."""
    for path in loaded[LANGUAGES[0]]:
        assert FINGERPRINT.search(path.name), path
        assert FINGERPRINT.search(path.name)[1] == digest(path)[:8], path


def test_no_source_maps_are_published(built_site):
    assert not list(built_site.rglob("*.map"))
    for path in [*built_site.rglob("*.js"), *built_site.rglob("*.css")]:
        assert b"sourceMappingURL" not in path.read_bytes(), path


def test_the_site_without_images_and_pdfs_stays_under_its_budget(built_site):
    size = sum(path.stat().st_size for path in built_site.rglob("*")
               if path.is_file() and path.suffix.lower() not in IMAGES_AND_DOCUMENTS)
    assert size < SITE_BUDGET, size


def test_only_the_lunr_files_of_the_sites_languages_are_published(built_site, project):
    published = {path.name for path in (built_site / FOLDER / "javascripts" / "lunr" / "min").iterdir()}
    assert published == {"lunr.stemmer.support.min.js", *(f"lunr.{code}.min.js" for code in project.codes
                                                          if code != "en")}


def test_names_change_when_content_changes(tiny_project, tmp_path):
    before = write_theme_assets(load_project(tiny_project.root), tmp_path / "before").published
    tiny_project.write("overrides/assets/como.css", "body{color:#123}\n")
    after = write_theme_assets(load_project(tiny_project.root), tmp_path / "after").published
    assert before.keys() == after.keys()
    assert [name for name in before if before[name] != after[name]] == ["como.css"]
    assert (tmp_path / "after" / after["como.css"]).read_text(encoding="utf-8") == "body{color:#123}\n"


@pytest.mark.parametrize(("name", "expected"), [
    ("javascripts/bundle.a5f9d56c.min.js", "javascripts/bundle.{}.min.js"),
    ("como.css", "como.{}.css"),
    ("javascripts/lunr/widen.js", "javascripts/lunr/widen.{}.js"),
])
def test_fingerprinted_names(name, expected):
    assert fingerprinted(name, b"x") == expected.format(hashlib.sha256(b"x").hexdigest()[:8])


def test_source_map_comments_are_removed():
    assert without_source_map(b"a();\n//# sourceMappingURL=bundle.min.js.map\n") == b"a();\n"
    assert without_source_map(b"a{}\n/*# sourceMappingURL=main.min.css.map */") == b"a{}\n"
    assert without_source_map(b'x="//# sourceMappingURL= in a string";\n') == b'x="//# sourceMappingURL= in a string";\n'


@pytest.mark.parametrize(("base_url", "expected"), [
    (".", "../assets/como.1.css"),                 # a language's home page
    ("../..", "../../../assets/como.1.css"),       # two folders down
    ("/wissen/de", "/wissen/assets/como.1.css"),   # a 404 page: absolute
    ("/de", "/assets/como.1.css"),                 # a site at its host's root
])
def test_addresses_from_every_page(base_url, expected):
    assets = ThemeAssets({"como.css": "assets/como.1.css"})
    assert assets.url("assets/como.css", base_url) == expected
    assert assets.url("assets/photo.png", base_url) == posixpath.join(base_url, "assets/photo.png")  # docs/assets/
