"""Rules between fields of one file, and status against the calendar."""

from __future__ import annotations

import datetime

from catalogue.diagnostics import Report
from catalogue.load import Document
from catalogue.model import HistoryEntry


def check_challenge(doc: Document, history: list[HistoryEntry], today: datetime.date, report: Report) -> None:
    """Status against dates, and the history's order and final status."""
    v, name, line_of = doc.record.values, doc.source.name, doc.record.line_of
    status, published, deadline = v["status"], v["published"], v.get("deadline")
    for index in range(1, len(history)):
        if history[index].date < history[index - 1].date:
            report.error(
                name,
                line_of(f"history[{index}].date"),
                "history_order",
                date=history[index].date,
                previous=history[index - 1].date,
            )
    if history and history[-1].status != status:
        report.error(
            name,
            line_of(f"history[{len(history) - 1}].status"),
            "history_last_status",
            last=history[-1].status,
            status=status,
        )
    if status == "upcoming" and published <= today:
        report.warning(name, line_of("status"), "upcoming_not_future", published=published, today=today)
    if status == "open" and deadline is not None and deadline < today:
        report.warning(name, line_of("deadline"), "open_past_deadline", deadline=deadline, today=today)
    if deadline is not None and deadline < published:
        report.warning(name, line_of("deadline"), "deadline_before_published", deadline=deadline, published=published)
    _check_updated(doc, report)


def check_case(doc: Document, report: Report) -> None:
    v = doc.record.values
    started = v.get("started")
    if started is not None and v["realized"] < started:
        report.error(
            doc.source.name,
            doc.record.line_of("realized"),
            "realized_before_started",
            realized=v["realized"],
            started=started,
        )
    _check_updated(doc, report)


def check_realized_have_cases(challenges: list[Document], linked: set[str], report: Report) -> None:
    """A challenge marked realised should point readers to the case that realised it."""
    for doc in challenges:
        if doc.record.values.get("status") == "realized" and doc.source.slug not in linked:
            report.warning(doc.source.name, doc.record.line_of("status"), "realized_without_case", slug=doc.source.slug)


def _check_updated(doc: Document, report: Report) -> None:
    updated, published = doc.record.values.get("updated"), doc.record.values["published"]
    if updated is not None and updated < published:
        report.warning(
            doc.source.name,
            doc.record.line_of("updated"),
            "updated_before_published",
            updated=updated,
            published=published,
        )
