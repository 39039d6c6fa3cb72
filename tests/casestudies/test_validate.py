"""como_site.casestudies.validate: every editor mistake named as path:line: field: message."""
from __future__ import annotations

import pytest

from como_site.casestudies.scaffold import new_case


def test_valid_fixtures_load(data):
    for name in ("alpha", "beta", "gamma-draft"):
        data.add(name)
    cases, problems = data.load()
    assert problems == []
    assert [case.id for case in cases.records] == ["alpha", "beta", "gamma-draft"]
    assert [case.id for case in cases.published] == ["alpha", "beta"]
    alpha = cases.records[0]
    assert alpha.founded == 2012 and alpha.founded_sources == ("src-a",)
    assert alpha.texts["title"].get("fr") == "Titre du cluster Alpha"
    assert alpha.actors[0].name.get("de") == "Alpha Test Firm Ltd"   # a proper name serves every language
    assert alpha.sources[0].date == "2020-05-01"                    # dates stay text


def test_malformed_yaml_names_the_line(data):
    data.add("alpha")
    data.edit("alpha", "country: KE", "country: [KE")
    (problem,) = data.problems()
    assert problem.startswith("case_studies/alpha.yml:6: yaml: not valid YAML")
    assert "indentation" in problem


def test_missing_required_field(data):
    data.add("alpha")
    data.edit("alpha", "country: KE\n", "")
    assert data.problems() == ["case_studies/alpha.yml:2: country: required field is missing; add `country:`"]


def test_unknown_vocabulary_keys(data):
    data.add("alpha")
    data.edit("alpha", "sectors: [agri-food, ict]", "sectors: [agri-food, fishing]")
    data.edit("alpha", "{type: firm,", "{type: company,")
    problems = data.problems()
    assert problems[0].startswith("case_studies/alpha.yml:7: sectors[1]: unknown key 'fishing'; use one of: metal-industry")
    assert problems[1].startswith("case_studies/alpha.yml:11: actors[0].type: unknown key 'company'")
    assert len(problems) == 2


def test_unknown_country_code(data):
    data.add("alpha")
    data.edit("alpha", "country: KE", "country: QQ")
    assert data.problems() == ["case_studies/alpha.yml:5: country: 'QQ' is not an ISO 3166-1 alpha-2 country "
                               "code (XK is accepted for Kosovo)"]


def test_a_source_address_with_a_space_or_angle_brackets_is_refused(data):
    data.add("alpha")
    data.edit("alpha", 'url: "https://example.org/a"', 'url: "https://example.org/a>b"')
    assert data.problems() == ["case_studies/alpha.yml:32: sources[0].url: must be a full address starting with "
                               "https://, without spaces, < or >"]


def test_kosovo_is_accepted(data):
    data.add("beta")
    assert data.problems() == []


def test_years_and_dates_in_the_future(data):
    data.add("alpha")
    data.edit("alpha", "founded: {year: 2012,", "founded: {year: 2031,")
    data.edit("alpha", "year: 2020", "year: 2027")
    data.edit("alpha", 'accessed: "2021-01-02"', 'accessed: "2026-12-01"')
    assert data.problems() == [
        "case_studies/alpha.yml:8: founded.year: 2031 lies in the future",
        "case_studies/alpha.yml:28: figures[0].year: 2027 lies in the future",
        "case_studies/alpha.yml:33: sources[1].accessed: 2026-12-01 lies in the future",
    ]


def test_duplicate_ids(data):
    data.add("alpha")
    data.add("alpha-copy", (data.root / "case_studies" / "alpha.yml").read_text(encoding="utf-8"))
    problems = data.problems()
    # files are read in name order: alpha-copy.yml comes first, so alpha.yml is the duplicate
    assert "case_studies/alpha.yml:2: id: id 'alpha' is already used by case_studies/alpha-copy.yml; choose another" in problems
    assert "case_studies/alpha-copy.yml:2: id: must match the file name: rename the file to alpha.yml or set id: alpha-copy" in problems


