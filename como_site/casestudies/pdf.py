"""Case-study PDFs: each published case in each language, typeset at build time by WeasyPrint.

The document is made from the case's data, not by printing its web page: the Jinja template
overrides/content/case-study-pdf.html (trusted code; autoescaped, so every value is escaped once) is styled
by the site's print stylesheet (overrides/assets/print.css) and by the font faces written here. The texts'
Markdown becomes HTML with the same typography as the pages and through the pages' allow-list (BUILT);
the site's own links become absolute addresses (a PDF has no relative place), links in the facts are
dropped. The font is Source Sans Pro from the `font-source-sans-pro` package, embedded as a subset; the
document's language is <html lang> (PDF /Lang), its title the case's, and it is tagged as PDF/UA-1.
WeasyPrint may read only those font files: any other address in the document is refused, so typesetting
never reaches the network or another file.

Where it goes: `case-studies/<id>/<id>-<lang>.pdf` in the language's folder, next to the case's page
`/<lang>/case-studies/<id>/` (named with the language, so that two downloads never overwrite each other).
Kept in the render cache (como_site/rendercache.py), keyed by the document's HTML, the stylesheets, the
font files' package version and WeasyPrint's version: an unchanged case is not typeset again.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from como_site.casestudies.model import CaseStudy, Text
from como_site.htmlpolicy import BUILT
from como_site.rendercache import Rendered, rendered
from como_site.templates import render
from como_site.typography import TypographyExtension, typeset

TEMPLATE = "case-study-pdf.html"
PRINT_CSS = Path("overrides") / "assets" / "print.css"
KIND = "pdf"
FONT_PACKAGE = "font-source-sans-pro"
FONT_FACES = (("normal", 400, "Regular"), ("normal", 700, "Bold"), ("italic", 400, "It"), ("italic", 700, "BoldIt"))
RENDERER = "case-study-pdf 1"   # change when this module changes what it hands WeasyPrint


def pdf_path(case_id: str, lang: str) -> str:
    """The PDF's path inside the language folder: case-studies/mireck/mireck-en.pdf."""
    return f"case-studies/{case_id}/{case_id}-{lang}.pdf"


def font_folder() -> Path:
    import font_source_sans_pro   # the package's only content: the font files and their folder

    return Path(font_source_sans_pro.font_directory)


@lru_cache(maxsize=None)
def font_face_css() -> str:
    folder = font_folder()
    return "\n".join(
        f'@font-face {{ font-family: "Source Sans Pro"; font-style: {style}; font-weight: {weight}; '
        f'src: url("{(folder / f"SourceSansPro-{name}.ttf").as_uri()}"); }}'
        for style, weight, name in FONT_FACES) + ('\nbody { font-family: "Source Sans Pro", sans-serif; }\n'
                                                 '@page { @bottom-right { font-family: "Source Sans Pro", sans-serif; } }\n')


class _SiteLinks(Treeprocessor):
    """Links of a text: the site's own (relative, to .md pages) become absolute addresses, or, with
    `drop`, plain text; web addresses and anchors in the document stay."""

    def __init__(self, md: Markdown, page_url: str, drop: bool):
        super().__init__(md)
        self.page_url, self.drop = page_url, drop

    def run(self, root):
        for parent in list(root.iter()):
            for element in list(parent):
                if element.tag != "a":
                    continue
                href = element.get("href", "")
                if href.startswith("#") or urlsplit(href).scheme:
                    continue
                if self.drop:
                    _unwrap(parent, element)
                else:
                    element.set("href", urljoin(self.page_url, _page_url(href)))


def _page_url(href: str) -> str:
    """A link to a Markdown file as the address of its page (MkDocs' directory URLs)."""
    path, _, fragment = href.partition("#")
    if path.endswith(".md"):
        stem = path[: -len(".md")]
        path = stem[: -len("index")] if posixpath.basename(stem) == "index" else stem + "/"
    return path + (f"#{fragment}" if fragment else "")


