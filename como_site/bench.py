"""Benchmark the site's build pipeline against a stock MkDocs set-up on synthetic corpora.

Run `python -m como_site.bench [--pages M] [--cases N] [--repeat R] [--keep]`. It writes, in a temporary
folder, two synthetic four-language projects: "4N" with M Markdown pages per language and N case studies
(each in all languages), and "N" with a quarter of each. It then builds, R times each, as a fresh subprocess
into a fresh folder:

  a) both projects with the project's pipeline (`python -m como_site build`), the small one first;
  b) the 4N pages with a stock set-up (`mkdocs build`: Material defaults, plugins search and i18n),
     alternating with a at 4N,

and prints wall time, CPU time, peak memory, pages, output size and search-index sizes, the ratio b/a
and the growth factor a(4N)/a(N). It prints figures; it tests nothing.
"""
from __future__ import annotations

import argparse
import os
import posixpath
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from como_site.casestudies.render import OVERVIEW_MARKER
from como_site.contenttypes import content_pages, load_content
from como_site.labels import labels_for
from como_site.project import ROOT, load_project, read_mkdocs_config
from como_site.translations import SOURCE_HASH_KEY, content_hash

SECTION_SIZE = 10
GROWTH_TARGET = 4.4
CASE_COUNTRIES = ("KE", "XK", "CO", "VN", "MA", "PE", "GH", "ID")
CHILD_ENV_DROPPED = ("COMO_ONLY_LANGUAGE", "COMO_CASE_DATA")   # set, they would make ours build less

# Pseudo-text vocabulary per language: real words, random order, so stemmers and the index see realistic text.
WORDS = {
    "en": "cluster firms region market value chain supplier buyer training standard export investment network "
          "cooperation association ministry agency university research innovation capacity quality productivity "
          "strategy member service funding partner dialogue framework policy growth employment skills technology "
          "logistics certification small medium enterprise local global product process pilot project evaluation "
          "management governance board secretariat budget contribution sector industry energy textile tourism "
          "agriculture trust learning workshop survey roadmap action plan result impact lesson competitiveness".split(),
    "de": "Cluster Unternehmen Region Markt Wertschöpfungskette Zulieferer Käufer Ausbildung Standard Export "
          "Investition Netzwerk Kooperation Verband Ministerium Agentur Hochschule Forschung Innovation Kapazität "
          "Qualität Produktivität Strategie Mitglied Leistung Förderung Partner Dialog Rahmen Politik Wachstum "
          "Beschäftigung Fähigkeiten Technik Logistik Zertifizierung kleine mittlere lokale globale Produkt Prozess "
          "Pilotprojekt Bewertung Management Steuerung Vorstand Geschäftsstelle Haushalt Beitrag Branche Industrie "
          "Energie Textil Tourismus Landwirtschaft Vertrauen Lernen Workshop Umfrage Fahrplan Maßnahme Ergebnis "
          "Wirkung Erfahrung Wettbewerbsfähigkeit gemeinsam stärken entwickeln".split(),
    "es": "clúster empresas región mercado cadena valor proveedor comprador formación norma exportación inversión "
          "red cooperación asociación ministerio agencia universidad investigación innovación capacidad calidad "
          "productividad estrategia miembro servicio financiación socio diálogo marco política crecimiento empleo "
          "competencias tecnología logística certificación pequeña mediana local global producto proceso piloto "
          "proyecto evaluación gestión gobernanza junta secretaría presupuesto contribución sector industria energía "
          "textil turismo agricultura confianza aprendizaje taller encuesta hoja ruta acción resultado impacto "
          "lección competitividad".split(),
    "fr": "cluster entreprises région marché chaîne valeur fournisseur acheteur formation norme exportation "
          "investissement réseau coopération association ministère agence université recherche innovation capacité "
          "qualité productivité stratégie membre service financement partenaire dialogue cadre politique croissance "
          "emploi compétences technologie logistique certification petite moyenne locale mondiale produit processus "
          "pilote projet évaluation gestion gouvernance conseil secrétariat budget contribution secteur industrie "
          "énergie textile tourisme agriculture confiance apprentissage atelier enquête feuille route action résultat "
          "impact leçon compétitivité".split(),
}
TOPIC = {"de": "Thema", "en": "Topic", "es": "Tema", "fr": "Thème"}
HOME = {"de": "Startseite", "en": "Home", "es": "Inicio", "fr": "Accueil"}
CASES = {"de": "Fallstudien", "en": "Case studies", "es": "Casos prácticos", "fr": "Études de cas"}
CLUSTER = {"de": "Cluster", "en": "Cluster", "es": "Clúster", "fr": "Cluster"}


# -- synthetic text ------------------------------------------------------------------------------------

