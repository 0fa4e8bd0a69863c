"""Write every page: keep the previous file where its fingerprint is unchanged, render the rest in parallel.

A page's fingerprint covers its template context, what every page shares
(the templates, the site settings, the assets, what templates read from the
catalogue directly) and the generator's version. The previous build's
fingerprints, file sizes and times and each page's links are kept in the
build cache under the output folder, so an unchanged page is neither
rendered nor scanned again: its file is hard-linked from the previous output.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from catalogue import parallel, urls
from catalogue.cache import digest, generator_version
from catalogue.fingerprint import Fingerprints
from catalogue.linkcheck import LinkChecker, PageLinks
from catalogue.manifest import Entry, Manifest, OutputFile
from catalogue.pages import PageSpec
from catalogue.publish import origin
from catalogue.render import Renderer, TemplateProblem
from catalogue.timings import Timings

_CATALOGUE_ATTRIBUTE = re.compile(r"\bcatalogue\.(\w+)")


class _Failed(tuple):
    """A template problem met in a worker, carried back as plain values."""


def write_pages(
    specs: Sequence[PageSpec],
    renderer: Renderer,
    templates: Path,
    manifest: Manifest,
    prints: Fingerprints,
    links: LinkChecker,
    jobs: int | None,
    progress: Callable[[int, int], None] | None = None,
    meanwhile: Callable[[], None] = lambda: None,
    timings: Timings | None = None,
) -> None:
    """Write `specs` into the manifest's staging folder, adding their links to `links` in page order.

    `meanwhile` runs in this process while the workers render (the search index, for one).
    """
    staging = manifest.staging
    paths = [urls.output_file(spec.path) for spec in specs]
    for path in paths:
        staging.claim(path)  # two pages with one path fail before any rendering
    timings = timings or Timings()
    with timings.stage("fingerprints"):
        fingerprints = _fingerprints(specs, renderer, templates, prints) if manifest.cache else [""] * len(specs)
        previous = manifest.unchanged(paths, fingerprints)
    if len(previous) > len(specs) // 2:
        staging.update_in_place()
    render = [i for i in range(len(specs)) if i not in previous]

    def task(index: int) -> tuple[os.stat_result, PageLinks] | _Failed:
        spec, path = specs[index], paths[index]
        try:
            html = renderer.render(spec)
        except TemplateProblem as problem:
            return _Failed((problem.name, problem.line, problem.problem))
        return staging.put(path, html), links.extract(path, html, **origin(spec))

    with parallel.ordered(task, render, parallel.processes(jobs, len(render)), chunk=16) as rendered:
        meanwhile()
        with timings.stage("pages"):
            for index, path in enumerate(paths):
                if index in previous:
                    entry = previous[index]
                    manifest.keep(path, entry)
                else:
                    result = next(rendered)
                    if isinstance(result, _Failed):
                        raise TemplateProblem(*result)
                    stat, page_links = result
                    file = OutputFile(path, stat.st_size, stat.st_mtime_ns, "", page_links)
                    entry = Entry(fingerprints[index], (file,))
                    manifest.record(path, entry)
                links.add(path, entry.files[0].links or PageLinks(()))
                if progress is not None:
                    progress(index + 1, len(specs))


def _fingerprints(specs: Sequence[PageSpec], renderer: Renderer, templates: Path, prints: Fingerprints) -> list[str]:
    shared = prints.of(_shared(renderer, templates))
    return [
        digest(shared, prints.of([spec.path, spec.template, spec.title, spec.description, spec.crumbs,
                                   spec.og_type, spec.context]))
        for spec in specs
    ]


def _shared(renderer: Renderer, templates: Path) -> list[Any]:
    """What every page may show besides its own context."""
    files = sorted(p for p in templates.rglob("*") if p.is_file())
    sources = [(p.relative_to(templates).as_posix(), p.read_text(encoding="utf-8")) for p in files]
    read = sorted({name for _, text in sources for name in _CATALOGUE_ATTRIBUTE.findall(text)})
    catalogue = renderer.catalogue
    return [
        generator_version(),
        sources,
        sorted((name, asset.output) for name, asset in renderer.assets.items()),
        catalogue.site,
        catalogue.today,
        [(name, getattr(catalogue, name)) for name in read],
    ]
