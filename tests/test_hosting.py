"""como_site.hosting: the nginx block in the repository matches the build; both servers get the same rules."""
from __future__ import annotations

import pytest

from como_site.builtpages import read_site
from como_site.hosting import HostingRules, htaccess, inline_script_hashes, nginx_server_block
from como_site.project import ROOT
from tests.conftest import LANGUAGES


@pytest.fixture(scope="module")
def script_hashes(built_site):
    return inline_script_hashes(read_site(built_site, list(LANGUAGES)).values())


def test_committed_nginx_block_matches_the_built_site(script_hashes, project):
    rules = HostingRules.for_site(project, script_hashes, project.https_redirect)
    assert (ROOT / "hosting" / "nginx.conf").read_text(encoding="utf-8") == nginx_server_block(rules), (
        "regenerate: .venv/bin/python -m como_site nginx-conf > hosting/nginx.conf")


def test_apache_and_nginx_send_the_same_headers(script_hashes, project):
    rules = HostingRules.for_site(project, script_hashes, https_redirect=True)
    apache, nginx = htaccess(rules), nginx_server_block(rules)
    for name, value in rules.headers.items():
        assert f'Header always set {name} "{value}"' in apache
        assert f'add_header {name} "{value}" always;' in nginx
    assert "RewriteRule ^ https://" in apache and "return 301 https://" in nginx
    assert "upgrade-insecure-requests" in rules.headers["Content-Security-Policy"]


def test_every_inline_script_is_hashed_and_json_blocks_are_not(script_hashes):
    assert 3 <= len(script_hashes) <= 20   # Material's few inline scripts, varying only with page depth
    assert all(value.startswith("'sha256-") for value in script_hashes)
