"""What HTML a page may carry, as nh3 (Rust's ammonia) allow-lists, and the build's last check of it.

Two lists: the little inline HTML editors may write in Markdown (EDITOR), and everything Markdown, its
extensions and our generators produce (BUILT). A third cleaner (ANY) keeps every element, attribute
and URL: it serialises HTML the same way without filtering, so `strict.clean(x) != ANY.clean(x)` means
exactly "the allow-list removed something" - no second parser, no regular expressions for HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup, escape

from como_site.problems import ContentError, Problem

OVERVIEW_COMMENT = "<!-- case-study-overview -->"   # the one comment editors write (case-studies/index.md)

# Inline HTML editors need and Markdown cannot write; each tag with the only attributes it may carry.
EDITOR_HTML: dict[str, frozenset[str]] = {
    "abbr": frozenset({"title"}), "sup": frozenset(), "sub": frozenset(), "br": frozenset(),
    "span": frozenset({"lang"}),
}
# What Markdown (core, admonition, attr_list, def_list, md_in_html, tables, toc, details, superfences)
# and como_site's generators produce. Every tag may carry what attribute lists set: id, class, lang.
BUILT_TAGS = frozenset({
    "a", "abbr", "article", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "ins", "li", "mark", "nav", "ol", "p", "pre", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
    "svg", "g", "path", "title",   # the case-study overview's map (como_site/casestudies/worldmap.py): inert shapes
})
BUILT_ATTRIBUTES = {
    "*": {"id", "class", "lang"},
    "a": {"href", "title", "hreflang", "data-facet", "data-value", "data-facet-reset"},   # facet links
    "abbr": {"title"}, "img": {"src", "alt", "title"}, "ol": {"start"}, "details": {"open"},
    "th": {"style"}, "td": {"style"},                          # column alignment from Markdown tables
    "article": {"data-country", "data-sector", "data-year", "data-service"},   # case cards
    "nav": {"aria-label", "data-status-template", "data-total"}, "p": {"role", "aria-live"},   # facet filter
    "svg": {"viewBox", "role", "aria-labelledby", "xmlns"}, "path": {"d"},
}
# Editors' texts that Material prints unescaped, treating them as HTML: page titles (also in navigation,
# header, footer and the search index), subtitles and descriptions, navigation labels, site name, copyright.
THEME_TEXT_KEYS = ("title", "subtitle", "description")
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})   # plus relative links and #fragments
STYLE_PROPERTIES = frozenset({"text-align"})

# Every element of HTML and SVG, for the cleaner that keeps everything (unknown names are dropped by both).
# Not <style>: ammonia cannot keep it while filtering style attributes, so ANY keeps only its text, which
# still differs from the strict lists' result (they drop it with its content).
ALL_TAGS = BUILT_TAGS | frozenset("""
    address applet area aside audio b base basefont bdi bdo bgsound big blink body canvas caption center cite
    col colgroup data datalist dfn dialog dir embed fieldset figcaption figure font footer form frame frameset
    head header hgroup html i iframe image img input kbd keygen label legend link listing main map marquee math
    menu meta meter noembed noframes noscript object optgroup option output param picture plaintext portal
    progress q rb rp rt rtc ruby s samp script search section select slot small source strike tbody
    template textarea tfoot time track tt u var video wbr xmp
    animate animateMotion animateTransform circle clipPath defs desc ellipse feImage filter foreignObject
    line linearGradient marker mask pattern polygon polyline radialGradient rect set stop symbol text
    textPath tspan use view
""".split())


@dataclass(frozen=True)
class Policy:
    cleaner: nh3.Cleaner

    def removes(self, html: str) -> bool:
        """True when the allow-list takes anything out of `html` (formatting differences do not count)."""
        return self.cleaner.clean(html) != ANY.clean(html)

    def clean(self, html: str) -> str:
        return self.cleaner.clean(html)


def _cleaner(tags, attributes, **options) -> nh3.Cleaner:
    """An allow-list cleaner; "*" set empty, since ammonia otherwise allows lang and title everywhere."""
    per_tag = {tag: set(names) for tag, names in attributes.items()}
    return nh3.Cleaner(tags=set(tags), attributes={"*": set(), **per_tag},
                       url_schemes=set(URL_SCHEMES), link_rel=None, filter_style_properties=set(STYLE_PROPERTIES),
                       **options)


ANY = nh3.Cleaner(tags=set(ALL_TAGS), clean_content_tags=set(), generic_attribute_prefixes={""},
                  url_schemes={"https", "http", "mailto", "tel", "javascript", "data", "vbscript", "file", "blob"},
                  link_rel=None, strip_comments=False, filter_style_properties=set(STYLE_PROPERTIES))
EDITOR = Policy(_cleaner(EDITOR_HTML, EDITOR_HTML))
BUILT = Policy(_cleaner(BUILT_TAGS, BUILT_ATTRIBUTES))


def escaped_once(value: object) -> object:
    """An editor's text as the theme's HTML: escaped, and marked as escaped (Markup), so templates that
    print it raw show it as text and Jinja's `e` filter, where a template applies it, leaves it alone."""
    return escape(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def unsafe_scheme(url: str) -> str | None:
    """The scheme of a link or image address that browsers would not treat as a plain link
    (javascript:, data:, vbscript: ...), read as browsers do (tabs and line breaks ignored)."""
    address = "".join(char for char in url if char not in "\t\n\r").strip("\x00 \x0c")
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        return "an unreadable address"
    return f"{scheme}:" if scheme and scheme not in URL_SCHEMES else None


def sanitised_page(html: str, shown: str, source: Path | None = None) -> str:
    """A built page's content through the BUILT allow-list. Markdown and our generators produce
    nothing it removes, and the page check rejects what editors could add, so a removal means
    something slipped past that check: the build stops, naming the page (and the first line of
    `source`, its Markdown file, that holds what was removed)."""
    cleaned, full = BUILT.clean(html), ANY.clean(html)
    if cleaned == full:
        return cleaned
    start = next((index for index, (a, b) in enumerate(zip(full, cleaned)) if a != b), len(cleaned))
    start = max(full.rfind("<", 0, start + 1), full.rfind(" ", 0, start + 1) + 1)   # back to the word's start
    lines = source.read_text(encoding="utf-8").splitlines() if source else []
    line = next((number for number, text in enumerate(lines, start=1)
                 if _needle(full[start:]).lower() in text.lower()), 0)
    excerpt = full[max(full.rfind("<", 0, start + 1), 0):][:60].replace("\n", " ")
    raise ContentError([Problem(shown, line, "html", f"the built page would carry {excerpt!r}, which no page may "
                                                     "contain; remove it (see HTML in pages, CONTRIBUTING.md)")])


def _needle(removed: str) -> str:
    """Text to find the source line of what the allow-list removed: an attribute's value, else the
    tag or attribute name (`<script`, `onclick`)."""
    word = (removed.split(maxsplit=1) or [""])[0]
    if '="' in word:
        return word.split('="', 1)[1].split('"')[0] or "\0"
    return word.split("=")[0].split(">")[0] or "\0"
