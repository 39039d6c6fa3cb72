"""Turn validated case studies into Markdown: one page per case and language, facet pages, the overview.

Text from YAML goes into Markdown only after validation has rejected HTML and attribute lists, and into
HTML only through html.escape, so no editor text becomes markup.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

import yaml

from como_site.casestudies.localise import country_name, join_list, long_date, number
from como_site.casestudies.model import SECTION_FIELDS, CaseStudy, Text
from como_site.casestudies.validate import CaseStudies
from como_site.casestudies.worldmap import country_map_svg
from como_site.labels import Labels
from como_site.pages import GENERATED_KEY
from como_site.project import Project

OVERVIEW_MARKER = "<!-- case-study-overview -->"
FACETS = ("country", "sector", "year", "service")


def short_description(text: str, limit: int = 160) -> str:
    """A meta description: the text up to `limit` characters, cut at a word, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"


@dataclass(frozen=True)
class Renderer:
    project: Project
    labels: Labels
    cases: CaseStudies
    lang: str

    # -- small pieces -------------------------------------------------------------------------------
    def label(self, key: str, **values: object) -> str:
        return self.labels.get(key, self.lang, **values)

    @property
    def locale(self) -> str:
        """The CLDR locale for dates, numbers and country names (e.g. en_GB for British English)."""
        return self.label("format.locale")

    def text(self, text: Text) -> tuple[str, bool]:
        """The text in this language, or the source-language text (True) for a pending translation."""
        value = text.get(self.lang)
        if value:
            return value, False
        return text.get(self.project.source_language) or "", True

    def inline(self, text: Text, neutral_language: str | None = None) -> str:
        """A short text for HTML, marked with its language when it is a fallback or, for a
        language-neutral text (a name or title), when its language is known and not the page's."""
        value, fallback = self.text(text)
        language = self.project.source_language if fallback else (neutral_language if text.neutral else None)
        if language and language != self.lang:
            return f'<span lang="{language}">{escape(value)}</span>'
        return escape(value)

    def block(self, text: Text) -> str:
        value, fallback = self.text(text)
        if fallback:
            return f'<div lang="{self.project.source_language}" markdown>\n\n{value.strip()}\n\n</div>'
        return value.strip()

    def citations(self, case: CaseStudy, sources: tuple[str, ...]) -> str:
        if not sources:
            return ""
        refs = ", ".join(f"[[{case.source_number(source)}]](#sources)" for source in sources)
        return f"{self.label('case.sources_of_section')} {refs}\n{{: .como-cite }}"

    def sector(self, key: str) -> str:
        return self.cases.vocabulary.sectors[key][self.lang]

    def service(self, key: str) -> str:
        return self.cases.vocabulary.services[key][self.lang]

    def facet_values(self, case: CaseStudy, facet: str) -> list[str]:
        return {"country": [case.country], "sector": list(case.sectors), "year": [str(case.founded)],
                "service": list(case.services)}[facet]

    def facet_label(self, facet: str, value: str) -> str:
        return {"country": lambda: country_name(value, self.locale), "sector": lambda: self.sector(value),
                "year": lambda: value, "service": lambda: self.service(value)}[facet]()

    @staticmethod
    def front_matter(**fields: str) -> str:
        return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1000) + "---\n"

    # -- one case -----------------------------------------------------------------------------------
    def facts(self, case: CaseStudy) -> str:
        rows: list[tuple[str, str]] = []
        if case.names:
            rows.append((self.label("case.names"), escape(", ".join(case.names))))
        rows.append((self.label("case.country"), f"[{escape(country_name(case.country, self.locale))}]"
                                                 f"(country/{case.country.lower()}.md)"))
        if case.region:
            rows.append((self.label("case.region"), self.inline(case.region)))
        rows.append((self.label("case.sectors"), ", ".join(
            f"[{escape(self.sector(key))}](sector/{key}.md)" for key in case.sectors)))
        cite = self.inline_citations(case, case.founded_sources)
        rows.append((self.label("case.founded"), f"[{case.founded}](year/{case.founded}.md){cite}"))
        if case.services:
            pages = self.cases.vocabulary.service_pages
            rows.append((self.label("case.services"), ", ".join(
                f"[{escape(self.service(key))}](../{pages[key]})" for key in case.services)))
        for actor_type in dict.fromkeys(actor.type for actor in case.actors):
            names = [self.inline(actor.name) + self.inline_citations(case, actor.sources)
                     for actor in case.actors if actor.type == actor_type]
            label = self.cases.vocabulary.actor_types[actor_type][self.lang]
            rows.append((label[:1].upper() + label[1:], "; ".join(names)))   # a term heads its row
        items = "\n".join(f"{term}\n:   {value}\n" for term, value in rows)
        return f'<div class="como-facts" markdown>\n\n## {self.label("case.facts")} {{#facts}}\n\n{items}\n</div>'

    def inline_citations(self, case: CaseStudy, sources: tuple[str, ...]) -> str:
        return "".join(f" [[{case.source_number(source)}]](#sources)" for source in sources)

    def sections(self, case: CaseStudy) -> list[str]:
        parts = []
        for name in SECTION_FIELDS:
            if name in case.texts:
                text = case.texts[name]
                parts.append(f"## {self.label(f'case.{name}')} {{#{name}}}\n\n{self.block(text)}\n\n"
                             f"{self.citations(case, text.sources)}")
        return parts

    def figures(self, case: CaseStudy) -> str:
        if not case.figures:
            return ""
        header = (f"| {self.label('case.figure')} | {self.label('case.value')} | {self.label('case.year')} "
                  f"| {self.label('case.source')} |\n|---|---:|---:|---|")
        rows = [f"| {self.inline(figure.label)} | {escape(number(figure.value, self.locale))}"
                f"{' ' + escape(figure.unit) if figure.unit else ''} | {figure.year} |"
                f"{self.inline_citations(case, figure.sources)} |" for figure in case.figures]
        return f"## {self.label('case.figures')} {{#figures}}\n\n{header}\n" + "\n".join(rows)

    def source_list(self, case: CaseStudy) -> str:
        items = []
        for source in case.sources:
            details = [self.inline(source.publisher, source.language),
                       f"[{self.inline(source.title, source.language)}]({source.url})"]
            if source.date:
                details.append(self.label("case.source_date", date=long_date(source.date, self.locale)))
            if source.accessed:
                details.append(self.label("case.accessed", date=long_date(source.accessed, self.locale)))
            items.append("1. " + ", ".join(details))
        return f"## {self.label('case.sources')} {{#sources}}\n\n" + "\n".join(items)

    def related(self, case: CaseStudy) -> str:
        def score(other: CaseStudy) -> int:
            return (2 * len(set(case.sectors) & set(other.sectors)) + (case.country == other.country)
                    + len(set(case.services) & set(other.services)))

        others = sorted((other for other in self.cases.published if other.id != case.id and score(other)),
                        key=lambda other: (-score(other), other.id))[:3]
        if not others:
            return ""
        items = "\n".join(f"- [{escape(self.text(other.texts['title'])[0])}]({other.id}.md)" for other in others)
        return f"## {self.label('case.related')} {{#related}}\n\n{items}"

    def images(self, case: CaseStudy) -> str:
        if not case.images:
            return ""
        figures = [f"![{escape(self.text(image.alt)[0])}](../assets/case-studies/{image.file})\n"
                   f"{escape(image.credit)}\n{{: .como-credit }}" for image in case.images]
        return f"## {self.label('case.images')} {{#images}}\n\n" + "\n\n".join(figures)

    def case_page(self, case: CaseStudy) -> str:
        title, title_fallback = self.text(case.texts["title"])
        summary, _ = self.text(case.texts["summary"])
        fields = [case.texts[name] for name in case.texts] + [actor.name for actor in case.actors]
        pending = any(self.text(text)[1] for text in fields)
        heading = f"# {title}" + (f" {{ lang={self.project.source_language} }}" if title_fallback else "")
        notice = (f'!!! note "{self.label("case.pending_title")}"\n\n    {self.label("case.pending_notice")}'
                  if pending else "")
        lead = f"{self.block(case.texts['summary'])}\n{{: .como-lead }}"
        parts = [heading, notice, lead, self.citations(case, case.texts["summary"].sources), self.facts(case),
                 *self.sections(case), self.figures(case), self.images(case), self.source_list(case),
                 self.related(case), f"[{self.label('case.all')}](index.md)"]
        meta = self.front_matter(title=title, description=short_description(summary),
                                 **{GENERATED_KEY: case.path})
        return meta + "\n" + "\n\n".join(part for part in parts if part) + "\n"

    # -- lists of cases -----------------------------------------------------------------------------
    def card(self, case: CaseStudy, link_prefix: str = "", level: int = 3) -> str:
        title = escape(self.text(case.texts["title"])[0])
        summary = self.block(case.texts["summary"])
        data = " ".join(f'data-{facet}="{escape(" ".join(self.facet_values(case, facet)))}"' for facet in FACETS)
        meta = " · ".join([escape(country_name(case.country, self.locale)),
                           escape(join_list([self.sector(key) for key in case.sectors], self.locale)),
                           str(case.founded)])
        return (f'<article class="como-card" {data} markdown>\n\n{"#" * level} [{title}]({link_prefix}{case.id}.md)\n\n'
                f"{meta}\n{{: .como-card__meta }}\n\n{summary}\n\n</article>")

    def cards(self, cases: tuple[CaseStudy, ...], link_prefix: str = "", level: int = 3) -> str:
        return ('<div class="como-cards" markdown>\n\n' + "\n\n".join(self.card(case, link_prefix, level) for case in cases)
                + "\n\n</div>")

    def facet_index(self) -> dict[str, dict[str, list[CaseStudy]]]:
        index: dict[str, dict[str, list[CaseStudy]]] = {facet: {} for facet in FACETS}
        for case in self.cases.published:
            for facet in FACETS:
                for value in self.facet_values(case, facet):
                    index[facet].setdefault(value, []).append(case)
        return index

    def facet_nav(self) -> str:
        groups = []
        for facet, values in self.facet_index().items():
            if not values:
                continue
            links = "\n".join(
                f"- [{escape(self.facet_label(facet, value))} ({len(cases)})]({facet}/{value.lower()}.md)"
                f'{{ data-facet="{facet}" data-value="{escape(value)}" }}'
                for value, cases in sorted(values.items(), key=lambda item: self.facet_label(facet, item[0])))
            groups.append(f'<div class="como-facet" markdown>\n\n**{self.label(f"facet.{facet}")}**\n\n{links}\n\n</div>')
        total = len(self.cases.published)
        status = escape(self.label("overview.shown", count="{count}", total="{total}"))
        return (f'<nav class="como-facets" aria-label="{escape(self.label("overview.filter_label"))}" '
                f'data-status-template="{status}" data-total="{total}" markdown>\n\n'
                f"## {self.label('overview.filter')} {{#filter}}\n\n" + "\n\n".join(groups)
                + f'\n\n[{self.label("overview.reset")}](index.md){{ .como-facets__reset data-facet-reset="" }}\n\n'
                + '<p class="como-facets__status" role="status" aria-live="polite"></p>\n\n</nav>')

    def overview(self) -> str:
        cases = self.cases.published
        if not cases:
            return self.label("overview.none")
        countries = sorted({case.country for case in cases})
        names = join_list([country_name(code, self.locale) for code in countries], self.locale)
        svg = country_map_svg(countries, self.label("overview.map_title", countries=names),
                              {code: country_name(code, self.locale) for code in countries})
        return "\n\n".join([f'<div class="como-map">\n{svg}\n</div>', self.facet_nav(),
                            f"## {self.label('case.all')} ({len(cases)}) {{#all}}", self.cards(cases)])

    def facet_page(self, facet: str, value: str, cases: list[CaseStudy]) -> str:
        values = dict(facet=self.label(f"facet.{facet}"), value=self.facet_label(facet, value))
        meta = self.front_matter(title=self.label("facet.page_title", **values),
                                 description=self.label("facet.page_description", **values),
                                 **{GENERATED_KEY: "case_studies/"})
        body = (f"# {self.label('facet.page_title', **values)}\n\n{self.cards(tuple(cases), '../', level=2)}\n\n"
                f"[{self.label('case.all')}](../index.md)\n")
        return f"{meta}\n{body}"

    def pages(self) -> dict[str, str]:
        """Every generated page of this language: path inside docs/<lang>/ -> Markdown."""
        pages = {f"case-studies/{case.id}.md": self.case_page(case) for case in self.cases.published}
        for facet, values in self.facet_index().items():
            for value, cases in values.items():
                pages[f"case-studies/{facet}/{value.lower()}.md"] = self.facet_page(facet, value, cases)
        return pages
