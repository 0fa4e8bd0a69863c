"""sitemap.xml with each page's last content change, and robots.txt pointing to it."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from xml.sax.saxutils import escape

from catalogue import urls
from catalogue.model import Catalogue
from catalogue.pages import PageSpec

SITEMAP_PATH = "sitemap.xml"
MAX_URLS = 50_000  # per sitemap file, as sitemaps.org allows; beyond it sitemap.xml becomes an index
_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"

Entry = tuple[str, datetime.date | None]


def latest_change(catalogue: Catalogue) -> datetime.date | None:
    """The last date any challenge or case changed: the lastmod of pages that show a bit of everything."""
    return max((item.last_modified for item in [*catalogue.challenges, *catalogue.cases]), default=None)


def entry(spec: PageSpec, latest: datetime.date | None) -> Entry | None:
    """The page's URL path and the date its content last changed; None for pages kept out of the sitemap."""
    if spec.path == "404.html":
        return None
    context = spec.context
    item = context.get("challenge") or context.get("case")
    if item is not None:
        return spec.path, item.last_modified
    if "page" in context:  # free pages carry no date
        return spec.path, None
    if "items" in context:
        shown = [*context["items"], *context.get("cases", [])]
        return spec.path, max((i.last_modified for i in shown), default=None)
    return spec.path, latest


def render_sitemaps(entries: list[Entry], base_url: str) -> Iterator[tuple[str, str]]:
    """(path, XML): one sitemap.xml, or an index of numbered sitemaps when there are more than MAX_URLS."""
    chunks = [entries[i : i + MAX_URLS] for i in range(0, len(entries), MAX_URLS)] or [[]]
    if len(chunks) == 1:
        yield SITEMAP_PATH, _urlset(chunks[0], base_url)
        return
    index = []
    for number, chunk in enumerate(chunks, start=1):
        path = f"sitemap-{number}.xml"
        yield path, _urlset(chunk, base_url)
        index.append((path, max((day for _, day in chunk if day), default=None)))
    yield SITEMAP_PATH, _document("sitemapindex", "sitemap", index, base_url)


def _urlset(entries: list[Entry], base_url: str) -> str:
    return _document("urlset", "url", entries, base_url)


def _document(root: str, element: str, entries: list[Entry], base_url: str) -> str:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<{root} xmlns="{_NAMESPACE}">']
    for path, day in entries:
        lastmod = f"<lastmod>{day.isoformat()}</lastmod>" if day else ""
        lines.append(f"<{element}><loc>{escape(urls.absolute(base_url, path))}</loc>{lastmod}</{element}>")
    lines.append(f"</{root}>")
    return "\n".join(lines) + "\n"


def robots(base_url: str) -> str:
    """Crawlers may read everything; the sitemap is named with its absolute URL, as robots.txt requires."""
    return f"User-agent: *\nDisallow:\n\nSitemap: {urls.absolute(base_url, SITEMAP_PATH)}\n"
