"""Turn validated case studies into Markdown through the templates in overrides/content/: one page per
case and language, facet pages, the overview block.

Text from YAML goes into Markdown only after validation has rejected HTML and attribute lists; the
templates autoescape every other value, and the pieces built here are escaped once, with `escape`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from markupsafe import Markup, escape

from como_site.casestudies.localise import country_name, join_list, long_date, number
from como_site.casestudies.model import CaseStudy, Text
from como_site.casestudies.pdf import case_pdf, pdf_path
from como_site.casestudies.validate import CaseStudies
from como_site.casestudies.worldmap import country_map_svg
from como_site.labels import Labels
from como_site.project import Project
from como_site.templates import markdown, render

OVERVIEW_MARKER = "<!-- case-study-overview -->"
PDF_MARKER = "<!-- case-study-pdf:{id} -->"   # where a case's page links its PDF: filled in the language's build
FACETS = ("country", "sector", "year", "service")
SECTIONS = ("context", "challenge", "approach", "results", "lessons")   # the page's sections, in this order


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
    made: Mapping[str, bytes] = field(default_factory=dict)   # the language's files made so far (its PDFs)

    # -- small pieces, used by the templates --------------------------------------------------------
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

    def md(self, text: Text) -> Markup:
        return markdown(self.text(text)[0])

    def inline(self, text: Text, neutral_language: str | None = None) -> Markup:
        """A short text for HTML, marked with its language when it is a fallback or, for a
        language-neutral text (a name or title), when its language is known and not the page's."""
        value, fallback = self.text(text)
        language = self.project.source_language if fallback else (neutral_language if text.neutral else None)
        if language and language != self.lang:
            return Markup('<span lang="{}">{}</span>').format(language, value)
        return escape(value)

    def block(self, text: Text) -> Markup:
        value, fallback = self.text(text)
        if fallback:
            return Markup('<div lang="{}" markdown>\n\n{}\n\n</div>').format(self.project.source_language,
                                                                          markdown(value.strip()))
        return markdown(value.strip())

    def pending(self, case: CaseStudy) -> bool:
        """True when any text of the case is shown in the source language for now."""
        return any(self.text(text)[1] for text in case.translatable.values())

    def citations(self, case: CaseStudy, sources: tuple[str, ...]) -> Markup:
        if not sources:
            return Markup("")
        refs = ", ".join(f"[[{case.source_number(source)}]](#sources)" for source in sources)
        return Markup("{} {}\n{{: .como-cite }}").format(self.label("case.sources_of_section"), Markup(refs))

    def inline_citations(self, case: CaseStudy, sources: tuple[str, ...]) -> Markup:
        return Markup("".join(f" [[{case.source_number(source)}]](#sources)" for source in sources))

    def number(self, value: float) -> str:
        return number(value, self.locale)

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

    def facts(self, case: CaseStudy) -> list[tuple[str, Markup]]:
        """The rows of the 'at a glance' list: (term, value as Markdown)."""
        rows: list[tuple[str, Markup]] = []
        if case.names:
            rows.append((self.label("case.names"), escape(", ".join(case.names))))
        rows.append((self.label("case.country"), Markup("[{}](country/{}.md)").format(
            country_name(case.country, self.locale), case.country.lower())))
        if "region" in case.texts:
            rows.append((self.label("case.region"), self.inline(case.texts["region"])))
        rows.append((self.label("case.sectors"), Markup(", ").join(
            Markup("[{}](sector/{}.md)").format(self.sector(key), key) for key in case.sectors)))
        rows.append((self.label("case.founded"), Markup("[{}](year/{}.md){}").format(
            case.founded, case.founded, self.inline_citations(case, case.founded_sources))))
        if case.services:
            pages = self.cases.vocabulary.service_pages
            rows.append((self.label("case.services"), Markup(", ").join(
                Markup("[{}](../{})").format(self.service(key), pages[key]) for key in case.services)))
        for actor_type in dict.fromkeys(actor.type for actor in case.actors):
            names = [self.inline(actor.name) + self.inline_citations(case, actor.sources)
                     for actor in case.actors if actor.type == actor_type]
            label = self.cases.vocabulary.actor_types[actor_type][self.lang]
            rows.append((label[:1].upper() + label[1:], Markup("; ").join(names)))   # a term heads its row
        return rows

    def source_details(self, source) -> Markup:
        details = [self.inline(source.publisher, source.language),
                   # <...>: an address with parentheses or `)](` stays one link (the schema refuses < > in it)
                   Markup("[{}](<{}>)").format(self.inline(source.title, source.language), source.url)]
        if source.date:
            details.append(escape(self.label("case.source_date", date=long_date(source.date, self.locale, self.label("format.first_day")))))
        if source.accessed:
            details.append(escape(self.label("case.accessed", date=long_date(source.accessed, self.locale, self.label("format.first_day")))))
        return Markup(", ").join(details)

    def card_meta(self, case: CaseStudy) -> str:
        return " · ".join([country_name(case.country, self.locale),
                           join_list([self.sector(key) for key in case.sectors], self.locale), str(case.founded)])

    # -- pages and blocks ---------------------------------------------------------------------------
    def related(self, case: CaseStudy) -> list[CaseStudy]:
        def score(other: CaseStudy) -> int:
            return (2 * len(set(case.sectors) & set(other.sectors)) + (case.country == other.country)
                    + len(set(case.services) & set(other.services)))

        return sorted((other for other in self.cases.published if other.id != case.id and score(other)),
                      key=lambda other: (-score(other), other.id))[:3]

    def pdf(self, case: CaseStudy) -> bytes:
        made = self.made.get(pdf_path(case.id, self.lang))
        return made if made is not None else case_pdf(self, case, SECTIONS).data

    def pdf_marker(self, case: CaseStudy) -> Markup:
        return Markup(PDF_MARKER).format(id=case.id)

    def pdf_link(self, case: CaseStudy) -> Markup:
        """The Markdown link from the case's page to its PDF, with the file's size in KB."""
        size = self.number(max(1, round(len(self.pdf(case)) / 1024)))
        target = pdf_path(case.id, self.lang).removeprefix("case-studies/")
        return Markup("[{}]({}){{: .como-pdf-link }}").format(self.label("case.pdf", size=size), target)

    def case_page(self, case: CaseStudy) -> str:
        return render(self.project.root, "case-study.md", r=self, case=case, sections=SECTIONS,
                      source=self.project.source_language, related=self.related(case),
                      description=short_description(self.text(case.texts["summary"])[0]))

    def cards(self, cases: tuple[CaseStudy, ...], link_prefix: str = "", level: int = 3) -> Markup:
        return Markup(render(self.project.root, "case-cards.md", r=self, cases=cases, facets=FACETS,
                             link_prefix=link_prefix, level=level))

    def card(self, case: CaseStudy) -> str:
        return self.cards((case,))

    def facet_index(self) -> dict[str, dict[str, list[CaseStudy]]]:
        index: dict[str, dict[str, list[CaseStudy]]] = {facet: {} for facet in FACETS}
        for case in self.cases.published:
            for facet in FACETS:
                for value in self.facet_values(case, facet):
                    index[facet].setdefault(value, []).append(case)
        return index

    def overview(self) -> str:
        cases = self.cases.published
        groups, svg = [], ""
        if cases:
            countries = sorted({case.country for case in cases})
            names = join_list([country_name(code, self.locale) for code in countries], self.locale)
            svg = Markup(country_map_svg(countries, self.label("overview.map_title", countries=names),
                                         {code: country_name(code, self.locale) for code in countries}))
            groups = [(facet, [(value, self.facet_label(facet, value), len(found)) for value, found in
                               sorted(values.items(), key=lambda item: self.facet_label(facet, item[0]))])
                      for facet, values in self.facet_index().items() if values]
        return render(self.project.root, "case-overview.md", r=self, cases=cases, map_svg=svg,
                      facet_groups=groups, cards=self.cards(cases) if cases else "").strip()

    def facet_page(self, facet: str, value: str, cases: list[CaseStudy]) -> str:
        values = dict(facet=self.label(f"facet.{facet}"), value=self.facet_label(facet, value))
        return render(self.project.root, "facet-page.md", r=self, title=self.label("facet.page_title", **values),
                      description=self.label("facet.page_description", **values),
                      cards=self.cards(tuple(cases), "../", level=2))

    def blocks(self) -> dict[str, str]:
        """Marker -> Markdown: the overview, and each case's link to its PDF (a block, not part of the page,
        so that listing the pages, as the content check does, typesets nothing)."""
        return {OVERVIEW_MARKER: self.overview(),
                **{str(self.pdf_marker(case)): self.pdf_link(case) for case in self.cases.published}}

    def files(self) -> dict[str, bytes]:
        """Every file of this language made from case data that is not a page: the cases' PDFs."""
        return {pdf_path(case.id, self.lang): self.pdf(case) for case in self.cases.published}

    def pages(self) -> dict[str, str]:
        """Every page of this language made from case data: path inside the language folder -> Markdown."""
        pages = {f"case-studies/{case.id}.md": self.case_page(case) for case in self.cases.published}
        for facet, values in self.facet_index().items():
            for value, cases in values.items():
                pages[f"case-studies/{facet}/{value.lower()}.md"] = self.facet_page(facet, value, cases)
        return pages
