"""como_site.stamping (`make i18n-stamp`): only the stamp values change, byte for byte; only translated pages
and case files are accepted, and a refusal is a message with exit 2, never a traceback."""
from __future__ import annotations

import dataclasses
import textwrap

import pytest
import yaml

from como_site.stamping import StampRefused, plan
from como_site.translations import case_field_texts, content_hash
from tests.conftest import FIXTURES

ALPHA = (FIXTURES / "cases" / "alpha.yml").read_text(encoding="utf-8")
ALPHA_DATA = yaml.safe_load(ALPHA)


@pytest.fixture
def repo(tmp_path, project):
    """A project root with the real configuration's languages (en is the source) and no files yet."""
    (tmp_path / "case_studies").mkdir()
    return dataclasses.replace(project, root=tmp_path)


def write(repo, relative: str, text: str):
    path = repo.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def stamped(repo, *names: str) -> list[str]:
    return [text for _, text in plan(repo, list(names), repo.root)]


TEXTS = case_field_texts(ALPHA_DATA)   # every field the schema marks translatable, e.g. actors[1].name


def source_hash(field: str) -> str:
    return content_hash(TEXTS[field]["en"])


def key(field: str) -> str:
    return field if field.isidentifier() else f"'{field}'"   # actors[1].name needs quotes in YAML


FIELDS = tuple(TEXTS)
TRANSLATED = {lang: [name for name in FIELDS if TEXTS[name].get(lang)] for lang in ("de", "es", "fr")}
STALE = {name: f"stale{index:07d}" for index, name in enumerate(FIELDS)}   # as long as a hash: comment columns stay


def test_case_stamp_changes_only_the_hash_values_wherever_the_block_stands(repo):
    # the block at the top, with comments, both quote styles, flow and block style, and fields after it
    def flow(lang: str) -> str:
        pairs = ", ".join(f'{key(name)}: "{STALE[name]}"' for name in TRANSLATED[lang])
        return pairs.replace(f'"{STALE["summary"]}"', f"'{STALE['summary']}'")
    block_style = "".join(f'    {key(name)}: "{STALE[name]}"   # checked by Marie\n' for name in TRANSLATED["fr"])
    original = ("# Alpha, with the stamp block moved to the top.\n"
                "translated_from:   # written by `make i18n-stamp`\n"
                "  # German was checked on 2026-11-01\n"
                f"  de: {{{flow('de')}}}\n  es: {{{flow('es')}}}\n  fr:\n{block_style}\n"
                "# the case itself\n" + ALPHA + "extra_note: written after the block   # and a comment\n")
    write(repo, "case_studies/alpha.yml", original)
    (text,) = stamped(repo, "case_studies/alpha.yml")
    expected = original
    for name in FIELDS:
        expected = expected.replace(STALE[name], source_hash(name))
    assert text == expected
    assert yaml.safe_load(text)["translated_from"]["fr"] == {name: source_hash(name) for name in TRANSLATED["fr"]}
    assert {"region", "actors[1].name", "figures[0].label", "sources[1].title"} <= set(TRANSLATED["fr"])


def test_case_without_stamps_gets_the_block_appended(repo):
    write(repo, "case_studies/alpha.yml", ALPHA)
    (text,) = stamped(repo, "case_studies/alpha.yml")
    assert text.startswith(ALPHA + "\ntranslated_from:   # written by `make i18n-stamp`")
    assert yaml.safe_load(text)["translated_from"]["es"]["title"] == source_hash("title")


def test_a_translation_removed_since_loses_its_stamp(repo):
    case = ALPHA.replace(", fr: Enjeu d'Alpha.}", "}").replace("status: published", "status: published\npending: [fr]")
    write(repo, "case_studies/alpha.yml", case + '\ntranslated_from:\n  fr: {challenge: "old", title: "old"}\n')
    (text,) = stamped(repo, "case_studies/alpha.yml")
    assert "challenge" not in yaml.safe_load(text)["translated_from"]["fr"]
    assert text.startswith(case)


