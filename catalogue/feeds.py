"""Atom feeds: new challenges, status changes from `history`, and new cases.

One feed for the whole site and one per category. Every date comes from the
content; only a feed with no entries falls back to the build time given by
the caller (SOURCE_DATE_EPOCH). Entry ids are tag: URIs (RFC 4151) minted from
the site's host, the event's date and the page path, so they stay the same
from build to build and when the entry's text is edited.
"""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as etree
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from catalogue import urls
from catalogue.messages import ui_text
from catalogue.model import Catalogue, Category, Challenge, Site

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"
FEED_SIZE = 50  # entries per feed: readers want what is new, not the archive
# Characters XML 1.0 cannot carry, even escaped; YAML's "\x01" escapes can produce them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def category_feed(key: str) -> str:
    return urls.category(key) + FEED_PATH


@dataclass(frozen=True)
class Event:
    """One feed entry: something that happened on a date, to a page."""

    date: datetime.date
    kind: str  # "challenge", "status" or "case"
    path: str
    title: str
    summary: str
    author: str
    categories: tuple[Category, ...]
    status: str | None = None

    @property
    def fragment(self) -> str:
        return f"#status-{self.status}" if self.kind == "status" else ""


def events(catalogue: Catalogue) -> list[Event]:
    """Everything the feeds report, newest first; events after `today` have not happened yet."""
    found = [event for challenge in catalogue.challenges for event in _challenge_events(challenge)]
    found.extend(
        Event(
            case.published,
            "case",
            urls.case(case.slug),
            case.title,
            case.summary,
            case.department.name,
            tuple(case.categories),
        )
        for case in catalogue.cases
    )
    order = {kind: i for i, kind in enumerate(("case", "status", "challenge"))}
    found = [e for e in found if e.date <= catalogue.today]
    return sorted(found, key=lambda e: (-e.date.toordinal(), order[e.kind], e.path, e.status or ""))


def _challenge_events(challenge: Challenge) -> Iterator[Event]:
    common = (challenge.title, challenge.summary, challenge.department.name, tuple(challenge.categories))
    path = urls.challenge(challenge.slug)
    yield Event(challenge.published, "challenge", path, *common)
    for index, entry in enumerate(challenge.history):
        if index == 0 and entry.date == challenge.published:
            continue  # the state it was published in: the new-challenge entry says so
        title, _, department, categories = common
        yield Event(entry.date, "status", path, title, entry.note or "", department, categories, entry.status)


def render_feeds(catalogue: Catalogue, built: datetime.datetime) -> Iterator[tuple[str, str]]:
    """(path, Atom XML) for the site feed and every category's feed. `built` dates a feed with no entries."""
    everything = events(catalogue)
    site = catalogue.site
    yield FEED_PATH, _feed(catalogue, FEED_PATH, site.title, site.description, everything, built)
    for key, category in catalogue.categories.items():
        mine = [e for e in everything if any(c.key == key for c in e.categories)]
        title = ui_text("feed.category_title", site.language, site=site.title, name=category.name)
        subtitle = category.description or site.description
        yield category_feed(key), _feed(catalogue, category_feed(key), title, subtitle, mine, built)


def _feed(
    catalogue: Catalogue,
    path: str,
    title: str,
    subtitle: str,
    entries: list[Event],
    built: datetime.datetime,
) -> str:
    site = catalogue.site
    zone = zoneinfo.ZoneInfo(site.timezone)
    feed = etree.Element("feed", {"xmlns": ATOM, "xml:lang": site.language})
    _text(feed, "id", urls.absolute(site.base_url, path))
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    etree.SubElement(feed, "link", rel="self", type="application/atom+xml", href=urls.absolute(site.base_url, path))
    etree.SubElement(feed, "link", rel="alternate", type="text/html", href=site.base_url)
    updated = _timestamp(entries[0].date, zone) if entries else built.isoformat(timespec="seconds")
    _text(feed, "updated", updated)
    author = etree.SubElement(feed, "author")
    _text(author, "name", site.organization)
    _text(author, "uri", site.base_url)
    if site.license:
        _text(feed, "rights", site.license)
    for event in entries[:FEED_SIZE]:
        _entry(feed, event, site, zone)
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"


def _entry(feed: etree.Element, event: Event, site: Site, zone: datetime.tzinfo) -> None:
    lang = site.language
    entry = etree.SubElement(feed, "entry")
    _text(entry, "id", entry_id(site.base_url, event))
    if event.kind == "status":
        status = ui_text(f"status.{event.status}", lang)
        _text(entry, "title", ui_text("feed.status_change", lang, title=event.title, status=status))
        summary = ui_text("feed.status_summary", lang, status=status, note=event.summary) if event.summary else status
    else:
        key = "feed.new_challenge" if event.kind == "challenge" else "feed.new_case"
        _text(entry, "title", ui_text(key, lang, title=event.title))
        summary = event.summary
    link = urls.absolute(site.base_url, event.path)
    etree.SubElement(entry, "link", rel="alternate", type="text/html", href=link)
    stamp = _timestamp(event.date, zone)
    _text(entry, "published", stamp)
    _text(entry, "updated", stamp)
    author = etree.SubElement(entry, "author")
    _text(author, "name", event.author)
    for category in event.categories:
        etree.SubElement(
            entry,
            "category",
            term=category.key,
            label=_clean(category.name),
            scheme=urls.absolute(site.base_url, urls.categories()),
        )
    _text(entry, "summary", summary)


def entry_id(base_url: str, event: Event) -> str:
    """`tag:host,YYYY-MM-DD:/base/path/#status-…`: unique per page, event and date, stable across builds."""
    parts = urlsplit(base_url)
    path = quote(urls.base_path(base_url) + event.path)
    return f"tag:{parts.hostname},{event.date.isoformat()}:{path}{event.fragment}"


def _timestamp(day: datetime.date, zone: datetime.tzinfo) -> str:
    """Midnight of a content date in the site's time zone, as RFC 3339."""
    return datetime.datetime.combine(day, datetime.time(), zone).isoformat(timespec="seconds")


def _text(parent: etree.Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = _clean(text)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)
