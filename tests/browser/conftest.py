"""A real Chromium (Debian's /usr/bin/chromium) driven by Playwright, watching what a visitor's browser sees:
console errors, Content-Security-Policy violations and requests to any origin but our server."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


@dataclass
class Visit:
    page: Page
    origin: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__csp || []")

    def assert_clean(self) -> None:
        assert self.console_errors == [], self.console_errors
        assert self.csp_violations() == []
        assert self.foreign_requests == [], self.foreign_requests


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def visit(browser: Browser, server):
    """visit(path, locale=...) opens server.url + path in a fresh browser profile and records faults."""
    contexts = []

    def open_page(path: str, locale: str = "en-GB", origin_server=None) -> Visit:
        target = origin_server or server
        context = browser.new_context(locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.add_init_script(RECORD_CSP)
        record = Visit(page, target.origin)
        page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
        page.on("pageerror", lambda error: record.console_errors.append(str(error)))

        def on_request(request):
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != record.origin:
                record.foreign_requests.append(request.url)
        page.on("request", on_request)
        page.goto(target.url + path, wait_until="networkidle")
        return record

    yield open_page
    for context in contexts:
        context.close()
