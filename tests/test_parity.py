"""Translation parity (como_site/parity.py through `make i18n-status`): a translation stamped current must
keep its original's figures, link targets, company placeholders and heading outline; a declared
difference passes."""
from __future__ import annotations

import subprocess
import sys

import pytest

from como_site.parity import figures, markdown_inventory
from como_site.project import ROOT
from tests.conftest import TinyProject

ORIGINAL = """\
---
title: Money
description: Money.
---

# Money

Public money covers 25% of the budget of [ECCP](https://eccp.example.org/) members, 1,000 firms in 2018.

## Contact

Write to {{ company.email }}.
"""

TRANSLATION = """\
---
title: Geld
description: Geld.
{parity}---

# Geld

Öffentliche Mittel decken {figure} des Budgets der Mitglieder der [ECCP](https://eccp.example.org/), 1.000 Firmen im Jahr 2018.
{extra}
## Kontakt

Schreiben Sie an {{{{ company.email }}}}.
"""


def write_pages(tiny: TinyProject, figure: str = "25 %", extra: str = "", parity: str = "") -> None:
    tiny.write("docs/en/money.md", ORIGINAL)
    tiny.write("docs/de/money.md", TRANSLATION.format(figure=figure, extra=extra, parity=parity))
    result = tiny.cli("i18n-stamp", "docs/de/money.md")
    assert result.returncode == 0, result.stderr


def test_figures_are_read_the_way_each_language_writes_them():
    assert [value for value, _ in figures("1,000 firms, 25%, 0.5 million, 2 October 2018", "en_GB")] == \
        ["1000", "25%", "0.5", "2", "2018"]
    assert [value for value, _ in figures("1.000 Firmen, 25 %, 0,5 Mio., 2. Oktober 2018", "de_DE")] == \
        ["1000", "25%", "0.5", "2", "2018"]
    assert [value for value, _ in figures("1 000 et 1\u202f000 entreprises, 25\u00a0%", "fr_FR")] == \
        ["1000", "1000", "25%"]


def test_outline_links_and_placeholders_are_read_with_their_lines():
    inventory = markdown_inventory("# A\n\nSee [b](b.md#x)\nand {{ company.phone }}.\n\n### C\n", "en_GB", (), 5)
    assert inventory.headings == [(1, "A", 5), (3, "C", 10)]
    assert {(o.kind, o.key, o.line) for o in inventory.occurrences} == {("link", "b.md#x", 7),
                                                                      ("placeholder", "phone", 8)}


def test_a_current_translation_that_drifts_is_reported_and_fails(tiny_project):
    write_pages(tiny_project, figure="30 %", extra="\n## Noch ein Abschnitt\n\nMehr unter [ECCP](https://www.example.org/).\n")
    output = tiny_project.assert_refused({}, command=("i18n-status", "--all"), *(
        "de       current   money.md",
        "docs/de/money.md:9: drift: figure 30 % is not in the original (docs/en/money.md)",
        "docs/de/money.md:7: drift: figure 25% in the original (docs/en/money.md:8) is missing here",
        "docs/de/money.md:13: drift: link target https://www.example.org/ is not in the original (docs/en/money.md)",
        "docs/de/money.md:15: drift: heading outline differs from heading h2 'Kontakt' on",
        "here 3 headings (h1 h2 h2), in the original 2 (h1 h2)"))
    assert "1.000" not in output and "2018" not in output    # same figures, written the German way


def test_a_declared_difference_passes_and_a_stale_one_is_named(tiny_project):
    extra = "\nDie Angabe ist gespeichert (§ 25 Abs. 2 Nr. 2 TDDDG).\n"
    parity = 'parity: {allow: ["§ 25 Abs. 2 Nr. 2 TDDDG"], reason: "only German law has this rule"}\n'
    write_pages(tiny_project, extra=extra, parity=parity)
    result = tiny_project.cli("i18n-status")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "drift" not in result.stdout + result.stderr
    write_pages(tiny_project, parity=parity)          # the passage was removed from the page
    tiny_project.assert_refused({}, "docs/de/money.md:4: parity.allow: '§ 25 Abs. 2 Nr. 2 TDDDG' stands neither "
                                "in this page nor in its original", command=("i18n-status",))
    write_pages(tiny_project, extra=extra, parity='parity: {allow: ["§ 25 Abs. 2 Nr. 2 TDDDG"]}\n')
    tiny_project.assert_refused({}, "docs/de/money.md:4: parity.reason: say why these passages differ",
                                command=("i18n-status",))


def test_an_outdated_translation_is_not_compared(tiny_project):
    write_pages(tiny_project, figure="30 %")
    tiny_project.write("docs/en/money.md", ORIGINAL + "\nRevised.\n")
    result = tiny_project.cli("i18n-status")
    assert result.returncode == 0 and "de       outdated  money.md" in result.stdout, result.stderr


def test_a_case_field_that_drifts_is_reported(tiny_project):
    path = tiny_project.add_case("alpha")
    text = path.read_text(encoding="utf-8")
    line = 1 + text[:text.index("Alpha Ausgangslage.")].count("\n")
    path.write_text(text.replace("Alpha Ausgangslage.", "Alpha Ausgangslage seit 1999."), encoding="utf-8")
    assert tiny_project.cli("i18n-stamp", "case_studies/alpha.yml").returncode == 0
    tiny_project.assert_refused({}, f"case_studies/alpha.yml:{line}: drift: figure 1999 is not in the original "
                                "(case_studies/alpha.yml)", command=("i18n-status",))


def test_the_real_site_has_no_drift():
    result = subprocess.run([sys.executable, "-m", "como_site", "i18n-status"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0 and "drift" not in result.stderr, result.stderr
