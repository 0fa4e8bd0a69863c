"""The build, top to bottom: discover → load and validate → model → render → write."""

from __future__ import annotations

import dataclasses
import datetime
import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalogue import freshness, urls
from catalogue.assemble import Settings, assemble, markdown_settings, site_of
from catalogue.assets import collect_assets
from catalogue.bodies import Memory, load_content
from catalogue.cache import BuildCache, digest, generator_version
from catalogue.diagnostics import Report
from catalogue.discover import discover
from catalogue.fingerprint import Fingerprints
from catalogue.linkcheck import LinkChecker
from catalogue.load import load_data
from catalogue.manifest import Group, Manifest
from catalogue.model import Catalogue
from catalogue.output import Staging
from catalogue.page_writer import write_pages
from catalogue.pages import PageSpec, plan
from catalogue.publish import build_time, extra_files, report_broken
from catalogue.render import Renderer, TemplateProblem, report_template_problem
from catalogue.search_index import search_files
from catalogue.search_variants import Variants, load_variants
from catalogue.sitemap import entry, latest_change
from catalogue.timings import Timings


@dataclass(frozen=True)
class Options:
    """`jobs`: worker processes (None: one per processor when the site is big enough).
    `cache`: the folder of the persistent build cache (None: build everything afresh)."""

    project: Path
    content: Path
    templates: Path
    static: Path
    out: Path
    base_url: str | None = None
    drafts: bool = False
    today: datetime.date | None = None
    strict: bool = False
    jobs: int | None = None
    cache: Path | None = None


@dataclass
class Session:
    """What a long-running process (the preview) keeps in memory from one build to the next:
    each document's search terms, and the last build's loaded documents and rendered bodies.

    With `search_later`, a build that changes the search index or the data files (feeds,
    open data, sitemap) keeps the previous ones instead, if there are any, and sets
    `search_pending`: the preview shows the changed pages first and builds again for
    the rest straight after.
    """

    search_memo: dict[str, Any] = field(default_factory=dict)
    documents: dict[str, Any] = field(default_factory=dict)
    bodies: dict[str, Any] = field(default_factory=dict)
    search_later: bool = False
    search_pending: bool = False


def load_catalogue(options: Options, report: Report) -> Catalogue | None:
    """Everything up to the model; None when the data files are unusable."""
    return _load(options, report, None)[0]


def _load(
    options: Options,
    report: Report,
    cache: BuildCache | None,
    timings: Timings | None = None,
    session: Session | None = None,
) -> tuple[Catalogue | None, Variants]:
    """The model and the search variant table, each file read and checked once."""
    timings = timings or Timings()
    with timings.stage("load"):
        sources = discover(options.content, options.project, report)
        data = load_data(sources.data, report)
        settings = Settings(options.base_url, options.today, options.drafts)
        # The site settings come first, as the Markdown settings depend on them; their diagnostics
        # still follow the documents'.
        site_report = Report()
        site = site_of(data, settings, site_report) if data is not None else None
        memory = Memory(session.documents, session.bodies) if session is not None else None
        markdown = markdown_settings(site) if site is not None else None
        content = load_content(sources.documents, markdown, report, cache, options.jobs, memory)
        variants = load_variants(options.content, options.project, report)
        report.items.extend(site_report.items)
    timings.move("load", "markdown", content.markdown_seconds)
    if data is None or site is None:
        return None, variants
    with timings.stage("model"):
        discovered = {source.slug for source in sources.documents if source.kind == "challenges"}
        return assemble(site, data, content.documents, content.bodies, discovered, settings, report), variants


def build_site(
    options: Options,
    report: Report,
    progress: Callable[[int, int], None] | None = None,
    timings: Timings | None = None,
    session: Session | None = None,
) -> tuple[Catalogue | None, int | None]:
    """Build into a staging folder and swap it in; `progress(done, total)` follows the pages.

    Returns the catalogue (if it loaded; not when nothing changed since the
    last build into the folder, which is then not loaded again) and the number
    of files written (None when the build failed and the previous output was
    kept). The output folder is checked by the caller (`output.check_output`) first.
    """
    cache = BuildCache(options.cache) if options.cache is not None else None
    timings = timings or Timings()
    catalogue, written = None, None
    collecting = gc.isenabled()
    # The collector would walk the growing catalogue again and again (about 2 s of a 10,000-item
    # build) to find cycles the build does not make; workers keep theirs (parallel.ordered).
    gc.disable()
    try:
        if cache is not None:
            namespace = "last:" + digest(str(options.out.resolve()))
            settings = repr(dataclasses.replace(options, jobs=None))  # the number of processes changes nothing
            folders = [options.content, options.templates, options.static]
            signature = freshness.signature(settings, options.content, folders, options.today)
            last = freshness.unchanged(cache, namespace, options.out, signature)
            if last is not None:  # nothing changed since the last build into this folder
                report.items.extend(last.diagnostics)
                if progress is not None:
                    progress(last.pages, last.pages)
                return None, len(last.files)
        catalogue, variants = _load(options, report, cache, timings, session)
        if catalogue is not None and not report.failed(strict=options.strict):
            result = _write(options, catalogue, variants, report, cache, progress, timings, session)
            if result is not None:
                written, pages = result
                complete = session is None or not session.search_pending  # else the search index is still to come
                if cache is not None and complete:
                    freshness.record(cache, namespace, options.out, signature, report.items, pages)
    finally:
        if cache is not None:
            cache.finish(prune=written is not None)
        if collecting:
            gc.enable()
    return catalogue, written


