"""Search postings: however documents are indexed (in blocks, with remembered runs and lines), the text is the same."""

from __future__ import annotations

import base64
import random

import pytest

from catalogue.search_masks import LAZY, split_masks
from catalogue.search_normalise import RunTerms, Variants, fold, terms
from catalogue.search_postings import ALPHABET, BITSET, Postings, Seen, _block, document_terms, encode_postings

TERMS = ["活用", "空き", "見守", "co2", "港"]


def _documents(count: int, seed: int) -> list[list[set[str]]]:
    """Terms by mask for `count` documents: dense and sparse terms, in one field or several, far apart at times."""
    chance = random.Random(seed)
    documents = []
    for number in range(count):
        by_mask: list[set[str]] = [set() for _ in range(8)]
        for rank, term in enumerate(TERMS):
            far = number % 700 < 300  # long stretches without the rarer terms: gaps of several characters
            if chance.random() < (0.9 if rank == 0 else 0.3 if far else 0.02):
                by_mask[chance.choice([0, 0, 0, 1, 2, 4, 6, 7])].add(term)
        documents.append(by_mask)
    return documents


def test_blocks_of_any_size_give_each_terms_postings_as_one_list_would() -> None:
    documents = _documents(2000, seed=3)
    expected = {}
    for term in TERMS:
        found = [(n, m) for n, by_mask in enumerate(documents) for m, field in enumerate(by_mask) if term in field]
        expected[term] = encode_postings(found, len(documents))
    for block in (1, 7, 256, 2000):
        postings = Postings()
        for start in range(0, len(documents), block):
            postings.join(_block(start, documents[start : start + block]))
        assert postings.encoded(len(documents)) == expected


def test_a_bitset_holds_exactly_the_documents_even_after_long_gaps() -> None:
    chance = random.Random(5)
    count = 5000
    numbers = sorted(n for n in range(count) if chance.random() < (0.95 if n % 1000 < 600 else 0.002))
    code = encode_postings([(n, 0) for n in numbers], count)
    assert code.startswith(BITSET)
    text = (
        code[1:]
        .split(".")[0]
        .translate(str.maketrans(ALPHABET, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
    )
    bits = "".join(f"{byte:08b}" for byte in base64.b64decode(text))
    assert [n for n, bit in enumerate(bits) if bit == "1"] == numbers


def test_remembered_runs_give_the_same_terms_and_memory_stays_bounded() -> None:
    texts = [
        "見守りサービス",
        "見守りサービス",
        "高齢者の見守り、CO2削減。",
        "港の活用",
        "高齢者の見守り、ＣＯ２削減。",
    ]
    runs = RunTerms()
    runs.LIMIT = 4
    for text in texts * 3:
        assert terms(fold(text), runs) == terms(fold(text))
        assert len(runs) <= 4 and len(runs.met) <= 4
    assert "見守りさーびす" in runs  # met twice: kept


def test_masks_apart_by_chunk_keep_each_documents_mask() -> None:
    chance = random.Random(7)
    count = 6000
    for density in (0.95, 0.3, 0.002):  # a bitset, gaps of one character, gaps of several
        documents = [(n, chance.choice([0, 0, 1, 2, 4, 6, 7])) for n in range(count) if chance.random() < density]
        code = encode_postings(documents, count)
        for chunk in (7, 512, 4096):
            head, parts = split_masks(code, chunk)
            assert head.split(LAZY)[0] == code.split(".")[0]
            assert len(head.split(LAZY)[1]) == len(parts) == documents[-1][0] // chunk + 1
            for k, part in enumerate(parts):
                expected = [mask for n, mask in documents if n // chunk == k]
                digits = [ALPHABET.index(char) for char in part]
                found = [value for digit in digits for value in (digit & 7, digit >> 3)][: len(expected)]
                assert found == (expected if any(expected) else []), (density, chunk, k)
                assert ALPHABET.index(head.split(LAZY)[1][k]) == max(expected, default=0)


def test_remembered_body_lines_give_the_same_terms_and_memory_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    variants = Variants([("人工知能", "AI")])
    bodies = [
        "## 背景\n人工知能で見守り\nCO2削減",
        "## 背景\n港の活用\n人工知能で見守り",
        "々々\n## 背景\nＣＯ２\n港の活用",
    ]
    monkeypatch.setattr(Seen, "LINES", 3)
    seen = Seen()
    for body in bodies * 3:
        texts = ("題", "概要", "タグ", body)
        assert document_terms(texts, variants, seen) == document_terms(texts, variants, Seen())
        assert len(seen.lines) <= 3 and len(seen.lines_met) <= 3
    assert "## 背景" in seen.lines  # met again: kept
