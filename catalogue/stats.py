"""The figures of the stats page: the funnel, counts by status, field and year, and lead times.

A pure function of the catalogue. Each chart comes with the table it
pictures; the page shows both, the table being the chart's text alternative.
"""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from catalogue import charts
from catalogue.model import Catalogue
from catalogue.schema import STATUSES

PAGE_PATH = "stats/"
FUNNEL = ("challenges", "proposals", "meetings", "realized")
# Lead-time ranges in months, [low, high): under 3, 3–6, 6–12, a year or more.
LEAD_RANGES = ((0, 3), (3, 6), (6, 12), (12, None))
FISCAL_YEAR_START = 4  # Japanese public bodies count years from April (年度)


@dataclass(frozen=True)
class Chart:
    """A chart and its table: `columns` head the table, the first naming the rows."""

    key: str
    title: str
    svg: Markup
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    note: str | None = None  # what the figures count, shown above the chart


@dataclass(frozen=True)
class Stats:
    funnel: dict[str, int]
    median_lead_months: float | None
    lead_count: int
    charts: tuple[Chart, ...]


def funnel(catalogue: Catalogue) -> dict[str, int]:
    """Listed challenges → proposals and meetings they drew → partnerships realised (cases)."""
    listed = catalogue.listed_challenges
    return {
        "challenges": len(listed),
        "proposals": sum(c.proposals or 0 for c in listed),
        "meetings": sum(c.meetings or 0 for c in listed),
        "realized": len(catalogue.cases),
    }


def fiscal_year(day: datetime.date) -> int:
    return day.year if day.month >= FISCAL_YEAR_START else day.year - 1


def compute(catalogue: Catalogue, t: Callable[..., str]) -> Stats:
    """Every figure and chart of /stats/; `t` translates UI keys."""
    stages = funnel(catalogue)
    leads = [case.lead_months for case in catalogue.cases if case.lead_months is not None]
    median = round(statistics.median(leads), 1) if leads else None

    def count(number: int) -> str:
        return t("count", count=number)

    listed = catalogue.listed_challenges
    by_status = Counter(c.effective_status for c in catalogue.challenges)
    by_category = Counter(category.key for c in listed for category in c.categories)
    case_category = Counter(category.key for k in catalogue.cases for category in k.categories)
    published = Counter(fiscal_year(c.published) for c in listed)
    realized = Counter(fiscal_year(k.realized) for k in catalogue.cases)
    years = range(min(published | realized, default=0), max(published | realized, default=-1) + 1)
    by_lead = Counter(_lead_range(months) for months in leads)
    series = (t("stats.challenges"), t("stats.cases"))
    return Stats(
        stages,
        median,
        len(leads),
        (
            _chart(
                "funnel",
                t("stats.funnel"),
                (t("stats.stage"), t("stats.count")),
                [(t(f"figures.{stage}"), (stages[stage],)) for stage in FUNNEL],
                count,
                funnel=True,
                note=t("stats.note"),
            ),
            _chart(
                "status",
                t("stats.by_status"),
                (t("field.status"), t("stats.count")),
                [(t(f"status.{s}"), (by_status[s],)) for s in STATUSES],
                count,
            ),
            _chart(
                "category",
                t("stats.by_category"),
                (t("filters.category"), *series),
                [(c.name, (by_category[k], case_category[k])) for k, c in catalogue.categories.items()],
                count,
                series=series,
            ),
            _chart(
                "year",
                t("stats.by_year"),
                (t("stats.year"), *series),
                [(t("stats.fiscal_year", year=y), (published[y], realized[y])) for y in years],
                count,
                series=series,
            ),
            _chart(
                "lead",
                t("stats.lead_time"),
                (t("stats.period"), t("stats.count")),
                [(t(f"stats.lead.{i}"), (by_lead[i],)) for i in range(len(LEAD_RANGES))],
                count,
                note=t("stats.median", months=median, count=len(leads)) if leads else t("stats.no_lead_time"),
            ),
        ),
    )


def _lead_range(months: float) -> int:
    return next(i for i, (low, high) in enumerate(LEAD_RANGES) if months >= low and (high is None or months < high))


def _chart(
    key: str,
    title: str,
    columns: tuple[str, ...],
    data: Sequence[tuple[str, tuple[int, ...]]],
    count: Callable[[int], str],
    *,
    series: tuple[str, ...] = (),
    funnel: bool = False,
    note: str | None = None,
) -> Chart:
    """A chart and its table from (row label, one count per series) pairs."""
    rows = [
        charts.Row(
            label,
            values,
            [f"{name} {count(v)}" for name, v in zip(series, values, strict=True)] if series else [count(values[0])],
        )
        for label, values in data
    ]
    svg = charts.funnel(rows) if funnel else charts.bars(rows)
    table = tuple((label, tuple(count(v) for v in values)) for label, values in data)
    return Chart(key, title, svg, columns, table, note)
