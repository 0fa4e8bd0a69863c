"""JSON Schema of the content files, derived from the Field declarations in `schema`.

For editors that validate YAML as you type. `describe()` is shared with the
`new` command's comments, so a field reads the same everywhere. Regenerate
the committed files with `python -m catalogue.frontmatter_schema`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from catalogue import schema
from catalogue.messages import UI, ui_text
from catalogue.schema import Field

SCHEMA_FOLDER = Path(__file__).resolve().parent.parent / "docs" / "schema"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The date forms `dates.parse_date` accepts: ISO, and Japanese with or without an era.
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|(令和|平成|昭和)?(\d{1,4}|元)年\d{1,2}月\d{1,2}日)$"
KEY_PATTERN = f"^{schema.SLUG_PATTERN}$"

# file type → (fields, keyed): a keyed file maps keys of its own to entries of `fields`.
FILES: dict[str, tuple[tuple[Field, ...], bool]] = {
    "challenge": (schema.CHALLENGE, False),
    "case": (schema.CASE, False),
    "page": (schema.PAGE, False),
    "site": (schema.SITE, False),
    "departments": (schema.DEPARTMENT, True),
    "categories": (schema.CATEGORY, True),
}


def choice_label(field: Field, value: str, lang: str) -> str:
    """`open（募集中）`: an allowed value with its label, where the catalogue has one."""
    key = f"{field.name}.{value}"
    return ui_text("describe.choice", lang, value=value, label=ui_text(key, lang)) if key in UI else value


def describe(field: Field, lang: str) -> str:
    """What a field takes, in words: required or not, its type, its limits and allowed values."""
    parts = [ui_text("describe.required", lang)] if field.required else []
    parts.append(_kind(field, lang))
    if field.max_length is not None:
        parts.append(ui_text("describe.max_length", lang, limit=field.max_length))
    if field.min_items:
        parts.append(ui_text("describe.min_items", lang, minimum=field.min_items))
    if field.default is not None and field.kind != "bool":
        parts.append(ui_text("describe.default", lang, value=field.default))
    return ui_text("describe.separator", lang).join(parts)


def _kind(field: Field, lang: str) -> str:
    if field.kind == "enum":
        return ui_text("describe.enum", lang, choices=", ".join(choice_label(field, c, lang) for c in field.choices))
    if field.kind == "key":
        return ui_text(f"describe.ref.{field.ref}", lang)
    if field.kind == "int":
        if field.minimum is not None and field.maximum is not None:
            return ui_text("describe.int_range", lang, minimum=field.minimum, maximum=field.maximum)
        if field.minimum is not None:
            return ui_text("describe.int_minimum", lang, minimum=field.minimum)
    if field.kind == "list" and field.item is not None:
        item = field.item
        if item.kind == "record":
            return ui_text("describe.list_of_records", lang, fields=", ".join(f.name for f in item.fields))
        return ui_text("describe.list", lang, item=_kind(item, lang))
    if field.kind == "record":
        return ui_text("describe.record", lang, fields=", ".join(f.name for f in field.fields))
    return ui_text(f"describe.kind.{field.kind}", lang)


def json_schema(file_type: str, lang: str = "ja") -> dict[str, Any]:
    """The JSON Schema of one file type (a key of FILES)."""
    fields, keyed = FILES[file_type]
    entry = _object(fields, lang)
    head = {
        "$schema": DRAFT,
        "title": ui_text(f"schema.title.{file_type}", lang),
        "description": ui_text(f"schema.text.{file_type}", lang),
    }
    if keyed:
        return {**head, "type": "object", "propertyNames": {"pattern": KEY_PATTERN}, "additionalProperties": entry}
    return {**head, **entry}


def _object(fields: tuple[Field, ...], lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "object", "properties": {f.name: _property(f, lang) for f in fields}}
    required = [f.name for f in fields if f.required]
    if required:
        result["required"] = required
    result["additionalProperties"] = False
    return result


def _property(field: Field, lang: str) -> dict[str, Any]:
    result: dict[str, Any] = {"title": field.label, "description": describe(field, lang), **_type(field, lang)}
    if field.default is not None:
        result["default"] = field.default
    return result


def _type(field: Field, lang: str) -> dict[str, Any]:
    """The JSON Schema keywords for a field's value (without title and description)."""
    match field.kind:
        case "text":
            limit = {"maxLength": field.max_length} if field.max_length is not None else {}
            return {"type": "string", "minLength": 1, **limit}
        case "url":
            return {"type": "string", "format": "uri", "pattern": "^https?://"}
        case "email":
            return {"type": "string", "format": "email"}
        case "date":
            return {"type": "string", "pattern": DATE_PATTERN}
        case "int":
            bounds = {"minimum": field.minimum, "maximum": field.maximum}
            return {"type": "integer", **{k: v for k, v in bounds.items() if v is not None}}
        case "bool":
            return {"type": "boolean"}
        case "enum":
            return {"type": "string", "enum": list(field.choices)}
        case "key":
            return {"type": "string", "pattern": KEY_PATTERN}
        case "list":
            assert field.item is not None
            items = _object(field.item.fields, lang) if field.item.kind == "record" else _type(field.item, lang)
            return {"type": "array", "items": items, **({"minItems": field.min_items} if field.min_items else {})}
        case "record":
            return _object(field.fields, lang)
        case "keyed":
            assert field.item is not None
            return {
                "type": "object",
                "propertyNames": {"pattern": KEY_PATTERN},
                "additionalProperties": _object(field.item.fields, lang),
            }
    raise ValueError(f"no JSON Schema for field kind {field.kind!r}")


def schema_files(lang: str = "ja") -> dict[str, str]:
    """Every schema file's text, by file name (`challenge.schema.json`): stable JSON, ending in a newline."""
    return {
        f"{file_type}.schema.json": json.dumps(json_schema(file_type, lang), ensure_ascii=False, indent=2) + "\n"
        for file_type in FILES
    }


def write_schema_files(folder: Path = SCHEMA_FOLDER) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schema_files(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA_FOLDER)
