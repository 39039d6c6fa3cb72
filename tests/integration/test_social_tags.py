"""Open Graph and Twitter tags and JSON-LD of every kind of page in every language, read with an HTML
parser from the real build, their expectations derived from the content; then an adversarial title, site
name and company name in a tiny project, which stay inert text in the tags and in the JSON-LD."""
from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from como_site.alternates import page_path_to_url
from como_site.builtpages import SCRIPT_TYPES
from como_site.cards import card_path
from como_site.casestudies.render import OVERVIEW_MARKER
from como_site.contenttypes import GLOSSARY
from como_site.labels import labels_for
from como_site.typography import typeset
from tests.conftest import LANGUAGES, TinyProject, published_cases, source_pages
from tests.integration.test_foundation import front_matter_title

GENERATED = ("case", "facet", "glossary")   # kinds of page made from data: they exist in every language


@dataclass
class Head:
    """What a page's <head> tells a shared link and a search engine."""
    og: dict[str, list[str]] = field(default_factory=dict)    # property -> contents, in order
    twitter_card: str | None = None
    canonical: str | None = None
    hreflang: dict[str, str] = field(default_factory=dict)
    json_ld: list[dict] = field(default_factory=list)
    h1: str = ""
    scripts: list[tuple[str, str]] = field(default_factory=list)   # (type, text) of every inline script

    def one(self, name: str) -> str:
        values = self.og.get(name, [])
        assert len(values) == 1, (name, values)
        return values[0]

    def block(self, kind: str) -> dict:
        found = [block for block in self.json_ld if block["@type"] == kind]
        assert len(found) == 1, (kind, self.json_ld)
        return found[0]


def read_head(path: Path) -> Head:
    tree = LexborHTMLParser(path.read_bytes())
    head = Head()
    for meta in tree.css("head > meta[property]"):
        head.og.setdefault(meta.attributes["property"], []).append(meta.attributes.get("content") or "")
    card = tree.css_first('head > meta[name="twitter:card"]')
    head.twitter_card = card.attributes.get("content") if card else None
    canonical = tree.css_first('head > link[rel="canonical"]')
    head.canonical = canonical.attributes.get("href") if canonical else None
    head.hreflang = {link.attributes["hreflang"]: link.attributes["href"]
                     for link in tree.css('head > link[rel="alternate"][hreflang]')}
    head.json_ld = [json.loads(script.text()) for script in tree.css('script[type="application/ld+json"]')]
    h1 = tree.css_first("article h1")
    head.h1 = h1.text().strip().rstrip("¶").strip() if h1 else ""
    head.scripts = [(script.attributes.get("type") or "", script.text()) for script in tree.css("script:not([src])")]
    return head


def page_kinds(project) -> dict[str, str]:
    """One page of each kind, by its path in the language folder, found from the content."""
    pages = source_pages(project)
    base = project.docs_dir / project.source_language
    overview = next(path for path in pages if OVERVIEW_MARKER in (base / path).read_text(encoding="utf-8"))
    case = published_cases(project)[0]
    return {"home": "index.md", "knowledge": next(path for path in pages if path != "index.md" and path != overview),
            "overview": overview, "case": f"case-studies/{case.id}.md",
            "facet": f"case-studies/country/{case.country.lower()}.md", "glossary": GLOSSARY.page}


def built(site: Path, lang: str, path: str) -> Path:
    return site / lang / page_path_to_url(path) / "index.html"


@pytest.fixture(scope="module")
def kinds(project):
    return page_kinds(project)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "knowledge", "overview", "case", "facet", "glossary"])
def test_open_graph_and_twitter_tags_come_from_the_page(built_site, project, kinds, kind, lang):
    path, locale = kinds[kind], labels_for(project).get("social.locale", lang)
    head = read_head(built(built_site, lang, path))
    title = front_matter_title(project, lang, path) if kind == "home" else head.h1
    assert title and head.one("og:title") == title
    assert head.one("og:url") == head.canonical == project.language_url(lang) + page_path_to_url(path)
    assert head.one("og:type") == ("website" if kind == "home" else "article")
    description = LexborHTMLParser(built(built_site, lang, path).read_bytes()).css_first('meta[name="description"]')
    assert head.one("og:description") == description.attributes["content"]
    assert head.one("og:locale") == locale
    translated = [other for other in LANGUAGES if other != lang
                  and (kind in GENERATED or (project.docs_dir / other / path).is_file())]
    assert sorted(head.og.get("og:locale:alternate", [])) == sorted(
        labels_for(project).get("social.locale", other) for other in translated)
    assert set(translated) == set(head.hreflang) - {lang, "x-default"}   # the same real translations as hreflang
    assert head.one("og:image") == project.language_url(lang) + card_path(page_path_to_url(path))
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    assert title in head.one("og:image:alt")
    assert head.twitter_card == "summary_large_image"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", ["home", "knowledge", "overview", "case", "facet", "glossary"])
