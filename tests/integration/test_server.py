"""The built site behind a real Apache httpd with our .htaccess: headers, 404s, caching, compression."""
from __future__ import annotations

import gzip
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from como_site.build import build_site
from tests.conftest import LANGUAGES
from tests.webserver import NEEDED, Apache, base_path


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_security_headers(server):
    status, headers, _ = fetch(server.url + "de/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'sha256-" in script_src
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_policy_headers_only_where_a_browser_runs_something(server, built_site):
    """Scripts (a worker takes its policy from its own response), SVG and missing files' 404 pages keep the
    document headers; stylesheets and raster images, which never run, get only nosniff and the referrer
    policy (como_site/hosting.py)."""
    assets = built_site / "assets"
    worker = next((assets / "javascripts" / "workers").glob("search-languages.*.js")).relative_to(built_site)
    for path in (worker.as_posix(), "assets/missing.png"):
        _, headers, _ = fetch(server.url + path)
        assert "'sha256-" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "DENY", path
    for path in (next(assets.glob("como.*.css")), next((assets / "images").glob("favicon.*.png"))):
        status, headers, _ = fetch(server.url + path.relative_to(built_site).as_posix())
        assert status == 200 and headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert not {"Content-Security-Policy", "X-Frame-Options", "Permissions-Policy",
                    "Cross-Origin-Opener-Policy"} & set(headers), (path, headers)


@pytest.mark.parametrize("lang,text", [("de", "Seite nicht gefunden"), ("en", "Page not found"),
                                       ("es", "Página no encontrada"), ("fr", "Page introuvable")])
def test_missing_page_gets_a_404_in_its_language(server, lang, text):
    status, headers, body = fetch(server.url + f"{lang}/gibt/es/nicht/")
    assert status == 404
    assert f'<html lang="{lang}"' in body.decode("utf-8") and text in body.decode("utf-8")
    assert "Content-Security-Policy" in headers


def test_missing_page_outside_languages_gets_the_root_404(server):
    status, _, body = fetch(server.url + "nowhere.html")
    assert status == 404 and all(f'lang="{lang}"' in body.decode("utf-8") for lang in LANGUAGES)


def test_caching(server, built_site):
    _, html_headers, _ = fetch(server.url + "en/")
    assert html_headers["Cache-Control"] == "public, max-age=0, must-revalidate"
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    _, asset_headers, _ = fetch(server.url + f"assets/javascripts/{bundle}")
    assert asset_headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert asset_headers["Content-Type"].startswith("text/javascript")
    ours = next((built_site / "assets").glob("como.*.css")).name   # ours are fingerprinted too
    _, css_headers, _ = fetch(server.url + f"assets/{ours}")
    assert css_headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, lunr_headers, _ = fetch(server.url + "assets/javascripts/lunr/min/lunr.de.min.js")   # named by Material's worker
    assert lunr_headers["Cache-Control"] == "public, max-age=86400"


def test_compression(server):
    _, headers, body = fetch(server.url + "fr/search/search_index.json", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"{")


def test_dotfiles_are_not_served(server):
    assert fetch(server.url + ".htaccess")[0] == 403


def test_no_directory_listing(server):
    """The server lists folders (mod_autoindex, Options Indexes, as on Debian): the .htaccess refuses it."""
    for folder in ("assets/", "assets", "de/assets/cards/"):
        status, _, body = fetch(server.url + folder)
        assert status in (403, 404) and b"Index of" not in body, folder


def test_revalidating_a_compressed_file_answers_not_modified(server, built_site):
    """mod_deflate sends a compressed file's ETag with -gzip appended but compares a revalidation's
    If-None-Match with the file's own ETag: without the .htaccess's fix every revalidation of a page (each
    visit: HTML is revalidated) would download it again."""
    stylesheet = next((built_site / "assets").glob("como.*.css")).relative_to(built_site).as_posix()
    for path in ("de/", "de/search/search_index.json", stylesheet):
        status, headers, _ = fetch(server.url + path, **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip" and headers["ETag"].endswith('-gzip"'), path
        status, _, body = fetch(server.url + path, **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"],
                                                      "If-Modified-Since": headers["Last-Modified"]})
        assert (status, body) == (304, b""), path


@pytest.fixture(scope="module")
def serve_on_host(built_site, project):
    """serve_on_host(modules=..., allow_override=...): the built site on an Apache with those, started once."""
    servers: list[Apache] = []

    def start(modules: list[str] = NEEDED, allow_override: str = "All") -> Apache:
        servers.append(Apache(built_site, base_path(project.site_url), modules, allow_override).__enter__())
        return servers[-1]

    yield start
    for apache in servers:
        apache.__exit__()


def assert_site_answers(apache: Apache) -> None:
    assert fetch(apache.url + "de/")[0] == 200
    status, _, body = fetch(apache.url + "fr/nulle-part/")
    assert status == 404 and '<html lang="fr"' in body.decode("utf-8")
    assert fetch(apache.url + ".htaccess")[0] == 403
    assert fetch(apache.url + "assets/")[0] in (403, 404)


@pytest.mark.parametrize("missing", ["headers", "deflate", "filter", "rewrite", "autoindex"])
def test_a_host_without_an_optional_module_still_serves_the_site(serve_on_host, missing):
    """Each module the .htaccess merely uses is guarded: without it that rule is off, the site still works
    (mod_deflate's AddOutputFilterByType is mod_filter's directive: a host may load the one without the other)."""
    assert_site_answers(serve_on_host(modules=[name for name in NEEDED if name != missing]))


def test_a_host_that_allows_no_options_override_still_serves_the_site(serve_on_host):
    """Hosts often allow FileInfo, AuthConfig and Indexes but not Options: still no listing, no 500."""
    apache = serve_on_host(allow_override="FileInfo AuthConfig Indexes")
    assert_site_answers(apache)
    assert b"Index of" not in fetch(apache.url + "assets/")[2]


@pytest.fixture(scope="module")
def root_server():
    """The real site built for, and served at, the root of its host."""
    base = Path(tempfile.mkdtemp(prefix="como-root-site-"))
    base.chmod(0o755)
    apache = Apache(base / "site", "/")
    build_site(site_dir=base / "site", site_url=apache.url)
    with apache:
        yield apache
    shutil.rmtree(base, ignore_errors=True)


def test_a_site_at_the_host_root(root_server):
    """The chooser, robots.txt (written only there) and each folder's 404 page at the host's root."""
    status, headers, body = fetch(root_server.url)
    assert status == 200 and '<html lang="mul"' in body.decode("utf-8") and "Content-Security-Policy" in headers
    status, headers, body = fetch(root_server.url + "robots.txt")
    assert status == 200 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert f"Sitemap: {root_server.url}sitemap.xml" in body.decode("utf-8")
    status, _, body = fetch(root_server.url + "es/no-existe/")
    assert status == 404 and '<html lang="es"' in body.decode("utf-8")
    status, _, body = fetch(root_server.url + "nowhere/")
    assert status == 404 and '<html lang="mul"' in body.decode("utf-8")
    assert fetch(root_server.url + "assets/")[0] == 403 and fetch(root_server.url + ".htaccess")[0] == 403
