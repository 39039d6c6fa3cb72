"""The benchmark's corpora: a copy of the project with synthetic pages and case studies in every language
(`make_project`), and the same Markdown for a stock MkDocs set-up (`make_stock_project`)."""
from __future__ import annotations

import posixpath
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from benchmarks.text import front_matter, heading, page_body, paragraph, sentence
from como_site.casestudies.render import OVERVIEW_MARKER
from como_site.contenttypes import content_pages, load_content
from como_site.labels import labels_for
from como_site.project import ROOT, load_project, read_mkdocs_config
from como_site.translations import SOURCE_HASH_KEY, content_hash
from tests.tinyproject import SERVICE_PAGES, TinyProject

SECTION_SIZE = 10
CASE_COUNTRIES = ("KE", "XK", "CO", "VN", "MA", "PE", "GH", "ID")
TOPIC = {"de": "Thema", "en": "Topic", "es": "Tema", "fr": "Thème"}
HOME = {"de": "Startseite", "en": "Home", "es": "Inicio", "fr": "Accueil"}
CASES = {"de": "Fallstudien", "en": "Case studies", "es": "Casos prácticos", "fr": "Études de cas"}
CLUSTER = {"de": "Cluster", "en": "Cluster", "es": "Clúster", "fr": "Cluster"}


@dataclass(frozen=True)
class Section:
    label: str          # navigation label (English; "Services" is translated by nav_translations)
    pages: list[str]    # paths inside docs/<lang>/, the section's index.md first


def plan_sections(count: int) -> list[Section]:
    """`count` page paths in sections of SECTION_SIZE; the first section holds the service pages (which the
    case-study facts box links to)."""
    services = ["services/index.md", *SERVICE_PAGES]
    paths = services + [f"services/page-{n:02d}.md" for n in range(len(services) + 1, SECTION_SIZE + 1)]
    sections = [Section("Services", paths[:count])]
    for number in range(2, (count - 1) // SECTION_SIZE + 2):
        size = min(SECTION_SIZE, count - (number - 1) * SECTION_SIZE)
        folder = f"topic-{number:02d}"
        pages = [f"{folder}/index.md", *(f"{folder}/page-{n:02d}.md" for n in range(2, size + 1))]
        sections.append(Section(f"Topic {number}", pages))
    return sections


def page_titles(sections: list[Section], lang: str) -> dict[str, str]:
    """A unique title for every synthetic page (the site check rejects duplicate titles)."""
    titles = {}
    for number, section in enumerate(sections, start=1):
        for position, path in enumerate(section.pages, start=1):
            rng = random.Random(f"title-{lang}-{path}")
            titles[path] = f"{TOPIC[lang]} {number}.{position}: {heading(rng, lang)}"
    return titles


def markdown_link(source: str, target: str, title: str) -> str:
    """A relative Markdown link from page `source` to page `target` (paths inside docs/<lang>/)."""
    relative = posixpath.relpath(target, posixpath.dirname(source) or ".")
    return f"[{title}]({relative})"


def write_page(docs: Path, lang: str, path: str, meta: dict[str, str], body: str, source_language: str) -> None:
    """Write one page; a translation records the hash of its source so it counts as current."""
    if lang != source_language:
        meta = {**meta, SOURCE_HASH_KEY: content_hash((docs / source_language / path).read_text(encoding="utf-8"))}
    target = docs / lang / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front_matter(**meta) + f"\n# {meta['title']}\n\n{body}\n", encoding="utf-8")


def write_pages(docs: Path, sections: list[Section], languages: tuple[str, ...], source_language: str) -> None:
    """Every synthetic page, the home page and the case-study overview, in every language."""
    paths = [path for section in sections for path in section.pages]
    for lang in sorted(languages, key=lambda code: code != source_language):   # the source first, for hashes
        titles = page_titles(sections, lang)
        for path in paths:
            rng = random.Random(f"page-{lang}-{path}")
            targets = rng.sample([other for other in paths if other != path], k=min(rng.randint(3, 5), len(paths) - 1))
            links = [markdown_link(path, target, titles[target]) for target in targets]
            meta = {"title": titles[path], "description": sentence(rng, lang, 10, 14)}
            write_page(docs, lang, path, meta, page_body(rng, lang, links), source_language)
        rng = random.Random(f"home-{lang}")
        home_links = [markdown_link("index.md", section.pages[0], titles[section.pages[0]]) for section in sections]
        write_page(docs, lang, "index.md", {"title": HOME[lang], "description": sentence(rng, lang, 10, 14)},
                   paragraph(rng, lang) + "\n\n" + "\n".join(f"- {link}" for link in home_links), source_language)
        write_page(docs, lang, "case-studies/index.md",
                   {"title": CASES[lang], "description": sentence(rng, lang, 10, 14)},
                   f"{paragraph(rng, lang)}\n\n{OVERVIEW_MARKER}", source_language)


