"""Write every page: keep the previous file where its fingerprint is unchanged, render the rest in parallel.

A page's fingerprint covers its template context, what every page shares
(the templates, the site settings, the assets, what templates read from the
catalogue directly) and the generator's version. The previous build's
fingerprints, file sizes and times and each page's links are kept in the
manifest, so an unchanged page is neither rendered nor scanned again: its file
stays where it is (see output.Staging). The groups of files made together
(search index, data files) go to the same worker processes, first, so that
they are made while the other workers render pages.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from catalogue import parallel, urls
from catalogue.cache import digest, generator_version
from catalogue.fingerprint import Fingerprints
from catalogue.linkcheck import LinkChecker, PageLinks
from catalogue.manifest import Entry, Group, Manifest, OutputFile, make_group, record_group
from catalogue.output import Staging
from catalogue.pages import PageSpec
from catalogue.publish import origin
from catalogue.render import Renderer, TemplateProblem
from catalogue.timings import Timings

_CATALOGUE_ATTRIBUTE = re.compile(r"\bcatalogue\.(\w+)")
_CHUNK = 16  # pages per task sent to a worker


class _Failed(tuple):
    """A template problem met in a worker, carried back as plain values."""


def write_pages(
    specs: Sequence[PageSpec],
    groups: Sequence[Group],
    renderer: Renderer,
    templates: Path,
    manifest: Manifest,
    prints: Fingerprints,
    links: LinkChecker,
    jobs: int | None,
    progress: Callable[[int, int], None] | None = None,
    timings: Timings | None = None,
    later: frozenset[str] = frozenset(),
) -> tuple[list[tuple[str, PageLinks]], set[str]]:
    """Write `specs` and `groups` into the manifest's staging folder, adding the pages' links to `links`
    in page order; returns the links found in the groups' files, and the keys of the groups left for later.

    Changed groups are made first, each by one worker, while the other workers render pages. A
    changed group whose key is in `later` keeps its previous files instead, if they are still there.
    """
    staging = manifest.staging
    timings = timings or Timings()
    paths = [urls.output_file(spec.path) for spec in specs]
    for path in paths:
        staging.claim(path)  # two pages with one path fail before any rendering
    with timings.stage("fingerprints"):
        # Pages the previous build wrote are fingerprinted here, to tell which to keep; new ones by the workers.
        shared = prints.of(_shared(renderer, templates)) if manifest.cache else ""
        known = manifest.entries(paths)
        fingerprints = {i: _fingerprint(specs[i], shared, prints) for i in known}
        previous = manifest.unchanged(known, fingerprints)
        group_entries = manifest.entries([group.key for group in groups])
        kept_groups = manifest.unchanged(group_entries, {i: group.fingerprint for i, group in enumerate(groups)})
    if len(previous) > len(specs) // 2:
        staging.update_in_place()
    postponed = {
        i: entry
        for i, entry in group_entries.items()
        if i not in kept_groups and groups[i].key in later and manifest.intact(*entry.files)
    }
    for index, entry in {**kept_groups, **postponed}.items():
        for file in entry.files:
            staging.claim(file.path)
        manifest.keep(groups[index].key, entry)
    changed = [
        (group, group_entries.get(i)) for i, group in enumerate(groups) if i not in kept_groups and i not in postponed
    ]
    render = [i for i in range(len(specs)) if i not in previous]
    chunks = [render[start : start + _CHUNK] for start in range(0, len(render), _CHUNK)]

    def fingerprint(index: int) -> str:
        if index in fingerprints or not manifest.cache:
            return fingerprints.get(index, "")
        return _fingerprint(specs[index], shared, prints)

    def task(item: int | list[int]) -> Any:
        if isinstance(item, int):  # a group
            group, before = changed[item]
            start = time.perf_counter()
            return make_group(group, before, manifest), time.perf_counter() - start
        return [(_render(specs[i], paths[i], renderer, staging, links), fingerprint(i)) for i in item]

    # A kept group's links are checked again (its targets may have gone); a postponed group's wait for its remaking.
    found = [(file.path, file.links) for entry in kept_groups.values() for file in entry.files if file.links]
    items: list[int | list[int]] = [*range(len(changed)), *chunks]
    with parallel.ordered(task, items, parallel.processes(jobs, len(render))) as results:
        for group, _ in changed:
            made, seconds = next(results)
            timings.seconds[group.stage] = timings.seconds.get(group.stage, 0.0) + seconds
            record_group(manifest, group, made)
            found.extend((file.path, file.links) for file, _ in made if file.links is not None)
        with timings.stage("pages"):
            rendered = (result for chunk in results for result in chunk)
            for index, path in enumerate(paths):
                if index in previous:
                    entry = previous[index]
                    manifest.keep(path, entry)
                else:
                    result, page_fingerprint = next(rendered)
                    if isinstance(result, _Failed):
                        raise TemplateProblem(*result)
                    stat, page_links = result
                    file = OutputFile(path, stat.st_size, stat.st_mtime_ns, "", page_links)
                    entry = Entry(page_fingerprint, (file,))
                    manifest.record(path, entry)
                links.add(path, entry.files[0].links or PageLinks(()))
                if progress is not None:
                    progress(index + 1, len(specs))
    return found, {groups[i].key for i in postponed}


def _render(
    spec: PageSpec, path: str, renderer: Renderer, staging: Staging, links: LinkChecker
) -> tuple[os.stat_result, PageLinks] | _Failed:
    try:
        html = renderer.render(spec)
    except TemplateProblem as problem:
        return _Failed((problem.name, problem.line, problem.problem))
    return staging.put(path, html), links.extract(path, html, **origin(spec))


def _fingerprint(spec: PageSpec, shared: str, prints: Fingerprints) -> str:
    page = [spec.path, spec.template, spec.title, spec.description, spec.crumbs, spec.og_type, spec.context]
    return digest(shared, prints.of(page))


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
