"""Bar charts as inline SVG, drawn at build time, so the browser needs no chart library.

A chart is a picture of a data table that the page shows next to it, so the
SVG is hidden from assistive technology and the table is its text
alternative. Colours and fonts come from the stylesheet's `chart__…` classes,
which the print and forced-colours styles adapt; the SVG carries no `style`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 400
_LABEL = 24  # height of the line naming a row
_BAR = 22
_BAR_GAP = 4
_ROW_GAP = 16
_BASELINE = 16  # from the top of a line to the baseline of its 15px text
_VALUE_SPACE = 130  # room right of the longest bar for its value


@dataclass(frozen=True)
class Row:
    """One row of a chart: its label, and per series a value and how to write it (`19件`)."""

    label: str
    values: Sequence[float]
    texts: Sequence[str]


def bars(rows: Sequence[Row]) -> Markup:
    """Horizontal bars, each row's label above its bars; one bar per series, told apart by its text."""
    longest = max((v for row in rows for v in row.values), default=0)
    scale = (WIDTH - _VALUE_SPACE) / longest if longest else 0
    parts, y = [], 0
    for row in rows:
        parts.append(_text(0, y + _BASELINE, row.label, "chart__label"))
        y += _LABEL
        for series, (value, text) in enumerate(zip(row.values, row.texts, strict=True)):
            width = round(value * scale, 1)
            if width:
                parts.append(_rect(0, y, width, f"chart__bar chart__bar--{series}"))
            parts.append(_text(width + 6, y + _BASELINE, text, "chart__value"))
            y += _BAR + _BAR_GAP
        y += _ROW_GAP - _BAR_GAP
    return _svg(parts, y - _ROW_GAP)


def funnel(rows: Sequence[Row]) -> Markup:
    """Centred bars narrowing (or widening) stage by stage, each with its label and value above it."""
    longest = max((row.values[0] for row in rows), default=0)
    scale = WIDTH / longest if longest else 0
    parts, y = [], 0
    for row in rows:
        parts.append(_text(WIDTH / 2, y + _BASELINE, f"{row.label} {row.texts[0]}", "chart__label", middle=True))
        y += _LABEL
        width = round(row.values[0] * scale, 1)
        if width:
            parts.append(_rect(round((WIDTH - width) / 2, 1), y, width, "chart__bar chart__bar--0"))
        y += _BAR + _ROW_GAP
    return _svg(parts, y - _ROW_GAP)


def _svg(parts: list[Markup], height: int) -> Markup:
    height = max(height, 1)
    head = Markup(
        '<svg class="chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}"'
        ' aria-hidden="true" focusable="false">'
    ).format(w=WIDTH, h=height)
    return head + Markup("").join(parts) + Markup("</svg>")


def _rect(x: float, y: float, width: float, classes: str) -> Markup:
    return Markup('<rect class="{}" x="{}" y="{}" width="{}" height="{}"/>').format(classes, x, y, width, _BAR)


def _text(x: float, y: float, text: str, classes: str, *, middle: bool = False) -> Markup:
    anchor = Markup(' text-anchor="middle"') if middle else Markup("")
    return Markup('<text class="{}" x="{}" y="{}"{}>{}</text>').format(classes, x, y, anchor, escape(text))
