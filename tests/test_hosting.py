"""como_site.hosting: the nginx block in the repository matches the build; both servers get the same rules,
every value quoted and escaped for its format (or refused when the format cannot carry it), and the real
nginx and Apache answer the built site's files alike."""
from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from como_site.hosting import (HostingRules, UnsafeServerValue, htaccess, language_htaccess,
                               nginx_previews_block, nginx_server_block)
from como_site.inlinescripts import TemplateScripts
from como_site.project import ROOT, load_project
from tests.conftest import LANGUAGES
from tests.webserver import Apache, free_port


@pytest.fixture(scope="module")
def script_hashes(built_site):
    return TemplateScripts(load_project(ROOT), built_site, list(LANGUAGES)).hashes


def test_committed_nginx_block_matches_the_built_site(script_hashes, project):
    rules = HostingRules.for_site(project, script_hashes, project.https_redirect)
    assert (ROOT / "hosting" / "nginx.conf").read_text(encoding="utf-8") == nginx_server_block(rules), (
        "regenerate: .venv/bin/python -m como_site nginx-conf > hosting/nginx.conf")


def test_committed_nginx_previews_block_matches_the_built_site(script_hashes, project):
    rules = HostingRules.for_site(project, script_hashes, project.https_redirect)
    assert (ROOT / "hosting" / "nginx-previews.conf").read_text(encoding="utf-8") == nginx_previews_block(rules), (
        "regenerate: .venv/bin/python -m como_site nginx-conf --previews > hosting/nginx-previews.conf")
    assert 'add_header X-Robots-Tag "noindex" always;' in nginx_previews_block(rules)
    assert "X-Robots-Tag" not in nginx_server_block(rules)   # the site itself is indexed


def test_apache_and_nginx_send_the_same_headers(script_hashes, project):
    rules = HostingRules.for_site(project, script_hashes, https_redirect=True)
    apache, nginx = htaccess(rules), nginx_server_block(rules)
    for name, value in rules.headers.items():
        assert f'Header always set {name} "{value}"' in apache
        assert f'add_header {name} "{value}" always;' in nginx
    assert "RewriteRule ^ https://" in apache and "return 301 https://" in nginx
    assert "upgrade-insecure-requests" in rules.headers["Content-Security-Policy"]


def awkward_rules(base_path: str = "/wissen/") -> HostingRules:
    """Rules whose values need escaping in both formats: a quote and a backslash in a header value."""
    return HostingRules(base_path, ("de",), {"X-Test": 'say "hi" \\ back', "X-Plain": "a; b {c}"}, https_redirect=False)


def test_values_are_quoted_and_escaped_for_each_server():
    rules = awkward_rules()
    assert 'Header always set X-Test "say \\"hi\\" \\\\ back"' in htaccess(rules)
    assert 'ErrorDocument 404 "/wissen/404.html"' in htaccess(rules)
    assert 'ErrorDocument 404 "/wissen/de/404.html"' in language_htaccess(rules, "de")
    nginx = nginx_server_block(rules)
    assert 'add_header X-Test "say \\"hi\\" \\\\ back" always;' in nginx
    assert 'add_header X-Plain "a; b {c}" always;' in nginx
    assert 'location "/wissen/de/" {' in nginx and 'error_page 404 "/wissen/de/404.html";' in nginx


@pytest.mark.parametrize("render, rules, character", [
    (htaccess, HostingRules("/wissen/", ("de",), {"X-Test": "%{HOME}e"}, False), "%"),
    (htaccess, HostingRules("/wissen/", ("de",), {"X-Test": "${HOME}"}, False), "$"),
    (htaccess, HostingRules("/my wiki/", ("de",), {}, False), " "),
    (htaccess, HostingRules("/wissen/", ("de",), {"X-Test": "a\nHeader set X-Evil 1"}, False), "\n"),
    (nginx_server_block, HostingRules("/wissen/", ("de",), {"X-Test": "$remote_addr"}, False), "$"),
    (nginx_server_block, HostingRules("/wissen/\n}", ("de",), {}, False), "\n"),
])
def test_values_a_format_cannot_carry_are_refused(render, rules, character):
    with pytest.raises(UnsafeServerValue, match="cannot be written into the (Apache|nginx) configuration: "
                                                f"it contains {re.escape(repr(character))}"):
        render(rules)


