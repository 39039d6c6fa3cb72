"""The HTML an editor may write in a page, checked in the Markdown source with a message that says what
to write instead: raw HTML (nh3 and the EDITOR allow-list decide, html.parser names the culprit),
attribute lists `{ ... }` (read with Python-Markdown's own attr_list parser) and link and image addresses.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown_it import MarkdownIt

from como_site.company import PLACEHOLDER
from como_site.htmlpolicy import EDITOR, EDITOR_HTML, OVERVIEW_COMMENT, unsafe_scheme

# Editors' Markdown as the checks read it: every address, javascript: too, as Python-Markdown links it and the
# browser reads it (entities decoded, not %-encoded)
MARKDOWN = MarkdownIt("commonmark").enable("table")
MARKDOWN.validateLink = lambda url: True
MARKDOWN.normalizeLink = lambda url: url

ATTRIBUTE_LIST = re.compile(AttrListTreeprocessor.BASE_RE)   # what attr_list reads as `{ ... }` in text
NAME = re.compile(r"[a-z][a-z0-9-]*\Z")                      # ids and classes: my-section, como-lead
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z")   # BCP 47, as far as pages need: en, pt-BR
ALLOWED = ", ".join(f"<{tag}{''.join(' ' + name for name in sorted(names))}>" for tag, names in EDITOR_HTML.items())
NO_SCRIPTS = "pages cannot run scripts"
HINTS = {
    **dict.fromkeys(("script", "noscript"), f"{NO_SCRIPTS}; ask a maintainer if a page needs one"),
    **dict.fromkeys(("style", "link", "font", "center"), "the look of pages is set in docs/assets/como.css; "
                                                         "ask a maintainer"),
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "portal"),
                    "pages embed nothing from elsewhere; link to it instead: [title](https://...)"),
    **dict.fromkeys(("meta", "base", "title"), "page settings go in the front matter (title:, description:)"),
    **dict.fromkeys(("form", "input", "button", "select", "textarea"),
                    "this site has no forms; give an e-mail address instead: {{ company.email }}"),
    "a": "write links in Markdown: [text](page.md) or [text](https://...)",
    **dict.fromkeys(("img", "picture", "svg"), "write images in Markdown: ![what it shows](../assets/file.png)"),
    **dict.fromkeys(("b", "strong"), "write **bold** in Markdown"),
    **dict.fromkeys(("i", "em"), "write *italic* in Markdown"),
    **dict.fromkeys(("p", "div"), "separate paragraphs with a blank line"),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "write headings with #, ##, ###"),
    **dict.fromkeys(("ul", "ol", "li"), "write lists with - or 1."),
    **dict.fromkeys(("table", "tr", "td", "th"), "write tables in Markdown: | a | b |"),
}
ATTRIBUTE_LIST_RULE = "attribute lists take only #id, .class and lang=xx, e.g. *Cluster Initiative Greenbook*{lang=en}"


class _Markup(HTMLParser):
    """The start tags (with attributes), comments and declarations of a piece of raw HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.others: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.others.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.others.append(f"<!{decl}>")

    def handle_pi(self, data):
        self.others.append(f"<?{data}>")

    def unknown_decl(self, data):
        self.others.append(f"<![{data}]>")


def _attribute_fault(tag: str, name: str, value: str | None) -> str | None:
    allowed = EDITOR_HTML[tag]
    if name.startswith("on"):
        return f"{name}= on <{tag}> is not allowed: {NO_SCRIPTS}"
    if name not in allowed:
        takes = (f"takes only {', '.join(f'{other}=' for other in sorted(allowed))}" if allowed
                 else "takes no attributes")
        style = "; the look of pages is set in docs/assets/como.css" if name == "style" else ""
        return f"{name}= on <{tag}> is not allowed: <{tag}> {takes}{style}"
    if name == "lang" and not LANGUAGE.match(value or ""):
        return f'lang="{value}" on <{tag}>: write a language code, e.g. <span lang="en">'
    return None


