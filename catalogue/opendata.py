"""Open data: challenges and cases as CSV and JSON, a JSON Schema for each, and their column definitions.

The columns are derived from the field declarations in `schema`, so the
files, the JSON Schema and the 項目定義書 on /opendata/ cannot drift apart.
The first four columns are those of the 自治体標準オープンデータセット.
CSV and JSON carry the same rows with the same values: a CSV cell is the JSON
value, lists joined with `;`, and a leading `'` where a spreadsheet would
otherwise read a formula.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from catalogue import schema, urls
from catalogue.messages import ui_text
from catalogue.model import Case, Catalogue, Challenge, Site

PAGE_PATH = "opendata/"
DATASETS = ("challenges", "cases")
LIST_SEPARATOR = ";"
# Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

ColumnKind = Literal["text", "integer", "number", "date", "url", "list"]
_KINDS: dict[str, ColumnKind] = {
    "text": "text",
    "email": "text",
    "key": "text",
    "enum": "text",
    "url": "url",
    "date": "date",
    "int": "integer",
    "list": "list",
}


@dataclass(frozen=True)
class Column:
    """One column: `key` in JSON, `label` in the CSV header; `note` is the UI key of its description.

    `required` columns always have a value (a list at least one item); every key is present in every row.
    """

    key: str
    label: str
    kind: ColumnKind
    required: bool
    note: str
    choices: tuple[str, ...] = ()  # UI keys of the allowed values
    item: Literal["text", "integer"] = "text"
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None


def _fixed(key: str, label: str, kind: ColumnKind, required: bool, **kw: Any) -> Column:
    """A column that is not a content field: the standard leading columns, the ID and the page URL."""
    return Column(key, label, kind, required, f"opendata.column.{key}", **kw)


def _field(fields: tuple[schema.Field, ...], name: str, key: str | None = None, note: str | None = None) -> Column:
    """The column of a schema field, with its Japanese label, type, bounds and allowed values."""
    field = next(f for f in fields if f.name == name)
    item = field.item
    return Column(
        key or name,
        field.label,
        _KINDS[field.kind],
        field.required,
        note or f"opendata.column.{key or name}",
        choices=tuple(f"{name}.{choice}" for choice in field.choices),
        item="integer" if item is not None and item.kind == "int" else "text",
        minimum=(item or field).minimum,
        maximum=(item or field).maximum,
    )


def _parts(fields: tuple[schema.Field, ...], name: str) -> list[Column]:
    """A record field (contact, agreement, partners) as one column per sub-field, labelled `連携先（名称）`.

    For a list of records (partners) each column is a list, one value per record, "" where one has none.
    """
    field = next(f for f in fields if f.name == name)
    many = field.kind == "list"
    record = field.item if many and field.item else field
    return [
        Column(
            f"{name}_{part.name}",
            f"{field.label}（{part.label}）",
            "list" if many else _KINDS[part.kind],
            field.required and (many or part.required),
            f"opendata.column.{name}_{part.name}",
        )
        for part in record.fields
    ]


STANDARD = (
    _fixed("municipality_code", "市区町村コード", "text", False, pattern=r"^\d{6}$"),
    _fixed("no", "NO", "integer", True, minimum=1),
    _fixed("prefecture", "都道府県名", "text", False),
    _fixed("municipality", "市区町村名", "text", True),
    _fixed("id", "ID", "text", True, pattern=rf"^{schema.SLUG_PATTERN}$"),
)
URL = _fixed("url", "URL", "url", True)

C = schema.CHALLENGE
CHALLENGE_COLUMNS = (
    *STANDARD,
    *(_field(C, name) for name in ("title", "summary", "department", "status", "categories", "sdgs")),
    *(_field(C, name) for name in ("published", "deadline", "updated", "proposal_type", "partner_types")),
    *(_field(C, name) for name in ("city_offers", "cost_model", "budget_yen", "proposals", "meetings", "channels")),
    *_parts(C, "contact"),
    _field(C, "tags"),
    URL,
)

K = schema.CASE
CASE_COLUMNS = (
    *STANDARD,
    _field(K, "title", note="opendata.column.case_title"),
    _field(K, "summary"),
    _field(K, "challenge", note="opendata.column.case_challenge"),
    *_parts(K, "partners"),
    _field(K, "department"),
    _field(K, "form"),
    *_parts(K, "agreement"),
    _field(K, "started"),
    _field(K, "realized"),
    _fixed("lead_months", "実現までの期間（月）", "number", False, minimum=0),
    *(_field(K, name) for name in ("outcome", "categories", "sdgs", "published", "updated", "tags")),
    URL,
)
COLUMNS = {"challenges": CHALLENGE_COLUMNS, "cases": CASE_COLUMNS}


@dataclass(frozen=True)
class Dataset:
    """What /opendata/ says of a dataset: its files by format, its columns and its number of rows."""

    name: str
    files: dict[str, str]
    columns: tuple[Column, ...]
    count: int


def files(name: str) -> dict[str, str]:
    """The published files of a dataset, by format."""
    return {"csv": f"{name}.csv", "json": f"{name}.json", "schema": f"{name}.schema.json"}


def datasets(catalogue: Catalogue) -> list[Dataset]:
    counts = {"challenges": len(catalogue.challenges), "cases": len(catalogue.cases)}
    return [Dataset(name, files(name), COLUMNS[name], counts[name]) for name in DATASETS]


def records(name: str, catalogue: Catalogue) -> list[dict[str, Any]]:
    """The rows of a dataset as JSON values, oldest first, so that a row's NO stays as new items arrive."""
    site = catalogue.site
    if name == "challenges":
        rows = [_challenge(c, site) for c in sorted(catalogue.challenges, key=_oldest_first)]
    else:
        rows = [_case(k, site) for k in sorted(catalogue.cases, key=_oldest_first)]
    return [
        {
            "municipality_code": site.municipality_code,
            "no": number,
            "prefecture": site.prefecture,
            "municipality": site.organization,
            **row,
        }
        for number, row in enumerate(rows, start=1)
    ]


