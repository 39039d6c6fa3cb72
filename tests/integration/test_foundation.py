"""The four-language site as built by `make site`: pages, languages, navigation, switcher."""
from __future__ import annotations

import re

import pytest

from como_site.alternates import page_path_to_url
from como_site.project import ROOT, read_mkdocs_config
from como_site.typography import typeset
from tests.conftest import LANGUAGES, source_pages
from tests.htmlpages import html_pages, page_file, parse, resolve

SECTIONS = ("Clusters", "Services", "Case studies", "About")
TITLED_PAGES = ("Glossary", "Further reading")   # nav entries with their own label (translated in nav_translations)
CONTENT_PAGES = 14  # home, 5 on clusters, 5 on services, case studies, about, legal notice, privacy


def nav_translations() -> dict[str, dict[str, str]]:
    config = read_mkdocs_config(ROOT / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {entry["locale"]: entry.get("nav_translations") or {} for entry in i18n["languages"]}


def front_matter_title(project, lang: str, path: str) -> str:
    """The page's title as the build shows it: in the language's typography."""
    text = (project.docs_dir / lang / path).read_text(encoding="utf-8")
    return typeset(re.search(r"^title:\s*(.+)$", text, re.MULTILINE).group(1).strip().strip("\"'"), lang)


def test_root_and_language_homes_exist(built_site):
    for url in ["index.html", *(f"{lang}/index.html" for lang in LANGUAGES)]:
        assert (built_site / url).is_file(), url


def test_root_offers_every_language_without_redirect(built_site):
    root = parse(built_site / "index.html")
    assert {a["href"] for a in root.select("main a")} == {f"{lang}/" for lang in LANGUAGES}
    assert not root.select("meta[http-equiv=refresh]")
    sources = [script.get("src") for script in root.select("script")]   # one script, no inline script:
    assert len(sources) == 1 and re.fullmatch(r"assets/root-chooser\.[0-9a-f]{8}\.js", sources[0]), sources  # the shared copy
    assert "location" not in (built_site / sources[0]).read_text(encoding="utf-8")   # never redirects


def test_enough_content_pages(project):
    assert len(source_pages(project)) >= CONTENT_PAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_in_every_language(built_site, project, lang):
    for path in source_pages(project):
        assert (project.docs_dir / lang / path).is_file(), f"docs/{lang}/{path} is missing"
        assert page_file(built_site, lang, page_path_to_url(path)).is_file(), f"{lang}: {path} not built"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang_matches_language_folder(built_site, lang):
    pages = html_pages(built_site, lang)
    assert pages
    for page in pages:
        assert parse(page).html["lang"] == lang, page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_labels_are_in_the_page_language(built_site, project, lang):
    """Every entry of the main navigation is a translated section or page label, or a page title in `lang`."""
    sections = {english: nav_translations()[lang].get(english, english) for english in SECTIONS}
    labels = {nav_translations()[lang].get(english, english) for english in TITLED_PAGES}
    titles = {front_matter_title(project, lang, path) for path in source_pages(project)}
    for path in source_pages(project):
        nav = parse(page_file(built_site, lang, page_path_to_url(path))).select_one("nav.md-nav--primary")
        for toc in nav.select("nav.md-nav--secondary"):
            toc.decompose()
        entries = {item.get_text(" ", strip=True) for item in nav.select(".md-nav__item > .md-nav__link")}
        assert set(sections.values()) <= entries, (path, entries)
        assert entries - {""} <= titles | set(sections.values()) | labels, (path, entries - titles)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switcher_links_to_the_same_page_in_every_language(built_site, project, lang):
    for path in source_pages(project):
        url = page_path_to_url(path)
        page_path = page_file(built_site, lang, url)
        links = {a["hreflang"]: a["href"] for a in parse(page_path).select("a.md-select__link")}
        assert set(links) == set(LANGUAGES), path
        for other, href in links.items():
            assert resolve(built_site, page_path, href) == page_file(built_site, other, url), (lang, path, other)


ENGLISH_WORDS = set("""the and with which this that these those from would should their there been were what when
where while because about into through between without within your they have has""".split())


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_text_outside_marked_english_titles(built_site, lang):
    """English is allowed only for proper names and works' titles, which carry lang="en"."""
    leaks = []
    for page in html_pages(built_site, lang):
        document = parse(page)
        for part in document.select('[lang="en"]'):
            part.decompose()
        for region in document.select("article, nav, header, footer"):
            words = re.findall(r"[A-Za-z]+", region.get_text(" "))
            found = sorted({word for word in words if word.lower() in ENGLISH_WORDS})
            if found:
                leaks.append(f"{page.relative_to(built_site)}: {found}")
    assert not leaks, "\n".join(leaks)
