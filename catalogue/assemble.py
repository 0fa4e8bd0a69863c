"""Turn validated records into the linked model, checking references between files."""

from __future__ import annotations

import datetime
import difflib
import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from catalogue import rules, urls
from catalogue.bodies import MarkdownSettings
from catalogue.diagnostics import Report
from catalogue.discover import inside
from catalogue.load import Data, Document
from catalogue.markup import Rendered
from catalogue.messages import ui_text
from catalogue.model import (
    Case,
    Catalogue,
    Category,
    Challenge,
    Channel,
    Contact,
    Department,
    Desk,
    File,
    HistoryEntry,
    Page,
    Partner,
    Site,
)
from catalogue.validate import Record

_MUNICIPALITY_CODE = re.compile(r"\d{6}")


@dataclass(frozen=True)
class Settings:
    """What the command line may override."""

    base_url: str | None = None
    today: datetime.date | None = None
    drafts: bool = False


def site_of(data: Data, settings: Settings, report: Report) -> Site | None:
    """The site settings, or None when they are unusable."""
    return _site(data.site, settings, report, data.site_path)


def markdown_settings(site: Site) -> MarkdownSettings:
    """How the site's Markdown bodies are rendered."""
    return MarkdownSettings(
        base_path=site.base_path,
        host=_host(site.base_url),
        allow_html=site.allow_html,
        external_label=ui_text("external_link", site.language),
    )


def assemble(
    site: Site,
    data: Data,
    documents: list[Document],
    bodies: Mapping[str, Rendered],
    discovered: set[str],
    settings: Settings,
    report: Report,
) -> Catalogue:
    """The whole catalogue from the site settings, the documents and their rendered bodies (by source name).

    `discovered` holds the slug of every challenge file found, loadable or not,
    so that a case naming a broken challenge is not reported twice.
    """
    today = settings.today or datetime.datetime.now(zoneinfo.ZoneInfo(site.timezone)).date()
    departments = {key: _department(key, r) for key, r in data.departments.items()}
    categories = {
        key: Category(key, r.values["name"], r.values.get("description")) for key, r in data.categories.items()
    }
    by_kind: dict[str, list[Document]] = {"challenges": [], "cases": [], "pages": []}
    draft_challenges: set[str] = set()
    for doc in documents:
        if not doc.record.values.get("draft") or settings.drafts:
            by_kind[doc.source.kind].append(doc)
        elif doc.source.kind == "challenges":
            draft_challenges.add(doc.source.slug)
    refs = _References(report, departments, categories, site.channels)
    challenges = [_challenge(d, refs, bodies, today, report) for d in by_kind["challenges"]]
    known = {c.slug: c for c in challenges if c is not None}
    cases = [_case(d, refs, bodies, known, discovered, draft_challenges, report) for d in by_kind["cases"]]
    pages = [_page(d, bodies, report) for d in by_kind["pages"]]
    catalogue = Catalogue(
        site=site,
        today=today,
        departments=departments,
        categories=categories,
        challenges=sorted(known.values(), key=lambda c: (-c.published.toordinal(), c.slug)),
        cases=sorted((c for c in cases if c), key=lambda c: (-c.realized.toordinal(), c.slug)),
        pages=sorted((p for p in pages if p), key=lambda p: (p.nav_order is None, p.nav_order or 0, p.slug)),
    )
    for case in catalogue.cases:
        if case.challenge is not None:
            case.challenge.cases.append(case)
    linked = {str(d.record.values["challenge"]) for d in by_kind["cases"] if "challenge" in d.record.values}
    rules.check_realized_have_cases(by_kind["challenges"], linked, report)
    return catalogue


def _host(url: str) -> str | None:
    return urlsplit(url).hostname


