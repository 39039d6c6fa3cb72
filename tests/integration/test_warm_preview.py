"""The preview's warm builders (como_site/warmbuild.py): after an edit, the previewed site is byte for byte
the site a fresh full build of the edited project makes with the same options (drafts, site_url), whether
the edit was rendered page by page or needed a full build."""
from __future__ import annotations

import pytest

from como_site.build import build_site
from como_site.serve import Preview
from tests.conftest import copy_of_project
from tests.tinyproject import site_snapshot

URL = "http://127.0.0.1:8000/"


@pytest.fixture(params=[None, "fr"], ids=["all languages", "fr only"])
def preview(tiny_project, tmp_path, request):
    """The preview of all languages of a tiny project (or French only) with one draft case and one
    missing French page."""
    tiny_project.add_case("alpha")
    tiny_project.add_case("gamma-draft")
    (tiny_project.root / "docs/fr/services/conception.md").unlink()   # French shows the English fallback
    languages = [request.param] if request.param else list(tiny_project.project.codes)
    preview = Preview(tiny_project.root, languages, tmp_path / "preview" / "site", URL)
    preview.rebuild(preview.languages)
    assert preview.error is None
    yield preview
    preview.close()


def assert_same_as_full_build(preview, tmp_path) -> None:
    fresh = tmp_path / "fresh" / "site"
    build_site(root=preview.root, site_dir=fresh, site_url=URL, languages=preview.languages, drafts=True)
    expected, shown = site_snapshot(fresh), site_snapshot(preview.site_dir)
    assert sorted(shown) == sorted(expected)
    assert [path for path in expected if shown[path] != expected[path]] == []