def test_apache_sends_escaped_header_values_exactly():
    """The real Apache reads the written .htaccess: the header arrives byte for byte, the 404 page is ours."""
    site = Path(tempfile.mkdtemp(prefix="como-test-hosting-"))
    try:
        site.chmod(0o755)
        (site / "de").mkdir(mode=0o755)
        rules = awkward_rules()
        (site / ".htaccess").write_text(htaccess(rules), encoding="utf-8")
        (site / "de" / ".htaccess").write_text(language_htaccess(rules, "de"), encoding="utf-8")
        for name, text in {"index.html": "home", "404.html": "not found", "de/404.html": "nicht gefunden"}.items():
            (site / name).write_text(text, encoding="utf-8")
            (site / name).chmod(0o644)
        with Apache(site, rules.base_path) as apache:
            with urllib.request.urlopen(apache.url) as response:
                assert response.headers["X-Test"] == 'say "hi" \\ back'
                assert response.headers["X-Plain"] == "a; b {c}"
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(apache.url + "de/missing/")
            assert missing.value.code == 404 and missing.value.read() == "nicht gefunden".encode()
    finally:
        shutil.rmtree(site)


@pytest.mark.parametrize("rules", ["built", "awkward"])
def test_nginx_accepts_the_server_block(script_hashes, project, tmp_path, rules):
    """nginx itself (Debian's nginx-light) checks the block, with the previews' locations included in it:
    quoting, regex locations, every directive."""
    rules = HostingRules.for_site(project, script_hashes, True) if rules == "built" else awkward_rules()
    server = nginx_server_block(rules).removesuffix("}\n") + nginx_previews_block(rules) + "}\n"
    (tmp_path / "server.conf").write_text(server, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
                                         f"http {{\n  include {tmp_path}/server.conf;\n}}\n", encoding="utf-8")
    result = subprocess.run(["/usr/sbin/nginx", "-t", "-e", "stderr", "-p", str(tmp_path),
                             "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True)
    assert result.returncode == 0 and "[warn]" not in result.stderr, result.stderr


def http_get(port: int, path: str, **headers: str) -> tuple[int, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        connection.close()


@pytest.fixture
def nginx(built_site, script_hashes, project, tmp_path):
    """nginx itself serving the built site with hosting/nginx.conf's block, under the site's path prefix;
    yields its port."""
    web_root = Path(tempfile.mkdtemp(prefix="como-nginx-root-"))
    web_root.chmod(0o755)
    prefix = urlsplit(project.site_url).path
    served = web_root / prefix.strip("/")
    served.parent.mkdir(parents=True, exist_ok=True)
    if prefix == "/":
        served.rmdir()
    served.symlink_to(built_site)
    port = free_port()
    block = nginx_server_block(HostingRules.for_site(project, script_hashes, project.https_redirect), str(web_root))
    (tmp_path / "server.conf").write_text(block.replace("listen 80;", f"listen 127.0.0.1:{port};"), encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n  include {tmp_path}/server.conf;\n}}\n",
        encoding="utf-8")
    process = subprocess.Popen(["/usr/sbin/nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                                "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                http_get(port, prefix)
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(web_root)


def test_nginx_answers_as_apache_does(nginx, server, built_site, project):
    """The same files from both servers: status, caching, the policy headers and, for a compressed answer,
    `Vary: Accept-Encoding` (without it a shared cache may hand the gzipped copy to a client that cannot
    read it; nginx sends it only with gzip_vary). A missing page's 404 is compared without its compression:
    Apache sends error documents uncompressed."""
    missing = "de/gibt-es-nicht/"
    paths = ["", "de/", "de/search/search_index.json", "de/sitemap.xml", "de/case-studies/feed.xml",
             missing, *(path.relative_to(built_site).as_posix() for path in (
                 next((built_site / "assets").glob("como.*.css")),
                 next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")),
                 next(built_site.glob("*/case-studies/*/*.pdf")), next(built_site.glob("*/assets/cards/*.png"))))]
    compared = ("Cache-Control", "Content-Encoding", "Vary", *HostingRules.for_site(project, [], False).headers)

    def answer(port: int, path: str) -> tuple:
        status, headers = http_get(port, server.base_path + path, **{"Accept-Encoding": "gzip"})
        return status, {name: headers.get(name, "") for name in compared
                        if path != missing or name not in ("Content-Encoding", "Vary")}

    for path in paths:
        assert answer(nginx, path) == answer(server.port, path), path
