"""Web-server configuration shipped with the site: Apache .htaccess files and an equivalent nginx block.

One set of rules (security headers, a Content-Security-Policy that allows by hash exactly the inline
scripts our templates emit (como_site/inlinescripts.py), caching, charset, compression, per-language 404
pages) rendered for both servers; a pull request's preview adds `X-Robots-Tag: noindex`, and for nginx,
which reads no .htaccess, one set of locations serves every preview (hosting/nginx-previews.conf).

The headers that govern a document or a worker (its policy, framing, permissions, opener) are left off
the files a browser never runs as either (stylesheets, raster images, fonts): about 1 KB per response, the
size of a small icon, sent five times on a first visit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from como_site.previews import HEADERS as PREVIEW_HEADERS, PREVIEWS_FOLDER
from como_site.project import Project

FINGERPRINTED = r"\.[0-9a-f]{8}(\.min)?\.(css|js|svg|png|jpe?g|webp|ico|woff2?)$"   # content hash: como_site/themeassets.py
STATIC_ASSETS = r"\.(css|js|svg|png|jpe?g|webp|ico|woff2?)$"
PASSIVE_TYPES = "css|png|jpe?g|webp|ico|woff2?"                    # never a document or a worker (unlike svg, js)
PASSIVE = rf"\.({PASSIVE_TYPES})$"
PASSIVE_FINGERPRINTED = rf"\.[0-9a-f]{{8}}(\.min)?\.({PASSIVE_TYPES})$"
DOCUMENT_HEADERS = ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy")
COMPRESSED_TYPES = ("text/html", "text/css", "text/plain", "text/xml", "text/javascript", "application/javascript",
                    "application/json", "application/xml", "image/svg+xml")


def content_security_policy(script_hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "upgrade-insecure-requests",
    ])


@dataclass(frozen=True)
class HostingRules:
    base_path: str                   # URL path the site is served under, e.g. /wissen/
    languages: tuple[str, ...]
    headers: dict[str, str]
    https_redirect: bool

    @classmethod
    def for_site(cls, project: Project, script_hashes: list[str], https_redirect: bool) -> "HostingRules":
        csp = content_security_policy(script_hashes)
        if not https_redirect:
            csp = csp.replace("; upgrade-insecure-requests", "")
        return cls(urlsplit(project.site_url).path, project.codes, {
            **(PREVIEW_HEADERS if project.preview else {}),   # no page or file of a preview is indexed
            "Content-Security-Policy": csp,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            "X-Frame-Options": "DENY",
            "Cross-Origin-Opener-Policy": "same-origin",
        }, https_redirect)

    @property
    def passive_headers(self) -> dict[str, str]:
        """The headers of files that are never a document or a worker: all but DOCUMENT_HEADERS."""
        return {name: value for name, value in self.headers.items() if name not in DOCUMENT_HEADERS}


class UnsafeServerValue(ValueError):
    """A value that a server's configuration format cannot carry as plain text."""


def _quoted(value: str, server: str, refused: str) -> str:
    """`value` as a double-quoted string of the server's configuration: backslash and quote escaped;
    refused when it holds a control character (it would end the directive) or one of `refused`."""
    bad = next((char for char in value if char in refused or not char.isprintable()), None)
    if bad is not None:
        raise UnsafeServerValue(f"{value!r} cannot be written into the {server} configuration: it contains {bad!r}")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def apache_string(value: str) -> str:
    """Apache reads %{...} and ${...} inside strings as variables (mod_headers, ap_expr, Define): refused."""
    return _quoted(value, "Apache", "%$")


def apache_local_url(value: str) -> str:
    """ErrorDocument treats an argument with a space as a message, not a page: a space is refused too."""
    return _quoted(value, "Apache", "%$ ")


def nginx_string(value: str) -> str:
    """nginx expands $name in every string and has no escape for `$`: refused."""
    return _quoted(value, "nginx", "$")


