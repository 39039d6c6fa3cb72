"""como_site.lastupdated: each page says when it was last updated (from git), in its language; the sitemaps
carry the same day as <lastmod>. Expected days come from `git log` of each page's own file."""
from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

from babel.dates import get_month_names

from como_site.labels import labels_for
from como_site.lastupdated import ChangeDates, last_changes, updated_note
from tests.conftest import published_cases, source_pages
from tests.htmlpages import page_file, parse

LOCALES = {"de": "de_DE", "en": "en_GB", "es": "es", "fr": "fr_FR"}


def git_day(root: Path, path: str) -> datetime.date | None:
    """The UTC day of the last commit of `path` (a file or folder) on this branch's own line (a merge dates
    what it brought in), as git itself reports it."""
    stamp = subprocess.run(["git", "log", "-1", "--first-parent", "--format=%ct", "--", path], cwd=root, capture_output=True,
                           text=True, check=True).stdout.strip()
    return datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc).date() if stamp else None


def shown(site_dir: Path, lang: str, url: str) -> tuple[str, str]:
    """(datetime, text) of the page's "last updated" note."""
    time = parse(page_file(site_dir, lang, url)).select_one("aside.md-source-file time[datetime]")
    assert time is not None, f"{lang}/{url} shows no date"
    return time["datetime"], time.get_text()


def month_name(day: datetime.date, lang: str) -> str:
    """The month's name as the language writes it in a date (CLDR)."""
    return get_month_names("wide", locale=LOCALES[lang])[day.month]


def test_the_note_reads_as_each_language_writes_a_date(project):
    labels, day = labels_for(project), datetime.date(2026, 12, 1)
    notes = {lang: str(updated_note(labels, lang, day)) for lang in project.codes}
    assert notes["de"] == '<time class="como-updated" datetime="2026-12-01">Zuletzt aktualisiert: 1. Dezember 2026</time>'
    assert notes["en"] == '<time class="como-updated" datetime="2026-12-01">Last updated: 1 December 2026</time>'
    assert notes["es"] == ('<time class="como-updated" datetime="2026-12-01">Última actualización: 1 de diciembre '
                           'de 2026</time>')
    assert notes["fr"] == '<time class="como-updated" datetime="2026-12-01">Dernière mise à jour\u00a0: 1er décembre 2026</time>'
    assert "12 décembre" in str(updated_note(labels, "fr", datetime.date(2026, 12, 12)))


def test_every_written_page_shows_the_day_of_its_files_last_commit(built_site, project):
    for lang in project.codes:
        for source in source_pages(project):
            path = f"docs/{lang}/{source}"
            if not (project.root / path).exists():
                continue   # not translated yet: a fallback page, dated by its original (next test's kind)
            day = git_day(project.root, path)
            url = re.sub(r"(index)?\.md$", "", source)
            url = url if url.endswith("/") or not url else url + "/"
            if day is None:
                continue   # not committed yet: the page shows no date (test_a_file_never_committed_has_no_day)
            when, text = shown(built_site, lang, url)
            assert when == day.isoformat(), path
            assert month_name(day, lang) in text and str(day.year) in text, (path, text)


def test_a_generated_page_takes_its_data_files_day(built_site, project):
    case = published_cases(project)[0]
    pages = {f"case-studies/{case.id}/": case.path, "glossary/": "i18n/glossary.yml",
             "further-reading/": "sources/further-reading.yml",
             f"case-studies/country/{case.country.lower()}/": "case_studies/"}
    for url, data in pages.items():
        day = git_day(project.root, data)
        for lang in project.codes:
            assert shown(built_site, lang, url)[0] == day.isoformat(), (lang, url, data)


def test_each_sitemap_entry_carries_the_day_its_page_shows(built_site, project):
    for lang in project.codes:
        sitemap = (built_site / lang / "sitemap.xml").read_text(encoding="utf-8")
        entries = re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap)
        assert entries
        for loc, lastmod in entries:
            url = loc.split(f"/{lang}/", 1)[1]
            assert lastmod == shown(built_site, lang, url)[0], loc


def test_a_folder_is_dated_by_its_newest_file_and_a_file_never_committed_has_no_day(tmp_path):
    def commit(name: str, when: str):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name, encoding="utf-8")
        env = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
        for args in (["add", name], ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", name]):
            subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit("case_studies/a.yml", "2026-03-04T23:30:00-02:00")   # 5 March in UTC
    commit("case_studies/b.yml", "2026-02-01T12:00:00Z")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "new.md").write_text("new", encoding="utf-8")
    dates = ChangeDates(last_changes(tmp_path))
    assert dates.of("case_studies/a.yml") == datetime.date(2026, 3, 5)
    assert dates.of("case_studies/") == datetime.date(2026, 3, 5)
    assert dates.of("docs/new.md") is None and dates.of("docs/") is None   # shown without a date