def test_id_cannot_escape_the_output_folder(data):
    data.add("alpha")
    data.edit("alpha", "id: alpha", 'id: "../x"')
    assert data.problems() == ["case_studies/alpha.yml:2: id: use lowercase letters, digits and single hyphens only, e.g. my-cluster"]


def test_unknown_source_id(data):
    data.add("alpha")
    data.edit("alpha", "sources: [src-b]}", "sources: [src-z]}")
    (problem,) = data.problems()
    assert problem == "case_studies/alpha.yml:23: approach.sources[0]: unknown source 'src-z'; list it under sources (known: src-a, src-b)"


def test_missing_translation_or_pending(data):
    data.add("alpha")
    data.edit("alpha", ", fr: Enjeu d'Alpha.}", "}")
    assert data.problems() == [
        "case_studies/alpha.yml:22: challenge: Français (fr) text is missing: add `fr: ...`, or list fr under "
        "`pending:` to show the en text for now"]
    data.edit("alpha", "status: published", "status: published\npending: [fr]")
    assert data.problems() == []


def test_source_language_text_is_always_required(data):
    data.add("beta")
    data.edit("beta", "en: Beta context., ", "")
    assert data.problems() == [
        "case_studies/beta.yml:10: context: English (en) text is missing: add `en: ...`",
        # French is pending, but there is no English text to show in its place either
        "case_studies/beta.yml:10: context: Français (fr) text is missing: add `fr: ...`, or list fr under "
        "`pending:` to show the en text for now"]


def test_unknown_field_and_language(data):
    data.add("alpha")
    data.edit("alpha", "status: published", "status: published\nbudget: 1000000")
    data.edit("alpha", "es: Desafío de Alpha.,", "it: Sfida,  es: Desafío de Alpha.,")
    problems = data.problems()
    assert problems[0].startswith("case_studies/alpha.yml:4: budget: unknown field budget; allowed here: actors, approach")
    assert len(problems) == 1  # schema problems first; project rules run once the form is right


def test_html_script_and_event_handlers_are_rejected(data):
    data.add("alpha")
    data.edit("alpha", "en: Alpha summary & more.", "en: Hello <script>alert(1)</script>")
    data.edit("alpha", "en: Alpha context.", "en: \"![x](y.png){onerror=alert(1)}\"")
    data.edit("alpha", "en: Alpha approach.", "en: \"[click](javascript:alert(1))\"")
    problems = data.problems()
    assert problems == [
        "case_studies/alpha.yml:17: summary.en: HTML is not allowed here; write plain text or Markdown "
        "(links as [text](https://...))",
        "case_studies/alpha.yml:21: context.en: HTML event attributes (onclick=, onerror=...) are not allowed",
        "case_studies/alpha.yml:23: approach.en: script links are not allowed",
    ]


def test_an_image_from_another_website_is_rejected(data):
    """The site shows only its own images (Content-Security-Policy), and a reader's browser would ask that
    website for it: inline and reference images alike."""
    data.add("alpha")
    data.edit("alpha", "en: Alpha context.", '"en": "![Map](https://tracker.example/map.png)"')
    data.edit("alpha", "en: Alpha approach.", '"en": "![Map][map]\\n\\n[map]: //tracker.example/map.png"')
    message = ("an image from another website does not show here (the site shows only its own images) and would "
               "tell that website who reads the page: save the image in docs/assets/case-studies/ and list it "
               "under images:")
    assert data.problems() == [f"case_studies/alpha.yml:21: context.en: {message}",
                               f"case_studies/alpha.yml:23: approach.en: {message}"]


def test_every_problem_in_every_file_at_once(data):
    data.add("alpha")
    data.add("beta")
    data.edit("alpha", "country: KE", "country: QQ")
    data.edit("beta", "founded: 2019", "founded: 2099")
    data.edit("beta", "sectors: [ict]", "sectors: [space]")
    assert len(data.problems()) == 3


def test_duplicate_key_in_yaml(data):
    data.add("beta")
    data.edit("beta", "founded: 2019", "founded: 2019\nfounded: 2018")
    assert "case_studies/beta.yml:8: founded: this field is given twice; keep one" in data.problems()


