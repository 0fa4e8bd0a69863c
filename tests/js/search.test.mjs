// Units of the search client that the end-to-end tests (tests/test_search.py) reach only in part.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Variants, decodePostings, highlight, queryRuns, termsToFetch } from "../../static/js/search.js";

test("postings decode to documents and the fields they are in", () => {
  // Documents 0, 1 and 4 (gaps minus one: 0, 0, 2); masks 4 (summary) and 0 (body only), then 1 (meta).
  const { docs, masks } = decodePostings("002.41");
  assert.deepEqual(Array.from(docs), [0, 1, 4]);
  // Every document counts as having the term in its body (bit 1) too.
  assert.deepEqual(Array.from(masks), [8 | 1, 1, 2 | 1]);
});

test("large gaps take several characters", () => {
  // Document 39 is gap 39 = 7 + 32 × 1: digit 7 with the continuation bit (39, "d"), then digit 1.
  assert.deepEqual(Array.from(decodePostings("d1.0").docs), [39]);
});

test("a term on most pages comes as a bitset", () => {
  // Six documents a character, the first in the highest bit: "z" is 61 = 0b111101, documents
  // 0 to 3 and 5; "t" is 55 = 0b110111: 6, 7, 9, 10, 11.
  assert.deepEqual(Array.from(decodePostings("~zt.00000").docs), [0, 1, 2, 3, 5, 6, 7, 9, 10, 11]);
});

test("a common bigram whose characters others cover is not fetched", () => {
  const terms = ["すま", "まー", "ーと", "とふ"];
  const entries = ["0", [1, 9000], [2, 500], [3, 300]];
  assert.deepEqual(termsToFetch(terms, entries), ["すま", "とふ", "ーと"]);
});

test("common bigrams are chosen by size per character they add", () => {
  // ーぷ and ぷん (one file) cover ー, ぷ, ん at 800 and おー adds お; then んで would add で
  // at 3000, but the file of でー and ーた adds で and た at 3300: んで is left out.
  const terms = ["おー", "ーぷ", "ぷん", "んで", "でー", "ーた"];
  const entries = [[1, 1100], [2, 800], [2, 800], [3, 3000], [4, 3300], [4, 3300]];
  assert.deepEqual(termsToFetch(terms, entries), ["ーぷ", "ぷん", "おー", "でー", "ーた"]);
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
