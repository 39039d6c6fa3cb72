"""como_site.previews: which address is a pull request's preview, and where the preview of N lives."""
from __future__ import annotations

import pytest

from como_site.previews import preview_number, preview_url
from como_site.project import ROOT, load_project
from tests.tinyproject import run_cli


@pytest.mark.parametrize("address, number", [
    ("https://www.como-consult.de/previews/pr-7/", 7),
    ("https://www.como-consult.de/wissen/previews/pr-12/", 12),
    ("http://127.0.0.1:8000/previews/pr-3/", 3),
    ("https://www.como-consult.de/wissen/", None),
    ("https://www.como-consult.de/previews/", None),
    ("https://www.como-consult.de/previews/pr-7/de/", None),
    ("https://www.como-consult.de/previews/pr-07/", None),
    ("https://www.como-consult.de/previews/pr-0/", None),
    ("https://www.como-consult.de/previews-pr-7/", None),
    ("https://previews.example.org/pr-7/", None),
])
def test_only_an_address_ending_in_previews_pr_n_is_a_preview(address, number):
    assert preview_number(address) == number


def test_the_preview_of_n_lives_at_the_hosts_root_whatever_the_sites_path():
    for site in ("https://www.como-consult.de/wissen/", "https://www.como-consult.de/", "http://127.0.0.1:8000/x/"):
        address = preview_url(site, 7)
        assert address == site.split("/", 3)[0] + "//" + site.split("/")[2] + "/previews/pr-7/"
        assert preview_number(address) == 7


def test_no_preview_of_a_number_below_one():
    with pytest.raises(ValueError, match="no pull request number"):
        preview_url("https://www.como-consult.de/wissen/", 0)


def test_a_project_at_a_preview_address_is_that_preview(monkeypatch):
    assert load_project(ROOT).preview is None
    monkeypatch.setenv("SITE_URL", "https://www.como-consult.de/previews/pr-9/")
    assert load_project(ROOT).preview == 9


@pytest.mark.parametrize("value", ["0", "seven", "-3", "7/.."])
def test_the_build_refuses_anything_but_a_pull_request_number(value):
    result = run_cli(ROOT, "build", "--preview", value)
    assert result.returncode == 2 and "is no pull request number: give its number, e.g. 7" in result.stderr
    assert "Traceback" not in result.stderr