def test_json_ld_per_kind_of_page(built_site, project, kinds, kind, lang):
    head = read_head(built(built_site, lang, kinds[kind]))
    expected = {"home": {"Organization", "BreadcrumbList"}, "case": {"Article", "BreadcrumbList"}}
    assert sorted(block["@type"] for block in head.json_ld) == sorted(expected.get(kind, {"BreadcrumbList"}))
    assert all(block["@context"] == "https://schema.org" for block in head.json_ld)
    trail = head.block("BreadcrumbList")["itemListElement"]
    assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
    assert trail[0]["item"] == project.language_url(lang)
    assert (trail[-1]["name"], trail[-1]["item"]) == (head.one("og:title"), head.canonical)
    assert len(trail) == 1 if kind == "home" else len(trail) >= 2
    for item in trail[1:-1]:   # each step up is a page of this language that exists
        assert built_site.joinpath(item["item"][len(project.site_url):], "index.html").is_file()


def test_home_pages_carry_the_organization_with_only_the_filled_in_company_values(built_site, project):
    filled = {str(value).strip() for value in project.company.values() if value is not None and str(value).strip()}
    for lang in LANGUAGES:
        organization = read_head(built(built_site, lang, "index.md")).block("Organization")
        assert organization["name"] == project.company["name"]
        values = {value for key, value in organization.items() if not key.startswith("@")}
        assert values <= filled and None not in values and "" not in values
        if project.company.get("website"):
            assert organization["url"] == project.company["website"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_case_study_is_an_article_citing_its_sources(built_site, project, lang):
    for case in published_cases(project):
        head = read_head(built(built_site, lang, f"case-studies/{case.id}.md"))
        article = head.block("Article")
        assert article["headline"] == head.one("og:title") == head.h1
        assert article["inLanguage"] == lang and article["url"] == head.canonical
        assert article["image"] == head.one("og:image")
        assert [work["url"] for work in article["citation"]] == [source.url for source in case.sources]
        assert all(work["name"] and work["publisher"]["name"] for work in article["citation"])
        about = [thing["name"] for thing in article["about"]]
        assert len(about) == len(case.names[:1]) + 1 + len(case.sectors)
        if case.names:
            assert about[0] == case.names[0]
        published, modified = (datetime.datetime.fromisoformat(article[key]) for key in ("datePublished", "dateModified"))
        assert published <= modified


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_indexable_page_has_its_tags_and_a_breadcrumb(built_site, lang):
    pages = [page for page in sorted((built_site / lang).rglob("index.html")) if page.parent.name != "search"]
    assert pages
    for page in pages:
        head = read_head(page)
        if not head.hreflang:   # noindex (a fallback page): no social tags
            assert not head.og and not head.json_ld, page
            continue
        assert head.one("og:url") == head.canonical, page
        assert head.block("BreadcrumbList")["itemListElement"][-1]["item"] == head.canonical, page


# -- content that tries to break out ---------------------------------------------------------------
TITLE = "</script><script>alert(1)</script>"
SITE_NAME = '</title><script>alert(2)</script> & "Co"'
COMPANY = "Como </script><script>alert(3)</script>"
ONLY_ENGLISH = "only-english.md"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = TinyProject(tmp_path_factory.mktemp("social") / "project")
    project.write("docs/de/index.md", f"---\ntitle: '{TITLE}'\ndescription: '{TITLE} &amp; <b>'\n---\n\n# Start\n")
    project.write(f"docs/en/{ONLY_ENGLISH}", "---\ntitle: Only in English\ndescription: Only English.\n---\n\n"
                                              "# Only in English\n")
    project.nav = ["index.md", ONLY_ENGLISH, {"Case studies": ["case-studies/index.md"]}]
    assert "site_name: Como – Clusterwissen" in project.config_text and "\n    name: Como\n" in project.config_text
    project.config_text = (project.config_text.replace("site_name: Como – Clusterwissen", f"site_name: '{SITE_NAME}'")
                           .replace("\n    name: Como\n", f"\n    name: '{COMPANY}'\n"))
    project.save_config()
    project.built_site()
    return project.root / "site"


def test_a_hostile_title_stays_text_in_the_tags_and_the_json_ld(hostile):
    page = hostile / "de" / "index.html"
    head = read_head(page)
    assert head.one("og:title") == typeset(TITLE, "de")
    assert head.one("og:description") == typeset(f"{TITLE} &amp; <b>", "de")
    assert head.one("og:site_name") == SITE_NAME
    assert head.block("Organization")["name"] == COMPANY
    assert head.block("BreadcrumbList")["itemListElement"][0]["name"] == typeset(TITLE, "de")
    for kind, text in head.scripts:   # no script element was opened or closed by the content
        assert kind.strip().lower() not in SCRIPT_TYPES or "alert" not in text, text
    raw = page.read_text(encoding="utf-8")
    blocks = raw.split('<script type="application/ld+json">')[1:]
    assert len(blocks) == len(head.json_ld) == 2
    assert all("<" not in block.split("</script>")[0] for block in blocks)


def test_a_fallback_page_has_no_tags_and_the_original_names_no_missing_translation(hostile):
    original = read_head(hostile / "en" / "only-english" / "index.html")
    assert "og:locale:alternate" not in original.og and original.one("og:locale") == "en_GB"
    fallback = read_head(hostile / "de" / "only-english" / "index.html")
    assert not fallback.og and not fallback.json_ld and fallback.twitter_card is None
