"""como_site.alternates: page paths to URLs and links between language versions."""
from como_site.alternates import alternates, page_path_to_url


def test_page_path_to_url():
    assert page_path_to_url("index.md") == ""
    assert page_path_to_url("clusters/index.md") == "clusters/"
    assert page_path_to_url("about.md") == "about/"
    assert page_path_to_url("services/conception.md") == "services/conception/"


def test_alternates_link_the_same_page_relative_to_it(project):
    result = {alt.lang: alt for alt in alternates(project, "services/conception.md")}
    assert result["fr"].link == "../../../fr/services/conception/"
    assert result["fr"].url == project.site_url + "fr/services/conception/"
    assert all(alt.exists for alt in result.values())


def test_missing_translation_links_to_its_fallback_page_and_is_not_real(project):
    result = {alt.lang: alt for alt in alternates(project, "does-not-exist.md")}
    assert result["es"].link == "../../es/does-not-exist/" and not result["es"].exists


def test_the_home_pages_x_default_is_the_root_chooser_and_other_pages_their_original(project):
    from como_site.alternates import page_links
    assert dict(page_links(project, "de", "index.md", None).hreflang)["x-default"] == project.site_url
    assert dict(page_links(project, "de", "about.md", None).hreflang)["x-default"] == \
        project.language_url(project.source_language) + "about/"
