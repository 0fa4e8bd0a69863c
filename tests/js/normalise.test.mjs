// The query side of tests/search_vectors.json: static/js/search.js must normalise and split
// queries exactly as catalogue/search_normalise.py does for the index.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { Variants, decodePostings, fillMasks, fold, normalise, queryRuns, termHash } from "../../static/js/search.js";

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

test("a bitset's masks come by chunk, bounded by the chunk's largest until then", () => {
  for (const { chunk, documents, code, masks } of vectors.lazy) {
    const postings = decodePostings(code, chunk);
    assert.deepEqual(Array.from(postings.docs), documents.map(([number]) => number), code);
    const largest = Array.from(code.split("!")[1], (digit) => Number(digit));
    documents.forEach(([number, mask], i) => {
      const bound = largest[Math.floor(number / chunk)];
      assert.ok(mask <= bound, code);
      assert.equal(postings.masks[i], (bound << 1) | 1, code);
      assert.equal(postings.exact[i], bound === 0 ? 1 : 0, code);
    });
    masks.forEach((part, k) => {
      if (part) fillMasks(postings, k, part);
    });
    assert.deepEqual(Array.from(postings.masks), documents.map(([, mask]) => (mask << 1) | 1), code);
    assert.ok(postings.exact.every((known) => known === 1), code);
    assert.equal(postings.pending.size, 0, code);
  }
});
