"""Progress as dated steps: a challenge's `history`, and a case's path from first contact to launch."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, replace

from catalogue.dates import months_between
from catalogue.model import Case, Challenge


@dataclass(frozen=True)
class Step:
    """One step of a timeline. `key` is the UI text naming it; `status` is set for challenge statuses."""

    date: datetime.date
    key: str
    status: str | None = None
    note: str | None = None
    days: int | None = None  # since the previous step
    months: float | None = None
    current: bool = False


def challenge_steps(challenge: Challenge) -> list[Step]:
    """The history, the last entry being the status the challenge is in now."""
    last = len(challenge.history) - 1
    return _spaced(
        [
            Step(entry.date, f"status.{entry.status}", entry.status, entry.note, current=index == last)
            for index, entry in enumerate(challenge.history)
        ]
    )


def case_steps(case: Case) -> list[Step]:
    """The challenge's publication (when there is one), first contact, the agreement, and the launch."""
    steps = [
        Step(case.challenge.published, "timeline.challenge_published") if case.challenge else None,
        Step(case.started, "timeline.started") if case.started else None,
        Step(case.agreement_date, "timeline.agreement", note=case.agreement_title) if case.agreement_date else None,
        Step(case.realized, "timeline.realized"),
    ]
    return _spaced(sorted((s for s in steps if s is not None), key=lambda s: s.date))


def _spaced(steps: list[Step]) -> list[Step]:
    """The steps with the time since the previous one."""
    spaced = steps[:1]
    for previous, step in itertools.pairwise(steps):
        days = (step.date - previous.date).days
        spaced.append(replace(step, days=days, months=months_between(previous.date, step.date)))
    return spaced
