"""Postings: for every term, the numbers of the documents that have it, and in which fields, as text.

A term's postings are two parts separated by `.`:

- the documents: the gaps between document numbers, minus one, as varints of five bits per
  character from a 64-character alphabet (the upper half of the alphabet says that more
  characters follow); or, for a term on about a third of the pages or more (活用, でー), where
  that gzips smaller, `~` and a bitset: base64 in the same alphabet, the first document in the
  highest bit;
- the fields, one character for each two documents in the order above: the first document's
  mask in the low three bits, the second's in the high three, where a mask is title 4 |
  summary 2 | meta 1, and 0 says the term is in the body only.

static/js/search.js decodes them.

Documents are indexed a block at a time, and a block's postings are encoded at once, so
memory stays bounded. With several blocks and CPUs the blocks go to worker processes; the
result is the same text either way.
"""

from __future__ import annotations

import base64
import hashlib
import multiprocessing
import os
import re
import string
import sys
from array import array
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import accumulate, repeat
from operator import add, sub

from catalogue.search_normalise import Variants, fold, terms

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
BITSET = "~"
BLOCK = 4096  # documents indexed together
MASKS = 8  # title 4 | summary 2 | meta 1; 0 for the body only
Fragment = tuple[int, int, str, bytes]  # first and last document, the code of the gaps after the first, the masks


def varint(value: int) -> str:
    out = []
    while value >= 32:
        out.append(ALPHABET[32 | (value & 31)])
        value >>= 5
    out.append(ALPHABET[value])
    return "".join(out)


