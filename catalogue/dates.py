"""Calendar dates as editors write them, and as the site shows them."""

from __future__ import annotations

import datetime
import re
import unicodedata

# First day of each Japanese era we accept, newest first.
_ERAS = {"令和": 2019, "平成": 1989, "昭和": 1926}
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_KANJI = re.compile(r"(令和|平成|昭和)?(\d{1,4}|元)年(\d{1,2})月(\d{1,2})日")
_DAYS_PER_MONTH = 365.2425 / 12


def parse_date(value: object) -> datetime.date | None:
    """A date from YAML: a plain date, `YYYY-MM-DD`, `2026年3月31日` or `令和8年3月31日`.

    Returns None for anything else (a datetime included: we want a day, not a moment).
    """
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFKC", value).strip()
    try:
        if match := _ISO.fullmatch(text):
            return datetime.date(*(int(g) for g in match.groups()))
        if match := _KANJI.fullmatch(text):
            era, year, month, day = match.groups()
            number = 1 if year == "元" else int(year)
            if era:
                number += _ERAS[era] - 1
            elif year == "元":
                return None
            return datetime.date(number, int(month), int(day))
    except ValueError:
        return None
    return None


def format_date(day: datetime.date, lang: str) -> str:
    """`2026年4月1日` in Japanese, `1 April 2026` in English."""
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"  # not strftime: no locale dependence


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def months_between(start: datetime.date, end: datetime.date) -> float:
    """Elapsed months, to one decimal place (4.2 for 10 December to 15 April)."""
    return round((end - start).days / _DAYS_PER_MONTH, 1)
