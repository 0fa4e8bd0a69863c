"""Content files loaded and their Markdown rendered: from the build cache when unchanged, else in parallel.

A document is a pure function of its file's bytes and name, and its rendered
body of the same plus the Markdown settings, so both are cached under a digest
of exactly that, with the diagnostics they raised, which are reported again on
every build. The digests are known before anything is loaded, so a document is
loaded only when it or its body is missing; its body is then rendered by the
same worker, straight after, so that a cold build makes one pass over the
content, and the Markdown source does not come back: the build needs the body
rendered, never its source.
"""

from __future__ import annotations

import dataclasses
import itertools
import pickle
import time
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
_BATCH = 1000  # values handed to the cache at once
_RUN = 32  # documents given to a worker at once


@dataclass(frozen=True)
class MarkdownSettings:
    """Everything a rendered body depends on besides its text."""

    base_path: str
    host: str | None
    allow_html: bool
    external_label: str


@dataclass
class Content:
    """The documents that could be read, in the order of their sources, and their rendered bodies by source
    name (none without Markdown settings); `markdown_seconds`: the share of the wall time spent rendering."""

    documents: list[Document]
    bodies: dict[str, Rendered]
    markdown_seconds: float


@dataclass
class Memory:
    """What a long-running process keeps from its last build, by cache key, so that unchanged documents
    and bodies are not even read from the cache."""

    documents: dict[str, Any]
    bodies: dict[str, Any]


def load_content(
    sources: Sequence[Source],
    settings: MarkdownSettings | None,
    report: Report,
    cache: BuildCache | None,
    jobs: int | None,
    memory: Memory | None = None,
) -> Content:
    """Load every document and, given `settings`, render its body; diagnostics go to `report` in source order.

    The documents come without their Markdown source (`body` is empty).
    """
    raw = [source.path.read_bytes() for source in sources]
    keys = [digest(source.kind, source.name, str(source.path), data) for source, data in zip(sources, raw, strict=True)]
    config = repr(astuple(settings)) if settings is not None else None
    body_keys = [digest(config, key) if config is not None else "" for key in keys]
    renderers: list[MarkdownRenderer] = []  # one per process, made when a body is first rendered there

    def render(document: Document) -> Rendered:
        if not renderers:
            assert settings is not None
            renderers.append(MarkdownRenderer(**vars(settings)))
        return renderers[0].render(document.body, document.body_line)

    def load(indexes: list[int]) -> list[tuple[_Loaded, tuple[str, Rendered, float] | None]]:
        loaded = []
        for index in indexes:
            own = Report()
            loaded.append((load_document(sources[index], own, raw[index]), own.items))
        # The bodies after all the run's documents: loading and rendering by turns costs a tenth more.
        start = time.perf_counter()
        bodies = [render(document) if document is not None and settings is not None else None for document, _ in loaded]
        share = (time.perf_counter() - start) / len(indexes)
        return [
            (
                (document and dataclasses.replace(document, body=""), diagnostics),
                (body_keys[index], body, share) if body is not None else None,
            )
            for index, (document, diagnostics), body in zip(indexes, loaded, bodies, strict=True)
        ]

    known = _known("document", keys, cache, memory.documents if memory else None)
    readable = {key for key, (document, _) in known.items() if document is not None}
    wanted = [body_key for key, body_key in zip(keys, body_keys, strict=True) if key in readable]
    known_bodies = _known("markdown", wanted, cache, memory.bodies if memory else None) if config is not None else {}
    # A document whose body is missing is loaded again, to render it.
    missing = [
        i
        for i, key in enumerate(keys)
        if key not in known or (config is not None and key in readable and body_keys[i] not in known_bodies)
    ]
    processes = parallel.processes(jobs, len(missing))
    # Once the workers have the files' bytes, this process needs them no more.
    made, bodies_made, seconds = _made("document", keys, missing, load, processes, cache, forked=raw.clear)
    loaded = [made[key] if key in made else known[key] for key in keys]
    documents = []
    for document, diagnostics in loaded:
        report.items.extend(diagnostics)
        if document is not None:
            documents.append(document)
    bodies = {**known_bodies, **bodies_made}
    used = [key for key, (document, _) in zip(body_keys, loaded, strict=True) if document is not None]
    if memory is not None:
        _remember(memory.documents, keys, loaded)
        if config is not None:
            _remember(memory.bodies, used, [bodies[key] for key in used])
    if config is None:
        return Content(documents, {}, 0.0)
    by_name = {doc.source.name: bodies[key] for doc, key in zip(documents, used, strict=True)}
    return Content(documents, by_name, seconds / max(processes, 1))


