"""Put a finished build in place of site/ so that a complete site/ exists at every moment, one build at a time.

- The swap exchanges the staging folder and site/ in one step (Linux renameat2 with RENAME_EXCHANGE), so
  site/ stays a real folder that is always either the old or the new build. Where that call is missing
  (another system, a file system without it) site/ is moved aside to site.previous and the new build
  renamed in; a kill between those two renames is repaired by the next build, which puts site.previous
  back before it does anything else.
- A lock file next to site/ (`.site.lock`, held with flock) lets one build at a time write there; it
  records the build's process and its language workers, so the next build can stop workers a killed
  build left behind (only processes whose id and start time match the record) and remove its staging
  folders (`.site-build-*`).
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import multiprocessing
import os
import shutil
import signal
import tempfile
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
UNSUPPORTED = (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP)


class BuildBusy(Exception):
    """Another build holds the lock of this site folder."""


def _start_time(pid: int) -> str | None:
    """The process's start time since boot (/proc/PID/stat field 22): with the id, it names one process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]


PR_SET_PDEATHSIG = 1   # prctl(2): the signal a process gets when its parent ends


def record_worker(lock_path: str) -> None:
    """ProcessPoolExecutor initializer: have the kernel kill this worker when the build's process ends (the
    workers start before the content check, so a build stopped at any point would otherwise leave idle
    workers behind), and note it in the lock file, so a next build can stop it where that is not available."""
    parent = multiprocessing.parent_process()
    libc = ctypes.CDLL(None, use_errno=True)
    if hasattr(libc, "prctl") and libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) == 0 \
            and parent is not None and os.getppid() != parent.pid:
        os.kill(os.getpid(), signal.SIGKILL)   # the build ended before the request took effect
    started = _start_time(os.getpid())
    if started:
        with open(lock_path, "a", encoding="ascii") as record:
            record.write(f"worker {os.getpid()} {started}\n")


def _stop_recorded_workers(record: str) -> None:
    for line in record.splitlines():
        kind, pid, started = (line.split() + ["", "", ""])[:3]
        if kind == "worker" and pid.isdigit() and _start_time(int(pid)) == started:
            os.kill(int(pid), signal.SIGKILL)


class SiteLock:
    """Held for the whole build of one site folder; on entry it cleans up after a killed build."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.path = site_dir.with_name(f".{site_dir.name}.lock")
        self.staging_prefix = f".{site_dir.name}-build-"
        self.previous = site_dir.with_name(site_dir.name + ".previous")
        self._handle = None

    def __enter__(self) -> "SiteLock":
        self.site_dir.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="ascii")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            words = handle.readline().split()
            handle.close()
            pid = f" (pid {words[1]})" if len(words) > 1 else ""
            raise BuildBusy(f"another build of this project is running{pid}; wait for it or stop it") from None
        self._handle = handle
        handle.seek(0)
        _stop_recorded_workers(handle.read())
        handle.seek(0)
        handle.truncate()
        handle.write(f"build {os.getpid()} {_start_time(os.getpid()) or ''}\n")
        handle.flush()
        self._clean_up_after_killed_build()
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()   # closing releases the lock

    def _clean_up_after_killed_build(self) -> None:
        if self.previous.is_dir() and not self.site_dir.exists():
            self.previous.rename(self.site_dir)   # killed between the fallback's two renames
        shutil.rmtree(self.previous, ignore_errors=True)
        for stale in self.site_dir.parent.glob(self.staging_prefix + "*"):
            shutil.rmtree(stale, ignore_errors=True)

    def new_staging(self) -> Path:
        return Path(tempfile.mkdtemp(prefix=self.staging_prefix, dir=self.site_dir.parent))

    def swap_in(self, staging: Path) -> None:
        """Make staging the new site/ (readable by the web server), then remove the old build."""
        for path in staging.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        staging.chmod(0o755)
        if not self.site_dir.exists():
            staging.rename(self.site_dir)
        elif _exchange(staging, self.site_dir):
            shutil.rmtree(staging)   # now the old build
        else:
            self.site_dir.rename(self.previous)
            staging.rename(self.site_dir)
            shutil.rmtree(self.previous)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))
