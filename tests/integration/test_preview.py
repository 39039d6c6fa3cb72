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


class Preview:
    """`python -m como_site serve --lang de` on a free port of 127.0.0.1, its German home page served."""

    def __init__(self, tiny_project):
        self.port = free_port()
        self.project = tiny_project
        self.output = ""

    def __enter__(self) -> str:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "como_site", "serve", "--lang", "de", "--port", str(self.port)],
            cwd=self.project.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        page = f"http://127.0.0.1:{self.port}/de/"
        try:
            assert "Home de" in wait_for(lambda: fetch(page))
        except BaseException:
            self.__exit__()
            raise
        return page

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.output = self.process.communicate(timeout=10)[0]


def test_preview_rebuilds_after_an_edit(tiny_project):
    preview = Preview(tiny_project)
    with preview as page:
        tiny_project.write("docs/de/index.md", "---\ntitle: Startseite\ndescription: Neu.\n---\n\n# Startseite neu\n")
        assert wait_for(lambda: "Startseite neu" in (fetch(page) or ""))
    assert "Rebuilt de in" in preview.output


def test_preview_shows_build_errors_in_the_browser_until_fixed(tiny_project):
    with Preview(tiny_project) as page:
        tiny_project.write("docs/de/index.md", "---\ntitle: Start\ndescription: Start.\n---\n\n# Start\n\n"
                                               "See [services](services/conceptoin.md) & 5 < 6.\n")
        error = wait_for(lambda: (text := fetch(page)) and "could not be built" in text and text)
        assert ("docs/de/index.md:8: link: &#x27;services/conceptoin.md&#x27; does not exist; "
                "did you mean services/conception.md?") in error
        assert "/livereload/" in error                       # it reloads by itself once the error is fixed
        tiny_project.write("docs/de/index.md", "---\ntitle: Start\ndescription: Start.\n---\n\n# Start fixed\n")
        assert wait_for(lambda: "Start fixed" in (fetch(page) or ""), seconds=90)


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
