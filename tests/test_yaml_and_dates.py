"""Loading YAML with the line of every key, and reading dates as editors write them."""

from __future__ import annotations

import datetime

import pytest

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
