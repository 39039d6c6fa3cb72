"""como_site.structureddata: JSON-LD that no content can break out of, and an Organization of only the
company values filled in."""
from __future__ import annotations

import json

import pytest

from como_site.structureddata import breadcrumb_list, organization, serialised

HOSTILE = ["</script><script>alert(1)</script>", "<!-- <script>", "a & b > c", "line\u2028separator", "]]>"]


@pytest.mark.parametrize("text", HOSTILE)
def test_serialised_json_ld_keeps_every_text_and_no_markup_character(text):
    block = serialised({"name": text, "nested": [{"name": text}]})
    assert not {"<", ">", "&", "\u2028"} & set(block)
    assert json.loads(block) == {"name": text, "nested": [{"name": text}]}


def test_the_organization_leaves_out_what_is_not_filled_in():
    company = {"name": "Como", "website": "https://www.example.org", "email": None, "phone": " ", "address": "",
               "vat_id": "DE123", "register_court": "Amtsgericht X"}
    assert organization(company) == {"@context": "https://schema.org", "@type": "Organization", "name": "Como",
                                     "url": "https://www.example.org", "vatID": "DE123"}


def test_breadcrumbs_are_numbered_from_one_in_order():
    trail = breadcrumb_list([("Home", "https://x/en/"), ("Page", "https://x/en/page/")])
    assert [(item["position"], item["name"], item["item"]) for item in trail["itemListElement"]] == [
        (1, "Home", "https://x/en/"), (2, "Page", "https://x/en/page/")]
