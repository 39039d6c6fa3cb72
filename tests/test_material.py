"""Our changes to Material: the guarded patches refuse a changed Material; the overrides render valid markup."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jinja2
import pytest
from selectolax.lexbor import LexborHTMLParser

import material
from como_site.material_patches import ALTERNATE_LOOKUP, MaterialChanged, patch_bundle, patch_templates
from como_site.themeassets import without_source_map
from tests.conftest import LANGUAGES
from tests.htmlpages import html_pages

MATERIAL_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
MATERIAL_BUNDLE = next(MATERIAL_SCRIPTS.glob("bundle.*.min.js"))


def published_bundle(built_site):
    """The bundle the site's pages load (one for every language)."""
    return next((built_site / "assets" / "javascripts").glob("bundle.*.min.js"))


def test_the_published_bundle_is_patched(built_site):
    text = published_bundle(built_site).read_text(encoding="utf-8")
    assert ALTERNATE_LOOKUP.new in text and ALTERNATE_LOOKUP.old not in text


def test_bundle_patch_refuses_a_changed_bundle():
    with pytest.raises(MaterialChanged, match=r"^assets/javascripts/bundle\.0badc0de\.min\.js: "
                                              r"Material's text .* review como_site/material_patches\.py"):
        patch_bundle('x=M("link[rel=alternate][hreflang]")', "assets/javascripts/bundle.0badc0de.min.js")


def test_template_patch_refuses_a_changed_page_frame():
    environment = jinja2.Environment(loader=jinja2.DictLoader({"base.html": '<input id="__drawer">'}))
    with pytest.raises(MaterialChanged, match=r"base\.html: Material's text .*__drawer"):
        patch_templates(environment)


def test_a_changed_material_stops_the_build_with_its_name(tiny_project):
    """Through the real build: a bundle or a page frame that is not Material's is refused, site/ untouched."""
    before = tiny_project.built_site()
    planted = tiny_project.write(f"overrides/assets/javascripts/{MATERIAL_BUNDLE.name}", "var a=1;\n")
    tiny_project.assert_refused(before, f"\nassets/javascripts/{MATERIAL_BUNDLE.name}: Material's text",
                                "review como_site/material_patches.py")
    planted.unlink()
    tiny_project.write("overrides/base.html", "<!doctype html><html><body>{% block content %}{% endblock %}</body>\n")
    tiny_project.assert_refused(before, "overrides/base.html: Material's text", "review como_site/material_patches.py")


def test_every_label_points_to_a_control_on_its_page(built_site):
    """The table-of-contents title (overrides/partials/toc.html) names the `__toc` checkbox only where
    Material renders it; the drawer and search toggles lose the `autocomplete` text inputs alone may carry."""
    toc_titles = {"for": 0, "plain": 0}
    for lang in LANGUAGES:
        for page in html_pages(built_site, lang):
            tree = LexborHTMLParser(page.read_bytes())
            ids = {node.attributes["id"] for node in tree.css("[id]")}
            for label in tree.css("label[for]"):
                assert label.attributes["for"] in ids, (page, label.html)
            for title in tree.css("nav.md-nav--secondary > label.md-nav__title"):
                toc_titles["for" if "for" in title.attributes else "plain"] += 1
            assert not tree.css("input[type=checkbox][autocomplete]"), page
    assert toc_titles["for"] > 10 and toc_titles["plain"] > 10   # both kinds of page are on the site


def test_our_search_worker_loads_the_installed_materials_worker(built_site):
    """overrides/main.html names Material's worker, whose file name changes with every Material release."""
    material_worker = next((MATERIAL_SCRIPTS / "workers").glob("search.*.min.js"))
    for lang in LANGUAGES:
        home = LexborHTMLParser((built_site / lang / "index.html").read_text(encoding="utf-8"))
        worker = urlsplit(json.loads(home.css_first("#__config").text())["search"])
        named = parse_qs(worker.query)
        published = (built_site / lang / worker.path).resolve()
        assert published.is_file() and published.is_relative_to(built_site / "assets"), lang
        named_worker = (published.parent / named["material"][0]).read_bytes()
        assert named_worker == without_source_map(material_worker.read_bytes()), lang
        assert (published.parent.parent / "lunr" / named["widen"][0]).is_file(), lang