def _write(
    options: Options,
    catalogue: Catalogue,
    variants: Variants,
    report: Report,
    cache: BuildCache | None,
    progress: Callable[[int, int], None] | None,
    timings: Timings,
    session: Session | None,
) -> tuple[int, int] | None:
    """Pages, data files, search index, assets and files, checked for broken links, then swapped in.

    Returns the number of files and of pages written, or None when the build failed.
    """
    assets = collect_assets(options.static)
    compiled = options.cache / "templates" if options.cache is not None else None
    renderer = Renderer(options.templates, catalogue, assets, compiled)
    staging = Staging(options.out)
    manifest = Manifest(cache, staging)
    prints = Fingerprints()
    # Links are checked on every build, from the pages as they are rendered; a broken one fails the build.
    links = LinkChecker(catalogue.site.base_url, raw_html=catalogue.site.allow_html)
    try:
        with timings.stage("plan"):
            specs = list(plan(catalogue, renderer.t))
            groups = _groups(catalogue, variants, specs, renderer, prints, links, cache is not None, session)
        later = frozenset({"group:search", "group:data"} if session is not None and session.search_later else ())
        feed_links, postponed = write_pages(
            specs, groups, renderer, options.templates, manifest, prints, links, options.jobs, progress, timings, later
        )
        with timings.stage("files"):
            for asset in assets.values():
                staging.copy(asset.source, asset.output)
            _copy_files(catalogue, staging)
        with timings.stage("links"):
            for path, found_links in feed_links:
                links.add(path, found_links)
            broken = links.broken(staging.written, staging.read_text)
    except TemplateProblem as problem:
        report_template_problem(problem, options.templates, options.project, report)
        staging.discard()
        return None
    except BaseException:
        staging.discard()
        raise
    if broken:
        report_broken(broken, catalogue.site.base_path, options.templates, options.project, report)
        staging.discard()
        return None
    with timings.stage("commit"):
        staging.commit()
        manifest.commit()
    if session is not None:
        session.search_pending = bool(postponed)
    return staging.count, len(specs)


def _groups(
    catalogue: Catalogue,
    variants: Variants,
    specs: list[PageSpec],
    renderer: Renderer,
    prints: Fingerprints,
    links: LinkChecker,
    cached: bool,
    session: Session | None,
) -> list[Group]:
    """The data files (feeds, open data, sitemap, robots.txt) and the search index, with their fingerprints."""
    latest = latest_change(catalogue)
    in_sitemap = [page for spec in specs if (page := entry(spec, latest)) is not None]
    built = build_time(catalogue, os.environ.get("SOURCE_DATE_EPOCH"))
    whole = prints.of([generator_version(), catalogue]) if cached else ""
    # The preview keeps each document's search terms from build to build; a worker could not.
    memo = session.search_memo if session is not None else None
    return [
        Group(
            "group:search",
            "search",
            digest(whole, prints.of(variants)) if cached else "",
            lambda: search_files(catalogue, variants, renderer.t, workers=0, memo=memo),
        ),
        Group(
            "group:data",
            "data",
            digest(whole, prints.of([in_sitemap, built])) if cached else "",
            lambda: extra_files(catalogue, in_sitemap, built),
            lambda path, data: links.extract(path, data) if isinstance(data, str) and path.endswith(".xml") else None,
        ),
    ]


def _copy_files(catalogue: Catalogue, staging: Staging) -> None:
    """Images and attachments go next to the page that shows them."""
    for challenge in catalogue.challenges:
        files = [challenge.image, *challenge.attachments]
        for file in {f.filename: f for f in files if f}.values():
            staging.copy(file.source, urls.challenge(challenge.slug) + file.filename)
    for case in catalogue.cases:
        if case.image:
            staging.copy(case.image.source, urls.case(case.slug) + case.image.filename)