def _site(record: Record, settings: Settings, report: Report, path: str) -> Site | None:
    v = record.values
    ok = True
    timezone = v["timezone"]
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        report.error(path, record.line_of("timezone"), "timezone_unknown", value=timezone)
        ok = False
    code = v.get("municipality_code")
    if code is not None and not _valid_municipality_code(code):
        report.error(path, record.line_of("municipality_code"), "municipality_code_invalid", value=code)
        ok = False
    if not ok:
        return None
    desk = v["desk"]
    base_url = settings.base_url or v["base_url"]
    return Site(
        title=v["title"],
        description=v["description"],
        base_url=base_url if base_url.endswith("/") else base_url + "/",
        base_path=urls.base_path(base_url),
        language=v["language"],
        timezone=timezone,
        organization=v["organization"],
        municipality_code=code,
        prefecture=v.get("prefecture"),
        license=v.get("license"),
        desk=Desk(
            desk["name"],
            desk.get("department"),
            Contact(desk["name"], desk.get("email"), desk.get("phone")),
            desk.get("proposal_url"),
        ),
        channels={k: Channel(k, c["name"], c.get("url")) for k, c in v.get("channels", {}).items()},
        allow_html=v["allow_html"],
    )


def _valid_municipality_code(code: str) -> bool:
    """Six digits whose last is the check digit of 全国地方公共団体コード."""
    if not _MUNICIPALITY_CODE.fullmatch(code):
        return False
    total = sum(int(d) * w for d, w in zip(code[:5], (6, 5, 4, 3, 2), strict=True))
    return (11 - total % 11) % 10 == int(code[5])


def _department(key: str, record: Record) -> Department:
    v = record.values
    return Department(
        key, v["name"], v.get("division"), Contact(v["name"], v.get("email"), v.get("phone"), v.get("url"))
    )


class _References:
    """Resolves keys to objects, reporting unknown ones with the closest match."""

    def __init__(self, report: Report, departments: dict, categories: dict, channels: dict) -> None:
        self.report = report
        self.tables: dict[str, tuple[dict[str, Any], str]] = {
            "departments": (departments, "departments.yaml"),
            "categories": (categories, "categories.yaml"),
            "channels": (channels, "site.yaml channels"),
        }

    def one(self, doc: Document, field: str, table: str) -> Any:
        key = doc.record.values.get(field)
        return None if key is None else self._resolve(doc, field, key, table)

    def many(self, doc: Document, field: str, table: str) -> list[Any]:
        found = []
        for index, key in enumerate(doc.record.values.get(field, [])):
            item = self._resolve(doc, f"{field}[{index}]", key, table)
            if item is not None:
                found.append(item)
        return found

    def _resolve(self, doc: Document, path: str, key: str, table: str) -> Any:
        entries, where = self.tables[table]
        if key in entries:
            return entries[key]
        report_unknown(self.report, doc, path, key, list(entries), where)
        return None


def report_unknown(report: Report, doc: Document, path: str, key: str, choices: list[str], where: str) -> None:
    line = doc.record.line_of(path)
    guess = difflib.get_close_matches(key, choices, n=1)
    if guess:
        report.error(
            doc.source.name, line, "ref_unknown_suggest", field=path, value=key, where=where, suggestion=guess[0]
        )
    else:
        shown = ", ".join(sorted(choices)[:12]) + (" …" if len(choices) > 12 else "")
        report.error(doc.source.name, line, "ref_unknown", field=path, value=key, where=where, choices=shown or "—")


def _body(doc: Document, bodies: Mapping[str, Rendered], report: Report) -> str:
    rendered = bodies[doc.source.name]
    for problem in rendered.problems:
        report.error(doc.source.name, problem.line, problem.code, **problem.args)
    return rendered.html


def _file(doc: Document, path_field: str, relative: str, title: str, report: Report) -> File | None:
    """A file named relative to the document; it must exist inside the content folder."""
    folder = doc.source.path.parent
    source = (folder / relative).resolve()
    content = folder.parent
    line = doc.record.line_of(path_field)
    if not inside(source, content):
        report.error(doc.source.name, line, "path_outside", value=relative)
        return None
    if not source.is_file():
        report.error(doc.source.name, line, "file_missing", value=relative)
        return None
    return File(source, source.name, source.stat().st_size, title, path_field)


def _check_file_names(doc: Document, files: list[File | None], report: Report) -> None:
    """Files are copied next to the page's index.html: names must not collide."""
    seen: dict[str, Path] = {}
    for file in files:
        if file is None:
            continue
        if file.filename == "index.html" or seen.get(file.filename, file.source) != file.source:
            report.error(doc.source.name, doc.record.line_of(file.field), "file_name_clash", value=file.filename)
        seen[file.filename] = file.source


