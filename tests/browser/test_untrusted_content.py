"""A page carrying a script, two event handlers and a javascript: link, served by the real Apache with the
shipped .htaccess: the browser runs none of them, and the policy lists only our templates' script hashes.

The build refuses such a page at its source (tests/integration/test_untrusted_html.py), so the HTML is
planted into a built page afterwards: what this proves is that the Content-Security-Policy holds on its
own, as the second line of defence. The same page with the policy bypassed runs the planted script,
so the test can tell a blocking policy from a harmless plant.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from como_site.build import build_site
from como_site.inlinescripts import TemplateScripts, csp_hash
from tests.browser.conftest import RECORD_CSP
from tests.conftest import LANGUAGES, TinyProject
from tests.webserver import Apache

SCRIPT = 'console.log("planted-script"); window.__planted = "script"; alert("planted")'
PLANTED = (f"<script>{SCRIPT}</script>"
           '<img src="../assets/none.png" onerror="console.log(\'planted-onerror\'); alert(\'planted\')" alt="">'
           '<button id="planted-click" onclick="console.log(\'planted-onclick\'); alert(\'planted\')">Klick</button>'
           '<a id="planted-link" href="javascript:console.log(\'planted-link\');alert(\'planted\')">Link</a>')


@pytest.fixture(scope="module")
def planted():
    """A tiny project built for Apache under /wissen/, with the HTML planted into de/index.html."""
    base = Path(tempfile.mkdtemp(prefix="como-planted-"))
    base.chmod(0o755)
    server = Apache(base / "site", "/wissen/")
    project = TinyProject(base / "project")
    build_site(root=project.root, site_dir=base / "site", site_url=server.url)
    page = base / "site" / "de" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", PLANTED + "</article>"), encoding="utf-8")
    with server:
        yield server, project.project, base / "site"
    shutil.rmtree(base, ignore_errors=True)


def open_page(browser, url: str, bypass_csp: bool = False):
    context = browser.new_context(bypass_csp=bypass_csp)
    page = context.new_page()
    page.add_init_script(RECORD_CSP)
    dialogs, messages = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: messages.append(message.text))
    response = page.goto(url, wait_until="networkidle")
    page.click("#planted-click")
    page.click("#planted-link")
    page.wait_for_timeout(300)
    return context, page, response, dialogs, [text for text in messages if text.startswith("planted-")]


def test_planted_script_handlers_and_javascript_link_do_not_run(browser, planted):
    server, project, site = planted
    context, page, response, dialogs, messages = open_page(browser, server.url + "de/")
    assert dialogs == [] and messages == []
    assert page.evaluate("window.__planted") is None
    blocked = {violation.split()[0] for violation in page.evaluate("window.__csp")}
    assert {"script-src-elem", "script-src-attr"} <= blocked   # the policy, not chance, stopped them
    script_src = response.headers["content-security-policy"].split("script-src ")[1].split(";")[0].split()
    assert script_src == ["'self'", *TemplateScripts(project, site, list(LANGUAGES)).hashes]
    assert csp_hash(SCRIPT) not in script_src
    context.close()


def test_without_the_policy_the_planted_script_would_run(browser, planted):
    server, _, _ = planted
    context, page, _, dialogs, messages = open_page(browser, server.url + "de/", bypass_csp=True)
    assert "planted" in dialogs and "planted-script" in messages
    context.close()
