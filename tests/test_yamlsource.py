"""como_site.yamlsource: the loader for editors' YAML refuses what could hurt the build, with the line."""
from __future__ import annotations

import time

from como_site.yamlsource import MAX_DEPTH, parse_yaml
from tests.integration.test_untrusted_input import BOMB, DEEP


def messages(text: str, first_line: int = 1) -> list[str]:
    return [str(problem) for problem in parse_yaml(text, "x.yml", first_line)[1]]


def test_plain_fields_keep_their_lines_and_dates_stay_text():
    document, problems = parse_yaml("id: a\nsources:\n  - date: 2021-11-12\n", "x.yml")
    assert problems == []
    assert document.data == {"id": "a", "sources": [{"date": "2021-11-12"}]}
    assert document.line(("sources", 0, "date")) == 3


def test_alias_bomb_is_refused_at_its_first_anchor_in_no_time():
    started = time.perf_counter()
    assert messages(BOMB) == ["x.yml:1: yaml: anchors and aliases (&x, *x) are not allowed: write the value out"]
    assert time.perf_counter() - started < 0.5
    assert len(BOMB.encode()) < 700


def test_a_lone_alias_is_refused_too():
    assert messages("a: 1\nb: *a\n") == ["x.yml:2: yaml: anchors and aliases (&x, *x) are not allowed: write the "
                                         "value out"]


def test_nesting_limit_allows_twenty_levels_and_refuses_5000():
    assert messages("x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)) == []
    assert messages(DEEP) == [f"x.yml:1: yaml: nested more than {MAX_DEPTH} levels deep: write the fields flatter"]


def test_tags_are_refused_in_editors_yaml():
    assert messages("a: !!python/object/apply:os.system [true]\n") == [
        "x.yml:1: yaml: the tag tag:yaml.org,2002:python/object/apply:os.system is not allowed: write the value "
        "without it"]
    assert messages("a: !ENV [HOME]\n")[0].startswith("x.yml:1: yaml: the tag !ENV is not allowed")


def test_tab_indentation_is_named_with_its_line():
    assert messages("a:\n  b: 1\n\tc: 2\n") == ["x.yml:3: yaml: this line is indented with a tab: use spaces, not tabs"]


def test_duplicate_key_and_line_offset_of_front_matter():
    assert messages("title: a\ntitle: b\n", first_line=2) == ["x.yml:3: title: this field is given twice; keep one"]
    assert [str(problem) for problem in parse_yaml("title: a\ntitle: b\n", "x.md", 2, rule="front-matter")[1]] == [
        "x.md:3: front-matter.title: this field is given twice; keep one"]


def test_control_character_is_a_message():
    assert messages("a: b\x00\n") == ["x.yml:1: yaml: character #x0000 is not allowed in YAML: delete it"]


MIXED = """\
id: a   # a comment
title: "Quoted: with colon"
summary: >
  Folded text
  over two lines.
sources:
  - url: https://example.org/a
    date: 2021-11-12
  -
    url: 'single'
facts: {country: AL, founded: 2010}
list: [1, 2.5, true, null, ~]
block: |
  kept
    indented
"""


def test_libyaml_events_give_the_pure_python_loaders_data_and_lines(monkeypatch):
    from como_site import yamlsource

    assert yamlsource.with_libyaml(yamlsource.EditorLoader) is not None   # PyYAML's wheels carry libyaml
    fast, fast_problems = parse_yaml(MIXED + "id: b\n", "x.yml", 3)
    monkeypatch.setattr(yamlsource, "with_libyaml", lambda loader: None)
    pure, pure_problems = parse_yaml(MIXED + "id: b\n", "x.yml", 3)
    assert (fast.data, fast.lines) == (pure.data, pure.lines)
    assert fast_problems == pure_problems == [pure_problems[0]] and pure_problems[0].line == 18
    assert fast.line(("sources", 1, "url")) == 12
