"""The site's public address (site_url in mkdocs.yml, SITE_URL, --site-url): checked once where it is read.

It ends up in every page, the sitemaps and the web-server configuration (.htaccess, nginx.conf), so it
may hold only what all of them carry safely: https:// (http:// only for previews on this computer), a
plain host name, an optional port, and a path of letters, digits and - . _ ~ / that ends with a slash.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

EXAMPLE = "https://www.example.org/wissen/"
PREVIEW_HOSTS = ("127.0.0.1", "localhost")
SAFE = re.compile(r"[A-Za-z0-9._~:/-]")
HOST = re.compile(r"(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?")
SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def _character(char: str) -> str:
    if char == " ":
        return "a space"
    if not char.isprintable():
        return f"a control character (U+{ord(char):04X})"
    return f"the character {char!r}"


def site_url_problem(value: object, unset_hint: bool) -> str | None:
    """What is wrong with `value` as the site address, and how to fix it; None when it is fine.
    `unset_hint`: the value comes from a variable the editor may simply unset."""
    give = ("unset it or give" if unset_hint else "give") + f" the public address, e.g. {EXAMPLE}"
    if value is None or value == "":
        return f'"" is empty: {give}'
    if not isinstance(value, str):
        return f"{value!r} is not an address: {give}"
    unsafe = next((char for char in value if not SAFE.fullmatch(char)), None)
    if unsafe is not None:
        return (f'"{value}" contains {_character(unsafe)}, which the web-server configuration cannot carry '
                f"safely: use only letters, digits and - . _ ~ / in the path, e.g. {EXAMPLE}")
    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return f'"{value}" is not a full address (scheme and host): {give}'
    if parts.scheme == "http" and parts.hostname not in PREVIEW_HOSTS:
        return (f'"{value}" is not encrypted: use https://{value[len("http://"):]} '
                f"(http:// only for previews on {' or '.join(PREVIEW_HOSTS)})")
    if not HOST.fullmatch(parts.netloc):
        return f'"{value}" has no valid host name: {give}'
    segments = parts.path.strip("/").split("/") if parts.path.strip("/") else []
    if any(not SEGMENT.fullmatch(segment) or segment in (".", "..") for segment in segments) \
            or "//" in parts.path:
        return f'"{value}" has an empty, "." or ".." folder in its path: {give}'
    return None


def normalised(value: str) -> str:
    """The checked address with exactly one trailing slash."""
    return value if value.endswith("/") else value + "/"
