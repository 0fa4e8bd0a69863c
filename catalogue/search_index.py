"""The search index: a pure function of the catalogue, written as small static files under search/.

    search/index.json        manifest: version, shard count, variants, texts (fetched first)
    search/t/<n>.json        terms hashed into shards: term → postings, or → [number, size] of its own file
    search/c/<n>.txt         the postings of one common term
    search/c/<n>/<k>.txt     for a term on many pages, its masks in chunk k of the documents
    search/d/<k>/<id>.json   what one result shows (loaded only for results on screen)
    search/facets.json       facet values of every document (loaded once)

Documents are numbered in tie-break order (search_documents.ordered), so equal scores keep
open challenges first. The postings format is described in search_postings and search_masks.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator
from functools import cache

from catalogue import urls
from catalogue.model import Catalogue
from catalogue.schema import SDG_GOALS, STATUSES
from catalogue.search_documents import DEADLINES, KINDS, Facets, Translate, entries
from catalogue.search_masks import MASK_CHUNK, split_masks
from catalogue.search_normalise import Variants, term_hash
from catalogue.search_postings import ALPHABET, BLOCK, Indexer

ROOT = urls.search()
SHARD_CHARACTERS = 600  # postings per shard file, on average, before compression
COMMON_CHARACTERS = 200  # a term with more postings than this gets a file of its own
LAZY_MASKS = 1000  # a common term with more characters of masks than this has them apart, by chunk
BUCKET = 1000  # display files per folder
# Texts search.js shows; each is a key of messages.UI.
CLIENT_TEXTS = (
    "search.status.results",
    "search.status.filtered",
    "search.status.near",
    "search.status.none",
    "search.status.prompt",
    "search.more",
    "search.in_body",
    "search.kind.case",
    "field.department",
    "field.deadline",
    "field.realized",
    "closing_soon",
    "count",
)


def search_files(
    catalogue: Catalogue,
    variants: Variants,
    t: Translate,
    workers: int | None = None,
    block: int = BLOCK,
    memo: dict | None = None,
) -> Iterator[tuple[str, str]]:
    """Every file of the search index, as (path under the site root, text).

    Documents are indexed `block` at a time; with more than one block, `workers` more processes
    (default: one per CPU beyond the first, at most three) help. A `memo`, a dict the caller keeps
    from build to build (the preview server, say), remembers each document's terms, so that
    after an edit only the documents that changed are read again (see search_postings.Indexer).
    The files are the same either way.
    """
    paused = gc.isenabled()
    gc.disable()  # millions of short-lived sets and no cycles: collections would only cost time
    indexer = Indexer(variants, workers, block, memo)
    try:
        yield from _files(catalogue, variants, t, indexer)
    finally:
        indexer.stop()
        if paused:
            gc.enable()


def _files(catalogue: Catalogue, variants: Variants, t: Translate, indexer: Indexer) -> Iterator[tuple[str, str]]:
    version = hashlib.sha256()
    columns: list[Facets] = []
    for number, entry in enumerate(entries(catalogue, t)):
        indexer.add(entry.texts)
        columns.append(entry.facets)
        text = _json(entry.display)
        version.update(text.encode())
        yield f"{ROOT}d/{number // BUCKET}/{number}.json", text
    postings = indexer.close()
    encoded = postings.encoded(len(columns))
    # Common terms get files of their own; terms found on exactly the same pages (見守 and 守り) share one.
    # Their shard entry is [file number, size], so that the client can leave out a costly one it can spare
    # (the size of that file alone: masks apart by chunk are fetched only as ranking needs them).
    files: dict[str, list[int]] = {}
    common: dict[str, list[int]] = {}
    paths: list[tuple[str, str]] = []
    for term in _common(encoded):
        code = encoded.pop(term)
        if code not in files:
            own = _common_files(len(files), code)
            files[code] = [len(files), len(own[0][1])]
            paths += own
        common[term] = files[code]
    shards = shard_count(sum(map(len, encoded.values())))
    paths += _shards(encoded, common, shards)
    paths.append(("facets.json", _json(_facets(catalogue, columns))))
    for path, text in paths:
        version.update(text.encode())
        yield ROOT + path, text
    manifest = _manifest(columns, shards, variants, t, version.hexdigest()[:12])
    yield ROOT + "index.json", _json(manifest)


def _common(encoded: dict[str, str]) -> list[str]:
    return sorted(term for term, found in encoded.items() if len(found) > COMMON_CHARACTERS)


def _common_files(number: int, code: str) -> list[tuple[str, str]]:
    """The file of a common term's postings; with many masks, those of the masks apart, by chunk of documents."""
    if len(code) - code.index(".") <= LAZY_MASKS:
        return [(f"c/{number}.txt", code)]
    head, chunks = split_masks(code, MASK_CHUNK)
    return [(f"c/{number}.txt", head)] + [(f"c/{number}/{k}.txt", masks) for k, masks in enumerate(chunks) if masks]


