"""The build, top to bottom: discover → load and validate → model → render → write."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue import urls
from catalogue.assemble import Settings, assemble
from catalogue.assets import collect_assets
from catalogue.diagnostics import Report
from catalogue.discover import discover
from catalogue.linkcheck import LinkChecker
from catalogue.load import load_data, load_document
from catalogue.model import Catalogue
from catalogue.output import Staging
from catalogue.pages import plan
from catalogue.publish import build_time, extra_files, origin, report_broken
from catalogue.render import Renderer, TemplateProblem, report_template_problem
from catalogue.search_index import search_files
from catalogue.search_variants import Variants, load_variants
from catalogue.sitemap import entry, latest_change


@dataclass(frozen=True)
class Options:
    project: Path
    content: Path
    templates: Path
    static: Path
    out: Path
    base_url: str | None = None
    drafts: bool = False
    today: datetime.date | None = None
    strict: bool = False


def load_catalogue(options: Options, report: Report) -> Catalogue | None:
    """Everything up to the model; None when the data files are unusable."""
    return _load(options, report)[0]


def _load(options: Options, report: Report) -> tuple[Catalogue | None, Variants]:
    """The model and the search variant table, each file read and checked once."""
    sources = discover(options.content, options.project, report)
    data = load_data(sources.data, report)
    documents = [doc for source in sources.documents if (doc := load_document(source, report))]
    variants = load_variants(options.content, options.project, report)
    if data is None:
        return None, variants
    settings = Settings(options.base_url, options.today, options.drafts)
    discovered = {source.slug for source in sources.documents if source.kind == "challenges"}
    return assemble(data, documents, discovered, settings, report), variants


def build_site(
    options: Options, report: Report, progress: Callable[[int, int], None] | None = None
) -> tuple[Catalogue | None, int | None]:
    """Build into a staging folder and swap it in; `progress(done, total)` follows the pages.

    Returns the catalogue (if it loaded) and the number of files written
    (None when the build failed and the previous output was kept). The
    output folder is checked by the caller (`output.check_output`) first.
    """
    catalogue, variants = _load(options, report)
    if catalogue is None or report.failed(strict=options.strict):
        return catalogue, None
    assets = collect_assets(options.static)
    renderer = Renderer(options.templates, catalogue, assets)
    staging = Staging(options.out)
    # Links are checked on every build, from the pages as they are rendered; a broken one fails the build.
    links = LinkChecker(catalogue.site.base_url, raw_html=catalogue.site.allow_html)
    latest = latest_change(catalogue)
    in_sitemap = []
    try:
        specs = list(plan(catalogue, renderer.t))
        for done, spec in enumerate(specs, 1):
            path, html = urls.output_file(spec.path), renderer.render(spec)
            staging.write(path, html)
            links.scan(path, html, **origin(spec))
            if (page := entry(spec, latest)) is not None:
                in_sitemap.append(page)
            if progress is not None:
                progress(done, len(specs))
        built = build_time(catalogue, os.environ.get("SOURCE_DATE_EPOCH"))
        for path, data in extra_files(catalogue, in_sitemap, built):
            staging.write(path, data)
            if path.endswith(".xml") and isinstance(data, str):
                links.scan(path, data)
        for path, text in search_files(catalogue, variants, renderer.t):
            staging.write(path, text)
        for asset in assets.values():
            staging.copy(asset.source, asset.output)
        _copy_files(catalogue, staging)
        broken = links.broken(staging.written, lambda path: (staging.root / path).read_text(encoding="utf-8"))
    except TemplateProblem as problem:
        report_template_problem(problem, options.templates, options.project, report)
        staging.discard()
        return catalogue, None
    except BaseException:
        staging.discard()
        raise
    if broken:
        report_broken(broken, catalogue.site.base_path, options.templates, options.project, report)
        staging.discard()
        return catalogue, None
    staging.commit()
    return catalogue, staging.count


def _copy_files(catalogue: Catalogue, staging: Staging) -> None:
    """Images and attachments go next to the page that shows them."""
    for challenge in catalogue.challenges:
        files = [challenge.image, *challenge.attachments]
        for file in {f.filename: f for f in files if f}.values():
            staging.copy(file.source, urls.challenge(challenge.slug) + file.filename)
    for case in catalogue.cases:
        if case.image:
            staging.copy(case.image.source, urls.case(case.slug) + case.image.filename)