def test_an_edited_source_page_is_rendered_alone_and_equals_a_full_build(tiny_project, preview, tmp_path):
    tiny_project.write("docs/en/services/conception.md", "---\ntitle: services/conception.md\n"
                       "description: services/conception.md.\n---\n\n# services/conception.md\n\n"
                       "A new paragraph, with a [link home](../index.md).\n\nMore.\n")
    home = tiny_project.write("docs/en/index.md", "---\ntitle: Home en\ndescription: Home page en.\n---\n\n"
                                "# Home en\n\nEdited.\n")
    preview.on_change()
    assert preview.rendered_alone == 1 and preview.error is None
    assert "A new paragraph" in (preview.site_dir / "fr/services/conception/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(preview, tmp_path)
    home.write_text(home.read_text(encoding="utf-8") + "\nOnce more.\n", encoding="utf-8")
    preview.on_change()
    assert preview.rendered_alone == 2
    assert_same_as_full_build(preview, tmp_path)


def test_an_edited_translation_is_rendered_alone_and_equals_a_full_build(tiny_project, preview, tmp_path):
    tiny_project.write("docs/fr/index.md", "---\ntitle: Home fr\ndescription: Home page fr.\n---\n\n"
                       "# Home fr\n\nUn nouveau paragraphe.\n")
    preview.on_change()
    assert preview.rendered_alone == 1 and preview.error is None
    assert_same_as_full_build(preview, tmp_path)


@pytest.mark.parametrize("text", [
    "---\ntitle: Un nouveau titre\ndescription: Home page fr.\n---\n\n# Home fr\n",       # the title: nav, cards
    "---\ntitle: Home fr\ndescription: Home page fr.\n---\n\n# Home fr\n\n## Nouveau\n",   # a new heading anchor
])
def test_an_edit_others_depend_on_is_a_full_build_equal_to_a_fresh_one(tiny_project, preview, tmp_path, text):
    tiny_project.write("docs/fr/index.md", text)
    preview.on_change()
    assert preview.rendered_alone == 0 and preview.error is None
    assert_same_as_full_build(preview, tmp_path)


@pytest.mark.parametrize("link, shown", [("../indx.md", "indx.md"),
                                         ("../index.md#nowhere", "has no heading with the anchor")])
def test_a_broken_edit_shows_its_problem_and_the_fix_clears_it(tiny_project, preview, tmp_path, link, shown):
    page = "docs/fr/services/organisational-set-up.md"
    head = "---\ntitle: Services\ndescription: x.\n---\n\n# Services\n"
    tiny_project.write(page, f"{head}\nSee [home]({link}).\n")
    preview.on_change()
    assert f"{page}:8: link:" in preview.error and shown in preview.error
    tiny_project.write(page, f"{head}\nSee [home](../index.md).\n")
    preview.on_change()
    assert preview.error is None
    assert_same_as_full_build(preview, tmp_path)


def test_the_real_site_after_page_edits_equals_a_full_build(tmp_path):
    """The real pages, templates and data: a source page, a translation and a home page edited, each
    rendered alone."""
    root = copy_of_project(tmp_path / "project")
    preview = Preview(root, ["de", "en", "es", "fr"], tmp_path / "preview" / "site", URL)
    try:
        preview.rebuild(preview.languages)
        assert preview.error is None
        edits = (("docs/en/about.md", "One more sentence."), ("docs/de/faq.md", "Noch ein Satz."),
                 ("docs/fr/index.md", "Une phrase de plus."))   # the home page: its template reads other pages
        for page, sentence in edits:
            path = root / page
            path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
            preview.on_change()
        assert preview.rendered_alone == len(edits) and preview.error is None
        assert_same_as_full_build(preview, tmp_path)
    finally:
        preview.close()


def test_a_killed_builder_is_started_again_and_the_edit_still_shows(tiny_project, preview, tmp_path):
    process = preview.builders.workers["fr"][0]
    process.kill()
    process.join()
    tiny_project.write("docs/fr/index.md", "---\ntitle: Home fr\ndescription: Home page fr.\n---\n\n"
                       "# Home fr\n\nAprès un arrêt.\n")
    preview.on_change()
    assert preview.rendered_alone == 0 and preview.error is None   # a full build, in a new process
    assert "Après un arrêt." in (preview.site_dir / "fr/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(preview, tmp_path)


def test_a_hostile_edit_is_refused_with_its_place_and_never_rendered(tiny_project, preview, tmp_path):
    """Editors' input stays input in the page-level path too: a page swapped for a link to a file outside
    the repository, or given a script, is reported with its path (and line) and nothing of it is served."""
    page = tiny_project.root / "docs/fr/index.md"
    secret = tmp_path / "secret.txt"
    secret.write_text("---\ntitle: Secret\ndescription: x.\n---\n\n# Secret\n\nDo not publish.\n", encoding="utf-8")
    page.unlink()
    page.symlink_to(secret)
    preview.on_change()
    assert preview.rendered_alone == 0 and "docs/fr/index.md" in preview.error
    assert "Do not publish" not in (preview.site_dir / "fr/index.html").read_text(encoding="utf-8")
    page.unlink()
    tiny_project.write("docs/fr/index.md", "---\ntitle: Home fr\ndescription: Home page fr.\n---\n\n"
                       "# Home fr\n\n<script>alert(1)</script>\n")
    preview.on_change()
    assert preview.rendered_alone == 0 and "docs/fr/index.md:8: html: &lt;script&gt; is not allowed" in preview.error
    assert "alert(1)" not in (preview.site_dir / "fr/index.html").read_text(encoding="utf-8")


def test_an_edit_of_the_further_reading_sources_is_built_and_equals_a_full_build(tiny_project, preview, tmp_path):
    """sources/ is an editor's folder like docs/: the preview sees its edits (it once watched only docs/,
    case_studies/ and i18n/, and showed the old list until the next page edit)."""
    path = tiny_project.root / "sources/further-reading.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("An Example Report", "A Revised Example Report"),
                    encoding="utf-8")
    preview.on_change()
    assert preview.error is None
    lang = preview.languages[0]
    assert "A Revised Example Report" in (preview.site_dir / lang / "further-reading/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(preview, tmp_path)
