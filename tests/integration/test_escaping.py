"""Every text from content reaches the built HTML escaped exactly once: it shows whole, as text, and a
`</title><script>` in it stays text. Read with an HTML parser, as a browser reads it."""
from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from como_site.inlinescripts import inline_scripts
from como_site.typography import typeset
from tests.conftest import TinyProject
from tests.htmlpages import parse

TITLE = "</title><script>alert(1)</script>"
DESCRIPTION = 'Preise „ab 5 €“, ein "Zitat" & <b>fett</b> – alles nur Text, auch in der Beschreibung.'
SECTION = "Fälle & <Studien>"
SITE_NAME = 'Como & "Co" <Wissen>'
LANGUAGE_NAME = 'Deutsch & "<de>"'
BANNER = "Auf Deutsch </script><script>alert(2)</script>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = TinyProject(tmp_path_factory.mktemp("escaping") / "project")
    project.write("docs/de/index.md", f"---\ntitle: '{TITLE}'\ndescription: '{DESCRIPTION}'\n---\n\n# Start\n")
    project.nav = ["index.md", {SECTION: ["case-studies/index.md"]}]
    project.config_text = (project.config_text.replace("site_name: Como – Clusterwissen", f"site_name: '{SITE_NAME}'")
                           .replace("name: Deutsch", f"name: '{LANGUAGE_NAME}'"))
    project.save_config()
    labels = project.root / "i18n" / "labels.yml"
    labels.write_text(labels.read_text(encoding="utf-8").replace("de: Diese Seite gibt es auch auf Deutsch.",
                                                                 f"de: '{BANNER}'"), encoding="utf-8")
    project.built_site()
    return project.root / "site"


def test_title_and_description_show_whole_as_text(site):
    page = parse(site / "de" / "index.html")
    assert page.title.string == f"{TITLE} - {SITE_NAME}"
    # whole and as text; its straight quotes set as German quotes by the build's typography
    assert page.find("meta", attrs={"name": "description"})["content"] == typeset(DESCRIPTION, "de")
    assert TITLE in page.find(class_="md-header__topic", attrs={"data-md-component": "header-topic"}).get_text()
    assert all("alert" not in script for script in inline_scripts((site / "de" / "index.html").read_text()))


def test_navigation_footer_and_search_show_titles_as_text(site):
    page = parse(site / "de" / "case-studies" / "index.html")
    nav_texts = [" ".join(link.get_text().split()) for link in page.select("nav.md-nav--primary a, "
                                                                            "nav.md-nav--primary label")]
    assert TITLE in nav_texts and SECTION in nav_texts
    previous = page.select_one("a.md-footer__link--prev")
    assert previous["aria-label"] == f"Zurück: {TITLE}"
    assert " ".join(previous.select_one(".md-ellipsis").get_text().split()) == TITLE
    index = json.loads((site / "de" / "search" / "search_index.json").read_text(encoding="utf-8"))
    home = next(doc for doc in index["docs"] if doc["location"] == "")
    assert BeautifulSoup(home["title"], "html.parser").get_text() == TITLE   # the search shows titles as HTML
    assert "<script>" not in json.dumps(index)


def test_switcher_banner_and_root_page_show_names_as_text(site):
    page = parse(site / "en" / "index.html")
    switch = page.select_one('a.md-select__link[hreflang="de"]')
    assert " ".join(switch.get_text().split()) == LANGUAGE_NAME
    offers = page.select_one("script.como-lang-banner__offers")
    assert offers["type"] == "application/json" and json.loads(offers.string)["de"]["text"] == BANNER
    assert all("alert" not in script for script in inline_scripts((site / "en" / "index.html").read_text()))
    chooser = parse(site / "index.html")
    assert LANGUAGE_NAME in [strong.get_text() for strong in chooser.select("li strong")]
