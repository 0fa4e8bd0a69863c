"""The catalogue as the templates see it: plain objects linked both ways."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from catalogue.dates import months_between

CLOSING_SOON_DAYS = 14
# Statuses that accept proposals, and those left out of the default lists.
OPEN_STATUSES = ("open",)
HIDDEN_STATUSES = ("withdrawn",)


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Department:
    key: str
    name: str
    division: str | None
    contact: Contact


@dataclass(frozen=True)
class Category:
    key: str
    name: str
    description: str | None


@dataclass(frozen=True)
class Channel:
    key: str
    name: str
    url: str | None


@dataclass(frozen=True)
class Desk:
    name: str
    department: str | None
    contact: Contact
    proposal_url: str | None


@dataclass(frozen=True)
class Site:
    title: str
    description: str
    base_url: str
    base_path: str
    language: str
    timezone: str
    organization: str
    municipality_code: str | None
    prefecture: str | None
    license: str | None
    desk: Desk
    channels: dict[str, Channel]
    allow_html: bool


@dataclass(frozen=True)
class Partner:
    name: str
    url: str | None
    type: str | None


@dataclass(frozen=True)
class HistoryEntry:
    date: datetime.date
    status: str
    note: str | None


@dataclass(frozen=True)
class File:
    """A file copied next to a page: an image or an attachment."""

    source: Path
    filename: str
    size: int
    title: str
    field: str  # the front-matter path that names it, for diagnostics

    @property
    def format(self) -> str:
        return self.source.suffix.lstrip(".").upper()


@dataclass
class Challenge:
    slug: str
    source: str
    title: str
    summary: str
    department: Department
    status: str
    categories: list[Category]
    sdgs: list[int]
    published: datetime.date
    deadline: datetime.date | None
    updated: datetime.date | None
    proposal_type: str
    partner_types: list[str]
    city_offers: list[str]
    cost_model: str | None
    budget_yen: int | None
    proposals: int | None
    meetings: int | None
    history: list[HistoryEntry]
    channels: list[Channel]
    contact: Contact
    image: File | None
    attachments: list[File]
    tags: list[str]
    draft: bool
    body_html: str
    today: datetime.date
    cases: list[Case] = field(default_factory=list)

    @property
    def effective_status(self) -> str:
        """The status shown: an open challenge past its deadline reads as closed."""
        if self.status == "open" and self.deadline is not None and self.deadline < self.today:
            return "closed"
        return self.status

    @property
    def closing_soon(self) -> bool:
        """締切間近: still open and the deadline is within CLOSING_SOON_DAYS."""
        if self.effective_status != "open" or self.deadline is None:
            return False
        return (self.deadline - self.today).days <= CLOSING_SOON_DAYS

    @property
    def days_left(self) -> int | None:
        return None if self.deadline is None else (self.deadline - self.today).days

    @property
    def is_open(self) -> bool:
        return self.effective_status in OPEN_STATUSES

    @property
    def listed(self) -> bool:
        return self.status not in HIDDEN_STATUSES

    @property
    def last_modified(self) -> datetime.date:
        return self.updated or self.published


@dataclass
class Case:
    slug: str
    source: str
    title: str
    summary: str
    challenge: Challenge | None
    partners: list[Partner]
    department: Department
    form: str | None
    agreement_date: datetime.date | None
    agreement_title: str | None
    started: datetime.date | None
    realized: datetime.date
    outcome: str | None
    categories: list[Category]
    sdgs: list[int]
    published: datetime.date
    updated: datetime.date | None
    image: File | None
    tags: list[str]
    draft: bool
    body_html: str

    @property
    def lead_months(self) -> float | None:
        """Months from first contact to launch, when both are known."""
        if self.started is None:
            return None
        return months_between(self.started, self.realized)

    @property
    def last_modified(self) -> datetime.date:
        return self.updated or self.published


@dataclass
class Page:
    slug: str
    source: str
    title: str
    description: str | None
    nav_order: int | None
    body_html: str


@dataclass
class Catalogue:
    """Everything one build publishes, in display order."""

    site: Site
    today: datetime.date
    departments: dict[str, Department]
    categories: dict[str, Category]
    challenges: list[Challenge]
    cases: list[Case]
    pages: list[Page]

    @property
    def listed_challenges(self) -> list[Challenge]:
        return [c for c in self.challenges if c.listed]

    @property
    def open_challenges(self) -> list[Challenge]:
        return [c for c in self.challenges if c.is_open]

    @property
    def nav_pages(self) -> list[Page]:
        return [p for p in self.pages if p.nav_order is not None]
