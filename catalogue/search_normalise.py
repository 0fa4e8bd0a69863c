"""Search text: normalisation and terms, the same in Python (the index) and static/js/search.js (queries).

Both sides take the same steps, checked by the shared vectors in tests/search_vectors.json:

1. Unicode NFKC (ＳＤＧｓ → SDGs, ﾃﾞｼﾞﾀﾙ → デジタル, CO₂ → CO2), then lower case.
2. A long-vowel mark ending a katakana word is dropped (センサー → センサ): offices write both.
3. Katakana → hiragana (ゴミ → ごみ).
4. An iteration mark repeats the character before it (人々 → 人人, いすゞ → いすず).
5. The variant table (content/search-variants.yaml) gives each variant its canonical
   spelling (プラスティック → プラスチック). A query is rewritten; a page keeps its own
   words and is also indexed under the canonical ones.

Terms: a run of Japanese characters gives its bigrams and its single characters other than
kana (so a one-kanji query works); a run of letters and digits gives its prefixes up to
PREFIX_LENGTH (so `co` finds CO2).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable
from operator import add

PREFIX_LENGTH = 12
# Character classes after normalisation; static/js/search.js declares the same ranges.
JAPANESE = (
    "\u3005-\u3007\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
)
WORD = "0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u0370-\u03ff\u0400-\u04ff"

# Kana and marks are not indexed alone: a one-kana query says too little to search for.
_NOT_ALONE = frozenset(" \u30fc\u30fd\u30fe").union(map(chr, range(0x3041, 0x30A0)))
_RUN = re.compile(f"([{JAPANESE}]+)|[{WORD}]+")
_RUNS = re.compile(f"[{JAPANESE}]+|[{WORD}]+")
_LONG_VOWEL = re.compile("([\u30a1-\u30fa])\u30fc+(?![\u30a1-\u30fc])")
_KATAKANA = re.compile("[\u30a1-\u30f6\u30fd\u30fe]+")
_TO_HIRAGANA = {code: code - 0x60 for code in [*range(0x30A1, 0x30F7), 0x30FD, 0x30FE]}
_MARK = re.compile("[\u3005\u303b\u309d\u309e]")
_ITERATION = re.compile(f"([{JAPANESE}])([\u3005\u303b\u309d\u309e])")
# Voiced forms for ゞ: か→が … ち→ぢ, つ→づ, て→で, と→ど, は→ば … ほ→ぼ, う→ゔ.
_VOICED = {chr(c): chr(c + 1) for c in [*range(0x304B, 0x3062, 2), 0x3064, 0x3066, 0x3068, *range(0x306F, 0x307E, 3)]}
_VOICED["う"] = "ゔ"
# Full-width ASCII is most of what NFKC changes in Japanese text; mapping it first lets the
# quick check skip the full normalisation for most texts (the result is the same).
_FULL_WIDTH = re.compile("[\uff01-\uff5e]+")
_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def fold(text: str) -> str:
    """Steps 1–4: the form of a text that does not depend on how it was spelt."""
    text = _FULL_WIDTH.sub(lambda m: m[0].translate(_TO_ASCII), text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _LONG_VOWEL.sub(r"\1", text.lower())
    text = _KATAKANA.sub(lambda m: m[0].translate(_TO_HIRAGANA), text)
    return _ITERATION.sub(_repeat, text) if _MARK.search(text) else text


def _repeat(match: re.Match[str]) -> str:
    char, mark = match.groups()
    return char + (_VOICED.get(char, char) if mark == "\u309e" else char)


class Variants:
    """The variant table, folded: each variant and the canonical spelling it stands for."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()) -> None:
        folded = [(fold(variant), fold(canonical)) for variant, canonical in pairs]
        # A canonical spelling stands for itself, so that a variant inside it (マイクロプラ in
        # マイクロプラスチック) is not rewritten there.
        table = {canonical: canonical for _, canonical in folded} | dict(folded)
        # Longest first, so that the alternation takes the longest spelling at each position, as in JavaScript.
        self.pairs = sorted(((v, c) for v, c in table.items() if v), key=lambda p: (-len(p[0]), p[0]))
        if all(v == c for v, c in self.pairs):  # nothing to rewrite
            self.pairs = []
        self._table = dict(self.pairs)
        self.spans_lines = any("\n" in variant for variant, _ in self.pairs)  # a spelling on several lines
        self._pattern = re.compile("|".join(map(re.escape, self._table))) if self.pairs else None

    def rewrite(self, folded: str) -> str:
        """Step 5 for a query: every variant replaced by its canonical spelling."""
        if self._pattern is None:
            return folded
        return self._pattern.sub(lambda m: self._table[m[0]], folded)

    def canonicals(self, folded: str) -> list[str]:
        """Step 5 for a page: the canonical spellings of the variants its text contains."""
        if self._pattern is None:
            return []
        return [canonical for found in self._pattern.findall(folded) if (canonical := self._table[found]) != found]


def normalise(text: str, variants: Variants) -> str:
    """A query as the index reads it."""
    return variants.rewrite(fold(text))


class RunTerms(dict[str, frozenset[str]]):
    """The terms of each run (of Japanese characters, or of letters and digits) met more than once.

    Headings, department names and stock phrases repeat from page to page, so an indexer that
    keeps one of these cuts each into terms once, and every page then holds the same term
    objects (interned: sets and dicts compare them at once). A run met for the first time is
    only noted, so that text that does not repeat costs little more than without. It forgets
    everything after LIMIT runs, so that its memory stays bounded whatever the text (some 20 MB).
    """

    LIMIT = 20_000

    def __init__(self) -> None:
        super().__init__()
        self.met: set[str] = set()  # runs met once

    def __missing__(self, run: str) -> Iterable[str]:
        if run not in self.met:
            if len(self.met) >= self.LIMIT:
                self.met.clear()
            self.met.add(run)
            return _run_terms(run)
        if len(self) >= self.LIMIT:
            self.clear()
        interned = self[run] = frozenset(map(sys.intern, _run_terms(run)))
        return interned


def _run_terms(run: str) -> list[str]:
    """A run's terms: its prefixes if it is a word, else its bigrams and characters other than kana."""
    if run < "\u3000":  # letters and digits (WORD) all come before Japanese (JAPANESE): a word
        return [run[:length] for length in range(1, min(len(run), PREFIX_LENGTH) + 1)]
    return [*frozenset(run).difference(_NOT_ALONE), *map(add, run, run[1:])]


def terms(folded: str, runs: RunTerms | None = None) -> set[str]:
    """Every term a folded text is indexed under; `runs` remembers the terms of runs seen before."""
    runs = RunTerms() if runs is None else runs
    return set().union(*map(runs.__getitem__, set(_RUNS.findall(folded))))


def query_runs(query: str, variants: Variants) -> list[tuple[str, list[str]]]:
    """The runs of a query, each with the terms a page must have to match it.

    Every run must match: `高齢者 見守り` and `CO2削減` are two runs each. Queries are run by
    search.js (queryRuns); this is the reference the tests hold it to.
    """
    runs = []
    for match in _RUN.finditer(normalise(query, variants)):
        run = match[0]
        if not match[1]:
            needed = [run[:PREFIX_LENGTH]]
        elif len(run) > 1:
            needed = list(dict.fromkeys(map(add, run, run[1:])))
        elif run not in _NOT_ALONE:
            needed = [run]
        else:
            continue
        if (run, needed) not in runs:
            runs.append((run, needed))
    return runs


def term_hash(term: str) -> int:
    """FNV-1a over the code points: which shard holds a term (search.js computes the same)."""
    value = 0x811C9DC5
    for char in term:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value
