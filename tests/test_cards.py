"""Where a page's social card lives: one rule for the page head and the drawing code."""
import pytest

from como_site.cards import card_path


@pytest.mark.parametrize("url, path", [
    ("", "assets/cards/index.png"),
    ("clusters/why-clusters-matter/", "assets/cards/clusters/why-clusters-matter.png"),
    ("clusters/", "assets/cards/clusters.png"),
    ("faq.html", "assets/cards/faq.png"),
    ("clusters/index.html", "assets/cards/clusters.png"),
])
def test_card_path(url, path):
    assert card_path(url) == path
