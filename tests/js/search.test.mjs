// Units of the search client that the end-to-end tests (tests/test_search.py) reach only in part.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Variants, decodePostings, highlight, queryRuns, termsToFetch } from "../../static/js/search.js";

test("postings decode to documents and the fields they are in", () => {
  // title: 1; summary: 0; meta: none; body: 0 and 4 (gaps minus one: 0, then 3).
  const { docs, masks } = decodePostings("1.0..03");
  assert.deepEqual(Array.from(docs), [0, 1, 4]);
  // Every document counts as having the term in its body (bit 1) too.
  assert.deepEqual(Array.from(masks), [4 | 1, 8 | 1, 1]);
});

test("large gaps take several characters", () => {
  // Document 39 is gap 39 = 7 + 32 × 1: digit 7 with the continuation bit (39, "d"), then digit 1.
  assert.deepEqual(Array.from(decodePostings("...d1").docs), [39]);
});

test("a common bigram whose characters others cover is not fetched", () => {
  const terms = ["すま", "まー", "ーと", "とふ"];
  const entries = ["0", [1, 9000], [2, 500], [3, 300]];
  assert.deepEqual(termsToFetch(terms, entries), ["すま", "とふ", "ーと"]);
});

test("matches are marked in the text as written", () => {
  const variants = new Variants([["人工知能", "ai"], ["ai", "ai"]]);
  const mark = (text, query) => highlight(text, queryRuns(query, variants), variants).map(([a, b]) => text.slice(a, b));
  assert.deepEqual(mark("ＳＤＧｓの推進", "sdgs"), ["ＳＤＧｓ"]);
  assert.deepEqual(mark("ﾃﾞｼﾞﾀﾙ化を進める", "デジタル"), ["ﾃﾞｼﾞﾀﾙ"]);
  assert.deepEqual(mark("センサーで見守る", "センサ"), ["センサー"]);
  assert.deepEqual(mark("人工知能とAIの活用", "AI"), ["人工知能", "AI"]);
  assert.deepEqual(mark("FAIRな社会", "ai"), []); // letters match at the start of a word only
});