def _challenge(
    doc: Document, refs: _References, bodies: Mapping[str, Rendered], today: datetime.date, report: Report
) -> Challenge | None:
    v = doc.record.values
    before = len(report.errors)
    department = refs.one(doc, "department", "departments")
    categories = refs.many(doc, "categories", "categories")
    channels = refs.many(doc, "channels", "channels")
    body = _body(doc, bodies, report)
    if not doc.valid:
        return None
    image = _image(doc, report)
    attachments = [
        _file(doc, f"attachments[{i}].path", a["path"], a["title"], report)
        for i, a in enumerate(v.get("attachments", []))
    ]
    _check_file_names(doc, [image, *attachments], report)
    history = [HistoryEntry(h["date"], h["status"], h.get("note")) for h in v.get("history", [])]
    rules.check_challenge(doc, history, today, report)
    if len(report.errors) > before:
        return None
    override = v.get("contact", {})
    contact = Contact(
        override.get("name", department.contact.name),
        override.get("email", department.contact.email),
        override.get("phone", department.contact.phone),
        override.get("url", department.contact.url),
    )
    return Challenge(
        slug=doc.source.slug,
        source=doc.source.name,
        title=v["title"],
        summary=v["summary"],
        department=department,
        status=v["status"],
        categories=categories,
        sdgs=sorted(set(v.get("sdgs", []))),
        published=v["published"],
        deadline=v.get("deadline"),
        updated=v.get("updated"),
        proposal_type=v["proposal_type"],
        partner_types=v.get("partner_types", []),
        city_offers=v.get("city_offers", []),
        cost_model=v.get("cost_model"),
        budget_yen=v.get("budget_yen"),
        proposals=v.get("proposals"),
        meetings=v.get("meetings"),
        history=history,
        channels=channels,
        contact=contact,
        image=image,
        attachments=[a for a in attachments if a],
        tags=v.get("tags", []),
        draft=v["draft"],
        body_html=body,
        today=today,
    )


def _image(doc: Document, report: Report) -> File | None:
    image = doc.record.values.get("image")
    return _file(doc, "image.path", image["path"], image["alt"], report) if image else None


def _case(
    doc: Document,
    refs: _References,
    bodies: Mapping[str, Rendered],
    challenges: dict[str, Challenge],
    discovered: set[str],
    drafts: set[str],
    report: Report,
) -> Case | None:
    v = doc.record.values
    before = len(report.errors)
    department = refs.one(doc, "department", "departments")
    categories = refs.many(doc, "categories", "categories")
    challenge = None
    if "challenge" in v:
        slug = v["challenge"]
        challenge = challenges.get(slug)
        if slug in drafts:
            report.error(doc.source.name, doc.record.line_of("challenge"), "ref_draft", value=slug)
        elif slug not in discovered:  # a challenge with errors of its own is reported at its file
            report_unknown(report, doc, "challenge", slug, sorted(discovered - drafts), "content/challenges/")
    body = _body(doc, bodies, report)
    if not doc.valid:
        return None
    image = _image(doc, report)
    rules.check_case(doc, report)
    if len(report.errors) > before:
        return None
    agreement = v.get("agreement", {})
    return Case(
        slug=doc.source.slug,
        source=doc.source.name,
        title=v["title"],
        summary=v["summary"],
        challenge=challenge,
        partners=[Partner(p["name"], p.get("url"), p.get("type")) for p in v["partners"]],
        department=department,
        form=v.get("form"),
        agreement_date=agreement.get("date"),
        agreement_title=agreement.get("title"),
        started=v.get("started"),
        realized=v["realized"],
        outcome=v.get("outcome"),
        categories=categories,
        sdgs=sorted(set(v.get("sdgs", []))),
        published=v["published"],
        updated=v.get("updated"),
        image=image,
        tags=v.get("tags", []),
        draft=v["draft"],
        body_html=body,
    )


def _page(doc: Document, bodies: Mapping[str, Rendered], report: Report) -> Page | None:
    v = doc.record.values
    if doc.source.slug in urls.RESERVED_SLUGS:
        report.error(doc.source.name, 1, "page_slug_reserved", slug=doc.source.slug)
        return None
    before = len(report.errors)
    body = _body(doc, bodies, report)
    if not doc.valid or len(report.errors) > before:
        return None
    return Page(doc.source.slug, doc.source.name, v["title"], v.get("description"), v.get("nav_order"), body)
