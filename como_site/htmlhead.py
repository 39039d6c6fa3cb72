"""Read what matters from a built HTML page's <html> and <head>, with the standard library only."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Head:
    lang: str | None = None
    title: str = ""
    description: str | None = None
    canonical: str | None = None
    robots: str = ""
    hreflang: dict[str, str] = field(default_factory=dict)   # hreflang -> href
    relative_hreflang: list[str] = field(default_factory=list)

    @property
    def noindex(self) -> bool:
        return "noindex" in self.robots


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.head = Head()
        self._in_title = False
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.head.lang = values.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and values.get("name") == "description":
            self.head.description = values.get("content", "")
        elif tag == "meta" and values.get("name") == "robots":
            self.head.robots = values.get("content", "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.head.canonical = values.get("href")
        elif tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            href = values.get("href", "")
            self.head.hreflang[values["hreflang"]] = href
            if not href.startswith(("https://", "http://")):
                self.head.relative_hreflang.append(href)
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.head.title += data


def read_head(path: Path) -> Head:
    parser = _HeadParser()
    text = path.read_text(encoding="utf-8")
    end = text.find("<body")
    parser.feed(text if end < 0 else text[:end])
    parser.head.title = parser.head.title.strip()
    return parser.head
