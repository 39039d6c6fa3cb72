"""como_site.contentfiles: editors' files are read only inside the repository, within limits, as UTF-8."""
from __future__ import annotations

import os

import pytest

from como_site.contentfiles import SIZE_LIMITS, check_content_files, read_text
from como_site.problems import ContentError


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "docs" / "en").mkdir(parents=True)
    (tmp_path / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    return tmp_path


def refusal(path, root) -> list[str]:
    with pytest.raises(ContentError) as failure:
        read_text(path, root)
    return [str(problem) for problem in failure.value.problems]


def test_reads_utf8_and_drops_a_byte_order_mark(repo):
    (repo / "docs" / "en" / "bom.md").write_bytes(b"\xef\xbb\xbf# H\xc3\xa9\n")
    assert read_text(repo / "docs" / "en" / "bom.md", repo) == "# Hé\n"


def test_invalid_byte_is_reported_with_its_line(repo):
    (repo / "docs" / "en" / "bad.md").write_bytes(b"# A\n\nb\xe9\n")
    assert refusal(repo / "docs" / "en" / "bad.md", repo) == [
        "docs/en/bad.md:3: encoding: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]


def test_never_reads_through_a_link_nor_outside(repo, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.md"
    outside.write_text("secret", encoding="utf-8")
    (repo / "docs" / "en" / "leak.md").symlink_to(outside)
    assert refusal(repo / "docs" / "en" / "leak.md", repo) == [
        "docs/en/leak.md: symbolic link to outside the repository; replace it with the file itself"]
    (repo / "docs" / "de").symlink_to(repo / "docs" / "en")
    assert refusal(repo / "docs" / "de" / "index.md", repo) == [
        "docs/de/index.md: symbolic link (to docs/en/index.md); replace it with the file itself"]
    assert refusal(outside, repo)[0].endswith("lies outside the repository; only files inside it can be read")


def test_size_limit_is_checked_when_reading(repo):
    (repo / "docs" / "en" / "big.md").write_bytes(b"a" * (SIZE_LIMITS["page"] + 1))
    assert refusal(repo / "docs" / "en" / "big.md", repo)[0].startswith(
        "docs/en/big.md: the file has 256 KB; a page file may have at most 256 KB")


def test_tree_check_names_links_special_files_and_oversized_files(repo):
    (repo / "docs" / "en" / "env").symlink_to("/proc/self/environ")
    (repo / "docs" / "etc").symlink_to("/etc")
    os.mkfifo(repo / "docs" / "en" / "pipe.md")
    (repo / "i18n").mkdir()
    (repo / "i18n" / "labels.yml").write_bytes(b"a: b\n" * (SIZE_LIMITS["yaml"] // 5 + 1))
    assert [str(problem) for problem in check_content_files(repo)] == [
        "docs/en/env: symbolic link to outside the repository; replace it with the file itself",
        "docs/en/pipe.md: not a regular file; remove it",
        "docs/etc: symbolic link to outside the repository; replace it with the file itself",
        "i18n/labels.yml: the file has 256 KB; a yaml file may have at most 256 KB: make it smaller (shorten or "
        "split a page, compress an image)",
    ]


def test_a_linked_content_folder_is_refused(repo, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("cases")
    (repo / "case_studies").symlink_to(elsewhere)
    assert [str(problem) for problem in check_content_files(repo)] == [
        "case_studies: symbolic link to outside the repository; replace it with the file itself"]


def test_a_named_pipe_is_refused_without_blocking(repo):
    os.mkfifo(repo / "docs" / "en" / "pipe.md")
    assert refusal(repo / "docs" / "en" / "pipe.md", repo) == ["docs/en/pipe.md: not a regular file; remove it"]
