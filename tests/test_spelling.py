"""Spell check of the built site per language (tests/spelling): clean on the real site, and it catches a typo,
in the language the text is marked in, including English left untranslated on a German page."""
from __future__ import annotations

from pathlib import Path

from tests.spelling import misspelled, texts_by_language

PLANTED = """<!doctype html><html lang="de"><head><title>Titl ohne Leser</title></head><body>
<p>Die Clusterentwicklung braucht Vertraun zwischen den Unternehmen.</p>
<p>Permanent improvement everywhere</p>
<a href="#x" title="Zurück zum Anfnag">x</a>
<p lang="fr">Le clustre grandit avec l’animation du cluster.</p>
<p lang="en-GB">The cluster organisation grows.</p>
<p lang="sq">Mbahet takimi për vlerësimi</p>
<pre><code>def fooo(): retrun</code></pre>
</body></html>"""


def test_the_built_pages_are_spelled_correctly(built_site, tmp_path):
    pages = {page.relative_to(built_site).as_posix(): page.read_bytes() for page in sorted(built_site.rglob("*.html"))}
    found = misspelled(pages, tmp_path)
    report = [f"{lang}: {word!r} on {', '.join(sorted(where)[:3])}" for lang, words in found.items()
              for word, where in words.items()]
    assert not report, ("Misspelled (fix the text, or if it is a name or term add it to tests/spelling/"
                        "words-<lang>.txt, or words.txt for every language):\n" + "\n".join(report))


def test_a_planted_typo_is_caught_in_the_language_it_is_marked_in(tmp_path):
    found = misspelled({"de/x/index.html": PLANTED}, tmp_path)
    assert set(found["de"]) == {"Vertraun", "Anfnag", "improvement", "everywhere"}   # "Permanent" is German too
    assert set(found["fr"]) == {"clustre"}
    assert found["en"] == {}
    assert found["de"]["Vertraun"] == {"de/x/index.html"}


def test_code_the_head_and_languages_without_a_dictionary_are_not_read():
    lines = texts_by_language(PLANTED)
    assert set(lines) == {"de", "fr", "en", "sq"}
    assert not any("fooo" in line or "Titl" in line for found in lines.values() for line in found)
    assert "Zurück zum Anfnag" in lines["de"]
