"""como_site.project: settings read from mkdocs.yml without MkDocs; the site address checked where it is read."""
import pytest

from como_site.project import load_project, ROOT
from como_site.siteurl import site_url_problem


def test_languages_and_source(project):
    assert project.codes == ("de", "en", "es", "fr")
    assert project.source_language == "en"
    assert project.site_url.endswith("/")


def test_site_url_can_be_overridden_by_environment(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://preview.example.org/pr-7")
    assert load_project(ROOT).site_url == "https://preview.example.org/pr-7/"


@pytest.mark.parametrize("value, message", [
    ("", '"" is empty: unset it or give the public address, e.g. https://www.example.org/wissen/'),
    ("https://www.example.org/my wiki/", '"https://www.example.org/my wiki/" contains a space, which the web-server'),
    ('https://www.example.org/a"b/', "contains the character '\"'"),
    ("https://www.example.org/wissen/\n", "contains a control character (U+000A)"),
    ("https://www.example.org/$x/", "contains the character '$'"),
    ("https://www.example.org/wissen/?lang=de", "contains the character '?'"),
    ("http://www.example.org/wissen/", "is not encrypted: use https://www.example.org/wissen/ (http:// only for "
                                       "previews on 127.0.0.1 or localhost)"),
    ("www.example.org/wissen/", "is not a full address (scheme and host)"),
    ("https:///wissen/", "is not a full address (scheme and host)"),
    ("https://-bad-.org/", "has no valid host name"),
    ("https://www.example.org/a/../b/", 'has an empty, "." or ".." folder in its path'),
    (42, "42 is not an address"),
])
def test_unsafe_site_addresses_are_named_with_the_fix(value, message):
    assert message in site_url_problem(value, unset_hint=True)


@pytest.mark.parametrize("value", ["https://www.example.org/wissen/", "https://example.org", "http://127.0.0.1:8000/",
                                   "http://localhost:8000/pr-7/", "https://www.example.org:8443/a.b_c~d/"])
def test_safe_site_addresses_pass(value):
    assert site_url_problem(value, unset_hint=True) is None


def test_bad_site_addresses_stop_the_build_with_the_fix_and_keep_site(tiny_project):
    """An empty SITE_URL, a space in the path (Apache answered 500 on every URL of such a site), and a bad
    site_url in mkdocs.yml, named with its line. One build serves all three refusals."""
    before = tiny_project.built_site()
    tiny_project.assert_refused(
        before, 'SITE_URL: "" is empty: unset it or give the public address, e.g. https://www.example.org/wissen/',
        env={"SITE_URL": ""})
    tiny_project.assert_refused(before, 'SITE_URL: "https://www.example.org/my wiki/" contains a space',
                                env={"SITE_URL": "https://www.example.org/my wiki/"})
    lines = tiny_project.config_text.splitlines()
    number = next(index for index, line in enumerate(lines, 1) if line.startswith("site_url:"))
    lines[number - 1] = "site_url: http://www.example.org/wissen/"
    tiny_project.config_text = "\n".join(lines) + "\n"
    tiny_project.save_config()
    tiny_project.assert_refused(before, f'mkdocs.yml:{number}: site_url: "http://www.example.org/wissen/" is not '
                                        "encrypted: use https://www.example.org/wissen/")