def test_page_stamp_keeps_front_matter_comments_order_and_body(repo):
    write(repo, "docs/en/about.md", "---\ntitle: About\n---\n\n# About\n")
    original = textwrap.dedent("""\
        ---
        # Über uns: the German page
        title: "Über uns: Como"
        source_hash: '0123456789ab'        # written by the tool
        description: >-
          Wer wir sind, in einem Satz,
          über zwei Zeilen.
        ---

        # Über uns

        source_hash: '0123456789ab' in the body stays as it is.
        """)
    write(repo, "docs/de/about.md", original)
    (text,) = stamped(repo, "docs/de/about.md")
    new_hash = content_hash("---\ntitle: About\n---\n\n# About\n")
    assert text == original.replace("source_hash: '0123456789ab'  ", f"source_hash: '{new_hash}'  ", 1)


def test_page_without_a_stamp_gets_it_as_the_last_key(repo):
    original = "---\ntitle: A\n---\n\n# A\n"
    write(repo, "docs/en/a.md", original)
    write(repo, "docs/fr/a.md", "---\ntitle: A fr   # court\n---\n\n# A\n")
    (text,) = stamped(repo, "docs/fr/a.md")
    assert text == f'---\ntitle: A fr   # court\nsource_hash: "{content_hash(original)}"\n---\n\n# A\n'


def test_page_saved_with_windows_line_endings_is_stamped_and_keeps_them(repo):
    """A page saved on Windows (CRLF) has its front matter like any other: the stamp is the same as for the
    page with plain line breaks, and the file keeps its line endings."""
    original = "---\ntitle: A\n---\n\n# A\n"
    (repo.root / "docs/en").mkdir(parents=True)
    (repo.root / "docs/en/a.md").write_bytes(original.replace("\n", "\r\n").encode())
    (repo.root / "docs/fr").mkdir(parents=True)
    (repo.root / "docs/fr/a.md").write_bytes(b"---\r\ntitle: A fr\r\n---\r\n\r\n# A\r\n")
    (text,) = stamped(repo, "docs/fr/a.md")
    assert text == f'---\r\ntitle: A fr\r\nsource_hash: "{content_hash(original)}"\r\n---\r\n\r\n# A\r\n'


@pytest.mark.parametrize("name, message", [
    ("docs/de/missing.md", "docs/de/missing.md: no such file; give a translated page"),
    ("case_studies/schema/case-study.schema.json", "case_studies/schema/case-study.schema.json: not a case file"),
    ("case_studies/vocabularies.yml", "case_studies/vocabularies.yml: not a case file"),
    ("docs/en/index.md", "docs/en/index.md: en is the source language, whose pages are the originals"),
    ("../outside.md", "../outside.md: outside the repository"),
    ("docs/de", "docs/de: a folder; name each file to stamp"),
    ("mkdocs.yml", "mkdocs.yml: not a translated page or a case file"),
])
def test_only_translated_pages_and_case_files_are_stamped(tiny_project, name, message):
    (tiny_project.root.parent / "outside.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    tiny_project.write("docs/de/fine.md", "---\ntitle: fine\n---\n")
    tiny_project.write("docs/en/fine.md", "---\ntitle: fine en\n---\n")
    watched = ["docs/de/fine.md", "docs/en/index.md", "case_studies/vocabularies.yml", "mkdocs.yml"]
    before = {path: (tiny_project.root / path).read_bytes() for path in watched}
    result = tiny_project.cli("i18n-stamp", "docs/de/fine.md", name)   # a good file and a bad one
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output and message in output and "Nothing was stamped." in output
    assert {path: (tiny_project.root / path).read_bytes() for path in watched} == before


def test_a_broken_case_file_is_named_with_its_line(tiny_project):
    tiny_project.add_case("alpha")
    path = tiny_project.add_case("beta", ALPHA.replace("id: alpha", "id: beta").replace("country: KE", "country: [KE"))
    before = path.read_bytes()
    result = tiny_project.cli("i18n-stamp", "case_studies/alpha.yml", "case_studies/beta.yml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "case_studies/beta.yml:6: yaml: not valid YAML" in result.stderr
    assert path.read_bytes() == before and "translated_from" not in (tiny_project.root / "case_studies/alpha.yml").read_text()


def test_symbolic_link_is_refused(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.md"
    outside.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    write(repo, "docs/en/x.md", "---\ntitle: x\n---\n")
    (repo.root / "docs/de").mkdir(parents=True)
    (repo.root / "docs/de/x.md").symlink_to(outside)
    with pytest.raises(StampRefused, match="docs/de/x.md: a symbolic link; stamp the file itself"):
        plan(repo, ["docs/de/x.md"], repo.root)