def _oldest_first(item: Challenge | Case) -> tuple[datetime.date, str]:
    return item.published, item.slug


def _challenge(c: Challenge, site: Site) -> dict[str, Any]:
    lang = site.language
    return {
        "id": c.slug,
        "title": c.title,
        "summary": c.summary,
        "department": c.department.name,
        "status": ui_text(f"status.{c.effective_status}", lang),
        "categories": [category.name for category in c.categories],
        "sdgs": c.sdgs,
        "published": c.published.isoformat(),
        "deadline": _date(c.deadline),
        "updated": _date(c.updated),
        "proposal_type": ui_text(f"proposal_type.{c.proposal_type}", lang),
        "partner_types": c.partner_types,
        "city_offers": c.city_offers,
        "cost_model": ui_text(f"cost_model.{c.cost_model}", lang) if c.cost_model else None,
        "budget_yen": c.budget_yen,
        "proposals": c.proposals,
        "meetings": c.meetings,
        "channels": [channel.name for channel in c.channels],
        "contact_name": c.contact.name,
        "contact_email": c.contact.email,
        "contact_phone": c.contact.phone,
        "contact_url": c.contact.url,
        "tags": c.tags,
        "url": urls.absolute(site.base_url, urls.challenge(c.slug)),
    }


def _case(k: Case, site: Site) -> dict[str, Any]:
    lang = site.language
    return {
        "id": k.slug,
        "title": k.title,
        "summary": k.summary,
        "challenge": k.challenge.slug if k.challenge else None,
        "partners_name": [p.name for p in k.partners],
        "partners_url": [p.url or "" for p in k.partners],
        "partners_type": [p.type or "" for p in k.partners],
        "department": k.department.name,
        "form": ui_text(f"form.{k.form}", lang) if k.form else None,
        "agreement_date": _date(k.agreement_date),
        "agreement_title": k.agreement_title,
        "started": _date(k.started),
        "realized": k.realized.isoformat(),
        "lead_months": k.lead_months,
        "outcome": k.outcome,
        "categories": [category.name for category in k.categories],
        "sdgs": k.sdgs,
        "published": k.published.isoformat(),
        "updated": _date(k.updated),
        "tags": k.tags,
        "url": urls.absolute(site.base_url, urls.case(k.slug)),
    }


