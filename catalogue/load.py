"""Read content files: decode, split front matter, load YAML, validate fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

import frontmatter

from catalogue import schema
from catalogue.diagnostics import Report
from catalogue.discover import Source
from catalogue.validate import Record, Validator, kind_of
from catalogue.yamlload import YList, YMap, load_yaml

MAX_FILE_BYTES = 2 * 1024 * 1024
_FIELDS = {"challenges": schema.CHALLENGE, "cases": schema.CASE, "pages": schema.PAGE}
_SLUG = re.compile(schema.SLUG_PATTERN)
_YAML = frontmatter.YAMLHandler()


@dataclass
class Document:
    """A Markdown file with validated front matter; `body_line` is the file line the body starts on.

    Once its body is rendered, the build keeps the document without it (see bodies.load_content).
    """

    source: Source
    record: Record
    body: str
    body_line: int
    valid: bool


@dataclass
class Data:
    """The validated data files."""

    site: Record
    site_path: str
    departments: dict[str, Record]
    categories: dict[str, Record]


def read_text(source: Source, report: Report, raw: bytes | None = None) -> str | None:
    """The file (or its bytes `raw`) as text. A UTF-8 byte-order mark is dropped, as editors on Windows add one."""
    if raw is None:
        raw = source.path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        report.error(source.name, 1, "file_too_large", size=len(raw), limit=MAX_FILE_BYTES)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(source.name, line, "file_encoding")
        return None
    return text.replace("\r\n", "\n")


def load_document(source: Source, report: Report, raw: bytes | None = None) -> Document | None:
    """Load one challenge, case or page; None when its front matter could not be read at all.

    `raw` is the file's bytes, when the caller has read them already.
    """
    text = read_text(source, report, raw)
    if text is None:
        return None
    if not _YAML.detect(text):
        report.error(source.name, 1, "frontmatter_missing")
        return None
    try:
        meta, body = _YAML.split(text)
    except ValueError:
        report.error(source.name, 1, "frontmatter_unclosed")
        return None
    opening = _YAML.FM_BOUNDARY.match(text)
    assert opening is not None
    meta_line = text[: opening.end()].count("\n") + 1
    body_line = text[: len(text) - len(body)].count("\n") + 1
    data, problems = load_yaml(meta, meta_line)
    for problem in problems:
        report.error(source.name, problem.line, problem.code, **problem.args)
    if problems:  # a value that did not load would read as missing: report only the YAML problem
        return None
    if data is None:  # empty front matter: report the missing fields
        data = YMap(meta_line)
    if not isinstance(data, YMap):
        line = data.line if isinstance(data, YList) else meta_line + 1
        report.error(source.name, line, "frontmatter_not_mapping", kind=kind_of(data))
        return None
    validator = Validator(report, source.name)
    record = validator.record(data, _FIELDS[source.kind], meta_line)
    # An invalid document is kept so that its references and body are still checked.
    return Document(source, record, body, body_line, validator.ok)


def load_data(sources: dict[str, Source], report: Report) -> Data | None:
    """Load site.yaml, departments.yaml and categories.yaml; None if any is unusable."""
    site = _load_mapping(sources.get("site.yaml"), report)
    departments = _load_mapping(sources.get("departments.yaml"), report)
    categories = _load_mapping(sources.get("categories.yaml"), report)
    if site is None or departments is None or categories is None:
        return None
    site_source = sources["site.yaml"]
    validator = Validator(report, site_source.name)
    site_record = validator.record(site, schema.SITE, site.line)
    department_records = _load_entries(departments, schema.DEPARTMENT, sources["departments.yaml"], report)
    category_records = _load_entries(categories, schema.CATEGORY, sources["categories.yaml"], report)
    if not validator.ok or department_records is None or category_records is None:
        return None
    return Data(site_record, site_source.name, department_records, category_records)


def _load_mapping(source: Source | None, report: Report) -> YMap | None:
    if source is None:
        return None
    text = read_text(source, report)
    if text is None:
        return None
    data, problems = load_yaml(text)
    for problem in problems:
        report.error(source.name, problem.line, problem.code, **problem.args)
    if problems:
        return None
    if not isinstance(data, YMap):
        report.error(source.name, 1, "data_not_mapping", kind=kind_of(data))
        return None
    return data


def _load_entries(
    data: YMap, fields: tuple[schema.Field, ...], source: Source, report: Report
) -> dict[str, Record] | None:
    validator = Validator(report, source.name)
    entries = {}
    for key, value in data.items():
        line = data.line_of(key)
        if not _SLUG.fullmatch(key):
            validator.error(line, "key_format", field=key, value=key)
            continue
        entries[key] = validator.record(value, fields, line)
    if not entries:
        validator.error(data.line, "data_empty")
    return entries if validator.ok else None
