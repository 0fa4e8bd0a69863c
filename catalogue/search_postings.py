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

A term on many pages may have its fields apart, by chunk of documents (search_masks).
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
from itertools import repeat
from operator import add, sub

from catalogue.search_normalise import RunTerms, Variants, fold, terms

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


class _Codes(dict[int, str]):
    """The code of each number n, varint(n - less), worked out once."""

    def __init__(self, less: int) -> None:
        self.less = less

    def __missing__(self, number: int) -> str:
        code = self[number] = varint(number - self.less)
        return code


_GAP_CODES = _Codes(less=1)  # the code of each gap g: varint(g - 1)
_ONE_GAP = bytes(1) + ALPHABET[:32].encode() + bytes(256 - 33)  # the code of a gap g below 33; 0 for others
_DIGITS = bytes.maketrans(bytes(range(64)), ALPHABET.encode())
_HIGH_MASK = bytes.maketrans(bytes(range(MASKS)), bytes(range(0, 8 * MASKS, 8)))
_UINT32 = next(code for code in "IL" if array(code).itemsize == 4)
_BIG_ENDIAN = sys.byteorder == "big"
_GAP_BITS = {ord(ALPHABET[gap - 1]): "0" * (gap - 1) + "1" for gap in range(1, 33)}  # one-character gaps as bits
LONG_VARINT = re.compile(f"([{re.escape(ALPHABET[32:])}]+[{re.escape(ALPHABET[:32])}])")  # a varint of several
BASE64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"  # the standard alphabet
_FROM_BASE64 = str.maketrans(BASE64, ALPHABET)


def index_block(start: int, texts: list[tuple[str, ...]], variants: Variants) -> dict[str, Fragment]:
    """The postings of consecutive documents from number `start`: term → Fragment."""
    seen = Seen()
    return _block(start, (document_terms(document, variants, seen) for document in texts))


class Seen:
    """What indexing with one variant table remembers from one document to the next, since much of their text repeats.

    The terms of meta texts (categories, tags and department repeat from page to page), of body
    lines met more than once (headings, stock sentences), and of runs of characters met more than
    once (search_normalise.RunTerms). Lines are forgotten after LINES, so that memory stays bounded.
    """

    LINES = 5_000

    def __init__(self) -> None:
        self.meta: dict[str, frozenset[str]] = {}
        self.lines: dict[str, frozenset[str]] = {}
        self.lines_met: set[str] = set()  # lines met once
        self.runs = RunTerms()


def document_terms(texts: tuple[str, ...], variants: Variants, seen: Seen) -> list[set[str]]:
    """A document's terms by mask (title 4 | summary 2 | meta 1; 0 for the body only), each term once."""
    title, summary, tags, body = texts
    runs = seen.runs
    if tags not in seen.meta:
        seen.meta[tags] = frozenset(_terms(tags, variants, runs))
    return _by_mask(
        _terms(title, variants, runs),
        _terms(summary, variants, runs),
        seen.meta[tags],
        _body_terms(body, variants, seen),
    )


def _body_terms(body: str, variants: Variants, seen: Seen) -> set[str]:
    """A body's terms: those of its lines (no run or variant spans a line break), remembered for lines met before."""
    if variants.spans_lines:
        return _terms(body, variants, seen.runs)
    lines = body.split("\n")
    known = seen.lines
    new = [line for line in lines if line not in known]
    found = _terms("\n".join(new), variants, seen.runs).union(*[known[line] for line in lines if line in known])
    met = seen.lines_met
    for line in new:
        if line not in met:
            if len(met) >= Seen.LINES:
                met.clear()
            met.add(line)
        elif line not in known:  # met for the second time (the first, in this body)
            if len(known) >= Seen.LINES:
                known.clear()
            known[line] = frozenset(_terms(line, variants, seen.runs))
    return found


def _block(start: int, documents: Iterable[Sequence[Iterable[str]]]) -> dict[str, Fragment]:
    """The postings of consecutive documents from number `start`, given their terms by mask."""
    # The documents of each term, in order, as (number in the block << 8 | mask).
    found_in: defaultdict[str, array] = defaultdict(partial(array, _UINT32))
    for number, classes in enumerate(documents):
        for mask, found in enumerate(classes):
            # The innermost loop of the build, run in C: found_in[term].append(number << 8 | mask) for every term.
            deque(map(array.append, map(found_in.__getitem__, found), repeat(number << 8 | mask)), maxlen=0)
    return {term: _fragment(start, values) for term, values in found_in.items()}


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


def _fragment(start: int, values: array) -> Fragment:
    """A term's fragment from its documents' (number in the block << 8 | mask), in order, in a block from `start`."""
    if _BIG_ENDIAN:
        values.byteswap()
    raw = values.tobytes()  # four bytes a document, the mask first
    # The numbers alone: the three bytes after each mask, and a zero in place of the next document's mask.
    shifted = bytearray(raw[1:] + b"\0")
    shifted[3::4] = bytes(len(values))
    numbers = array(_UINT32, shifted)
    if _BIG_ENDIAN:
        numbers.byteswap()
    return start + numbers[0], start + numbers[-1], _gaps(numbers), raw[0::4]


def _terms(text: str, variants: Variants, runs: RunTerms) -> set[str]:
    folded = fold(text)
    found = terms(folded, runs)
    if canonicals := variants.canonicals(folded):
        found |= terms(" ".join(canonicals), runs)
    return found


def _gaps(numbers: array) -> str:
    return _code(list(map(sub, numbers[1:], numbers)), _GAP_CODES, _ONE_GAP)


def _code(values: list[int], codes: _Codes, short: bytes) -> str:
    """The code of several gaps, as `codes` writes them; `short` writes those of one character, the others as 0."""
    try:
        code = bytes(values).translate(short)
    except ValueError:  # a value past 255
        code = b"\0"
    if b"\0" not in code:  # every value in one character, as in most codes: written all at once
        return code.decode("ascii")
    return "".join(map(codes.__getitem__, values))


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
    return documents + "." + pair_masks(masks)


def pair_masks(masks: bytes) -> str:
    """Masks two a character: the first in the low three bits, the second in the high three."""
    if len(masks) % 2:
        masks += b"\0"
    pairs = bytes(map(add, masks[0::2], masks[1::2].translate(_HIGH_MASK)))
    return pairs.translate(_DIGITS).decode("ascii")


def _bitset(codes: list[str], count: int) -> str:
    """The documents of a gap code, given in pieces, as a bitset: base64 in the index's alphabet."""
    length = -(-count // 24) * 24  # whole base64 groups of three bytes
    bits = int(_bits("".join(codes)).ljust(length, "0"), 2).to_bytes(length // 8, "big")
    return base64.b64encode(bits).decode("ascii").translate(_FROM_BASE64)


def _bits(code: str) -> str:
    """A gap code as a row of 0 and 1 from document 0 to the last with the term: each gap g is g - 1 zeros and a one."""
    # Split at the gaps of several characters (odd pieces), rare in a common term, to write the others all at once.
    pieces = LONG_VARINT.split(code)
    pieces[0::2] = [piece.translate(_GAP_BITS) for piece in pieces[0::2]]
    pieces[1::2] = ["0" * varint_value(piece) + "1" for piece in pieces[1::2]]
    return "".join(pieces)


def varint_value(code: str) -> int:
    """The number a varint stands for."""
    value = 0
    for char in reversed(code):
        value = (value << 5) | (ALPHABET.index(char) & 31)
    return value


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
        self.seen = Seen()
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
            found = tuple(tuple(map(sys.intern, terms)) for terms in document_terms(texts, self.variants, self.seen))
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