def nginx_regex(pattern: str) -> str:
    """A location's regular expression, quoted (nginx ends the block at an unquoted `{`); `$` is an
    anchor there, not a variable."""
    return _quoted(pattern, "nginx", "")


# The .htaccess rule against folder listings (the site's and the web editor's)
NO_LISTINGS = """\
# No folder listings. Not `Options -Indexes`: a host that allows no Options override answers 500 to it.
<If "-d %{REQUEST_FILENAME} && ! -f '%{REQUEST_FILENAME}/index.html'">
  Require all denied
</If>"""


def htaccess(rules: HostingRules) -> str:
    headers = "\n".join(f"  Header always set {name} {apache_string(value)}" for name, value in rules.headers.items())
    unset = "\n".join(f"    Header always unset {name}" for name in rules.headers if name not in rules.passive_headers)
    redirect = "" if rules.https_redirect else "# "
    return f"""\
# Apache configuration of the Como knowledge site, written by the build (como_site/hosting.py).
# Needs AllowOverride All (or FileInfo, Indexes, AuthConfig), mod_mime and mod_dir; uses mod_headers,
# mod_deflate with mod_filter, and mod_rewrite where the host has them.
AddDefaultCharset utf-8
AddCharset utf-8 .html .css .js .json .xml .svg .txt
AddType text/javascript .js
AddType application/json .json
AddType application/xml .xml
AddType image/svg+xml .svg
DirectoryIndex index.html
{NO_LISTINGS}
ErrorDocument 404 {apache_local_url(rules.base_path + "404.html")}

<IfModule mod_rewrite.c>
  RewriteEngine On
  # HTTPS redirect: on when mkdocs.yml sets extra.hosting.https_redirect: true
  {redirect}RewriteCond %{{HTTPS}} !=on
  {redirect}RewriteRule ^ https://%{{HTTP_HOST}}%{{REQUEST_URI}} [R=301,L]
</IfModule>

<IfModule mod_deflate.c>
  <IfModule mod_filter.c>
    AddOutputFilterByType DEFLATE {' '.join(COMPRESSED_TYPES)}
  </IfModule>
</IfModule>

<IfModule mod_headers.c>
  # mod_deflate appends -gzip to a compressed response's ETag but compares a revalidation's If-None-Match
  # with the file's own ETag: without the suffix stripped, each revalidation downloads the file again.
  RequestHeader edit* If-None-Match '-gzip"' '"'
{headers}
  # HTML and data change with every build: revalidate. Fingerprinted assets never change: cache for a year.
  Header set Cache-Control "public, max-age=0, must-revalidate"
  <FilesMatch "{STATIC_ASSETS}">
    Header set Cache-Control "public, max-age=86400"
  </FilesMatch>
  <FilesMatch "{FINGERPRINTED}">
    Header set Cache-Control "public, max-age=31536000, immutable"
  </FilesMatch>
  # Stylesheets, raster images and fonts are never a document or a worker: no policy for one.
  <FilesMatch "{PASSIVE}">
{unset}
  </FilesMatch>
</IfModule>

<FilesMatch "^\\.">
  Require all denied
</FilesMatch>
"""


def language_htaccess(rules: HostingRules, lang: str) -> str:
    return (f"# Not-found pages in this folder's language (written by como_site/hosting.py).\n"
            f"ErrorDocument 404 {apache_local_url(f'{rules.base_path}{lang}/404.html')}\n")