def texts(rng: random.Random, languages: tuple[str, ...], sentences: int, **extra: Any) -> dict[str, Any]:
    """A translated case-study text: a few pseudo-sentences in every language."""
    return {lang: " ".join(sentence(rng, lang) for _ in range(sentences)) for lang in languages} | extra


def case_record(number: int, languages: tuple[str, ...], vocabulary: dict[str, Any]) -> dict[str, Any]:
    """A valid case study shaped like tests/fixtures/cases/alpha.yml, varied by `number`."""
    rng = random.Random(f"case-{number}")
    sectors, services = list(vocabulary["sectors"]), list(vocabulary["services"])
    actor_types = list(vocabulary["actor_types"])
    acronym = f"CL{number:03d}"
    return {
        "id": f"case-{number:03d}",
        "status": "published",
        "names": [acronym],
        "country": CASE_COUNTRIES[number % len(CASE_COUNTRIES)],
        "region": {lang: heading(rng, lang) for lang in languages},
        "sectors": rng.sample(sectors, k=rng.randint(1, 2)),
        "founded": {"year": 2005 + number % 12, "sources": ["src-a"]},
        "services": rng.sample(services, k=rng.randint(1, 2)),
        "actors": [{"type": rng.choice(actor_types), "name": {lang: heading(rng, lang) for lang in languages},
                    "sources": ["src-a"]} for _ in range(rng.randint(2, 3))],
        "title": {lang: f"{CLUSTER[lang]} {acronym}: {heading(rng, lang)}" for lang in languages},
        "summary": texts(rng, languages, 2, sources=["src-a"]),
        "context": texts(rng, languages, 3, sources=["src-a"]),
        "challenge": texts(rng, languages, 2),
        "approach": texts(rng, languages, 3, sources=["src-b"]),
        "results": texts(rng, languages, 2),
        "figures": [{"value": rng.randint(10, 9000) + 0.5, "unit": "t", "year": 2015 + number % 8,
                     "label": {lang: heading(rng, lang) for lang in languages}, "sources": ["src-b"]}],
        "sources": [
            {"id": "src-a", "title": f"Source A of {acronym}", "publisher": "Bench Publisher",
             "url": f"https://example.org/{acronym.lower()}/a", "date": "2020-05-01"},
            {"id": "src-b", "title": {lang: f"{heading(rng, lang)} {acronym}" for lang in languages},
             "publisher": "Bench Publisher B", "url": f"https://example.org/{acronym.lower()}/b",
             "accessed": "2021-01-02"},
        ],
    }


def write_cases(root: Path, count: int, languages: tuple[str, ...]) -> None:
    """`count` case-study files, case_studies/case-001.yml onwards."""
    vocabulary = yaml.safe_load((root / "case_studies" / "vocabularies.yml").read_text(encoding="utf-8"))
    for number in range(1, count + 1):
        record = case_record(number, languages, vocabulary)
        text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=1000)
        (root / "case_studies" / f"{record['id']}.yml").write_text(text, encoding="utf-8")


def nav(sections: list[Section]) -> list[Any]:
    """The `nav:` of both set-ups: home, the sections, the case-study overview."""
    return ["index.md", *({section.label: section.pages} for section in sections),
            {"Case studies": ["case-studies/index.md"]}]


def make_project(root: Path, pages: int, cases: int) -> list[Section]:
    """A copy of the project (the tests' TinyProject: config, hooks, theme overrides, labels, schema) with a
    synthetic corpus of `pages` pages per language and `cases` case studies; returns its sections."""
    copy, project = TinyProject(root), load_project(ROOT)
    sections = plan_sections(pages)
    copy.nav = nav(sections)
    copy.save_config()
    write_pages(root / "docs", sections, project.codes, project.source_language)   # replaces the copy's pages
    write_cases(root, cases, project.codes)
    return sections


