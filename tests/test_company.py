"""como_site.company: company placeholders filled, missing values visibly marked, typos reported."""
from como_site.company import fill_company
from como_site.labels import Labels

LABELS = Labels({
    "company.to_be_completed": {"de": "[von Como zu ergänzen: {field}]", "en": "[to be completed by Como: {field}]"},
    "company.vat_id": {"de": "USt-IdNr.", "en": "VAT ID"},
})


def test_known_value_is_filled():
    text, problems = fill_company("Name: {{ company.name }}", {"name": "Como"}, "en", LABELS, "docs/en/x.md")
    assert text == "Name: Como" and problems == []


def test_email_and_website_become_links():
    company = {"email": "info@example.org", "website": "https://example.org"}
    text, _ = fill_company("{{ company.email }} {{company.website}}", company, "en", LABELS, "x.md")
    assert text == "[info@example.org](mailto:info@example.org) [example.org](https://example.org)"


def test_empty_value_is_marked_in_the_page_language():
    text, problems = fill_company("USt: {{ company.vat_id }}", {"vat_id": None}, "de", LABELS, "docs/de/x.md")
    assert text == 'USt: <mark class="como-todo">[von Como zu ergänzen: USt-IdNr.]</mark>'
    assert problems == []


def test_unknown_field_is_reported_with_line():
    _, problems = fill_company("a\nb {{ company.vatid }}", {"vat_id": None}, "en", LABELS, "docs/en/x.md")
    assert [str(p) for p in problems] == ["docs/en/x.md:2: company.vatid: unknown company field; use one of: vat_id"]
