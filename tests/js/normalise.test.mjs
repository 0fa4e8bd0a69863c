// The query side of tests/search_vectors.json: static/js/search.js must normalise and split
// queries exactly as catalogue/search_normalise.py does for the index.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Variants, decodePostings, fold, normalise, queryRuns, termHash } from "../../static/js/search.js";

const vectors = JSON.parse(readFileSync(new URL("../search_vectors.json", import.meta.url), "utf8"));
const variants = new Variants(vectors.variants.folded);

test("fold matches the shared vectors", () => {
  for (const [input, expected] of vectors.fold) assert.equal(fold(input), expected, input);
});

test("variants rewrite a query to the canonical spelling", () => {
  for (const [input, expected] of vectors.normalise) assert.equal(normalise(input, variants), expected, input);
});

test("a query splits into the same runs and terms", () => {
  for (const [query, expected] of vectors.runs) {
    const runs = queryRuns(query, variants).map(({ run, terms }) => [run, terms]);
    assert.deepEqual(runs, expected, query);
  }
});

test("terms hash to the same shard", () => {
  for (const [term, expected] of vectors.hash) assert.equal(termHash(term), expected, term);
});

test("postings decode to the documents and fields they were encoded from", () => {
  for (const { documents, code } of vectors.postings) {
    const { docs, masks } = decodePostings(code);
    assert.deepEqual(Array.from(docs), documents.map(([number]) => number), code);
    // The client's field bits: title 8, summary 4, meta 2, and body 1 for every document.
    assert.deepEqual(Array.from(masks), documents.map(([, mask]) => (mask << 1) | 1), code);
  }
});
