"""como_site.contenttypes and como_site.schema: types registered once; their fields read from the schema."""
from __future__ import annotations

import yaml

from como_site.casestudies import scaffold
from como_site.contenttypes import CASE_STUDIES, CONTENT_TYPES
from como_site.project import ROOT
from como_site.schema import placeholders, translatable_paths, translatable_texts
from como_site.translations import case_field_texts
from tests.conftest import FIXTURES

CASE_TEXTS = ["region", "actors[].name", "title", "summary", "context", "challenge", "approach", "results", "lessons",
              "figures[].label", "sources[].title", "sources[].publisher", "images[].alt"]


def test_each_type_is_one_registration_with_schema_data_and_code():
    assert [content_type.name for content_type in CONTENT_TYPES] == ["case-studies", "glossary", "further-reading"]
    for content_type in CONTENT_TYPES:
        assert (ROOT / content_type.schema).is_file() and (ROOT / content_type.data).exists()
        assert content_type.schema_at(ROOT)["$schema"].endswith("2020-12/schema")
        assert all(callable(getattr(content_type.code, name)) for name in ("load", "pages", "blocks"))
        if content_type.module == "como_site.onepage":
            assert (ROOT / "overrides" / "content" / content_type.template).is_file() and content_type.page


def test_onepage_collates_as_readers_expect():
    from como_site.onepage import collation_key

    assert sorted(["étude", "Zone", "entreprise", "Übung", "ulme"], key=collation_key) == [
        "entreprise", "étude", "Übung", "ulme", "Zone"]
    assert sorted(["chaîne de valeur", "chaîne d’approvisionnement"], key=collation_key) == [
        "chaîne d’approvisionnement", "chaîne de valeur"]        # the apostrophe set by the build is ignored
    assert collation_key("d'accord") == collation_key("d’accord")


def test_case_study_texts_are_found_through_the_schema():
    schema = CASE_STUDIES.schema_at(ROOT)
    assert translatable_paths(schema) == CASE_TEXTS
    data = yaml.safe_load((FIXTURES / "cases" / "alpha.yml").read_text(encoding="utf-8"))
    assert list(translatable_texts(schema, data)) == [
        "region", "actors[1].name", "title", "summary", "context", "challenge", "approach", "results",
        "figures[0].label", "sources[1].title"]   # a name or title written once (a proper name) is not a translation
    assert case_field_texts(data) == translatable_texts(schema, data)


def test_scaffold_placeholders_are_the_schemas():
    schema = CASE_STUDIES.schema_at(ROOT)
    assert scaffold.PLACEHOLDER == placeholders(schema)
    assert {"title", "summary", "actors[].name", "sources[].title"} <= set(scaffold.PLACEHOLDER)
