"""Postings: for every term, the numbers of the documents that have it, by field, as text.

A term's postings are four lists, one per field (title, summary, meta, body), separated by
`.`. The body list leaves out documents that have the term in another field. Each list is
the gaps between document numbers, minus one, as varints of five bits per character from a
64-character alphabet (the upper half of the alphabet says that more characters follow);
static/js/search.js decodes them.

Documents are indexed a block at a time, and a block's postings are encoded at once, so
memory stays bounded. With several blocks and CPUs the blocks go to worker processes; the
result is the same text either way.
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from collections import defaultdict, deque
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import repeat
from operator import sub

from catalogue.search_normalise import Variants, fold, terms

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
FIELD_COUNT = 4
BLOCK = 4096  # documents indexed together
Fragment = tuple[int, int, str]  # first and last document number, and the code of the gaps after the first


def varint(value: int) -> str:
    out = []
    while value >= 32:
        out.append(ALPHABET[32 | (value & 31)])
        value >>= 5
    out.append(ALPHABET[value])
    return "".join(out)


_GAP_CODES = ["", *map(varint, range(BLOCK))]  # the code of each gap g within a block: varint(g - 1)
_SHORT_GAPS = bytes.maketrans(bytes(range(1, 33)), ALPHABET[:32].encode())


def index_block(start: int, texts: list[tuple[str, ...]], variants: Variants) -> list[dict[str, Fragment]]:
    """The postings of consecutive documents from number `start`: for each field, term → Fragment."""
    fields: list[defaultdict[str, array]] = [defaultdict(partial(array, "I")) for _ in range(FIELD_COUNT)]
    meta: dict[str, frozenset[str]] = {}  # categories, tags and department repeat from page to page
    for number, (title, summary, tags, body) in enumerate(texts, start):
        if tags not in meta:
            meta[tags] = frozenset(_terms(tags, variants))
        found = [_terms(title, variants), _terms(summary, variants), meta[tags], _terms(body, variants)]
        found[3] -= found[0].union(found[1], found[2])
        for field, field_terms in zip(fields, found, strict=True):
            # The innermost loop of the build, run in C: field[term].append(number) for every term.
            deque(map(array.append, map(field.__getitem__, field_terms), repeat(number)), maxlen=0)
    return [{term: (n[0], n[-1], _gaps(n)) for term, n in field.items()} for field in fields]


def _terms(text: str, variants: Variants) -> set[str]:
    folded = fold(text)
    found = terms(folded)
    if canonicals := variants.canonicals(folded):
        found |= terms(" ".join(canonicals))
    return found


def _gaps(numbers: array) -> str:
    gaps = list(map(sub, numbers[1:], numbers))
    if max(gaps, default=0) <= 32:  # one character each, and a faster way to write them
        return bytes(gaps).translate(_SHORT_GAPS).decode("ascii")
    return "".join(map(_GAP_CODES.__getitem__, gaps))


class Postings:
    """Each term's postings, joined from the fragments of successive blocks."""

    def __init__(self) -> None:
        self._fields: list[dict[str, tuple[int, list[str]]]] = [{} for _ in range(FIELD_COUNT)]

    def join(self, fragments: list[dict[str, Fragment]]) -> None:
        for field, block in zip(self._fields, fragments, strict=True):
            for term, (first, last, code) in block.items():
                previous, codes = field.get(term, (-1, []))
                codes += (varint(first - previous - 1), code)
                field[term] = (last, codes)

    def encoded(self) -> dict[str, str]:
        """Every term's postings, in term order."""
        every = sorted(set().union(*self._fields))
        return {term: ".".join("".join(f[term][1]) if term in f else "" for f in self._fields) for term in every}


class Indexer:
    """Indexes documents added one by one, a block at a time; `close` gives the postings.

    With more than one block, up to `workers` worker processes index blocks while this
    process indexes others; results are joined in document order, with at most a few
    blocks waiting, so memory stays bounded.
    """

    def __init__(self, variants: Variants, workers: int | None = None, block: int = BLOCK) -> None:
        self.variants = variants
        self.workers = min((os.cpu_count() or 1) - 1, 3) if workers is None else workers
        self.block = block
        self.postings = Postings()
        self.pending: list[tuple[str, ...]] = []
        self.start = 0
        self.pool: ProcessPoolExecutor | None = None
        self.queue: deque[Future[list[dict[str, Fragment]]] | list[dict[str, Fragment]]] = deque()

    def add(self, texts: tuple[str, ...]) -> None:
        self.pending.append(texts)
        if len(self.pending) == self.block:
            self._send()

    def _send(self) -> None:
        block, self.pending = self.pending, []
        if self.pool is None and self.workers > 0 and len(block) == self.block:
            self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        busy = sum(1 for item in self.queue if isinstance(item, Future) and not item.done())
        # Workers get a block queued behind the one they index, so that they never wait for this process.
        if self.pool is not None and busy < 2 * self.workers:
            self.queue.append(self.pool.submit(index_block, self.start, block, self.variants))
        else:
            self.queue.append(index_block(self.start, block, self.variants))
        self.start += len(block)
        self._join(waiting=2 * self.workers + 1)

    def _join(self, waiting: int) -> None:
        """Join finished blocks in order; wait for the oldest while more than `waiting` remain."""
        while self.queue:
            head = self.queue[0]
            if isinstance(head, Future):
                if not head.done() and len(self.queue) <= waiting:
                    return
                head = head.result()
            self.postings.join(head)
            self.queue.popleft()

    def close(self) -> Postings:
        """Index what is left, wait for the workers, and stop them."""
        try:
            if self.pending:
                self._send()
            self._join(waiting=0)
        finally:
            self.stop()
        return self.postings

    def stop(self) -> None:
        """Stop the workers, if any, without waiting for them (after an error, for one)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None