def _known(namespace: str, keys: list[str], cache: BuildCache | None, memory: dict[str, Any] | None) -> dict[str, Any]:
    """The values of `keys` in `memory`, else in the cache."""
    remembered = {key: memory[key] for key in keys if key in memory} if memory is not None else {}
    if cache is None:
        return remembered
    cache.mark_used(namespace, remembered)  # not read from the cache, but still in use
    return {**remembered, **cache.get_many(namespace, [key for key in keys if key not in remembered])}


def _made(
    namespace: str,
    keys: list[str],
    missing: list[int],
    make: Callable[[list[int]], list[tuple[Any, tuple[str, Any, float] | None]]],
    processes: int,
    cache: BuildCache | None,
    forked: Callable[[], None] = lambda: None,
) -> tuple[dict[str, Any], dict[str, Any], float]:
    """`make(indexes)` for the indexes in `missing`, a run of `_RUN` at a time, in `processes` processes:
    each value by its key, and the bodies made on the side, by their own key, with the seconds
    spent on them. `forked` is called once worker processes have their copy of what `make`
    reads (this process may then drop it).

    A value made for the cache or in a worker is pickled once, where it is made, and those bytes
    are both what comes back and what the cache keeps; they are unpickled as they arrive, and
    stored a batch at a time, so that they do not pile up in memory.
    """
    pickled = cache is not None or processes > 1

    def task(indexes: list[int]) -> list[tuple[Any, tuple[str, Any, float] | None]]:
        made = make(indexes)
        if not pickled:
            return made
        return [
            (pickle.dumps(value, protocol=5), side and (side[0], pickle.dumps(side[1], protocol=5), side[2]))
            for value, side in made
        ]

    values: dict[str, Any] = {}
    sides: dict[str, Any] = {}
    store = _Store(cache)
    seconds = 0.0
    runs = [missing[start : start + _RUN] for start in range(0, len(missing), _RUN)]
    # This process takes the results and stores them; what it made itself would stay in its memory, between
    # what it keeps, and be copied into the page workers later (about 180 MB more at 50,000 documents).
    with parallel.ordered(task, runs, processes, helping=False) as results:
        if processes > 1:
            forked()
        for index, (value, side) in zip(missing, itertools.chain.from_iterable(results), strict=True):
            if pickled:
                store.add(namespace, keys[index], value)
                value = pickle.loads(value)
            values[keys[index]] = value
            if side is not None:
                side_key, side_value, side_seconds = side
                if pickled:
                    store.add("markdown", side_key, side_value)
                    side_value = pickle.loads(side_value)
                sides[side_key] = side_value
                seconds += side_seconds
    store.flush()
    return values, sides, seconds


class _Store:
    """Pickled values on their way into the cache, handed over `_BATCH` at a time."""

    def __init__(self, cache: BuildCache | None) -> None:
        self.cache = cache
        self.batches: dict[str, dict[str, bytes]] = {}

    def add(self, namespace: str, key: str, value: bytes) -> None:
        if self.cache is None:
            return
        batch = self.batches.setdefault(namespace, {})
        batch[key] = value
        if len(batch) == _BATCH:
            self.cache.put_pickled(namespace, self.batches.pop(namespace))

    def flush(self) -> None:
        if self.cache is not None:
            for namespace, batch in self.batches.items():
                self.cache.put_pickled(namespace, batch)
        self.batches.clear()


def _remember(memory: dict[str, Any], keys: list[str], values: list[Any]) -> None:
    memory.clear()
    memory.update(zip(keys, values, strict=True))