def test_unknown_language_key(data):
    data.add("alpha")
    data.edit("alpha", "es: Desafío de Alpha.,", "it: Sfida,  es: Desafío de Alpha.,")
    assert data.problems() == ["case_studies/alpha.yml:22: challenge.it: unknown language 'it'; use one of: de, en, es, fr"]


def test_lang_marker_is_the_only_attribute_list_allowed(data):
    data.add("alpha")
    data.edit("alpha", "en: Alpha context.", 'en: "The *Greenbook*{lang=en} and a {: .evil } class"')
    (problem,) = data.problems()
    assert problem.startswith("case_studies/alpha.yml:21: context.en: curly braces are only allowed as {lang=xx}")



def as_case(data, case_id: str) -> None:
    """The alpha fixture saved as case_studies/<case_id>.yml with that id."""
    data.add("alpha")
    alpha = data.root / "case_studies" / "alpha.yml"
    data.add(case_id, alpha.read_text(encoding="utf-8").replace("id: alpha", f'id: "{case_id}"'))
    alpha.unlink()


def test_index_is_reserved_for_the_overview_page(data):
    as_case(data, "index")
    assert data.problems() == ["case_studies/index.yml:2: id: 'index' is reserved for the overview page; choose "
                               "another id (and rename the file)"]


@pytest.mark.parametrize("case_id, reason", [
    ("country", "the facet pages /<lang>/case-studies/country/"),            # from render.FACETS
    ("service", "the facet pages /<lang>/case-studies/service/"),
    ("partners", "docs/fr/case-studies/partners.md, which is written by hand"),
    ("archive", "docs/de/case-studies/archive, which is written by hand"),
    ("search", "the search index /<lang>/search/"),
    ("404", "the error page /<lang>/404.html"),
    ("assets", "/<lang>/assets/, which the site has in every language (docs/assets)"),
    ("about", "/<lang>/about/, which the site has in every language (docs/en/about.md)"),
])
def test_ids_the_site_already_uses_are_reserved(data, case_id, reason):
    for relative, text in {"docs/fr/case-studies/partners.md": "---\ntitle: Partenaires\n---\n",
                           "docs/de/case-studies/archive/index.md": "---\ntitle: Archiv\n---\n",
                           "docs/assets/como.css": "", "docs/en/about.md": "---\ntitle: About\n---\n",
                           "docs/en/case-studies/beta.md": "---\ntitle: B\ngenerated_from: case_studies/beta.yml\n---\n"
                           }.items():
        (data.root / relative).parent.mkdir(parents=True, exist_ok=True)
        (data.root / relative).write_text(text, encoding="utf-8")
    as_case(data, case_id)
    assert data.problems() == [f"case_studies/{case_id}.yml:2: id: '{case_id}' is reserved for {reason}; choose "
                               "another id (and rename the file)"]
    as_case(data, "beta")   # a page the generator wrote earlier does not reserve its id
    assert "case_studies/beta.yml:2: id: 'beta'" not in " ".join(data.problems())


def test_placeholders_of_the_scaffold_cannot_be_published(data):
    new_case(data.project, "new-cluster")
    assert data.problems() == []                                   # a draft may keep them
    data.edit("new-cluster", "status: draft", "status: published")
    data.edit("new-cluster", 'es: "Two or three', 'es: "Nuestro texto. Two or three')   # partly edited
    problems = data.problems()
    placeholder = "still the scaffold's placeholder text: write the real text"
    assert f"case_studies/new-cluster.yml:31: summary.de: {placeholder}" in problems
    assert f"case_studies/new-cluster.yml:33: summary.es: {placeholder}" in problems
    assert f"case_studies/new-cluster.yml:65: sources[0].title: {placeholder}" in problems
    assert problems[-1] == ("case_studies/new-cluster.yml:67: sources[0].url: still the scaffold's example address: "
                            "give the real https:// address of the source")
    fields = ("actors[0].name", "title", "summary", "context", "challenge", "approach")
    assert len(problems) == len(fields) * len(data.project.codes) + 3   # every placeholder, nothing else
