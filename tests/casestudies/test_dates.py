"""como_site.casestudies.dates: a case's dates from git history, or from its data where there is none."""
from __future__ import annotations

import shutil
import subprocess

from como_site.casestudies.dates import case_dates, date_from_data
from tests.conftest import published_cases


def test_a_committed_case_is_dated_by_its_first_and_last_commit(project):
    for case in published_cases(project):
        log = subprocess.run(["git", "log", "--follow", "--format=%cI", "--", case.path], cwd=project.root,
                             capture_output=True, text=True, check=True).stdout.split()
        dates = case_dates(project.root, case)
        assert (dates.published, dates.updated) == (log[-1], log[0])


def test_without_history_a_case_is_dated_by_the_latest_date_of_its_sources(project, tmp_path):
    case = published_cases(project)[0]
    shutil.copy(project.root / case.path, tmp_path / "case.yml")   # outside any repository
    dates = case_dates(tmp_path, case)
    latest = max((date for source in case.sources for date in (source.date, source.accessed) if date),
                 default=f"{case.founded:04d}-01-01")
    assert dates.published == dates.updated == date_from_data(case) == f"{latest}T00:00:00Z"
