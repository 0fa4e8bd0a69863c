"""Open data: CSV a spreadsheet reads, JSON that validates against its published schema, the same rows in both."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from catalogue import schema
from catalogue.opendata import CASE_COLUMNS, CHALLENGE_COLUMNS, DATASETS
from tests.conftest import REPO, TODAY, Project, squashed_text
from tests.diagnostic_cases import CASE, _challenge

STANDARD_COLUMNS = ["市区町村コード", "NO", "都道府県名", "市区町村名"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("opendata") / "site"
    command = [sys.executable, "build.py", "build", "--today", TODAY, "--out", str(out)]
    subprocess.run(command, cwd=REPO, check=True, capture_output=True)
    return out


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte-order mark: spreadsheets would garble the Japanese"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def as_cell(value: Any) -> str:
    """What a JSON value looks like in the CSV, as the open-data page documents it."""
    text = "" if value is None else ";".join(map(str, value)) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def assert_csv_matches_json(site: Path, name: str) -> list[dict[str, Any]]:
    rows = read_csv(site / f"{name}.csv")
    items = json.loads((site / f"{name}.json").read_text(encoding="utf-8"))["items"]
    columns = CHALLENGE_COLUMNS if name == "challenges" else CASE_COLUMNS
    assert rows[0] == [column.label for column in columns]
    assert len(rows) - 1 == len(items)
    for row, item in zip(rows[1:], items, strict=True):
        assert list(item) == [column.key for column in columns]
        assert row == [as_cell(item[column.key]) for column in columns]
    return items


@pytest.mark.parametrize("name", DATASETS)
def test_csv_has_a_bom_the_standard_leading_columns_and_the_json_rows(sample: Path, name: str) -> None:
    rows = read_csv(sample / f"{name}.csv")
    assert rows[0][:4] == STANDARD_COLUMNS
    assert all(row[:4] == ["142077", str(number), "神奈川県", "若葉市"] for number, row in enumerate(rows[1:], 1))
    assert (sample / f"{name}.csv").read_bytes().count(b"\r\n") == len(rows)
    assert_csv_matches_json(sample, name)


@pytest.mark.parametrize("name", DATASETS)
def test_json_validates_against_the_published_schema(sample: Path, name: str) -> None:
    document = json.loads((sample / f"{name}.json").read_text(encoding="utf-8"))
    published = json.loads((sample / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    validator = jsonschema.Draft202012Validator(published, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(document)] == []
    assert published["$id"] == f"https://www.city.wakaba.example.jp/kouminrenkei/{name}.schema.json"
    assert document["license"] == "CC BY 4.0"


def test_schema_rejects_what_the_data_may_not_hold(sample: Path) -> None:
    published = json.loads((sample / "challenges.schema.json").read_text(encoding="utf-8"))
    document = json.loads((sample / "challenges.json").read_text(encoding="utf-8"))
    item = document["items"][0]
    for key, bad in [("status", "open"), ("published", "2026/04/01"), ("sdgs", [18]), ("no", "1"), ("extra", 1)]:
        broken = {**document, "items": [{**item, key: bad}]}
        assert not jsonschema.Draft202012Validator(published).is_valid(broken), key


def test_sample_rows_carry_iso_dates_lists_and_labels(sample: Path) -> None:
    items = {item["id"]: item for item in assert_csv_matches_json(sample, "challenges")}
    plastic = items["plastic-waste-reduction"]
    assert plastic["published"] == "2025-09-01"
    assert plastic["deadline"] is None
    assert plastic["status"] == "実現"
    assert plastic["categories"] == ["環境・ごみ"]
    assert plastic["sdgs"] == [11, 12, 14, 17]
    assert plastic["url"] == "https://www.city.wakaba.example.jp/kouminrenkei/challenges/plastic-waste-reduction/"
    cases = {item["id"]: item for item in assert_csv_matches_json(sample, "cases")}
    bags = cases["plastic-bag-recycling"]
    assert bags["challenge"] == "plastic-waste-reduction"
    assert bags["lead_months"] == 4.1
    assert bags["partners_type"] == ["企業", "企業", "大学"]
    row = next(r for r in read_csv(sample / "cases.csv") if r[4] == "plastic-bag-recycling")
    assert "株式会社サーキュラーラボ若葉;株式会社まるわかストア;若葉工科大学 環境システム学科" in row


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(project: Project, capsys, tmp_path: Path) -> None:
    _challenge(title='"=HYPERLINK(\\"https://evil.example.com\\",\\"x\\")"', extra="tags: ['+1', '@SUM(A1)', 'ok']\n")(
        project
    )
    project.edit(CASE, "  - name: 株式会社テスト", "  - name: '-2+3'")
    assert project.run(capsys, "build").code == 0
    site = project.root / "site"
    challenge = read_csv(site / "challenges.csv")[1]
    assert '\'=HYPERLINK("https://evil.example.com","x")' in challenge
    assert "'+1;@SUM(A1);ok" in challenge  # the list's first item decides
    assert "'-2+3" in read_csv(site / "cases.csv")[1]
    assert json.loads((site / "challenges.json").read_text(encoding="utf-8"))["items"][0]["title"].startswith("=")
    assert_csv_matches_json(site, "challenges")
    assert_csv_matches_json(site, "cases")


def test_every_content_field_is_a_column_or_left_out_on_purpose() -> None:
    """A field added to the schema must be published or named here: the data cannot silently lag behind."""
    internal = {"history", "image", "attachments", "draft"}  # feed and pages show these; files are not data
    for fields, columns in ((schema.CHALLENGE, CHALLENGE_COLUMNS), (schema.CASE, CASE_COLUMNS)):
        published = {column.key.split("_")[0] for column in columns} | {c.key for c in columns}
        assert {field.name for field in fields} - internal - published == set()


def test_opendata_page_lists_files_licence_and_every_column(sample: Path) -> None:
    html = (sample / "opendata/index.html").read_text(encoding="utf-8")
    text = squashed_text(html)
    assert "このデータはCCBY4.0の条件で利用できます" in text
    for name in DATASETS:
        for suffix in (".csv", ".json", ".schema.json"):
            assert f'href="/kouminrenkei/{name}{suffix}"' in html
    for column in [*CHALLENGE_COLUMNS, *CASE_COLUMNS]:
        assert f'<th scope="row">{column.label}</th>' in html
        assert f"<code>{column.key}</code>" in html
    assert "値：募集予定 / 募集中 / 協議中 / 実施中 / 実現 / 募集終了 / 取下げ" in html