def sentence(rng: random.Random, lang: str, low: int = 8, high: int = 16) -> str:
    """One pseudo-sentence of low..high words from the language's vocabulary."""
    words = rng.choices(WORDS[lang], k=rng.randint(low, high))
    if len(words) > 6 and rng.random() < 0.4:
        words[rng.randint(2, len(words) - 3)] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, lang: str, link: str = "") -> str:
    """Three to five sentences; `link` (a Markdown link) is woven into the middle when given."""
    sentences = [sentence(rng, lang) for _ in range(rng.randint(3, 5))]
    if link:
        sentences.insert(len(sentences) // 2, f"{sentence(rng, lang, 4, 7)[:-1]} {link}.")
    return " ".join(sentences)


def heading(rng: random.Random, lang: str) -> str:
    """Two to four words, for headings, titles and short names."""
    return sentence(rng, lang, 2, 4)[:-1]


def bullet_list(rng: random.Random, lang: str) -> str:
    """A Markdown list of three to six short items."""
    return "\n".join(f"- {sentence(rng, lang, 3, 8)[:-1]}" for _ in range(rng.randint(3, 6)))


def table(rng: random.Random, lang: str) -> str:
    """A Markdown table: three columns, three to five rows."""
    columns = [heading(rng, lang) for _ in range(3)]
    rows = [f"| {heading(rng, lang)} | {rng.randint(1, 900)} | {rng.randint(2000, 2024)} |"
            for _ in range(rng.randint(3, 5))]
    return "\n".join([f"| {' | '.join(columns)} |", "|---|---:|---:|", *rows])


def words_in(text: str) -> int:
    """Words as a reader counts them, roughly: whitespace-separated tokens."""
    return len(text.split())


def page_body(rng: random.Random, lang: str, links: list[str]) -> str:
    """About 400-600 words in H2 sections (some with an H3), with lists, sometimes a table, and the links;
    the last section overshoots the target by up to ~120 words."""
    target = rng.randint(380, 480)
    links = list(links)
    blocks = [paragraph(rng, lang, links.pop() if links else "")]
    has_table = rng.random() < 0.35
    while words_in("\n".join(blocks)) < target or links:
        blocks.append(f"## {heading(rng, lang)}")
        blocks.append(paragraph(rng, lang, links.pop() if links else ""))
        if rng.random() < 0.5:
            blocks.append(bullet_list(rng, lang))
        if rng.random() < 0.4:
            blocks.append(f"### {heading(rng, lang)}")
            blocks.append(paragraph(rng, lang))
        if has_table:
            blocks.append(table(rng, lang))
            has_table = False
    return "\n\n".join(blocks)


def front_matter(**fields: str) -> str:
    """A YAML front-matter block."""
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n"


# -- synthetic project ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Section:
    label: str          # navigation label (English; "Services" is translated by nav_translations)
    pages: list[str]    # paths inside docs/<lang>/, the section's index.md first


def service_pages() -> list[str]:
    """The pages the case-study facts box links to, from the project's vocabulary."""
    vocabulary = yaml.safe_load((ROOT / "case_studies" / "vocabularies.yml").read_text(encoding="utf-8"))
    return [entry["page"] for entry in vocabulary["services"].values()]


def plan_sections(count: int) -> list[Section]:
    """`count` page paths in sections of SECTION_SIZE; the first section holds the service pages."""
    services = ["services/index.md", *service_pages()]
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


def write_project_config(root: Path, sections: list[Section]) -> None:
    """The project's own mkdocs.yml with the synthetic nav in place of the real one."""
    head, _, rest = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").partition("\nnav:\n")
    _, _, tail = rest.partition("\nextra:\n")
    navigation = yaml.safe_dump({"nav": nav(sections)}, allow_unicode=True)
    (root / "mkdocs.yml").write_text(f"{head}\n{navigation}\nextra:\n{tail}", encoding="utf-8")


def make_project(root: Path, pages: int, cases: int) -> list[Section]:
    """A copy of the project (config, hooks, theme overrides, package) with a synthetic corpus."""
    for name in ("hooks", "overrides", "i18n", "docs/assets", "case_studies/schema"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "case_studies" / "vocabularies.yml", root / "case_studies")
    (root / "como_site").symlink_to(ROOT / "como_site")
    project = load_project(ROOT)
    sections = plan_sections(pages)
    write_project_config(root, sections)
    write_pages(root / "docs", sections, project.codes, project.source_language)
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


# -- measuring -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Measurement:
    wall: float                    # seconds, start to exit of the build command
    cpu: float                     # user + system seconds of the command and every process it waited for
    peak_kb: int                   # largest resident set of any single process of the build
    pages: dict[str, int]          # built HTML pages per language
    output_bytes: int
    search_index: dict[str, int]   # bytes of search_index.json per language, or "merged" for one at the root
    others_cpu: float              # CPU seconds the rest of the machine used meanwhile (noise on a shared machine)


class BuildFailed(Exception):
    """A build command exited with an error; the message ends with its output."""


def is_page(path: Path) -> bool:
    """An HTML page rendered from Markdown by Material (not a 404 page, not the root language chooser)."""
    return path.name != "404.html" and 'class="md-content"' in path.read_text(encoding="utf-8")


def count_pages(site: Path) -> dict[str, int]:
    """Pages per language: a language folder's own, or the default language's for pages outside them
    (the stock set-up builds the default language at the site root)."""
    project = load_project(ROOT)
    counts = dict.fromkeys(project.codes, 0)
    for path in site.rglob("*.html"):
        if is_page(path):
            top = path.relative_to(site).parts[0]
            counts[top if top in counts else project.source_language] += 1
    return counts


def search_indexes(site: Path) -> dict[str, int]:
    """Sizes of the search indexes: one per language folder, or one "merged" at the site root."""
    sizes = {}
    for path in sorted(site.rglob("search/search_index.json")):
        folder = path.parent.parent
        sizes["merged" if folder == site else folder.relative_to(site).as_posix()] = path.stat().st_size
    return sizes


def machine_cpu_seconds() -> float:
    """CPU seconds every process of the machine has used since boot (Linux: /proc/stat)."""
    fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq = (int(value) for value in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def child_env() -> dict[str, str]:
    """The environment without the variables that would change what a build does."""
    return {name: value for name, value in os.environ.items() if name not in CHILD_ENV_DROPPED}


def run_build(command: list[str], cwd: Path, site: Path, log: Path) -> Measurement:
    """Run one build as a fresh subprocess and measure it."""
    before, machine_before = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu_seconds()
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=cwd, env=child_env(), stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)   # reaped by wait4: tell Popen, which would wait again
    after, machine_after = resource.getrusage(resource.RUSAGE_CHILDREN), machine_cpu_seconds()
    if process.returncode != 0:
        raise BuildFailed(f"{' '.join(command)} (in {cwd}) exited with {process.returncode}:\n"
                          + log.read_text(encoding="utf-8")[-3000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    others = max(0.0, machine_after - machine_before - cpu)
    return Measurement(wall, cpu, usage.ru_maxrss, count_pages(site), size, search_indexes(site), others)


@dataclass(frozen=True)
class Setup:
    key: str           # "a": the project's pipeline, "b": the stock set-up
    size: str          # "4N" or "N"
    cwd: Path

    @property
    def name(self) -> str:
        """Short name for progress lines and log files, e.g. a-4N."""
        return f"{self.key}-{self.size}"

    @property
    def label(self) -> str:
        """Name in the table."""
        return "a: como_site build" if self.key == "a" else "b: stock mkdocs build"

    def command(self, site: Path) -> list[str]:
        """The build command, as run in `cwd`, writing into `site`."""
        if self.key == "a":
            return [sys.executable, "-m", "como_site", "build", "--site-dir", str(site)]
        return [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]


def measure(setup: Setup, run: int, work: Path, keep: bool) -> Measurement:
    """Build once into a fresh folder; the folder is removed afterwards unless kept."""
    name = f"{setup.name}-{run}"
    site = work / "out" / name
    result = run_build(setup.command(site), setup.cwd, site, work / "logs" / f"{name}.log")
    print(f"  {setup.name:5} run {run}: {result.wall:6.1f} s wall, {result.cpu:6.1f} s CPU, "
          f"{sum(result.pages.values())} pages; other processes used {result.others_cpu:.1f} s CPU meanwhile",
          flush=True)
    if not keep:
        shutil.rmtree(site)
    return result


# -- reporting -----------------------------------------------------------------------------------------

def median_wall(results: list[Measurement]) -> float:
    """Median wall seconds of a set of builds."""
    return statistics.median(result.wall for result in results)


def table_row(setup: Setup, results: list[Measurement]) -> list[str]:
    """One set-up's figures as table cells."""
    wall = median_wall(results)
    pages = sum(results[0].pages.values())
    indexes = ", ".join(f"{name} {size / 1e3:.0f}" for name, size in results[0].search_index.items())
    return [setup.label, setup.size, str(len(results)), f"{wall:.1f}",
            f"{statistics.median(result.cpu for result in results):.1f}",
            f"{max(result.peak_kb for result in results) * 1024 / 1e6:.0f}", str(pages), f"{pages / wall:.1f}",
            f"{statistics.median(result.output_bytes for result in results) / 1e6:.1f}", indexes]


def format_table(rows: list[list[str]]) -> str:
    """Rows under a header, in aligned columns (numbers right-aligned)."""
    header = ["set-up", "size", "builds", "wall s", "CPU s", "peak MB", "pages", "pages/s", "output MB",
              "search index KB"]
    widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header))]
    lines = ["  ".join(cell.ljust(width) if column in (0, 9) else cell.rjust(width)
                       for column, (cell, width) in enumerate(zip(row, widths))).rstrip() for row in [header, *rows]]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(lines)


