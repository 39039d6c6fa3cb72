"""como_site.pagehtml: raw HTML, attribute lists and addresses in the Markdown source, with what to write instead."""
from __future__ import annotations

import pytest

from como_site.pagehtml import address_fault, attribute_list_faults, raw_html_faults


def messages(html: str, overview_allowed: bool = False) -> list[str]:
    return [message for _, message in raw_html_faults(html, overview_allowed)]


@pytest.mark.parametrize("html", ['<abbr title="zum Beispiel">', "<sup>", "</sup>", "<br>", "<br/>", '<span lang="en">',
                                  '<span lang="pt-BR">', "</span>"])
def test_allowed_inline_html(html):
    assert raw_html_faults(html, overview_allowed=False) == []


def test_script_is_named_with_what_to_do():
    assert messages("<script>alert(1)</script>\n") == [
        "<script> is not allowed in pages; pages cannot run scripts; ask a maintainer if a page needs one "
        "(allowed HTML: <abbr title>, <sup>, <sub>, <br>, <span lang>)"]


@pytest.mark.parametrize(("html", "start"), [
    ('<span lang="en" onclick="x()">', "onclick= on <span> is not allowed: pages cannot run scripts"),
    ('<span style="color:red">', "style= on <span> is not allowed: <span> takes only lang=; the look of pages"),
    ('<sup title="x">', "title= on <sup> is not allowed: <sup> takes no attributes"),
    ('<span lang="english">', 'lang="english" on <span>: write a language code'),
    ('<meta http-equiv="refresh" content="0">', "<meta> is not allowed in pages; page settings go in the front matter"),
    ('<iframe src="https://example.org">', "<iframe> is not allowed in pages; pages embed nothing from elsewhere"),
    ("<!-- note to self -->", "HTML comments are not allowed in pages"),
    ("<!-- case-study-overview -->", "<!-- case-study-overview --> belongs only in case-studies/index.md"),
])
def test_each_fault_says_what_is_wrong(html, start):
    found = messages(html)
    assert len(found) == 1 and found[0].startswith(start), found


def test_the_overview_marker_is_allowed_where_it_belongs():
    assert raw_html_faults("<!-- case-study-overview -->\n", overview_allowed=True) == []


def test_every_fault_in_a_block_is_named_with_where_to_find_it():
    faults = raw_html_faults('<form action="x">\n<input name="a">\n<SCRIPT>x</SCRIPT>\n', overview_allowed=False)
    assert [where for where, _ in faults] == ["<form", "<input", "<script"]


@pytest.mark.parametrize("text", ["*Greenbook*{lang=en}", "Title {#my-section}", "{: .como-lead }",
                                  "E-mail: {{ company.email }}", "no braces here"])
def test_allowed_attribute_lists(text):
    assert attribute_list_faults(text) == []


@pytest.mark.parametrize(("text", "fault"), [
    ("Title {#x onclick=alert(1)}", "onclick=alert(1) is not allowed: pages cannot run scripts; attribute lists take "
                                    "only #id, .class and lang=xx"),
    ('{: style="color:red" }', "style=color:red is not allowed; attribute lists take only #id, .class and lang=xx"),
    ('*x*{href="javascript:alert(1)"}', "href=javascript:alert(1) is not allowed; attribute lists take only"),
    ("{#__config}", "#__config: an id is lowercase letters, digits and hyphens"),
    ("{lang=english}", "lang=english: write a language code"),
])
def test_attribute_list_faults(text, fault):
    found = attribute_list_faults(text)
    assert len(found) == 1 and found[0][1].startswith(fault), found
    assert found[0][0] in text


def test_addresses():
    assert address_fault("javascript:alert(1)").startswith("javascript: addresses are not allowed")
    assert address_fault("data:image/png;base64,AA").startswith("data: addresses are not allowed")
    assert address_fault("../services/index.md#top") is None
