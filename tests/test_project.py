"""como_site.project: settings read from mkdocs.yml without MkDocs."""
from como_site.project import load_project, ROOT


def test_languages_and_source(project):
    assert project.codes == ("de", "en", "es", "fr")
    assert project.source_language == "en"
    assert project.site_url.endswith("/")


def test_site_url_can_be_overridden_by_environment(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://preview.example.org/pr-7")
    assert load_project(ROOT).site_url == "https://preview.example.org/pr-7/"
