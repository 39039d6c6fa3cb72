"""A real Apache httpd (Debian's apache2) serving a built site on 127.0.0.1, honouring its .htaccess.

Set up as a Debian host is out of the box: mod_autoindex loaded and `Options Indexes FollowSymLinks` on the
site's folder, so only the .htaccess keeps folders from being listed. `modules` and `allow_override` model a
host with fewer modules or a narrower AllowOverride."""
from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

MODULES = Path("/usr/lib/apache2/modules")
NEEDED = ["mpm_event", "authz_core", "mime", "dir", "alias", "autoindex", "headers", "deflate", "filter", "rewrite"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Apache:
    def __init__(self, site_dir: Path, base_path: str, modules: list[str] = NEEDED, allow_override: str = "All"):
        self.site_dir, self.base_path = site_dir, base_path
        self.modules, self.allow_override = modules, allow_override
        self.port = free_port()
        self.work = Path(tempfile.mkdtemp(prefix="como-apache-"))
        self.process: subprocess.Popen | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.origin}{self.base_path}"

    def mapping(self) -> str:
        """The site at its path prefix; a site at the host's root is the document root itself."""
        if self.base_path == "/":
            return f"DocumentRoot {self.site_dir}"
        return f"DocumentRoot {self.work}/empty\nAlias {self.base_path.rstrip('/')} {self.site_dir}"

    def config(self) -> str:
        modules = "\n".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so" for name in self.modules)
        return f"""\
ServerRoot {self.work}
PidFile {self.work}/httpd.pid
Listen 127.0.0.1:{self.port}
ServerName 127.0.0.1
{modules}
User nobody
Group nogroup
TypesConfig /etc/mime.types
ErrorLog {self.work}/error.log
LogLevel warn
CustomLog {self.work}/access.log "%>s %r %O"
{self.mapping()}
<Directory {self.site_dir}>
    Options Indexes FollowSymLinks
    AllowOverride {self.allow_override}
    Require all granted
</Directory>
"""

    def __enter__(self) -> "Apache":
        (self.work / "empty").mkdir()
        (self.work / "httpd.conf").write_text(self.config(), encoding="utf-8")
        self.process = subprocess.Popen(["/usr/sbin/apache2", "-f", str(self.work / "httpd.conf"), "-DFOREGROUND"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"apache2 stopped: {self.process.stderr.read().decode()} {self.error_log()}")
            try:
                urllib.request.urlopen(self.url, timeout=1).close()
                return self
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        raise RuntimeError(f"apache2 did not answer on {self.url}: {self.error_log()}")

    def _log(self) -> list[list[str]]:
        log = self.work / "access.log"
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return [line.split(" ") for line in lines]   # "200 GET /x HTTP/1.1 1234"

    def requests(self) -> list[str]:
        """Every request the server answered so far, in order, as "<status> <path and query as requested>"."""
        return [f"{fields[0]} {fields[2]}" for fields in self._log()]

    def sent_bytes(self) -> list[int]:
        """What the server sent for each of requests(): headers and (compressed) body, as on the wire."""
        return [int(fields[-1]) for fields in self._log()]

    def error_log(self) -> str:
        log = self.work / "error.log"
        return log.read_text(encoding="utf-8") if log.exists() else ""

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.work, ignore_errors=True)


def base_path(site_url: str) -> str:
    return urlsplit(site_url).path
