"""`make serve`: the live preview serves the site and rebuilds the edited language."""
from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

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
