"""Loading YAML with the line of every key, and reading dates as editors write them."""

from __future__ import annotations

import datetime

import pytest
import yaml

from catalogue.dates import format_date, months_between, parse_date
from catalogue.yamlload import YList, YMap, load_yaml


def test_every_key_and_item_keeps_its_file_line() -> None:
    data, problems = load_yaml(
        "title: ごみ\ncategories:\n  - a\n  - b\nhistory:\n  - date: 2026-04-01\n    status: open\n", 2
    )
    assert problems == []
    assert isinstance(data, YMap)
    assert data.line_of("title") == 2 and data.line_of("categories") == 3
    assert isinstance(data["categories"], YList)
    assert data["categories"].item_lines == [4, 5]
    entry = data["history"][0]
    assert entry.line_of("date") == 7 and entry.line_of("status") == 8


def test_values_keep_their_python_types() -> None:
    data, _ = load_yaml("a: 2026-04-01\nb: 3\nc: true\nd: '2026-04-01'\ne: null\n")
    assert data == {"a": datetime.date(2026, 4, 1), "b": 3, "c": True, "d": "2026-04-01", "e": None}


def test_merge_keys_are_resolved() -> None:
    data, problems = load_yaml("base: &b {email: a@example.jp}\nother:\n  <<: *b\n  name: 課\n")
    assert problems == []
    assert data["other"] == {"email": "a@example.jp", "name": "課"}


def test_alias_bomb_fails_fast() -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    data, problems = load_yaml("\n".join(lines))
    assert data is None
    assert [p.code for p in problems] == ["yaml_too_large"]


def test_object_tags_are_refused_not_constructed() -> None:
    _, problems = load_yaml("a: !!python/object/apply:os.system ['echo pwned']\n")
    assert [(p.code, p.args["tag"]) for p in problems] == [("yaml_tag", "!!python/object/apply:os.system")]


def test_many_shallow_brackets_are_not_too_deep() -> None:
    text = "".join(f"k{n}: [[a], {{b: [c]}}]\n" for n in range(40))  # 160 opening brackets, depth 3
    data, problems = load_yaml(text, 2)
    assert problems == [] and data["k39"] == [["a"], {"b": ["c"]}]


def test_deep_brackets_are_reported_at_their_line_among_many_brackets() -> None:
    text = "a: [1, [2]]\nb: {c: [d]}\n" * 10 + "deep: " + "[" * 51 + "]" * 51 + "\n"
    _, problems = load_yaml(text, 5)
    assert [(p.line, p.code) for p in problems] == [(25, "yaml_too_deep")]


def test_deep_indentation_and_dashes_are_reported_at_their_line() -> None:
    nested = "".join(" " * level + f"k{level}:\n" for level in range(51)) + " " * 51 + "x: 1\n"
    _, problems = load_yaml(nested, 2)
    assert [(p.line, p.code) for p in problems] == [(52, "yaml_too_deep")]
    dashes = "a:\n  " + "- " * 50 + "x\n"
    _, problems = load_yaml(dashes, 2)
    assert [(p.line, p.code) for p in problems] == [(3, "yaml_too_deep")]


def test_scalars_resolve_as_pyyaml_does_when_seen_again() -> None:
    values = ["yes", "No", "~", "null", "", "1e3", "0x1F", "0o17", "017", "1_000", "12:30:00", ".inf", "-.nan"]
    values += ["2026-04-01", "2026-04-01 10:00:00", "2026-04-01T10:00:00+09:00", "+1", "-0", "3.", "abc", "<<x"]
    text = "".join(f"k{n}: {value}\n" for n, value in enumerate(values))
    for _ in range(2):  # the second time from the memoised resolver and constructor
        data, problems = load_yaml(text)
        assert problems == []
        expected = yaml.load(text, Loader=yaml.SafeLoader)  # PyYAML's pure-Python loader
        assert [(type(v), repr(v)) for v in data.values()] == [(type(v), repr(v)) for v in expected.values()]


def test_an_impossible_date_is_reported_at_every_alias() -> None:
    _, problems = load_yaml("a: &d 2026-02-30\nb: *d\nc: [2026-02-30]\n", 3)
    assert [(p.line, p.code) for p in problems] == [(3, "date_invalid"), (3, "date_invalid"), (5, "date_invalid")]


def test_keys_merged_after_other_keys_come_first_and_lines_stay() -> None:
    data, problems = load_yaml("base: &b {x: 1}\nother:\n  y: 2\n  <<: *b\n  z: 3\n")
    assert problems == []
    assert list(data["other"].items()) == [("x", 1), ("y", 2), ("z", 3)]
    assert data["other"].key_lines == {"x": 1, "y": 3, "z": 5}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2026, 3, 31), datetime.date(2026, 3, 31)),
        ("2026-03-31", datetime.date(2026, 3, 31)),
        ("2026年3月31日", datetime.date(2026, 3, 31)),
        ("２０２６年３月３１日", datetime.date(2026, 3, 31)),
        ("令和8年3月31日", datetime.date(2026, 3, 31)),
        ("令和元年5月1日", datetime.date(2019, 5, 1)),
        ("平成31年4月30日", datetime.date(2019, 4, 30)),
        ("2026年2月30日", None),
        ("2026/03/31", None),
        ("元年5月1日", None),
        (datetime.datetime(2026, 3, 31, 10, 0), None),
        (20260331, None),
    ],
)
def test_parse_date(value: object, expected: datetime.date | None) -> None:
    assert parse_date(value) == expected


def test_format_date_in_both_languages() -> None:
    assert format_date(datetime.date(2026, 4, 1), "ja") == "2026年4月1日"
    assert format_date(datetime.date(2026, 4, 1), "en") == "1 April 2026"


def test_lead_time_in_months() -> None:
    assert months_between(datetime.date(2025, 12, 10), datetime.date(2026, 4, 15)) == 4.1
    assert months_between(datetime.date(2026, 1, 1), datetime.date(2027, 1, 1)) == 12.0