def _date(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def cell(value: Any) -> str:
    """A JSON value as a CSV cell: lists joined with `;`, nothing for null, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(map(str, value))
    else:
        text = value if isinstance(value, str) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(name: str, rows: list[dict[str, Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet software reads the Japanese; CRLF as RFC 4180 says."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    columns = COLUMNS[name]
    writer.writerow(column.label for column in columns)
    writer.writerows([cell(row[column.key]) for column in columns] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def document(name: str, catalogue: Catalogue, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON file: what the data is, who publishes it under which licence, and the rows."""
    site = catalogue.site
    return {
        "title": f"{site.title} {ui_text(f'opendata.{name}', site.language)}",
        "publisher": site.organization,
        "license": site.license,
        "source": urls.absolute(site.base_url, PAGE_PATH),
        "items": rows,
    }


def json_schema(name: str, catalogue: Catalogue) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the JSON file, with each column's label and description."""
    site = catalogue.site
    columns = COLUMNS[name]
    nullable_text = {"type": ["string", "null"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": urls.absolute(site.base_url, files(name)["schema"]),
        "title": f"{site.title} {ui_text(f'opendata.{name}', site.language)}",
        "type": "object",
        "required": ["title", "publisher", "license", "source", "items"],
        "additionalProperties": False,
        "properties": {
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "license": nullable_text,
            "source": {"type": "string", "format": "uri"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [column.key for column in columns],
                    "additionalProperties": False,
                    "properties": {column.key: _property(column, site.language) for column in columns},
                },
            },
        },
    }


def _property(column: Column, lang: str) -> dict[str, Any]:
    described: dict[str, Any] = {"title": column.label, "description": ui_text(column.note, lang)}
    if column.kind == "list":  # never null: an empty list when there is nothing
        item: dict[str, Any] = {"type": "integer" if column.item == "integer" else "string"}
        _bounds(item, column)
        return {**described, "type": "array", "items": item, **({"minItems": 1} if column.required else {})}
    json_type = {"integer": "integer", "number": "number"}.get(column.kind, "string")
    described["type"] = json_type if column.required else [json_type, "null"]
    if column.kind == "date":
        described.update(format="date", pattern=r"^\d{4}-\d{2}-\d{2}$")
    elif column.kind == "url":
        described["format"] = "uri"
    if column.pattern:
        described["pattern"] = column.pattern
    if column.choices:
        values: list[str | None] = [ui_text(choice, lang) for choice in column.choices]
        described["enum"] = values if column.required else [*values, None]
    _bounds(described, column)
    return described


def _bounds(target: dict[str, Any], column: Column) -> None:
    if column.minimum is not None:
        target["minimum"] = column.minimum
    if column.maximum is not None:
        target["maximum"] = column.maximum


def render_files(catalogue: Catalogue) -> Iterator[tuple[str, str | bytes]]:
    """(path, content) of every open-data file: CSV, JSON and JSON Schema for each dataset."""
    for name in DATASETS:
        rows = records(name, catalogue)
        paths = files(name)
        yield paths["csv"], render_csv(name, rows)
        # The data on one line: indenting makes Python's JSON encoder several times slower.
        yield paths["json"], json.dumps(document(name, catalogue, rows), ensure_ascii=False) + "\n"
        yield paths["schema"], json.dumps(json_schema(name, catalogue), ensure_ascii=False, indent=2) + "\n"
