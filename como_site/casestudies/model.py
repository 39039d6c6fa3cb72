"""Typed case-study records, built from validated YAML data; which fields are texts comes from the schema."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from como_site.schema import Schema, text_fields, translatable_texts


@dataclass(frozen=True)
class Text:
    """A text in several languages, or one language-neutral text (a proper name) for all."""
    values: dict[str, str]
    sources: tuple[str, ...] = ()
    neutral: bool = False

    @classmethod
    def from_data(cls, data: Any) -> "Text":
        if isinstance(data, str):
            return cls({"*": data}, neutral=True)
        values = {key: value for key, value in data.items() if key != "sources"}
        return cls(values, tuple(data.get("sources", ())))

    def get(self, lang: str) -> str | None:
        return self.values.get("*") if self.neutral else self.values.get(lang)


@dataclass(frozen=True)
class Actor:
    name: Text
    type: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    value: float
    unit: str
    year: int
    label: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: Text
    publisher: Text
    url: str
    date: str | None
    accessed: str | None
    language: str | None = None


@dataclass(frozen=True)
class Image:
    file: str
    alt: Text
    credit: str


@dataclass(frozen=True)
class CaseStudy:
    id: str
    path: str                       # the YAML file, relative to the project root
    status: str
    country: str
    sectors: tuple[str, ...]
    founded: int
    founded_sources: tuple[str, ...]
    texts: dict[str, Text]          # the case's own texts (title, summary, region, ...), by field name
    pending: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    sources: tuple[Source, ...] = ()
    images: tuple[Image, ...] = field(default_factory=tuple)
    translated_from: dict[str, dict[str, str]] = field(default_factory=dict)
    translatable: dict[str, Text] = field(default_factory=dict)   # every text, nested ones too: actors[0].name

    @property
    def published(self) -> bool:
        return self.status == "published"

    def source_number(self, source_id: str) -> int:
        return [source.id for source in self.sources].index(source_id) + 1

    @classmethod
    def from_data(cls, data: dict[str, Any], path: str, schema: Schema) -> "CaseStudy":
        founded = data["founded"]
        year, founded_sources = (founded, ()) if isinstance(founded, int) else (founded["year"], founded.get("sources", ()))
        return cls(
            id=data["id"], path=path, status=data["status"], country=data["country"],
            sectors=tuple(data["sectors"]), founded=year, founded_sources=tuple(founded_sources),
            texts={path[0]: Text.from_data(text) for path, text in text_fields(schema, data) if len(path) == 1},
            pending=tuple(data.get("pending", ())), names=tuple(data.get("names", ())),
            services=tuple(data.get("services", ())),
            actors=tuple(Actor(Text.from_data(a["name"]), a["type"], tuple(a.get("sources", ())))
                         for a in data.get("actors", ())),
            figures=tuple(Figure(f["value"], f.get("unit", ""), f["year"], Text.from_data(f["label"]),
                                 tuple(f["sources"])) for f in data.get("figures", ())),
            sources=tuple(Source(s["id"], Text.from_data(s["title"]), Text.from_data(s["publisher"]), s["url"],
                                 s.get("date"), s.get("accessed"), s.get("language")) for s in data["sources"]),
            images=tuple(Image(i["file"], Text.from_data(i["alt"]), i["credit"]) for i in data.get("images", ())),
            translated_from=data.get("translated_from", {}),
            translatable={name: Text.from_data(text) for name, text in translatable_texts(schema, data).items()},
        )