_GAP_CODES = ["", *map(varint, range(BLOCK))]  # the code of each gap g within a block: varint(g - 1)
_SHORT_GAPS = bytes.maketrans(bytes(range(1, 33)), ALPHABET[:32].encode())
_DIGITS = bytes.maketrans(bytes(range(64)), ALPHABET.encode())
_HIGH_MASK = bytes.maketrans(bytes(range(MASKS)), bytes(range(0, 8 * MASKS, 8)))
_BINARY = bytes.maketrans(b"\0\1", b"01")
_FROM_BASE64 = str.maketrans(string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/", ALPHABET)


def index_block(start: int, texts: list[tuple[str, ...]], variants: Variants) -> dict[str, Fragment]:
    """The postings of consecutive documents from number `start`: term → Fragment."""
    meta: dict[str, frozenset[str]] = {}
    return _block(start, (document_terms(document, variants, meta) for document in texts))


def document_terms(texts: tuple[str, ...], variants: Variants, meta: dict[str, frozenset[str]]) -> list[set[str]]:
    """A document's terms by mask (title 4 | summary 2 | meta 1; 0 for the body only), each term once.

    `meta` keeps the terms of meta texts seen before: categories, tags and department repeat from page to page.
    """
    title, summary, tags, body = texts
    if tags not in meta:
        meta[tags] = frozenset(_terms(tags, variants))
    return _by_mask(_terms(title, variants), _terms(summary, variants), meta[tags], _terms(body, variants))


def _block(start: int, documents: Iterable[Sequence[Iterable[str]]]) -> dict[str, Fragment]:
    """The postings of consecutive documents from number `start`, given their terms by mask."""
    # The documents of each term, by mask; most are in the body only (mask 0).
    by_mask: list[defaultdict[str, array]] = [defaultdict(partial(array, "I")) for _ in range(MASKS)]
    for number, classes in enumerate(documents, start):
        for field, found in zip(by_mask, classes, strict=True):
            # The innermost loop of the build, run in C: field[term].append(number) for every term.
            deque(map(array.append, map(field.__getitem__, found), repeat(number)), maxlen=0)
    return {term: _fragment(term, by_mask) for term in set().union(*by_mask)}


def _by_mask(title: set[str], summary: set[str], meta: frozenset[str], body: set[str]) -> list[set[str]]:
    """A document's terms by mask: each term once, with the head fields it is in."""
    body -= title.union(summary, meta)
    both = title & summary
    title -= both
    summary -= both
    return [
        body,
        meta - both - title - summary,
        summary - meta,
        summary & meta,
        title - meta,
        title & meta,
        both - meta,
        both & meta,
    ]


def _fragment(term: str, by_mask: list[defaultdict[str, array]]) -> Fragment:
    found = [(mask, numbers) for mask, field in enumerate(by_mask) if (numbers := field.get(term))]
    if len(found) == 1:  # the usual case: every document has the term in the same fields (often the body only)
        mask, numbers = found[0]
        return numbers[0], numbers[-1], _gaps(numbers), bytes([mask]) * len(numbers)
    masks: dict[int, int] = {}
    for mask, numbers in found:
        masks.update(zip(numbers, repeat(mask)))
    numbers = array("I", sorted(masks))
    return numbers[0], numbers[-1], _gaps(numbers), bytes(map(masks.__getitem__, numbers))


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
        self._terms: dict[str, tuple[int, list[str], list[bytes]]] = {}

    def join(self, fragments: dict[str, Fragment]) -> None:
        for term, (first, last, code, masks) in fragments.items():
            previous, codes, mask_parts = self._terms.get(term, (-1, [], []))
            codes += (varint(first - previous - 1), code)
            mask_parts.append(masks)
            self._terms[term] = (last, codes, mask_parts)

    def encoded(self, count: int) -> dict[str, str]:
        """Every term's postings, in term order, for `count` documents in all."""
        return {term: _encode(*self._terms[term][1:], count) for term in sorted(self._terms)}


def _encode(codes: list[str], mask_parts: list[bytes], count: int) -> str:
    gaps = "".join(codes)
    masks = b"".join(mask_parts)
    # A bitset gzips better than gaps for a term on a third of the pages or more.
    documents = BITSET + _bitset(codes, count) if count // 3 < len(gaps) else gaps
    if len(masks) % 2:
        masks += b"\0"
    pairs = bytes(map(add, masks[0::2], masks[1::2].translate(_HIGH_MASK)))
    return documents + "." + pairs.translate(_DIGITS).decode("ascii")


def _bitset(codes: list[str], count: int) -> str:
    """The documents of a gap code, given in pieces, as a bitset: base64 in the index's alphabet."""
    length = -(-count // 24) * 24  # whole base64 groups of three bytes
    flags = bytearray(length)
    deque(map(flags.__setitem__, _numbers(codes), repeat(1)), maxlen=0)
    bits = int(flags.translate(_BINARY), 2).to_bytes(length // 8, "big")
    return base64.b64encode(bits).decode("ascii").translate(_FROM_BASE64)


def _numbers(codes: list[str]) -> list[int]:
    """The document numbers of a gap code, given in pieces."""
    gaps: list[int] = []
    for code in codes:
        if _LONG_GAP.search(code):
            gaps += map(_GAPS.__getitem__, _VARINT.findall(code))
        else:  # one character a gap, as in most pieces of a common term's code: faster
            gaps += code.encode("ascii").translate(_SHORT_GAP_VALUES)
    return list(accumulate(gaps, initial=-1))[1:]


class _Gaps(dict[str, int]):
    """The gap each varint stands for: its value plus one; those past a block's length are worked out."""

    def __missing__(self, code: str) -> int:
        value = 0
        for char in reversed(code):
            value = (value << 5) | (ALPHABET.index(char) & 31)
        return value + 1


_GAPS = _Gaps({code: gap for gap, code in enumerate(_GAP_CODES) if gap})
_LONG_GAP = re.compile(f"[{re.escape(ALPHABET[32:])}]")
_SHORT_GAP_VALUES = bytes.maketrans(ALPHABET[:32].encode(), bytes(range(1, 33)))
_VARINT = re.compile(f"[{re.escape(ALPHABET[32:])}]*[{re.escape(ALPHABET[:32])}]")


class Indexer:
    """Indexes documents added one by one, a block at a time; `close` gives the postings.

    With more than one block, up to `workers` worker processes index blocks while this
    process indexes others; results are joined in document order, with at most a few
    blocks waiting, so memory stays bounded.

    With a `memo` (a dict kept between builds in one process), each document's terms are
    remembered by a digest of its texts and the variant table, so that a build after a few
    edits finds the terms of unchanged documents there instead of working them out again; the
    memo then holds the documents of this build only. Documents are indexed in this process.
    """

    def __init__(
        self, variants: Variants, workers: int | None = None, block: int = BLOCK, memo: dict | None = None
    ) -> None:
        self.variants = variants
        self.workers = min((os.cpu_count() or 1) - 1, 3) if workers is None else workers
        self.block = block
        self.postings = Postings()
        self.pending: list = []  # texts, or with a memo, terms by mask
        self.start = 0
        self.pool: ProcessPoolExecutor | None = None
        self.queue: deque[Future[dict[str, Fragment]] | dict[str, Fragment]] = deque()
        self.memo = memo
        self.remembered: dict[bytes, tuple[tuple[str, ...], ...]] = {}
        self.meta: dict[str, frozenset[str]] = {}
        self.variant_digest = hashlib.blake2b(repr(variants.pairs).encode(), digest_size=16)

    def add(self, texts: tuple[str, ...]) -> None:
        self.pending.append(texts if self.memo is None else self._terms(texts))
        if len(self.pending) == self.block:
            self._send()

    def _terms(self, texts: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
        assert self.memo is not None
        digest = self.variant_digest.copy()
        digest.update("\0".join(texts).encode())
        key = digest.digest()
        found = self.remembered.get(key) or self.memo.get(key)
        if found is None:
            # Interned, so that the memo holds each term once, however many documents have it.
            found = tuple(tuple(map(sys.intern, terms)) for terms in document_terms(texts, self.variants, self.meta))
        self.remembered[key] = found
        return found

    def _send(self) -> None:
        block, self.pending = self.pending, []
        if self.memo is not None:
            self.queue.append(_block(self.start, block))
            self.start += len(block)
            self._join(waiting=0)
            return
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
        if self.memo is not None:  # what this build used, and nothing else
            self.memo.clear()
            self.memo.update(self.remembered)
        return self.postings

    def stop(self) -> None:
        """Stop the workers, if any, without waiting for them (after an error, for one)."""
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def encode_postings(documents: list[tuple[int, int]], count: int) -> str:
    """One term's postings from its (document number, mask) pairs in order; for the shared test vectors."""
    numbers = array("I", [number for number, _ in documents])
    postings = Postings()
    postings.join({"": (numbers[0], numbers[-1], _gaps(numbers), bytes(mask for _, mask in documents))})
    return postings.encoded(count)[""]
