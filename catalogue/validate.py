"""Check loaded YAML against the schema: types, enums, ranges, unknown fields.

Values come out converted (dates as `datetime.date`, defaults filled in);
every problem is reported at the line of the offending key or item.
Cross-file rules (references, status against dates) live in `crossref`.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from catalogue.dates import parse_date
from catalogue.diagnostics import Report
from catalogue.schema import SLUG_PATTERN, Field, label_aliases
from catalogue.yamlload import YList, YMap, describe_value

_SLUG = re.compile(SLUG_PATTERN)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TEXT_KINDS = frozenset({"text", "url", "email", "enum", "key"})
_NAMES: dict[int, tuple[tuple[Field, ...], frozenset[str]]] = {}  # id(fields) -> (fields, their names)


def _names(fields: tuple[Field, ...]) -> frozenset[str]:
    """The field names of a schema tuple, computed once per tuple."""
    entry = _NAMES.get(id(fields))
    if entry is None or entry[0] is not fields:
        entry = _NAMES[id(fields)] = (fields, frozenset(f.name for f in fields))
    return entry[1]


@dataclass
class Record:
    """Validated values of one mapping, and the line of every field and item.

    `lines` keys are paths such as `categories`, `categories[1]`, `history[0].status`.
    """

    values: dict[str, object]
    lines: dict[str, int] = field(default_factory=dict)
    line: int = 1

    def line_of(self, path: str) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = re.sub(r"(\[\d+\]|\.[^.\[]+|^[^.\[]+)$", "", path)
        return self.line


class Validator:
    """Validates mappings of one file, reporting into a shared Report."""

    def __init__(self, report: Report, path: str) -> None:
        self.report = report
        self.path = path
        self.ok = True

    def error(self, line: int, code: str, **args: object) -> None:
        self.ok = False
        self.report.error(self.path, line, code, **args)

    def record(self, data: object, fields: tuple[Field, ...], line: int = 1) -> Record:
        """Validate a whole mapping (a file's front matter or a data-file entry)."""
        result = Record({}, {}, line)
        if not isinstance(data, YMap):
            self.error(line, "document_not_mapping", found=describe_value(data), kind=kind_of(data))
            return result
        result.line = data.line
        self._fields(data, fields, "", result)
        return result

    def _fields(self, data: YMap, fields: tuple[Field, ...], prefix: str, out: Record) -> dict[str, object]:
        values: dict[str, object] = out.values if not prefix else {}
        names = _names(fields)
        if not data.keys() <= names:
            for key in data:
                if key not in names:
                    self._unknown(data.line_of(key), prefix + key, key, fields)
        lines = out.lines
        key_lines = data.key_lines
        for spec in fields:
            name = spec.name
            path = prefix + name
            value = data.get(name)
            if value is None:
                if name in data:
                    lines[path] = data.line_of(name)
                if spec.required:
                    self.error(data.line_of(name), "field_required", field=path, label=spec.label)
                elif spec.default is not None:
                    values[name] = spec.default
                continue
            line = key_lines.get(name, data.line)  # data.line_of(name)
            lines[path] = line
            value = self._value(value, spec, path, line, out, data.raw.get(name))
            if value is not None:
                values[name] = value
        return values

    def _unknown(self, line: int, path: str, key: str, fields: tuple[Field, ...]) -> None:
        names = [f.name for f in fields]
        guess = label_aliases(fields).get(key) or next(iter(difflib.get_close_matches(key, names, n=1)), None)
        if guess:
            self.error(line, "field_unknown_suggest", field=path, suggestion=guess)
        else:
            self.error(line, "field_unknown", field=path, allowed=", ".join(names))

    def _value(self, value: object, spec: Field, path: str, line: int, out: Record, raw: str | None = None) -> object:
        kind = spec.kind
        if kind in _TEXT_KINDS:  # the common case first; the kinds are disjoint
            if not isinstance(value, str):
                return self._wrong(line, "type_text", path, value, raw)
            return self._text(value, spec, path, line)
        if kind == "list":
            return self._list(value, spec, path, line, out, raw)
        if kind == "record":
            if not isinstance(value, YMap):
                return self._wrong(line, "type_record", path, value, raw)
            return self._fields(value, spec.fields, path + ".", out)
        if kind == "keyed":
            return self._keyed(value, spec, path, line, out, raw)
        if kind == "date":
            day = parse_date(value)
            if day is None:
                return self._wrong(line, "type_date", path, value, raw)
            return day
        if kind == "bool":
            return value if isinstance(value, bool) else self._wrong(line, "type_bool", path, value, raw)
        if kind == "int":
            return self._int(value, spec, path, line, raw)
        if not isinstance(value, str):
            return self._wrong(line, "type_text", path, value, raw)
        return self._text(value, spec, path, line)

    def _text(self, value: str, spec: Field, path: str, line: int) -> str | None:
        value = value.strip()
        if not value:
            self.error(line, "text_empty", field=path)
            return None
        if spec.max_length is not None and len(value) > spec.max_length:
            self.error(line, "text_too_long", field=path, limit=spec.max_length, length=len(value))
        if spec.kind == "text":
            return value
        if spec.kind == "enum" and value not in spec.choices:
            return self._choice(line, path, value, spec.choices)
        if spec.kind == "key" and not _SLUG.fullmatch(value):
            self.error(line, "key_format", field=path, value=value)
            return None
        if spec.kind == "url" and not _is_web_url(value):
            self.error(line, "url_invalid", field=path, value=value)
            return None
        if spec.kind == "email" and not _EMAIL.fullmatch(value):
            self.error(line, "email_invalid", field=path, value=value)
            return None
        return value

    def _choice(self, line: int, path: str, value: str, choices: tuple[str, ...]) -> None:
        guess = difflib.get_close_matches(value, choices, n=1)
        if guess:
            self.error(
                line, "enum_invalid_suggest", field=path, value=value, suggestion=guess[0], choices=", ".join(choices)
            )
        else:
            self.error(line, "enum_invalid", field=path, value=value, choices=", ".join(choices))

    def _int(self, value: object, spec: Field, path: str, line: int, raw: str | None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return self._wrong(line, "type_int", path, value, raw)
        low = spec.minimum if spec.minimum is not None else None
        high = spec.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            code = "int_range" if high is not None else "int_minimum"
            self.error(line, code, field=path, value=value, minimum=low, maximum=high)
            return None
        return value

    def _list(
        self, value: object, spec: Field, path: str, line: int, out: Record, raw: str | None
    ) -> list[object] | None:
        if not isinstance(value, YList):
            return self._wrong(line, "type_list", path, value, raw)
        assert spec.item is not None
        items = []
        lines = out.lines
        item_lines = value.item_lines
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            item_line = item_lines[index] if index < len(item_lines) else value.line  # value.line_of(index)
            lines[item_path] = item_line
            if item is None:
                self.error(item_line, "item_empty", field=path)
                continue
            converted = self._value(item, spec.item, item_path, item_line, out, value.raw[index])
            if converted is not None:
                items.append(converted)
        if len(value) < spec.min_items:
            self.error(line, "list_too_short", field=path, minimum=spec.min_items)
        return items

    def _keyed(
        self, value: object, spec: Field, path: str, line: int, out: Record, raw: str | None
    ) -> dict[str, object] | None:
        if not isinstance(value, YMap):
            return self._wrong(line, "type_record", path, value, raw)
        assert spec.item is not None
        result = {}
        for key, entry in value.items():
            key_line = value.line_of(key)
            entry_path = f"{path}.{key}"
            out.lines[entry_path] = key_line
            if not _SLUG.fullmatch(key):
                self.error(key_line, "key_format", field=path, value=key)
                continue
            converted = self._value(entry, spec.item, entry_path, key_line, out, value.raw.get(key))
            if converted is not None:
                result[key] = converted
        return result

    def _wrong(self, line: int, code: str, path: str, value: object, raw: str | None) -> None:
        """Report a value of the wrong type, quoting it as the editor wrote it."""
        found = raw if raw is not None else describe_value(value)
        self.error(line, code, field=path, found=found, kind=kind_of(value))
        return None


def kind_of(value: object) -> str:
    """Names the YAML type of a value, as a message-catalogue key."""
    if value is None:
        return "@kind.null"
    if isinstance(value, bool):
        return "@kind.bool"
    if isinstance(value, (int, float)):
        return "@kind.number"
    if isinstance(value, datetime.date):
        return "@kind.date"
    if isinstance(value, list):
        return "@kind.list"
    if isinstance(value, dict):
        return "@kind.mapping"
    return "@kind.text"


def _is_web_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
