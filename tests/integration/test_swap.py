"""Putting a build in place: a complete site/ at every moment, one build at a time, a full disk reported.

Builds are killed or starved for real with strace (Debian package strace): `inject=...:signal=KILL:when=N`
kills the build at its Nth rename, `inject=mkdir:error=ENOSPC:when=K+` makes the disk full from the
build's Kth new folder on (ENOSPC on mkdir is how a full disk shows; failing reads instead would only
break Python's imports, which a full disk never does).
"""
from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import site_snapshot

RENAMES = "rename,renameat,renameat2"
MAX_RENAMES = 12   # more renames than any build makes: the loop must end with a build strace did not kill


def under_strace(tiny_project, *injections: str) -> subprocess.CompletedProcess:
    command = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"trace={RENAMES},mkdir,mkdirat"]
    for injection in injections:
        command += ["-e", f"inject={injection}"]
    return subprocess.run([*command, sys.executable, "-m", "como_site", "build"], cwd=tiny_project.root,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)


def home_page(tiny_project, round_: int) -> None:
    tiny_project.write("docs/en/index.md", f"---\ntitle: Home en\ndescription: Home page en.\n---\n\n"
                                           f"# Home en\n\nEdition {round_}.\n")


def leftovers(tiny_project) -> list[str]:
    return sorted(path.name for path in tiny_project.root.iterdir()
                  if path.name.startswith(".site-build-") or path.name == "site.previous")


def test_a_build_killed_at_any_rename_leaves_the_old_or_the_new_site(tiny_project):
    """Each round kills the build one rename later, until a build makes fewer renames and succeeds;
    every build starts by cleaning up after the killed one before it."""
    old = tiny_project.built_site()
    for rename in range(1, MAX_RENAMES):
        home_page(tiny_project, rename)
        killed = under_strace(tiny_project, f"{RENAMES}:signal=KILL:when={rename}")
        after = site_snapshot(tiny_project.root / "site")
        if killed.returncode == 0:
            break   # this build made fewer renames: every one of them has been killed once
        assert killed.returncode == -signal.SIGKILL, killed.stderr   # strace ends as its tracee did
        if after != old:
            assert after == tiny_project.built_site(), f"killed at rename {rename}: site/ is a mixture"
        old = after
    else:
        pytest.fail(f"every build up to rename {MAX_RENAMES} was killed")
    assert rename > 1 and after != old and "Edition" in after["en/index.html"].decode()
    assert leftovers(tiny_project) == []


def test_without_the_exchange_call_a_kill_between_two_renames_is_repaired_by_the_next_build(tiny_project):
    """Where renameat2 is missing (here: made to fail with ENOSYS), site/ is moved aside and the new build
    renamed in; after a kill in between, the next build puts the old site/ back first, even one that
    then refuses the content."""
    old = tiny_project.built_site()
    repaired = False
    for rename in range(1, MAX_RENAMES):
        home_page(tiny_project, rename)
        killed = under_strace(tiny_project, "renameat2:error=ENOSYS", f"rename,renameat:signal=KILL:when={rename}")
        if killed.returncode == 0:
            break
        if not (tiny_project.root / "site").exists():
            assert site_snapshot(tiny_project.root / "site.previous") == old
            repaired = True
        home = tiny_project.write("docs/de/index.md", "---\ntitle: Home de\n---\n\n# Home de\n")   # no description
        tiny_project.assert_refused(old, "docs/de/index.md:3: front-matter.description")
        home.write_text("---\ntitle: Home de\ndescription: Home page de.\n---\n\n# Home de\n", encoding="utf-8")
    assert repaired, "no kill fell between the two renames"
    assert site_snapshot(tiny_project.root / "site") != old
    assert leftovers(tiny_project) == []


def test_workers_end_with_a_killed_build_and_the_next_build_removes_its_staging(tiny_project):
    tiny_project.built_site()
    lock = tiny_project.root / ".site.lock"
    build = subprocess.Popen([sys.executable, "-m", "como_site", "build"], cwd=tiny_project.root,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = lock.read_text(encoding="ascii").splitlines()
        if lines and lines[0].split()[1] == str(build.pid) and any(line.startswith("worker") for line in lines) \
                and leftovers(tiny_project):
            break
        time.sleep(0.02)
    workers = [int(line.split()[1]) for line in lines if line.startswith("worker")]
    assert workers and all(is_running(pid) for pid in workers)
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while any(is_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(is_running(pid) for pid in workers)   # idle workers of a killed build would wait forever
    assert any(name.startswith(".site-build-") for name in leftovers(tiny_project))
    tiny_project.built_site()
    assert leftovers(tiny_project) == []


def is_running(pid: int) -> bool:
    try:
        state = open(f"/proc/{pid}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_a_second_build_is_refused_while_one_runs(tiny_project):
    before = tiny_project.built_site()
    with open(tiny_project.root / ".site.lock", "w", encoding="ascii") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write(f"build {os.getpid()} 0\n")
        lock.flush()
        tiny_project.write("docs/en/index.md", "---\ntitle: Home en\ndescription: Changed.\n---\n\n# Home en\n")
        tiny_project.assert_refused(
            before, f"another build of this project is running (pid {os.getpid()}); wait for it or stop it")


@pytest.mark.parametrize("folder", [3, 10])   # the 3rd folder: the main process's; the 10th: a language build's
def test_a_full_disk_is_reported_and_site_is_unchanged(tiny_project, folder):
    before = tiny_project.built_site()
    home_page(tiny_project, 1)
    result = under_strace(tiny_project, f"mkdir,mkdirat:error=ENOSPC:when={folder}+")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "the disk is full while writing /" in result.stderr
    assert result.stderr.rstrip().endswith("free some space and build again; site/ was not changed")
    assert site_snapshot(tiny_project.root / "site") == before
    assert leftovers(tiny_project) == []
