"""`make serve`: the live preview serves the site, rebuilds the edited language, shows build errors in the
browser and drafts with a banner."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from tests.htmlpages import parse
from tests.webserver import free_port


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError("timed out")


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_preview_rebuilds_after_an_edit(tiny_project):
    port = free_port()
    preview = subprocess.Popen([sys.executable, "-m", "como_site", "serve", "--lang", "de", "--port", str(port)],
                               cwd=tiny_project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}/de/"
        assert "Home de" in wait_for(lambda: fetch(page))
        tiny_project.write("docs/de/index.md", "---\ntitle: Startseite\ndescription: Neu.\n---\n\n# Startseite neu\n")
        assert wait_for(lambda: "Startseite neu" in (fetch(page) or ""))
    finally:
        preview.terminate()
        output = preview.communicate(timeout=10)[0]
    assert "Rebuilt de in" in output


def test_preview_shows_build_errors_in_the_browser_until_fixed(tiny_project):
    port = free_port()
    preview = subprocess.Popen([sys.executable, "-m", "como_site", "serve", "--lang", "de", "--port", str(port)],
                               cwd=tiny_project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        page = f"http://127.0.0.1:{port}/de/"
        assert "Home de" in wait_for(lambda: fetch(page))
        tiny_project.write("docs/de/index.md", "---\ntitle: Start\ndescription: Start.\n---\n\n# Start\n\n"
                                               "See [services](services/conceptoin.md) & 5 < 6.\n")
        error = wait_for(lambda: (text := fetch(page)) and "could not be built" in text and text)
        assert ("docs/de/index.md:8: link: &#x27;services/conceptoin.md&#x27; does not exist; "
                "did you mean services/conception.md?") in error
        assert "/livereload/" in error                       # it reloads by itself once the error is fixed
        tiny_project.write("docs/de/index.md", "---\ntitle: Start\ndescription: Start.\n---\n\n# Start fixed\n")
        assert wait_for(lambda: "Start fixed" in (fetch(page) or ""), seconds=90)
    finally:
        preview.terminate()
        preview.communicate(timeout=10)


def test_preview_shows_drafts_with_a_banner_and_make_site_never(tiny_project):
    tiny_project.add_case("gamma-draft")
    tiny_project.build(drafts=True)
    site = tiny_project.root / "site"
    titles = {"de": "Entwurf", "en": "Draft", "es": "Borrador", "fr": "Brouillon"}
    for lang, title in titles.items():
        page = parse(site / lang / "case-studies" / "gamma-draft" / "index.html")
        assert page.select_one(".admonition.como-draft .admonition-title").get_text() == title
    tiny_project.build()
    assert not list(site.rglob("gamma-draft*"))
    assert "gamma" not in (site / "de" / "case-studies" / "index.html").read_text(encoding="utf-8").lower()
