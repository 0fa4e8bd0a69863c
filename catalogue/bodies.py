"""Content files loaded and their Markdown rendered: from the build cache when unchanged, else in parallel.

Both are pure functions of their input — a document of its file's bytes and
name, a rendered body of its text, its first line and the Markdown settings —
so both are cached under a digest of exactly that, with the diagnostics they
raised, which are reported again on every build.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass
from typing import Any

from catalogue import parallel
from catalogue.cache import BuildCache, digest
from catalogue.diagnostics import Diagnostic, Report
from catalogue.discover import Source
from catalogue.load import Document, load_document
from catalogue.markup import MarkdownRenderer, Rendered

_Loaded = tuple[Document | None, list[Diagnostic]]


@dataclass(frozen=True)
class MarkdownSettings:
    """Everything a rendered body depends on besides its text."""

    base_path: str
    host: str | None
    allow_html: bool
    external_label: str


def load_documents(
    sources: Sequence[Source],
    report: Report,
    cache: BuildCache | None,
    jobs: int | None,
    memory: dict[str, Any] | None = None,
) -> list[Document]:
    """Every document that could be read, in the order of `sources`.

    `memory`, kept by a long-running process, holds the last build's documents, so that
    unchanged ones are not even read from the cache.
    """
    raw = [source.path.read_bytes() for source in sources]
    keys = [digest(source.kind, source.name, str(source.path), data) for source, data in zip(sources, raw, strict=True)]

    def load(index: int) -> _Loaded:
        own = Report()
        return load_document(sources[index], own, raw[index]), own.items

    documents = []
    for document, diagnostics in _cached_or_made("document", keys, load, cache, jobs, memory):
        report.items.extend(diagnostics)
        if document is not None:
            documents.append(document)
    return documents


def render_bodies(
    documents: Sequence[Document],
    settings: MarkdownSettings,
    cache: BuildCache | None,
    jobs: int | None,
    memory: dict[str, Any] | None = None,
) -> dict[str, Rendered]:
    """The rendered body of every document, by its source name (`memory` as for load_documents)."""
    config = repr(astuple(settings))
    keys = [digest(config, str(doc.body_line), doc.body) for doc in documents]
    renderer: list[MarkdownRenderer] = []  # made only if a body is not in the cache

    def render(index: int) -> Rendered:
        if not renderer:
            renderer.append(MarkdownRenderer(**vars(settings)))
        return renderer[0].render(documents[index].body, documents[index].body_line)

    bodies = _cached_or_made("markdown", keys, render, cache, jobs, memory)
    return {doc.source.name: body for doc, body in zip(documents, bodies, strict=True)}


def _cached_or_made(
    namespace: str,
    keys: list[str],
    make: Callable[[int], Any],
    cache: BuildCache | None,
    jobs: int | None,
    memory: dict[str, Any] | None,
) -> list[Any]:
    """The value for each key: from `memory`, the cache, else `make(index)`, in worker processes when there
    are many. `memory` is left holding this build's values only.

    A value made for the cache or in a worker is pickled once, where it is made, and those
    bytes are both what comes back and what the cache keeps.
    """
    remembered = {key: memory[key] for key in keys if key in memory} if memory is not None else {}
    wanted = [key for key in keys if key not in remembered]
    cached = {**remembered, **(cache.get_many(namespace, wanted) if cache is not None else {})}
    if cache is not None:
        cache.mark_used(namespace, remembered)  # not read from the cache, but still in use
    missing = [i for i, key in enumerate(keys) if key not in cached]
    processes = parallel.processes(jobs, len(missing))
    pickled = cache is not None or processes > 1

    def task(index: int) -> Any:
        value = make(index)
        return pickle.dumps(value, protocol=5) if pickled else value

    with parallel.ordered(task, missing, processes) as results:
        made = dict(zip((keys[i] for i in missing), results, strict=True))
    if pickled:
        if cache is not None:
            cache.put_pickled(namespace, made)
        made = {key: pickle.loads(value) for key, value in made.items()}
    values = [cached[key] if key in cached else made[key] for key in keys]
    if memory is not None:
        memory.clear()
        memory.update(zip(keys, values, strict=True))
    return values
