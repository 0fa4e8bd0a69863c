"""A common term's field masks apart from its postings, by chunk of documents.

A term on many pages, in a file of its own, may leave its fields out of that file: they can
take more bytes than its documents, and ranking the first results shown seldom needs many of
them. Its postings (search_postings) then end, instead of `.` and the masks, with `!` and one
digit per chunk of documents (MASK_CHUNK numbers: 0 to 8191, 8192 to 16383 …): the largest mask
of the term's documents in that chunk, a bound on their scores. Each chunk whose largest mask
is not 0 has the masks of the term's documents in it, two a character as in the postings, in a
file of its own (search_index), which static/js/search.js fetches when the ranking needs it.
"""

from __future__ import annotations

import base64
from bisect import bisect_left
from itertools import accumulate

from catalogue.search_postings import ALPHABET, BASE64, BITSET, LONG_VARINT, MASKS, pair_masks, varint_value

LAZY = "!"  # separates the documents from the largest of their masks by chunk
MASK_CHUNK = 8192  # documents whose masks of one term share a file
_TO_BASE64 = str.maketrans(ALPHABET, BASE64)
_VALUES = bytes.maketrans(ALPHABET.encode(), bytes(range(64)))
_LOW_MASK = bytes(value & 7 for value in range(256))
_HIGH_OF_PAIR = bytes((value >> 3) & 7 for value in range(256))
_GAP_OF_DIGIT = bytes.maketrans(ALPHABET[:32].encode(), bytes(range(1, 33)))  # a varint of one character, + 1


def split_masks(code: str, chunk: int = MASK_CHUNK) -> tuple[str, list[str]]:
    """A term's postings without their masks, and the masks of each chunk of `chunk` documents.

    The first is the documents, `!` and the largest mask in each chunk (a digit); then for each
    chunk the masks of the term's documents in it, two a character, or "" where all are 0.
    """
    documents, pairs = code.split(".")
    values = pairs.encode().translate(_VALUES)
    masks = bytearray(2 * len(values))
    masks[0::2] = values.translate(_LOW_MASK)
    masks[1::2] = values.translate(_HIGH_OF_PAIR)
    largest, parts, at = [], [], 0
    for found in _chunk_counts(documents, chunk):
        part = bytes(masks[at : at + found])
        at += found
        mask = next((mask for mask in range(MASKS - 1, 0, -1) if mask in part), 0)
        largest.append(ALPHABET[mask])
        parts.append(pair_masks(part) if mask else "")
    return documents + LAZY + "".join(largest), parts


def _chunk_counts(documents: str, chunk: int) -> list[int]:
    """How many of the documents of a postings' first part are in each chunk of `chunk` numbers, to the last."""
    if documents.startswith(BITSET):
        raw = base64.b64decode(documents[1:].translate(_TO_BASE64))
        bits = bin(int.from_bytes(raw, "big") | 1 << len(raw) * 8)[3:].rstrip("0")  # the leading 1 keeps zeros
        return [bits.count("1", start, start + chunk) for start in range(0, len(bits), chunk)]
    # Each document's number + 1, as the running sum of the gaps (the first counted from -1).
    gaps: list[int] = []
    pieces = LONG_VARINT.split(documents)  # gaps of one character, then one of several, and so on
    for short, long in zip(pieces[0::2], [*pieces[1::2], ""], strict=True):
        gaps += short.encode().translate(_GAP_OF_DIGIT)
        if long:
            gaps.append(_LONG_GAPS[long])
    ends = list(accumulate(gaps))
    starts = range(0, ends[-1], chunk)
    return [bisect_left(ends, start + chunk + 1) - bisect_left(ends, start + 1) for start in starts]


class _LongGaps(dict[str, int]):
    """The gap a varint of several characters stands for (its value + 1), worked out once."""

    def __missing__(self, code: str) -> int:
        gap = self[code] = varint_value(code) + 1
        return gap


_LONG_GAPS = _LongGaps()