def per_language(results: list[Measurement]) -> str:
    """Pages per language of a set-up's first build, e.g. "de 283, en 283, ..."."""
    return ", ".join(f"{lang} {count}" for lang, count in results[0].pages.items())


def background(results: dict[Setup, list[Measurement]]) -> str:
    """How busy the rest of the machine was while the builds ran: the figures' noise."""
    builds = [result for runs in results.values() for result in runs]
    others, wall, cpus = sum(r.others_cpu for r in builds), sum(r.wall for r in builds), os.cpu_count() or 1
    return (f"Other processes used {others:.0f} s CPU during the {wall:.0f} s of builds "
            f"({100 * others / (wall * cpus):.0f} % of the machine's {cpus} CPUs): the higher, the noisier "
            "the figures.")


def runs_of(results: dict[Setup, list[Measurement]], key: str, size: str) -> list[Measurement]:
    """The builds of the set-up with this key and size."""
    return next(runs for setup, runs in results.items() if (setup.key, setup.size) == (key, size))


def comparisons(results: dict[Setup, list[Measurement]]) -> str:
    """The ratio stock/pipeline at 4N and the pipeline's growth from N to 4N."""
    large = median_wall(runs_of(results, "a", "4N"))
    ratio = median_wall(runs_of(results, "b", "4N")) / large
    growth = large / median_wall(runs_of(results, "a", "N"))
    verdict = "met" if growth <= GROWTH_TARGET else "NOT met"
    return (f"Ratio b/a of median wall time at 4N: {ratio:.2f} "
            f"({'stock is slower' if ratio > 1 else 'stock is faster'}).\n"
            f"Growth factor a(4N)/a(N) of median wall time: {growth:.2f} "
            f"(target at most {GROWTH_TARGET}: {verdict}).")