def _unwrap(parent, element) -> None:
    """Replace <a> by its text and children, keeping the text around it."""
    index = list(parent).index(element)
    text, tail = element.text or "", element.tail or ""
    children = list(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    if children:
        children[-1].tail = (children[-1].tail or "") + tail
    elif index == 0:
        parent.text += tail
    else:
        previous.tail += tail


class _LinksExtension(Extension):
    def __init__(self, page_url: str, drop: bool):
        super().__init__()
        self.page_url, self.drop = page_url, drop

    def extendMarkdown(self, md):
        md.treeprocessors.register(_SiteLinks(md, self.page_url, self.drop), "como_site_links", 1)


class PdfTexts:
    """The case's texts as HTML for the PDF template: the renderer's texts (labels, fallbacks, citations)
    turned from Markdown into HTML in the text's language, through the pages' allow-list."""

    def __init__(self, renderer, page_url: str):
        self.r, self.page_url = renderer, page_url
        self._converters: dict[tuple[str, bool], Markdown] = {}   # one per language and link rule, reset per text

    def _html(self, markdown_text: str, lang: str, drop_links: bool = False) -> str:
        md = self._converters.get((lang, drop_links))
        if md is None:
            md = self._converters[(lang, drop_links)] = Markdown(extensions=[
                "attr_list", "tables", TypographyExtension(lang=lang), _LinksExtension(self.page_url, drop_links)])
        return BUILT.clean(md.reset().convert(markdown_text))

    def inline(self, markdown_text: str, drop_links: bool = False) -> Markup:
        html = self._html(markdown_text, self.r.lang, drop_links).strip()
        return Markup(html.removeprefix("<p>").removesuffix("</p>"))

    def markdown(self, markdown_text: str) -> Markup:
        return Markup(self._html(markdown_text, self.r.lang)) if markdown_text else Markup("")

    def block(self, text: Text) -> Markup:
        value, fallback = self.r.text(text)
        lang = self.r.project.source_language if fallback else self.r.lang
        html = self._html(value.strip(), lang)
        return Markup(f'<div lang="{lang}">{html}</div>' if fallback else html)


def document_html(renderer, case: CaseStudy, sections: tuple[str, ...]) -> str:
    """The PDF's HTML: the template filled from the case's data in the renderer's language."""
    lang = renderer.lang
    page_url = renderer.project.language_url(lang) + f"case-studies/{case.id}/"
    return render(renderer.project.root, TEMPLATE, r=renderer, case=case, t=PdfTexts(renderer, urljoin(page_url, "..")),
                  sections=sections, lang=lang, page_url=page_url, title=typeset(renderer.text(case.texts["title"])[0], lang),
                  description=typeset(renderer.text(case.texts["summary"])[0], lang), author=renderer.project.company.get("name") or "")


def _fonts_only(folder: Path):
    """WeasyPrint's URL fetcher for these documents: the font files, nothing else (WeasyPrint leaves out
    anything refused, with a warning)."""
    from weasyprint import URLFetcher

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or Path(parts.path).resolve().parent != folder.resolve():
                raise ValueError(f"a case-study PDF reads only its font files, not {url}")
            return super().fetch(url, headers)

    return FontsOnly(allowed_protocols=("file",))


class NoPango(Exception):
    """WeasyPrint cannot load Debian's Pango libraries."""


def weasyprint_modules():
    """WeasyPrint and its font configuration class, imported (NoPango without Debian's Pango)."""
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except OSError as error:
        raise NoPango(f"the case-study PDFs need Pango ({error}): install Debian's libpango-1.0-0 and "
                      "libpangoft2-1.0-0 (`make system-deps` does)") from None
    return weasyprint, FontConfiguration


@lru_cache(maxsize=4)
def _typesetter(print_css: str):
    """WeasyPrint's font configuration, URL fetcher and parsed stylesheets, made once per process and print
    stylesheet and shared by its documents: loading the fonts and parsing the CSS cost more than laying out
    a two-page case, and a document's PDF is the same with shared ones (each embeds its own font subsets)."""
    weasyprint, FontConfiguration = weasyprint_modules()
    fonts = FontConfiguration()
    fetcher = _fonts_only(font_folder())
    stylesheets = [weasyprint.CSS(string=font_face_css(), font_config=fonts, url_fetcher=fetcher),
                   weasyprint.CSS(string=print_css, font_config=fonts, url_fetcher=fetcher)]
    return weasyprint.HTML, fonts, fetcher, stylesheets


def typeset_pdf(html: str, print_css: str) -> bytes:
    HTML, fonts, fetcher, stylesheets = _typesetter(print_css)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=stylesheets, font_config=fonts, pdf_variant="pdf/ua-1", pdf_identifier=b"como-case-study")


def case_pdf(renderer, case: CaseStudy, sections: tuple[str, ...]) -> Rendered:
    """The case's PDF in the renderer's language (its `sections` in this order): from the render cache,
    or typeset now."""
    html = document_html(renderer, case, sections)
    print_css = (renderer.project.root / PRINT_CSS).read_text(encoding="utf-8")
    parts = [RENDERER, html, print_css, font_face_css(), version(FONT_PACKAGE), version("weasyprint")]
    return rendered(renderer.project.root, KIND, "pdf", parts, lambda: typeset_pdf(html, print_css))
