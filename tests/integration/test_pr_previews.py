"""A pull request's preview (make site PREVIEW_PR=N): noindex on every page and in every header, robots.txt
`Disallow: /`, the banner in each page's language; a production build has none of these, and writes
robots.txt only when the site is at its host's root."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from como_site.hosting import HostingRules, nginx_previews_block, nginx_server_block
from como_site.inlinescripts import TemplateScripts
from como_site.labels import load_labels
from como_site.previews import BANNER_CLASS
from tests.conftest import LANGUAGES
from tests.htmlpages import parse
from tests.tinyproject import TinyProject, run_cli
from tests.webserver import Apache, free_port

NUMBER = 7
PLANTED = "Tom & <b>Jerry</b>"   # in the German notice: shown as text, escaped once


@pytest.fixture(scope="module")
def preview():
    """A tiny project built as the preview of pull request 7, in a folder the web server's worker can read."""
    base = Path(tempfile.mkdtemp(prefix="como-test-preview-"))
    base.chmod(0o755)
    project = TinyProject(base / "project")
    labels = project.root / "i18n" / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    notice = '  de: "Nicht die veröffentlichte Website:'
    assert notice in text
    labels.write_text(text.replace(notice, f'  de: "{PLANTED} Nicht die veröffentlichte Website:'), encoding="utf-8")
    result = project.cli("build", "--preview", str(NUMBER))
    assert result.returncode == 0, result.stdout + result.stderr
    yield project
    shutil.rmtree(base, ignore_errors=True)


def labels_of(project: TinyProject):
    return load_labels(project.root / "i18n" / "labels.yml", tuple(LANGUAGES), project.root)


