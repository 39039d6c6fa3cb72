"""como_site.atomicfile: a file is always either the old one or the complete new one, with its mode kept."""
from __future__ import annotations

import errno
import os

import pytest

from como_site import atomicfile


def test_replaces_the_file_and_keeps_its_mode(tmp_path):
    path = tmp_path / "case.yml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    atomicfile.write_text(path, "new: ü\n")
    assert path.read_bytes() == "new: ü\n".encode("utf-8")
    assert path.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["case.yml"]


def test_a_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        atomicfile.write_text(tmp_path / "new.md", "x")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o644


def test_a_failure_mid_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "page.md"
    path.write_text("the editor's text\n", encoding="utf-8")

    def disk_full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)   # the new text is written, not yet on disk
    with pytest.raises(OSError, match="No space left"):
        atomicfile.write_text(path, "half of the new text" * 1000)
    assert path.read_text(encoding="utf-8") == "the editor's text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]       # no temporary file left behind
