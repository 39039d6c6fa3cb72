"""Typography applied by the build (como_site/typography.py): one plainly typed page in each language,
built for real; the built HTML must carry each language's quotes, apostrophes and French spaces, leave
code, URLs and attributes alone, and localise the theme's own words (permalink title, footer links)."""
from __future__ import annotations

import pytest

from como_site.labels import labels_for
from como_site.typography import punctuation, typeset
from tests.conftest import LANGUAGES, TinyProject
from tests.htmlpages import parse

NBSP, NARROW = "\u00a0", "\u202f"
PAGE = """\
---
title: Typo {lang}
description: Typography {lang}.
---

# Typo {lang}

He said "it's 'fine'" and l'avis: ok; why? now! at 10:30 « mot » and `"code" it's` plus [a link](https://example.org/?q='x'&a=1 "the 'title'").

## Next: "part"
"""
EXPECTED = {
    "en": "He said “it’s ‘fine’” and l’avis: ok; why? now! at 10:30 « mot » and \"code\" it's plus a link.",
    "de": "He said „it’s ‚fine‘“ and l’avis: ok; why? now! at 10:30 « mot » and \"code\" it's plus a link.",
    "es": "He said «it’s “fine”» and l’avis: ok; why? now! at 10:30 « mot » and \"code\" it's plus a link.",
    "fr": f"He said «{NBSP}it’s “fine”{NBSP}» and l’avis{NBSP}: ok{NARROW}; why{NARROW}? now{NARROW}! at 10:30 "
          f"«{NBSP}mot{NBSP}» and \"code\" it's plus a link.",
}
HEADING = {"en": "Next: “part”", "de": "Next: „part“", "es": "Next: «part»", "fr": f"Next{NBSP}: «{NBSP}part{NBSP}»"}


@pytest.fixture(scope="module")
def typeset_site(tmp_path_factory):
    tiny = TinyProject(tmp_path_factory.mktemp("typography") / "project")
    for lang in LANGUAGES:
        tiny.write(f"docs/{lang}/typo.md", PAGE.format(lang=lang))
        tiny.write(f"docs/{lang}/second.md", f"---\ntitle: L'autre\ndescription: Second.\n---\n\n# L'autre\n")
    tiny.write("docs/en/only-english.md", '---\ntitle: Only "English"\ndescription: Fallback.\n---\n\n'
                                          '# Only English\n\nHe said "yes": fine.\n\n## Why: "this"\n')
    tiny.nav += ["typo.md", "second.md", "only-english.md"]
    tiny.save_config()
    tiny.build()
    return tiny


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quotes_apostrophes_and_french_spaces_per_language(typeset_site, lang):
    page = parse(typeset_site.root / "site" / lang / "typo" / "index.html")
    paragraph = next(p for p in page.select("article p") if p.get_text().startswith("He said"))
    assert paragraph.get_text() == EXPECTED[lang]
    assert paragraph.code.get_text() == "\"code\" it's"                          # code untouched
    link = paragraph.a
    assert (link["href"], link["title"]) == ("https://example.org/?q='x'&a=1", "the 'title'")   # attributes too
    assert page.select_one("article h2").get_text() == HEADING[lang] + "¶"
    assert page.select_one(f'.md-nav--secondary a[href="#{page.select_one("article h2")["id"]}"]').get_text(strip=True) \
        == HEADING[lang]                                                         # the table of contents as well
    assert page.title.get_text().startswith("Typo")
    second = parse(typeset_site.root / "site" / lang / "second" / "index.html")
    assert second.title.get_text().startswith("L’autre")                        # front-matter title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_theme_strings_are_in_the_page_language(typeset_site, lang):
    labels = labels_for(typeset_site.project)
    page = parse(typeset_site.root / "site" / lang / "typo" / "index.html")
    titles = {anchor["title"] for anchor in page.select("a.headerlink")}
    assert titles == {labels.get("theme.permalink", lang)}
    assert titles != {"Permanent link"} or lang == "en"
    next_link = page.select_one("a.md-footer__link--next")["aria-label"]
    separator = f"{NBSP}: " if lang == "fr" else ": "
    assert next_link.endswith(f"{separator}L’autre") and next_link[0].isupper()


def test_labels_reach_html_in_the_language_typography(tiny_project):
    labels = labels_for(tiny_project.project)
    assert labels.get("company.to_be_completed", "fr", field="nom") == f"[à compléter par Como{NBSP}: nom]"
    assert labels.get("fallback.notice", "fr", language="x", original="y").startswith("Cette page n’est pas")


def test_typesetting_twice_changes_nothing_and_keeps_typed_marks():
    for lang, text in (("fr", "« Pays : Kosovo » ; l'été?"), ("de", "„schon gesetzt“ und 'neu'"),
                       ("en", "the members' work, the '90s, \"quoted\"")):
        once = typeset(text, lang)
        assert typeset(once, lang) == once
    assert typeset("„schon gesetzt“ und 'neu'", "de") == "„schon gesetzt“ und ‚neu‘"
    assert typeset("the members' work, the '90s", "en") == "the members’ work, the ’90s"
    assert typeset("https://example.org/a?b=1 10:30", "fr") == "https://example.org/a?b=1 10:30"


def test_a_mark_a_template_writes_after_a_value_takes_the_language_spacing():
    assert {lang: punctuation(":", lang) for lang in LANGUAGES} == {"de": ":", "en": ":", "es": ":", "fr": "\u00a0:"}
    assert punctuation("?", "fr") == "\u202f?" and punctuation(".", "fr") == "."


def test_the_english_original_on_a_page_not_yet_translated_keeps_english_typography(typeset_site):
    page = parse(typeset_site.root / "site" / "fr" / "only-english" / "index.html")
    original = page.select_one('article div[lang="en"]')
    assert original.p.get_text() == "He said “yes”: fine."
    assert original.h2.get_text() == "Why: “this”¶"
    assert page.select_one('.md-nav--secondary a[href="#why-this"]').get_text(strip=True) == "Why: “this”"
    assert page.title.get_text().startswith("Only “English”")
    notice = page.select_one("article .admonition p:not(.admonition-title)").get_text()
    assert notice.startswith("Cette page n’est pas encore disponible en français ;")    # the page's language
