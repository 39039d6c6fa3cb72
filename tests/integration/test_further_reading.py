"""The further-reading type: every source of sources/further-reading.yml and of the published case files,
once per URL, grouped, linked, with the pages citing it, in every language."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from como_site.project import ROOT
from como_site.typography import punctuation
from tests.conftest import LANGUAGES
from tests.htmlpages import parse

READING = yaml.safe_load((ROOT / "sources" / "further-reading.yml").read_text(encoding="utf-8"))
LABELS = yaml.safe_load((ROOT / "i18n" / "labels.yml").read_text(encoding="utf-8"))
CASES = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "case_studies").glob("*.yml"))
         if path.name != "vocabularies.yml"]
TYPOGRAPHY = str.maketrans({"’": "'", "\u202f": " ", "\xa0": " ", "“": '"', "”": '"', "«": '"', "»": '"'})


def plain(text: str) -> str:
    """Text without the build's per-language typography (curly apostrophes, no-break spaces)."""
    return text.translate(TYPOGRAPHY).replace('" ', '"').replace(' "', '"')


PUBLISHED = [case for case in CASES if case["status"] == "published"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_source_appears_once_grouped_linked_and_cited(built_site, lang):
    page_file = built_site / lang / "further-reading" / "index.html"
    page = parse(page_file)
    assert page.select_one("article h1").get_text().rstrip("¶") == LABELS["further_reading.title"][lang]
    items = page.select("article li.como-reading__source")
    links = [a["href"] for item in items for a in item.select("a") if a["href"].startswith("https://")]
    urls = {source["url"] for source in READING["sources"] if "url" in source}
    urls |= {source["url"] for case in PUBLISHED for source in case["sources"]}
    assert sorted(links) == sorted(urls)                        # each URL once: de-duplicated
    headings = [plain(h2.get_text().rstrip("¶")) for h2 in page.select("article h2")]
    assert headings == [plain(text) for text in (*(group[lang] for group in READING["groups"].values()),
                                                 LABELS["further_reading.cases"][lang])]
    for source in READING["sources"]:
        [item] = [item for item in items if (note := item.select_one(".como-reading__note")) and plain(note.get_text()) == plain(source["note"][lang])]
        heading = item.find_previous("h2").get_text().rstrip("¶")
        assert plain(heading) == plain(READING["groups"][source["group"]][lang])
        if source["language"] != lang and "title" in source and "url" in source:
            assert item.select_one(f'a[href="{source["url"]}"]')["lang"] == source["language"]
    for item in items:
        for cited in item.select(".como-reading__cited a"):
            target = (page_file.parent / cited["href"] / "index.html").resolve()
            assert target.is_file(), cited["href"]
            assert parse(target).select_one("article h1").get_text().rstrip("¶") == cited.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_colon_after_the_names_is_set_in_the_page_language(built_site, lang):
    """The list is raw HTML that the Markdown typography does not reach: the colon after the authors or
    publisher takes French spacing (a no-break space before it) from como_site.typography, nothing else."""
    page = parse(built_site / lang / "further-reading" / "index.html")
    items = page.select("article li.como-reading__source")
    assert items
    for item in items:
        names = item.get_text().split("\n", 1)[0]           # the template ends the names' line with the colon
        assert names.endswith(punctuation(":", lang)) and names[-2:-1] != " ", names
        assert names.endswith("\xa0:") == (lang == "fr"), names


def test_a_source_cited_by_a_page_and_a_case_is_one_entry_citing_both(built_site):
    page = parse(built_site / "en" / "further-reading" / "index.html")
    como = READING["sources"][0]["url"]
    assert any(source["url"] == como for case in PUBLISHED for source in case["sources"])
    items = [item for item in page.select("li.como-reading__source") if item.select_one(f'a[href="{como}"]')]
    assert len(items) == 1
    cited = [a["href"] for a in items[0].select(".como-reading__cited a")]
    assert "../faq/" in cited and "../case-studies/mireck/" in cited


def test_a_data_file_error_stops_the_build_with_file_and_line(tiny_project):
    before = tiny_project.built_site()
    path = tiny_project.root / "sources" / "further-reading.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    group: concepts\n", "    group: Concepts!\n", 1), encoding="utf-8")
    line = text.splitlines().index("    group: concepts") + 1
    tiny_project.assert_refused(before, f"sources/further-reading.yml:{line}: sources[0].group:")


def test_a_cited_page_that_does_not_exist_is_named_with_its_line(tiny_project):
    before = tiny_project.built_site()
    path = tiny_project.root / "sources" / "further-reading.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cited_on: [index.md]", "cited_on: [nowhere.md]", 1), encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), 1) if "cited_on:" in content)
    tiny_project.assert_refused(before, f"sources/further-reading.yml:{line}: sources[0].cited_on: no page docs/en/nowhere.md")
