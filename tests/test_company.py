"""como_site.company: company placeholders filled, missing values visibly marked, typos reported."""
from como_site.company import fill_company, unknown_placeholders
from como_site.labels import Labels

LABELS = Labels({
    "company.to_be_completed": {"de": "[von Como zu ergänzen: {field}]", "en": "[to be completed by Como: {field}]"},
    "company.vat_id": {"de": "USt-IdNr.", "en": "VAT ID"},
})


def test_known_value_is_filled():
    assert fill_company("Name: {{ company.name }}", {"name": "Como"}, "en", LABELS) == "Name: Como"


def test_email_and_website_become_links():
    company = {"email": "info@example.org", "website": "https://example.org"}
    text = fill_company("{{ company.email }} {{company.website}}", company, "en", LABELS)
    assert text == "[info@example.org](mailto:info@example.org) [example.org](https://example.org)"


def test_empty_value_is_marked_in_the_page_language():
    text = fill_company("USt: {{ company.vat_id }}", {"vat_id": None}, "de", LABELS)
    assert text == 'USt: <mark class="como-todo">[von Como zu ergänzen: USt-IdNr.]</mark>'


def test_unknown_field_is_reported_with_line_and_left_in_place():
    text = "a\nb {{ company.vatid }}\n```\n{{ company.example }}\n```"
    problems = unknown_placeholders(text, "docs/en/x.md", {"vat_id": None})
    assert [str(p) for p in problems] == ["docs/en/x.md:2: company.vatid: unknown company field; use one of: vat_id"]
    assert fill_company(text, {"vat_id": None}, "en", LABELS) == text
