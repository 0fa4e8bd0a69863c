"""Search normalisation: the index (Python) and the queries (JavaScript) read text the same way."""

from __future__ import annotations

import json

import pytest

from catalogue.search_masks import split_masks
from catalogue.search_normalise import Variants, fold, normalise, query_runs, term_hash, terms
from catalogue.search_postings import encode_postings
from tests.search_node import JS_TESTS, REPO, run_node

VECTORS = json.loads((REPO / "tests/search_vectors.json").read_text(encoding="utf-8"))
VARIANTS = Variants([tuple(pair) for pair in VECTORS["variants"]["table"]])


def test_variant_table_is_folded_and_longest_first() -> None:
    assert [list(pair) for pair in VARIANTS.pairs] == VECTORS["variants"]["folded"]


@pytest.mark.parametrize(("text", "expected"), VECTORS["fold"])
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(("text", "expected"), VECTORS["normalise"])
def test_variants_rewrite_a_query(text: str, expected: str) -> None:
    assert normalise(text, VARIANTS) == expected


@pytest.mark.parametrize(("query", "expected"), VECTORS["runs"])
def test_query_runs_and_terms(query: str, expected: list) -> None:
    assert [[run, needed] for run, needed in query_runs(query, VARIANTS)] == expected


@pytest.mark.parametrize(("term", "expected"), VECTORS["hash"])
def test_term_hash(term: str, expected: int) -> None:
    assert term_hash(term) == expected


def test_javascript_agrees_with_the_shared_vectors() -> None:
    result = run_node("--test", str(JS_TESTS / "normalise.test.mjs"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_search_client_units() -> None:
    result = run_node("--test", str(JS_TESTS / "search.test.mjs"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "text",
    ["ＳＤＧｓの推進", "ﾃﾞｼﾞﾀﾙ化とセンサー", "人々の暮らし", "CO₂を30%削減", "高齢者の見守り", "港"],
)
def test_a_page_is_indexed_under_every_term_a_query_of_its_own_words_needs(text: str) -> None:
    indexed = terms(fold(text))
    for _, needed in query_runs(text, Variants()):
        assert set(needed) <= indexed


def test_a_page_with_a_variant_is_also_indexed_under_the_canonical_spelling() -> None:
    folded = fold("プラスティック製の容器")
    indexed = terms(folded) | terms(" ".join(VARIANTS.canonicals(folded)))
    for _, needed in query_runs("プラスチック", VARIANTS) + query_runs("プラスティック", VARIANTS):
        assert set(needed) <= indexed
    assert "ぷら" in indexed and "てぃ" in indexed  # its own spelling is kept


@pytest.mark.parametrize("case", VECTORS["postings"], ids=lambda case: case["code"])
def test_postings_encode_as_the_shared_vectors(case: dict) -> None:
    assert encode_postings([tuple(pair) for pair in case["documents"]], case["count"]) == case["code"]


@pytest.mark.parametrize("case", VECTORS["lazy"], ids=lambda case: case["code"])
def test_a_bitsets_masks_split_by_chunk_as_the_shared_vectors(case: dict) -> None:
    code = encode_postings([tuple(pair) for pair in case["documents"]], case["count"])
    assert split_masks(code, case["chunk"]) == (case["code"], case["masks"])