def _shards(encoded: dict[str, str], common: dict[str, list[int]], count: int) -> list[tuple[str, str]]:
    """Terms spread over `count` files by hash, with their postings or where to find them."""
    shards: list[dict[str, str | list[int]]] = [{} for _ in range(count)]
    for term, found in [*encoded.items(), *common.items()]:
        shards[term_hash(term) % count][term] = found
    return [(f"t/{number}.json", _json(shard)) for number, shard in enumerate(shards)]


def shard_count(characters: int) -> int:
    """A power of two, so that shards average SHARD_CHARACTERS at most."""
    count = 1
    while count * SHARD_CHARACTERS < characters:
        count *= 2
    return count


def _facets(catalogue: Catalogue, columns: list[Facets]) -> dict[str, object]:
    """Facet columns: fixed-width numbers for one value per document, count-prefixed lists for several."""
    keys = {
        "kind": list(KINDS),
        "status": list(STATUSES),
        "department": list(catalogue.departments),
        "category": list(catalogue.categories),
        "sdgs": [str(g) for g in SDG_GOALS],
        "deadline": list(DEADLINES),
    }
    single = {"kind": "kind", "status": "status", "department": "department", "deadline": "deadline"}
    multiple = {"category": "categories", "sdgs": "sdgs"}
    out: dict[str, object] = {"n": len(columns)}
    for name, attribute in single.items():
        width = _width(len(keys[name]) + 1)
        data = "".join(_fixed(getattr(c, attribute), width) for c in columns)
        out[name] = {"keys": keys[name], "w": width, "data": data}
    for name, attribute in multiple.items():
        width = _width(len(keys[name]))
        data = "".join(
            _fixed(len(values), 1) + "".join(_fixed(v, width) for v in values)
            for values in (getattr(c, attribute) for c in columns)
        )
        out[name] = {"keys": keys[name], "w": width, "data": data, "multi": 1}
    return out


def _width(values: int) -> int:
    width = 1
    while 64**width < values:
        width += 1
    return width


@cache  # the same few values for every document
def _fixed(value: int, width: int) -> str:
    return "".join(ALPHABET[(value >> (6 * i)) & 63] for i in reversed(range(width)))


def _manifest(columns: list[Facets], shards: int, variants: Variants, t: Translate, version: str) -> dict[str, object]:
    return {
        "v": version,
        "n": len(columns),
        "shards": shards,
        "bucket": BUCKET,
        "chunk": MASK_CHUNK,
        "cases": _span([c.kind == KINDS.index("case") for c in columns]),
        "withdrawn": _span([c.status == STATUSES.index("withdrawn") for c in columns]),
        "variants": variants.pairs,
        "text": {key: t(key) for key in CLIENT_TEXTS},
        "status": {s: t(f"status.{s}") for s in STATUSES},
    }


def _span(flags: list[bool]) -> list[int]:
    """The first and one-past-last number of a contiguous group of documents."""
    numbers = [i for i, flag in enumerate(flags) if flag]
    return [numbers[0], numbers[-1] + 1] if numbers else [0, 0]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