def nginx_server_block(rules: HostingRules, web_root: str = "/var/www/html") -> str:
    """The same rules for nginx; the contents of site/ go to <web_root><base_path>."""
    prefix = rules.base_path

    def add_headers(headers: dict[str, str]) -> str:
        return "".join(f"        add_header {name} {nginx_string(value)} always;\n" for name, value in headers.items())

    def location(match: str, cache: str, extra: str = "", headers: dict[str, str] = rules.headers) -> str:
        return (f"    location {match} {{\n{extra}{add_headers(headers)}"
                f"        add_header Cache-Control {nginx_string(cache)} always;\n    }}\n")

    revalidate = "public, max-age=0, must-revalidate"
    lines = [
        "# nginx server block equivalent to the site's .htaccess (written by como_site/hosting.py).",
        f"# Copy the contents of site/ to {nginx_string(web_root + prefix)}",
        "server {",
        "    listen 80;",
        "    server_name _;",
        f"    root {nginx_string(web_root)};",
        "    index index.html;",
        "    charset utf-8;",
        f"    charset_types {' '.join(t for t in COMPRESSED_TYPES if t != 'text/html')};",  # text/html: always
        "    gzip on;",
        "    gzip_vary on;",   # Vary: Accept-Encoding, as mod_deflate sends: caches keep both copies apart
        f"    gzip_types {' '.join(t for t in COMPRESSED_TYPES if t != 'text/html')};",
        "    autoindex off;",
    ]
    if rules.https_redirect:
        lines.append('    if ($scheme != "https") { return 301 https://$host$request_uri; }')
    lines.append(r"    location ~ /\. { deny all; }")
    body = "\n".join(lines) + "\n"
    immutable, day = "public, max-age=31536000, immutable", "public, max-age=86400"
    body += location(f"~* {nginx_regex(PASSIVE_FINGERPRINTED)}", immutable, headers=rules.passive_headers)
    body += location(f"~* {nginx_regex(FINGERPRINTED)}", immutable)
    body += location(f"~* {nginx_regex(PASSIVE)}", day, headers=rules.passive_headers)
    body += location(f"~* {nginx_regex(STATIC_ASSETS)}", day)
    for folder in ["", *(f"{lang}/" for lang in rules.languages)]:
        body += location(nginx_string(prefix + folder), revalidate,
                         f"        error_page 404 {nginx_string(f'{prefix}{folder}404.html')};\n")
    return body + "}\n"


def nginx_previews_block(rules: HostingRules) -> str:
    """Locations serving every pull request's preview (previews/pr-N/ at the host's root), to include in the
    server block: nginx reads no .htaccess, so they send the site's headers of `rules` plus the preview's."""
    languages = "|".join(re.escape(lang) for lang in rules.languages)
    pattern = nginx_regex(rf"^/{PREVIEWS_FOLDER}/(?<como_preview>pr-[1-9][0-9]*)/(?<como_lang>({languages})/)?")
    headers = "".join(f"            add_header {name} {nginx_string(value)} always;\n"
                      for name, value in {**PREVIEW_HEADERS, **rules.headers,
                                          "Cache-Control": "public, max-age=0, must-revalidate"}.items())
    return (
        "# nginx locations for pull-request previews (written by como_site/hosting.py): include this file inside\n"
        "# the server block of hosting/nginx.conf. Each preview is uploaded to <web root>/previews/pr-N/\n"
        "# (make upload PREVIEW_PR=N). The headers are the site's as built from the current templates: a pull\n"
        "# request that changes a template's inline script shows CSP errors in its preview on nginx (Apache reads\n"
        "# each preview's own .htaccess). Everything is revalidated: a preview changes with every push.\n"
        f"    location ^~ /{PREVIEWS_FOLDER}/ {{\n"
        f"        location ~ {pattern} {{\n"
        f"            error_page 404 /{PREVIEWS_FOLDER}/$como_preview/${{como_lang}}404.html;\n"
        f"{headers}"
        "        }\n"
        "    }\n")


def write_hosting_files(project: Project, site_dir: Path, languages: list[str], https_redirect: bool,
                        script_hashes: list[str]) -> HostingRules:
    rules = HostingRules.for_site(project, script_hashes, https_redirect)
    (site_dir / ".htaccess").write_text(htaccess(rules), encoding="utf-8")
    for lang in languages:
        (site_dir / lang / ".htaccess").write_text(language_htaccess(rules, lang), encoding="utf-8")
    return rules
