"""What search finds: every challenge and case, in tie-break order, with its text, display data and facets."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from catalogue import urls
from catalogue.dates import format_date
from catalogue.model import Case, Catalogue, Challenge
from catalogue.pages import list_order
from catalogue.schema import SDG_GOALS, STATUSES

KINDS = ("challenge", "case")
# Deadline groups for the "open only" and "closing soon" filters.
DEADLINES = ("none", "soon", "later", "rolling")
# Cases sort after realised challenges and before closed ones (ranks 4 and 5 of pages.list_order).
_CASE_RANK = 4.5
_HIDDEN_TEXT = re.compile(r'<span class="visually-hidden">.*?</span>', re.S)
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|code|em|i|mark|small|span|strong|sub|sup|time)\b[^>]*>")
_TAG = re.compile(r"<[^>]*>")

Translate = Callable[..., str]


@dataclass(frozen=True)
class Facets:
    """One document's facet values, as indexes into the facet label lists."""

    kind: int
    status: int  # len(STATUSES) for cases
    department: int
    categories: tuple[int, ...]
    sdgs: tuple[int, ...]
    deadline: int


@dataclass(frozen=True)
class Entry:
    """One search result as the index sees it: its texts, what a result shows, and its facets."""

    texts: tuple[str, str, str, str]  # title, summary, meta (categories, tags, department…), body: best first
    display: dict[str, object]
    facets: Facets


def ordered(catalogue: Catalogue) -> list[Challenge | Case]:
    """Challenges in list order (open first, soonest deadline first), cases among them by rank."""

    def key(item: Challenge | Case) -> tuple[float, int, int, str]:
        if isinstance(item, Case):
            return (_CASE_RANK, 0, -item.realized.toordinal(), item.slug)
        return list_order(item)

    return sorted([*catalogue.challenges, *catalogue.cases], key=key)


def entries(catalogue: Catalogue, t: Translate) -> Iterator[Entry]:
    """Every challenge and case, in the order of `ordered`."""
    departments = {key: i for i, key in enumerate(catalogue.departments)}
    categories = {key: i for i, key in enumerate(catalogue.categories)}
    lang = catalogue.site.language
    for item in ordered(catalogue):
        meta = [c.name for c in item.categories] + item.tags + [item.department.name]
        common = {"t": item.title, "s": item.summary, "d": item.department.name}
        facets = dict(
            department=departments[item.department.key],
            categories=tuple(categories[c.key] for c in item.categories),
            sdgs=tuple(SDG_GOALS.index(g) for g in item.sdgs),
        )
        if isinstance(item, Challenge):
            body = [body_text(item.body_html), *item.city_offers, *item.partner_types]
            display = {**common, "u": urls.challenge(item.slug), "k": "challenge", "st": item.effective_status}
            display.update(_deadline(item, t, lang))
            yield Entry(
                (item.title, item.summary, "\n".join(meta), "\n".join(body)),
                display,
                Facets(0, STATUSES.index(item.effective_status), deadline=_deadline_group(item), **facets),
            )
        else:
            meta += [p.name for p in item.partners]
            body = [body_text(item.body_html), item.outcome or ""]
            display = {**common, "u": urls.case(item.slug), "k": "case", "r": format_date(item.realized, lang)}
            display["rd"] = item.realized.isoformat()
            yield Entry(
                (item.title, item.summary, "\n".join(meta), "\n".join(body)),
                display,
                Facets(1, len(STATUSES), deadline=0, **facets),
            )


def body_text(body_html: str) -> str:
    """The visible text of a rendered body, one block per line."""
    text = _INLINE_TAG.sub("", _HIDDEN_TEXT.sub("", body_html))
    lines = html.unescape(_TAG.sub("\n", text)).split("\n")
    # Each line stripped and blank ones dropped: three times faster than a regular expression for blank lines.
    return "\n".join(filter(None, map(str.strip, lines)))


def _deadline(challenge: Challenge, t: Translate, lang: str) -> dict[str, object]:
    """What a result says about the deadline, worded at build time like the rest of the site."""
    if challenge.deadline is None:
        return {"dl": t("rolling")} if challenge.is_open else {}
    shown: dict[str, object] = {"dl": format_date(challenge.deadline, lang), "dd": challenge.deadline.isoformat()}
    if challenge.is_open and challenge.days_left is not None:
        shown["left"] = t("days_left", days=challenge.days_left) if challenge.days_left > 0 else t("due_today")
    if challenge.closing_soon:
        shown["soon"] = 1
    return shown


def _deadline_group(challenge: Challenge) -> int:
    if not challenge.is_open:
        return DEADLINES.index("none")
    if challenge.deadline is None:
        return DEADLINES.index("rolling")
    return DEADLINES.index("soon" if challenge.closing_soon else "later")
