"""The staff guide and the JSON Schemas cannot go stale: both are checked against the Field declarations."""

from __future__ import annotations

import datetime
import re
import string
from pathlib import Path

import jsonschema
import pytest
import yaml

from catalogue import schema
from catalogue.frontmatter_schema import FILES, schema_files
from catalogue.messages import DIAGNOSTICS, ui_text
from tests.conftest import REPO

GUIDE = (REPO / "docs/editing-guide.md").read_text(encoding="utf-8")
SCHEMAS = REPO / "docs/schema"
TABLES = {
    "### 課題（content/challenges/*.md）の項目": schema.CHALLENGE,
    "### 連携事例（content/cases/*.md）の項目": schema.CASE,
    "### ページ（content/pages/*.md）の項目": schema.PAGE,
}


def _section(heading: str) -> str:
    """The guide's text from `heading` to the next heading of the same or a higher level."""
    level = heading.split(" ", 1)[0]
    start = GUIDE.index(heading + "\n") + len(heading)
    ends = [m.start() for m in re.finditer(rf"^#{{1,{len(level)}}} ", GUIDE[start:], re.M)]
    return GUIDE[start : start + ends[0]] if ends else GUIDE[start:]


def _rows(text: str) -> dict[str, list[str]]:
    """Table rows whose first cell is `code`, by that code."""
    rows = {}
    for line in text.splitlines():
        if match := re.match(r"\| `([a-z_]+)` \|(.*)\|$", line):
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split("|")]
    return rows


@pytest.mark.parametrize("heading", TABLES, ids=["challenge", "case", "page"])
def test_guide_lists_every_field_with_its_japanese_label_and_whether_it_is_required(heading: str) -> None:
    rows = _rows(_section(heading).split("\n\n状態の値")[0])
    fields = TABLES[heading]
    assert list(rows) == [f.name for f in fields], "the table's fields differ from catalogue/schema.py"
    for field in fields:
        label, required, text = rows[field.name]
        assert label == field.label, field.name
        assert required == ("必須" if field.required else ""), field.name
        record = field.item.fields if field.item and field.item.kind == "record" else field.fields
        assert [f.name for f in record if f"`{f.name}`" not in text] == [], f"{field.name}: sub-fields not described"
        assert [c for c in field.choices if f"`{c}`" not in text and field.name != "status"] == [], field.name


def test_guide_explains_every_status_with_its_label_on_the_site() -> None:
    rows = _rows(_section("### 課題（content/challenges/*.md）の項目").split("状態の値（`status`）:")[1])
    assert {value: cells[0] for value, cells in rows.items() if value in schema.STATUSES} == {
        value: ui_text(f"status.{value}", "ja") for value in schema.STATUSES
    }


def _pattern(template: str) -> re.Pattern[str]:
    parts = [re.escape(literal) + (".+?" if name else "") for literal, name, _, _ in string.Formatter().parse(template)]
    return re.compile("".join(parts))


def test_error_messages_quoted_in_the_guide_are_real() -> None:
    section = _section("## 7. よくあるエラーと直し方")
    quoted = [line for block in re.findall(r"```\n(.*?)```", section, re.S) for line in block.splitlines()]
    patterns = {code: _pattern(texts["ja"]) for code, texts in DIAGNOSTICS.items()}
    unknown = []
    for line in quoted:
        match = re.fullmatch(r"content/[a-z/-]+\.md:\d+: (error|warning): (.+)", line)
        if match is None or not any(p.fullmatch(match.group(2)) for p in patterns.values()):
            unknown.append(line)
    assert unknown == []
    assert sum(": error: " in line for line in quoted) == 10


def test_committed_json_schemas_are_generated_from_the_field_declarations() -> None:
    expected = schema_files()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert committed == expected, "run `python -m catalogue.frontmatter_schema` and commit docs/schema/"


def _as_json(value: object) -> object:
    """A YAML value as a JSON-based editor sees it: dates are text."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


SAMPLES = {
    "challenge": "content/challenges/*.md",
    "case": "content/cases/*.md",
    "page": "content/pages/*.md",
    "site": "content/site.yaml",
    "departments": "content/departments.yaml",
    "categories": "content/categories.yaml",
}


def _load(path: Path) -> object:
    """A data file, or a Markdown file's front matter, as JSON."""
    text = path.read_text(encoding="utf-8")
    return _as_json(yaml.safe_load(text.split("---\n")[1] if path.suffix == ".md" else text))


def _validator(file_type: str) -> jsonschema.protocols.Validator:
    document = yaml.safe_load((SCHEMAS / f"{file_type}.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(document)
    validator_class.check_schema(document)
    return validator_class(document, format_checker=validator_class.FORMAT_CHECKER)


@pytest.mark.parametrize("file_type", FILES)
def test_the_sample_content_passes_its_json_schema(file_type: str) -> None:
    validator = _validator(file_type)
    paths = sorted(REPO.glob(SAMPLES[file_type]))
    assert paths
    for path in paths:
        assert [error.message for error in validator.iter_errors(_load(path))] == [], path.name


def test_json_schema_catches_what_an_editor_gets_wrong() -> None:
    document = _load(REPO / "content/challenges/plastic-waste-reduction.md")
    assert isinstance(document, dict)
    broken = {**document, "status": "opne", "sdgs": [18], "deadlin": "2026-12-01", "published": "2026/4/1"}
    errors = sorted(error.message for error in _validator("challenge").iter_errors(broken))
    assert len(errors) == 4, errors
    assert any("'opne' is not one of" in error for error in errors)
