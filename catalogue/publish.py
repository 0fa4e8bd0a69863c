"""What a build publishes besides its pages, and broken links reported where they were written."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from catalogue import feeds, opendata, sitemap
from catalogue.diagnostics import Report
from catalogue.discover import display_name
from catalogue.linkcheck import Broken
from catalogue.model import Catalogue
from catalogue.pages import PageSpec

_FRONT_MATTER_END = re.compile(r"\A---[^\n]*\n.*?^---[ \t]*$", re.MULTILINE | re.DOTALL)


def build_time(catalogue: Catalogue, source_date_epoch: str | None) -> datetime.datetime:
    """The time a build stands for, where no content date applies: SOURCE_DATE_EPOCH, else the start of `today`.

    A malformed SOURCE_DATE_EPOCH is ignored rather than guessed at.
    """
    zone = zoneinfo.ZoneInfo(catalogue.site.timezone)
    if source_date_epoch and source_date_epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(source_date_epoch), zone)
    return datetime.datetime.combine(catalogue.today, datetime.time(), zone)


def extra_files(
    catalogue: Catalogue, pages: list[sitemap.Entry], built: datetime.datetime
) -> Iterator[tuple[str, str | bytes]]:
    """Feeds, open data, the sitemap and robots.txt, as (path, content)."""
    yield from feeds.render_feeds(catalogue, built)
    yield from opendata.render_files(catalogue)
    yield from sitemap.render_sitemaps(pages, catalogue.site.base_url)
    yield "robots.txt", sitemap.robots(catalogue.site.base_url)


def origin(spec: PageSpec) -> dict[str, str | None]:
    """Where a page's links come from: the Markdown body of a content file, and the page's template."""
    item = spec.context.get("challenge") or spec.context.get("case") or spec.context.get("page")
    if item is None:
        return {"template": spec.template}
    return {"template": spec.template, "body": item.body_html, "source": item.source}


def report_broken(broken: list[Broken], base_path: str, templates: Path, project: Path, report: Report) -> None:
    """One error per broken link, at the Markdown line or template line that wrote it.

    Only this failure path reads the source files again, to find the line: a
    link in a template is searched for in every template, and reported at the
    page's own template when it was built from variables.
    """
    template_texts = {p: p.read_text(encoding="utf-8") for p in sorted(templates.rglob("*.html"))}
    reported = set()  # a link in a shared partial is found once per template that includes it
    for link in broken:
        fragment = unquote(link.url.partition("#")[2])
        page = base_path + link.page.removesuffix("index.html")
        forms = _written_forms(link.url, base_path)
        if link.source is not None:
            text = (project / link.source).read_text(encoding="utf-8")
            body = _FRONT_MATTER_END.match(text)
            line, shown = _locate(text, forms, body.end() if body else 0)
            code = "link_anchor" if link.anchor else "link_broken"
            args = {"fragment": fragment} if link.anchor else {}
            report.error(link.source, line, code, url=shown or link.url, **args)
            continue
        path, line = Path(link.page), 1  # a file written without a template, such as a feed, is named itself
        if link.template:
            path = templates / link.template
            quoted = [f"{q}{form}{q}" for form in forms for q in ("'", '"')]
            for candidate, text in sorted(template_texts.items(), key=lambda item: item[0] != path):
                found, _ = _locate(text, quoted, 0)
                if found:
                    path, line = candidate, found
                    break
        code = "link_anchor_template" if link.anchor else "link_broken_template"
        if (path, line, link.url) not in reported:
            reported.add((path, line, link.url))
            report.error(display_name(path, project), line, code, url=link.url, fragment=fragment, page=page)


def _written_forms(url: str, base_path: str) -> list[str]:
    """How a link's target may have been written: as a site path (`/about/`), relative to the base path
    (`url('about/')` in a template), or as it stands in the page."""
    forms = []
    if url.startswith(base_path):
        rest = url[len(base_path) :]
        forms += ["/" + rest, rest] if rest else []
    forms.append(url)
    return [*forms, *(unquote(form) for form in forms if unquote(form) != form)]


def _locate(text: str, forms: list[str], start: int) -> tuple[int, str | None]:
    """The line of the first of `forms` found in `text` after `start`, and that form; (0, None) if none is."""
    for form in forms:
        index = text.find(form, start)
        if index >= 0:
            return text.count("\n", 0, index) + 1, form
    return 0, None