def report(results: dict[Setup, list[Measurement]]) -> str:
    """The table, what its columns mean, the ratio and growth factor, the page counts and the noise."""
    order = sorted(results, key=lambda setup: (setup.size != "4N", setup.key))
    return "\n".join([
        format_table([table_row(setup, results[setup]) for setup in order]),
        "",
        "wall s, CPU s, output MB: medians over the builds; CPU s = user + system time of the build command and",
        "  all its child processes. peak MB: the largest resident set reached by any single process of a build",
        "  (from wait4; concurrent worker processes add up, so the whole build can hold more at once).",
        "pages: HTML pages rendered from Markdown (no 404 pages, no root language chooser); pages/s = pages / wall s.",
        "MB = 10^6 bytes, KB = 10^3 bytes.",
        "",
        comparisons(results),
        f"Pages 4N: {per_language(runs_of(results, 'a', '4N'))} "
        f"(stock: {per_language(runs_of(results, 'b', '4N'))}).",
        f"Pages N:  {per_language(runs_of(results, 'a', 'N'))}.",
        background(results),
    ])


# -- main ----------------------------------------------------------------------------------------------

def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number not below `minimum`."""
    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line: corpus sizes, repetitions, and whether to keep the files."""
    parser = argparse.ArgumentParser(prog="python -m como_site.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=at_least(20), default=230,
                        help="synthetic Markdown pages per language at size 4N (default: 230)")
    parser.add_argument("--cases", type=at_least(4), default=20,
                        help="case studies at size 4N (default: 20)")
    parser.add_argument("--repeat", type=at_least(1), default=2,
                        help="builds per set-up and size (default: 2)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and every build's output")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Write the corpora, run every build, print the report; clean up unless --keep."""
    args = parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="como-bench-"))
    try:
        (work / "logs").mkdir()
        print(f"Writing the corpora in {work} ...", flush=True)
        large, small, stock = work / "project-4N", work / "project-N", work / "stock-4N"
        sections = make_project(large, args.pages, args.cases)
        make_project(small, args.pages // 4, args.cases // 4)
        make_stock_project(large, stock, sections)
        rounds = [[Setup("a", "N", small)], [Setup("a", "4N", large), Setup("b", "4N", stock)]]
        results: dict[Setup, list[Measurement]] = {setup: [] for setups in rounds for setup in setups}
        print("Building: the small corpus first, then the large one, a and b alternating.", flush=True)
        for setups in rounds:
            for run in range(1, args.repeat + 1):
                for setup in setups:
                    results[setup].append(measure(setup, run, work, args.keep))
        print()
        print(report(results))
    except BuildFailed as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"\nKept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
