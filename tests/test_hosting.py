"""como_site.hosting: the nginx block in the repository matches the build; both servers get the same rules."""
from __future__ import annotations

from como_site.hosting import HostingRules, htaccess, nginx_server_block
from como_site.project import ROOT


def test_committed_nginx_block_matches_the_built_site(built_site, project):
    rules = HostingRules.for_site(project, built_site, project.https_redirect)
    assert (ROOT / "hosting" / "nginx.conf").read_text(encoding="utf-8") == nginx_server_block(rules), (
        "regenerate: .venv/bin/python -m como_site nginx-conf > hosting/nginx.conf")


def test_apache_and_nginx_send_the_same_headers(built_site, project):
    rules = HostingRules.for_site(project, built_site, https_redirect=True)
    apache, nginx = htaccess(rules), nginx_server_block(rules)
    for name, value in rules.headers.items():
        assert f'Header always set {name} "{value}"' in apache
        assert f'add_header {name} "{value}" always;' in nginx
    assert "RewriteRule ^ https://" in apache and "return 301 https://" in nginx
    assert "upgrade-insecure-requests" in rules.headers["Content-Security-Policy"]

