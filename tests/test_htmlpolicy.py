"""como_site.htmlpolicy: the allow-lists, and the build's last check of every page's content."""
from __future__ import annotations

import pytest

from como_site.htmlpolicy import BUILT, EDITOR, sanitised_page, unsafe_scheme
from como_site.problems import ContentError

EDITORS_NEED = ['<abbr title="zum Beispiel">z. B.</abbr>', "m<sup>2</sup>", "CO<sub>2</sub>", "eins<br>zwei",
                '<span lang="en">Greenbook</span>']
NEVER = ["<script>alert(1)</script>", '<img src="x.png" onerror="alert(1)">', '<p onclick="alert(1)">x</p>',
         '<a href="javascript:alert(1)">x</a>', '<a href="java&#x09;script:alert(1)">x</a>',
         '<a href="data:text/html,x">x</a>', '<a href="vbscript:x">x</a>', '<meta http-equiv="refresh" content="0">',
         "<style>p{}</style>", '<iframe src="https://example.org"></iframe>', '<form action="x"><input></form>',
         '<object data="x"></object>', '<p style="color:red">x</p>', "<!-- hidden -->",
         '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>']


@pytest.mark.parametrize("html", EDITORS_NEED)
def test_editors_inline_html_passes_both_lists(html):
    assert not EDITOR.removes(html)
    assert not BUILT.removes(html)


@pytest.mark.parametrize("html", NEVER)
def test_executable_or_foreign_html_is_removed_by_both_lists(html):
    assert EDITOR.removes(html)
    assert BUILT.removes(html)


@pytest.mark.parametrize("html", ['<div class="admonition note"><p class="admonition-title">T</p></div>',
                                  '<h2 id="facts">Facts<a class="headerlink" href="#facts" title="Permanent link">¶</a></h2>',
                                  '<table><thead><tr><th style="text-align: right;">n</th></tr></thead></table>',
                                  '<img alt="Map" src="../assets/x.png" />', '<details open><summary>s</summary></details>',
                                  '<nav class="como-facets" aria-label="Filter" data-total="2"><p role="status" '
                                  'aria-live="polite"></p></nav>',
                                  '<svg viewBox="0 0 1 1" role="img" aria-labelledby="t"><title id="t">Map</title>'
                                  '<path class="c" d="M0 0Z"/></svg>'])
def test_what_markdown_and_our_generators_write_passes_the_build_list_only(html):
    assert not BUILT.removes(html)
    assert EDITOR.removes(html)


def test_the_editor_list_keeps_only_each_tags_own_attributes():
    assert EDITOR.removes('<span lang="en" title="x">x</span>')   # ammonia would allow title everywhere
    assert EDITOR.removes('<abbr title="x" lang="en">x</abbr>')


@pytest.mark.parametrize(("url", "scheme"), [("javascript:alert(1)", "javascript:"), (" JavaScript:x", "javascript:"),
                                             ("java\tscript:x", "javascript:"), ("data:image/png;base64,AA", "data:"),
                                             ("vbscript:x", "vbscript:"), ("file:///etc/passwd", "file:"),
                                             ("https://example.org", None), ("../about.md#team", None),
                                             ("mailto:info@example.org", None), ("#sources", None)])
def test_unsafe_link_schemes_are_read_as_browsers_read_them(url, scheme):
    assert unsafe_scheme(url) == scheme


def test_a_page_that_passes_comes_out_equivalent():
    html = '<p>Text<br />mehr &amp; "mehr"</p>\n<hr />'
    assert sanitised_page(html, "docs/de/x.md") == '<p>Text<br>mehr &amp; "mehr"</p>\n<hr>'


def test_content_that_slipped_through_stops_the_build_with_page_and_line(tmp_path):
    source = tmp_path / "x.md"
    source.write_text("---\ntitle: x\n---\n\n!!! note\n\n    <p onclick=\"steal()\">x</p>\n", encoding="utf-8")
    with pytest.raises(ContentError) as failure:
        sanitised_page('<div class="admonition note"><p onclick="steal()">x</p></div>', "docs/de/x.md", source)
    assert str(failure.value).startswith("docs/de/x.md:7: html: the built page would carry '<p onclick=\"steal()\">")
