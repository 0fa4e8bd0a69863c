"""Whatever an editor types into a field, the command answers with diagnostics, never a traceback."""

from __future__ import annotations

import re

import pytest

from catalogue import schema
from tests.conftest import Project
from tests.diagnostic_cases import CASE, CH

ODD_VALUES = [
    "null",
    "[]",
    "{}",
    "true",
    "no",
    "0",
    "-1",
    "1.5",
    '""',
    "2026-01-01",
    "2026-02-30 10:00",
    "[null]",
    "[{}]",
    "[[1]]",
    "{a: b}",
    "[{date: x, status: y}]",
    "'=HYPERLINK(\"x\")'",
    "!!binary aGVsbG8=",
    "&anchor x",
    "*missing",
]
DIAGNOSTIC = re.compile(r"^content/[\w/.-]+:\d+: (error|warning): \S")


def _set_field(project: Project, relative: str, field: str, value: str) -> None:
    path = project.root / relative
    head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
    lines = [line for line in head.splitlines()]
    kept = []
    skipping = False
    for line in lines:
        if line.startswith(f"{field}:"):
            skipping = True
            continue
        if skipping and line.startswith("  "):
            continue
        skipping = False
        kept.append(line)
    kept.append(f"{field}: {value}")
    path.write_text("\n".join(kept) + "\n---\n" + body, encoding="utf-8")


@pytest.mark.parametrize(
    ("relative", "field"),
    [(CH, f.name) for f in schema.CHALLENGE] + [(CASE, f.name) for f in schema.CASE],
    ids=lambda v: v.rsplit("/", 1)[-1],
)
def test_odd_values_in_any_field_give_diagnostics_not_tracebacks(project: Project, capsys, relative, field) -> None:
    for value in ODD_VALUES:
        _set_field(project, relative, field, value)
        result = project.run(capsys, "build")
        assert result.code in (0, 1), (field, value, result.err)
        assert "Traceback" not in result.err
        assert all(DIAGNOSTIC.match(line) for line in result.lines), (field, value, result.err)