def stock_config(sections: list[Section]) -> dict[str, Any]:
    """A stock mkdocs.yml: Material with its defaults, plugins search and i18n, the same nav, and the same
    Markdown extensions, so that both set-ups turn the same Markdown into the same content."""
    ours = read_mkdocs_config(ROOT / "mkdocs.yml")
    i18n = next(plugin["i18n"] for plugin in ours["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    keys = ("locale", "name", "default", "site_name", "nav_translations")
    languages = [{key: entry[key] for key in keys if key in entry} for entry in i18n["languages"]]
    return {
        "site_name": ours["site_name"],
        "site_url": load_project(ROOT).site_url,
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "markdown_extensions": ours["markdown_extensions"],
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
        "nav": nav(sections),
    }


def make_stock_project(project_root: Path, root: Path, sections: list[Section]) -> None:
    """The same Markdown pages, the pages our build makes from data written as files, for plain MkDocs."""
    project = load_project(project_root)
    content, _ = load_content(project)
    shutil.copytree(project_root / "docs", root / "docs", ignore=shutil.ignore_patterns("assets"))
    for lang in project.codes:
        for path, text in content_pages(project, labels_for(project), content, lang).items():
            (root / "docs" / lang / path).parent.mkdir(parents=True, exist_ok=True)
            (root / "docs" / lang / path).write_text(text, encoding="utf-8")
    text = yaml.safe_dump(stock_config(sections), allow_unicode=True, sort_keys=False)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")


# A minimal multilingual Hugo layout: each page's title, description, language links, its section's pages
# and its content; Material's chrome (navigation, search, scripts) has no counterpart here.
HUGO_PAGE = """\
<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} - {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}</head>
<body>
<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Label }}</a> {{ end }}</nav>
<nav><ul>{{ range .CurrentSection.Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul></nav>
<main><article>
{{ .Content }}
</article></main>
</body>
</html>
"""
INDEX_LINK = re.compile(r"(\]\((?:[^)\s]*/)?)index\.md(?=[)#])")


def hugo_config(languages: list[dict[str, Any]], site_url: str) -> dict[str, Any]:
    """hugo.yaml: one content folder per language under its own path, no taxonomies or feeds, Markdown links
    to pages resolved as MkDocs resolves them (Hugo's own link render hook), raw HTML kept as MkDocs keeps it."""
    return {
        "baseURL": site_url,
        "defaultContentLanguage": next(entry["locale"] for entry in languages if entry.get("default")),
        "defaultContentLanguageInSubdir": True,
        "disableKinds": ["taxonomy", "term", "RSS"],
        "markup": {"goldmark": {"renderHooks": {"link": {"useEmbedded": "always"}},
                                "parser": {"attribute": {"block": True}},
                                "renderer": {"unsafe": True}}},   # the pages made from data hold HTML, as in MkDocs
        "languages": {entry["locale"]: {"label": entry["name"], "title": entry.get("site_name", ""),
                                        "contentDir": f"content/{entry['locale']}", "weight": weight}
                      for weight, entry in enumerate(languages, start=1)},
    }


def make_hugo_project(stock_root: Path, root: Path) -> None:
    """The stock set-up's Markdown (the same pages, the case studies as files) as a Hugo site: docs/<lang>/
    becomes content/<lang>/, each folder's index.md its _index.md (Hugo's section page), links to them too."""
    config = yaml.safe_load((stock_root / "mkdocs.yml").read_text(encoding="utf-8"))
    languages = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict))["languages"]
    for source in sorted((stock_root / "docs").rglob("*.md")):
        relative = source.relative_to(stock_root / "docs")
        target = root / "content" / (relative.with_name("_index.md") if relative.name == "index.md" else relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(INDEX_LINK.sub(r"\1_index.md", source.read_text(encoding="utf-8")), encoding="utf-8")
    for kind in ("single", "list"):
        (root / "layouts" / "_default").mkdir(parents=True, exist_ok=True)
        (root / "layouts" / "_default" / f"{kind}.html").write_text(HUGO_PAGE, encoding="utf-8")
    text = yaml.safe_dump(hugo_config(languages, config["site_url"]), allow_unicode=True, sort_keys=False)
    (root / "hugo.yaml").write_text(text, encoding="utf-8")
