"""Content files loaded and their Markdown rendered: from the build cache when unchanged, else in parallel.

Both are pure functions of their input — a document of its file's bytes and
name, a rendered body of its text, its first line and the Markdown settings —
so both are cached under a digest of exactly that, with the diagnostics they
raised, which are reported again on every build.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass

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
    sources: Sequence[Source], report: Report, cache: BuildCache | None, jobs: int | None
) -> list[Document]:
    """Every document that could be read, in the order of `sources`."""
    raw = [source.path.read_bytes() for source in sources]
    keys = [digest(source.kind, source.name, str(source.path), data) for source, data in zip(sources, raw, strict=True)]
    cached: dict[str, _Loaded] = cache.get_many("document", keys) if cache else {}
    missing = [i for i, key in enumerate(keys) if key not in cached]

    def load(index: int) -> _Loaded:
        own = Report()
        return load_document(sources[index], own, raw[index]), own.items

    with parallel.ordered(load, missing, parallel.processes(jobs, len(missing))) as results:
        fresh = dict(zip((keys[i] for i in missing), results, strict=True))
    if cache:
        cache.put_many("document", fresh)
    documents = []
    for key in keys:
        document, diagnostics = cached.get(key) or fresh[key]
        report.items.extend(diagnostics)
        if document is not None:
            documents.append(document)
    return documents


def render_bodies(
    documents: Sequence[Document], settings: MarkdownSettings, cache: BuildCache | None, jobs: int | None
) -> dict[str, Rendered]:
    """The rendered body of every document, by its source name."""
    config = repr(astuple(settings))
    keys = [digest(config, str(doc.body_line), doc.body) for doc in documents]
    cached: dict[str, Rendered] = cache.get_many("markdown", keys) if cache else {}
    missing = [i for i, key in enumerate(keys) if key not in cached]
    renderer = MarkdownRenderer(**vars(settings)) if missing else None

    def render(index: int) -> Rendered:
        assert renderer is not None
        return renderer.render(documents[index].body, documents[index].body_line)

    with parallel.ordered(render, missing, parallel.processes(jobs, len(missing))) as results:
        fresh = dict(zip((keys[i] for i in missing), results, strict=True))
    if cache:
        cache.put_many("markdown", fresh)
    return {doc.source.name: cached.get(key) or fresh[key] for doc, key in zip(documents, keys, strict=True)}