def raw_html_faults(html: str, overview_allowed: bool) -> list[tuple[str, str]]:
    """(where, what is wrong) for each fault in a piece of raw HTML from a page ([] when it is allowed);
    `where` is text to find the fault's line by."""
    if html.strip() == OVERVIEW_COMMENT:
        return [] if overview_allowed else [(OVERVIEW_COMMENT, f"{OVERVIEW_COMMENT} belongs only in "
                                                               "case-studies/index.md; delete it here")]
    markup = _Markup()
    markup.feed(html)
    markup.close()
    faults = []
    for tag, attrs in markup.tags:
        if tag not in EDITOR_HTML:
            hint = HINTS.get(tag, "write it in Markdown instead")
            faults.append((f"<{tag}", f"<{tag}> is not allowed in pages; {hint} (allowed HTML: {ALLOWED})"))
            continue
        faults += [(f"{name}=", fault) for name, value in attrs if (fault := _attribute_fault(tag, name, value))]
    for other in markup.others:
        kind = "HTML comments are" if other.startswith("<!--") else f"{other[:20]} is"
        faults.append((other[:4], f"{kind} not allowed in pages (everything in a page is published); delete it"))
    if not faults and EDITOR.removes(html):
        faults.append((html.strip()[:10], f"{html.strip()[:60]} is not allowed in pages (allowed HTML: {ALLOWED})"))
    return faults


def _pair_fault(key: str, value: str | None) -> str | None:
    if key == "id":
        return None if NAME.match(value or "") else (f"#{value}: an id is lowercase letters, digits and hyphens, "
                                                     "e.g. {#my-section}")
    if key == ".":
        return None if NAME.match(value or "") else (f".{value}: a class is lowercase letters, digits and hyphens, "
                                                     "e.g. {.como-lead}")
    if key == "lang":
        return None if LANGUAGE.match(value or "") else f"lang={value}: write a language code, e.g. {{lang=en}}"
    shown = key if value is None else f"{key}={value}"
    reason = f": {NO_SCRIPTS}" if key.lower().startswith("on") else ""
    return f"{shown} is not allowed{reason}; {ATTRIBUTE_LIST_RULE}"


def attribute_list_faults(text: str) -> list[tuple[str, str]]:
    """(the attribute list, what is wrong with it) for each fault in the `{ ... }` of a run of page text
    (company placeholders `{{ company.x }}` are not attribute lists: the build fills them in first)."""
    faults = []
    for match in ATTRIBUTE_LIST.finditer(PLACEHOLDER.sub("", text)):
        pairs, _ = get_attrs_and_remainder(match.group(1))
        faults += [(match.group(0), fault) for key, value in pairs if (fault := _pair_fault(key, value))]
    return faults


def address_fault(url: str) -> str | None:
    """What is wrong with a link or image address, if anything (javascript:, data:, vbscript: ...)."""
    scheme = unsafe_scheme(url)
    if scheme is None:
        return None
    return (f"{scheme} addresses are not allowed (they can run scripts or smuggle in content); link to a page "
            "([text](page.md)) or a website ([text](https://...)), and put images in docs/assets/")


REMOTE_IMAGE = ("an image from another website does not show here (the site shows only its own images) and would "
                "tell that website who reads the page")


def is_remote_image(url: str) -> bool:
    """True for an image address on another website: the Content-Security-Policy lets pages show only their
    own images (img-src 'self'), and each reader's browser would ask that website for it."""
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme in ("http", "https")


def image_addresses(markdown: str) -> list[str]:
    """The address of every image in a Markdown text, inline (`![x](a.png)`) or by reference (`![x][a]`)."""
    return [str(child.attrs.get("src", "")) for token in MARKDOWN.parse(markdown) if token.type == "inline"
            for child in token.children or [] if child.type == "image"]