def every_page(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_preview_lives_under_previews_pr_n(preview):
    home = parse(preview.root / "site" / "en" / "index.html")
    production = preview.project.site_url   # the tiny project's mkdocs.yml, whose build was the preview's
    address = f"{urlsplit(production).scheme}://{urlsplit(production).netloc}/previews/pr-{NUMBER}/"
    assert preview.project.preview is None
    assert home.select_one('link[rel="canonical"]')["href"] == f"{address}en/"


def test_every_preview_page_is_noindex_and_announces_no_alternates(preview):
    pages = every_page(preview.root / "site")
    assert {page.relative_to(preview.root / "site").parts[0] for page in pages} >= {*LANGUAGES, "index.html", "404.html"}
    for page in pages:
        head = parse(page).head
        assert [meta["content"] for meta in head.select('meta[name="robots"]')] == ["noindex"], page
        assert not head.select('link[rel="alternate"][hreflang]'), page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_the_banner_in_its_language(preview, lang):
    labels = labels_of(preview)
    title = labels.get("preview.title", lang, number=NUMBER)
    assert str(NUMBER) in title
    assert title not in {labels.get("preview.title", other, number=NUMBER) for other in LANGUAGES if other != lang}
    pages = every_page(preview.root / "site" / lang)
    assert any(page.name == "404.html" for page in pages)
    for page in pages:
        banners = parse(page).select(f".md-banner .{BANNER_CLASS}")
        assert len(banners) == 1, page
        assert banners[0].select_one(".admonition-title").get_text() == title
        assert banners[0].select("p")[1].get_text() == labels.get("preview.notice", lang)


def test_the_root_pages_show_the_banner_in_their_language(preview):
    labels, source = labels_of(preview), preview.project.source_language
    for name in ("index.html", "404.html"):
        page = parse(preview.root / "site" / name)
        assert page.html["lang"] == source
        assert page.select_one(f".{BANNER_CLASS} .admonition-title").get_text() == \
            labels.get("preview.title", source, number=NUMBER)


def test_label_texts_in_the_banner_are_escaped_once(preview):
    html = (preview.root / "site" / "de" / "index.html").read_text(encoding="utf-8")
    assert "Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;" in html and "<b>Jerry" not in html and "&amp;amp;" not in html
    assert PLANTED in parse(preview.root / "site" / "de" / "index.html").select_one(f".{BANNER_CLASS}").get_text()


def test_robots_txt_shuts_the_preview(preview):
    assert (preview.root / "site" / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nDisallow: /\n"


def test_the_server_sends_x_robots_tag_noindex_with_every_file(preview):
    """Apache reads the preview's own .htaccess: pages, assets and the 404 page all carry the header."""
    site = preview.root / "site"
    assert 'Header always set X-Robots-Tag "noindex"' in (site / ".htaccess").read_text(encoding="utf-8")
    with Apache(site, f"/previews/pr-{NUMBER}/") as apache:
        for path in ("", "en/", "assets/root.css", "robots.txt"):
            with urllib.request.urlopen(apache.url + path) as response:
                assert response.headers["X-Robots-Tag"] == "noindex", path
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(apache.url + "fr/no-such-page/")
        assert missing.value.code == 404 and missing.value.headers["X-Robots-Tag"] == "noindex"
        assert BANNER_CLASS in missing.value.read().decode("utf-8")


def test_the_nginx_block_of_a_preview_sends_x_robots_tag(preview):
    address = parse(preview.root / "site" / "index.html").select_one('link[rel="canonical"]')["href"]
    result = run_cli(preview.root, "nginx-conf", env={"SITE_URL": address})
    assert result.returncode == 0, result.stderr
    assert 'add_header X-Robots-Tag "noindex" always;' in result.stdout


def test_production_shows_no_preview_mark(built_site, project):
    assert project.preview is None
    for page in every_page(built_site):
        html = page.read_text(encoding="utf-8")
        assert BANNER_CLASS not in html and "md-banner" not in html, page
    for home in [built_site / "index.html", *(built_site / lang / "index.html" for lang in LANGUAGES)]:
        assert not parse(home).select('meta[name="robots"]'), home
    assert "X-Robots-Tag" not in (built_site / ".htaccess").read_text(encoding="utf-8")


def test_robots_txt_only_where_crawlers_read_it(built_site, project, tmp_path):
    """At the host's root the site has a robots.txt naming its sitemap; under a sub-path it has none."""
    assert (built_site / "robots.txt").exists() == (urlsplit(project.site_url).path == "/")
    tiny = TinyProject(tmp_path / "project")
    for address, robots in (("https://wissen.example.org/", "User-agent: *\nAllow: /\n"
                             "Sitemap: https://wissen.example.org/sitemap.xml\n"),
                            ("https://www.example.org/intern/wissen/", None)):
        result = tiny.cli("build", "--site-url", address)
        assert result.returncode == 0, result.stdout + result.stderr
        written = tiny.root / "site" / "robots.txt"
        assert (written.read_text(encoding="utf-8") if written.exists() else None) == robots, address
        assert not parse(tiny.root / "site" / "en" / "index.html").select(f".{BANNER_CLASS}")


def test_nginx_serves_every_preview_with_noindex_and_its_own_404_pages(preview, tmp_path):
    """Debian's nginx with hosting/nginx.conf's server block and the previews' locations included in it."""
    site = preview.root / "site"
    web_root = Path(tempfile.mkdtemp(prefix="como-test-nginx-"))
    web_root.chmod(0o755)
    (web_root / "previews").mkdir(mode=0o755)
    (web_root / "previews" / f"pr-{NUMBER}").symlink_to(site)
    rules = HostingRules.for_site(preview.project, TemplateScripts(preview.project, site, list(LANGUAGES)).hashes, False)
    port = free_port()
    server = nginx_server_block(rules, str(web_root)).replace("    listen 80;", f"    listen 127.0.0.1:{port};")
    server = server.removesuffix("}\n") + nginx_previews_block(rules) + "}\n"
    (tmp_path / "nginx.conf").write_text(
        f"daemon off;\npid {tmp_path}/nginx.pid;\nerror_log stderr warn;\nevents {{}}\n"
        f"http {{\n  include /etc/nginx/mime.types;\n  access_log off;\n{server}}}\n", encoding="utf-8")
    nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                             stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/previews/pr-{NUMBER}/"
    try:
        wait_until_served(base, nginx)
        for path in ("", "en/", "robots.txt", "assets/root.css"):
            with urllib.request.urlopen(base + path) as response:
                assert response.headers["X-Robots-Tag"] == "noindex", path
        labels = labels_of(preview)
        for path, lang in (("fr/no-such-page/", "fr"), ("no-such-page", preview.project.source_language)):
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(base + path)
            assert missing.value.code == 404 and missing.value.headers["X-Robots-Tag"] == "noindex", path
            page = missing.value.read().decode("utf-8")
            assert f'lang="{lang}"' in page and labels.get("preview.title", lang, number=NUMBER) in page, path
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)
        shutil.rmtree(web_root, ignore_errors=True)


def wait_until_served(url: str, process: subprocess.Popen) -> None:
    """Until nginx answers (or has stopped, with its messages)."""
    for _ in range(200):
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {process.stderr.read()}")
        try:
            urllib.request.urlopen(url).close()
            return
        except urllib.error.URLError:
            time.sleep(0.05)
    pytest.fail("nginx did not answer")
