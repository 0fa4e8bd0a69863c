/**
 * Search for the partnership catalogue: one ES module, no dependencies.
 *
 * The index is built by catalogue/search_index.py; this module normalises a query exactly as
 * catalogue/search_normalise.py normalises page text (tests/search_vectors.json holds the
 * cases both must agree on), fetches only the shards its terms live in, and ranks the
 * matches. On a page with a [data-search] form it runs the search as you type.
 *
 * Exports (used by the Node tests and the benchmark): fold, Variants, normalise, queryRuns,
 * termHash, decodePostings, fillMasks, termsToFetch, SearchIndex, search, highlight.
 */

// ------------------------------------------------------------------ normalisation

const JAPANESE =
  "\u3005-\u3007\u303b\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff" +
  "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}";
const WORD = "0-9a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u0370-\u03ff\u0400-\u04ff";
export const PREFIX_LENGTH = 12;

const RUN = new RegExp(`([${JAPANESE}]+)|[${WORD}]+`, "gu");
const WORD_CHAR = new RegExp(`[${WORD}]`, "u");
// Kana and marks are not indexed alone: a one-kana query says too little to search for.
const NOT_ALONE = /^[\u3041-\u309f\u30fc-\u30fe]$/u;
const LONG_VOWEL = /([\u30a1-\u30fa])\u30fc+(?![\u30a1-\u30fc])/gu;
const KATAKANA = /[\u30a1-\u30f6\u30fd\u30fe]/gu;
const ITERATION = new RegExp(`([${JAPANESE}])([\u3005\u303b\u309d\u309e])`, "gu");
// Marks that combine with the character before them; kept with it when mapping offsets.
const COMBINING = /[\u0300-\u036f\u3099\u309a\uff9e\uff9f]/u;
const VOICED = new Map();
for (const code of [0x304b, 0x304d, 0x304f, 0x3051, 0x3053, 0x3055, 0x3057, 0x3059, 0x305b, 0x305d,
  0x305f, 0x3061, 0x3064, 0x3066, 0x3068, 0x306f, 0x3072, 0x3075, 0x3078, 0x307b]) {
  VOICED.set(String.fromCharCode(code), String.fromCharCode(code + 1));
}
VOICED.set("う", "ゔ");

const toHiragana = (char) => String.fromCharCode(char.charCodeAt(0) - 0x60);
const repeat = (_, char, mark) => char + (mark === "\u309e" ? VOICED.get(char) ?? char : char);

/** Steps 1–4 of catalogue/search_normalise.py: NFKC, lower case, long vowels, kana, iteration marks. */
export function fold(text) {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(LONG_VOWEL, "$1")
    .replace(KATAKANA, toHiragana)
    .replace(ITERATION, repeat);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Step 5: the variant table, as folded (variant, canonical) pairs in the index's order. */
export class Variants {
  constructor(pairs = []) {
    this.table = new Map(pairs);
    this.pattern = pairs.length ? new RegExp(pairs.map(([variant]) => escapeRegExp(variant)).join("|"), "gu") : null;
  }

  rewrite(folded) {
    return this.pattern ? folded.replace(this.pattern, (found) => this.table.get(found)) : folded;
  }
}

export function normalise(text, variants) {
  return variants.rewrite(fold(text));
}

/** The runs of a query, each with the terms a page needs in one field; every run must match. */
export function queryRuns(query, variants) {
  const runs = [];
  const seen = new Set();
  for (const match of normalise(query, variants).matchAll(RUN)) {
    const run = match[0];
    const chars = Array.from(run);
    let terms;
    if (!match[1]) {
      terms = [chars.slice(0, PREFIX_LENGTH).join("")];
    } else if (chars.length > 1) {
      terms = [...new Set(chars.slice(1).map((char, i) => chars[i] + char))];
    } else if (!NOT_ALONE.test(run)) {
      terms = [run];
    } else {
      continue;
    }
    const key = `${run}\n${terms.join(" ")}`;
    if (!seen.has(key)) {
      seen.add(key);
      runs.push({ run, terms, japanese: Boolean(match[1]) });
    }
  }
  return runs;
}

/** FNV-1a over code points, as catalogue/search_normalise.term_hash. */
export function termHash(term) {
  let hash = 0x811c9dc5;
  for (const char of term) {
    hash = Math.imul(hash ^ char.codePointAt(0), 0x01000193) >>> 0;
  }
  return hash;
}

// ------------------------------------------------------------------ postings

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i += 1) DIGIT[ALPHABET.charCodeAt(i)] = i;
const BITSET = "~";
const LAZY = "!";

function decodeGaps(code, end) {
  const numbers = [];
  let previous = -1;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < end; i += 1) {
    const digit = DIGIT[code.charCodeAt(i)];
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
    } else {
      previous += value + 1;
      numbers.push(previous);
      value = 0;
      shift = 0;
    }
  }
  return numbers;
}

function decodeBitset(code, end) {
  const numbers = [];
  for (let i = 1; i < end; i += 1) {
    const digit = DIGIT[code.charCodeAt(i)];
    for (let bit = 0; bit < 6; bit += 1) if (digit & (32 >> bit)) numbers.push((i - 1) * 6 + bit);
  }
  return numbers;
}

/**
 * A term's postings (see catalogue/search_postings.py): document numbers in order, and for each
 * the bits of the fields it is in — title 8, summary 4, meta 2, body 1 (a field's bit is also its
 * weight). Every page counts as having the term in its body too: a page with the term in its title
 * may have it in the body as well, and a run's terms are matched field by field.
 *
 * A bitset with `!` has its masks apart, by chunk of `chunk` documents: until fillMasks gives
 * them, a chunk's documents have its largest mask, a bound, and `exact` 0; `pending` holds the
 * chunks to fetch.
 */
export function decodePostings(code, chunk = 0) {
  const lazy = code.indexOf(LAZY);
  const end = lazy >= 0 ? lazy : code.indexOf(".");
  const docs = Int32Array.from(code[0] === BITSET ? decodeBitset(code, end) : decodeGaps(code, end));
  const masks = new Uint8Array(docs.length);
  const exact = new Uint8Array(docs.length).fill(1);
  if (lazy >= 0) {
    for (let i = 0; i < docs.length; i += 1) {
      const largest = DIGIT[code.charCodeAt(lazy + 1 + Math.floor(docs[i] / chunk))];
      masks[i] = (largest << 1) | 1;
      exact[i] = largest ? 0 : 1;
    }
    const pending = new Set();
    for (let k = 0; lazy + 1 + k < code.length; k += 1) if (code[lazy + 1 + k] !== "0") pending.add(k);
    return { docs, masks, exact, chunk, pending };
  }
  for (let i = 0; i < docs.length; i += 1) {
    const pair = DIGIT[code.charCodeAt(end + 1 + (i >> 1))];
    masks[i] = (((i & 1 ? pair >> 3 : pair) & 7) << 1) | 1;
  }
  return { docs, masks, exact };
}

/** The first index of `docs` (in order) whose number is `doc` or more. */
function lowerBound(docs, doc) {
  let low = 0;
  let high = docs.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (docs[middle] < doc) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Lazy postings (decodePostings) given the masks of chunk `k`: two a character, as in the postings. */
export function fillMasks(postings, k, code) {
  if (!postings.pending.delete(k)) return;
  const { docs, masks, exact, chunk } = postings;
  for (let i = lowerBound(docs, k * chunk), j = 0; i < docs.length && docs[i] < (k + 1) * chunk; i += 1, j += 1) {
    const pair = DIGIT[code.charCodeAt(j >> 1)];
    masks[i] = (((j & 1 ? pair >> 3 : pair) & 7) << 1) | 1;
    exact[i] = 1;
  }
}

/**
 * Documents in both, with the fields both are in (every page counts as having both in its body).
 * With a bound on either mask, the smaller bounds both; an exact body only (1) is exact.
 */
function intersect(a, b) {
  const docs = new Int32Array(Math.min(a.docs.length, b.docs.length));
  const masks = new Uint8Array(docs.length);
  const exact = new Uint8Array(docs.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.docs.length && j < b.docs.length) {
    if (a.docs[i] < b.docs[j]) i += 1;
    else if (b.docs[j] < a.docs[i]) j += 1;
    else {
      docs[n] = a.docs[i];
      const [knownA, knownB] = [a.exact[i], b.exact[j]];
      exact[n] = (knownA && (knownB || a.masks[i] === 1)) || (knownB && b.masks[j] === 1) ? 1 : 0;
      masks[n] = exact[n] ? a.masks[i] & b.masks[j] : Math.min(a.masks[i], b.masks[j]);
      n += 1;
      i += 1;
      j += 1;
    }
  }
  return { docs: docs.subarray(0, n), masks: masks.subarray(0, n), exact: exact.subarray(0, n) };
}

// ------------------------------------------------------------------ the index files

const EMPTY = { docs: new Int32Array(0), masks: new Uint8Array(0), exact: new Uint8Array(0) };

/** The index under `root` (the URL of search/); `load(url)` resolves to a file's text. */
export class SearchIndex {
  constructor(root, load) {
    this.root = root;
    this.load = load;
    this.files = new Map();
    this.postingsCache = new Map();
    this.displayCache = new Map();
    this.manifest = null;
    this.facetData = null;
  }

  file(path, parse = (text) => text) {
    if (!this.files.has(path)) {
      const url = `${this.root}${path}${path === "index.json" ? "" : `?v=${this.manifest.v}`}`;
      this.files.set(path, this.load(url).then(parse));
    }
    return this.files.get(path);
  }

  async ready() {
    if (!this.manifest) {
      const manifest = await this.file("index.json", JSON.parse);
      this.manifest ??= { ...manifest, variants: new Variants(manifest.variants) };
    }
    return this.manifest;
  }

  /** A term's entry in its shard: its postings, [number, size] of the file that has them, or undefined. */
  async entry(term) {
    const { shards } = await this.ready();
    const shard = await this.file(`t/${termHash(term) % shards}.json`, JSON.parse);
    return shard[term];
  }

  async postings(term) {
    if (!this.postingsCache.has(term)) {
      this.postingsCache.set(term, this.fetchPostings(term));
    }
    return this.postingsCache.get(term);
  }

  async fetchPostings(term) {
    const code = await this.entry(term);
    if (code === undefined) return EMPTY;
    if (!Array.isArray(code)) return decodePostings(code);
    // A common term's postings are in a file of their own, which terms on the same pages share.
    const number = code[0];
    return this.file(`c/${number}.txt`, (text) => ({ ...decodePostings(text, this.manifest.chunk), number }));
  }

  /** The masks of chunk `k` of lazy postings from a common term's file (see decodePostings). */
  async masks(postings, k) {
    const code = await this.file(`c/${postings.number}/${k}.txt`);
    fillMasks(postings, k, code);
  }

  async display(number) {
    if (!this.displayCache.has(number)) {
      const { bucket } = await this.ready();
      this.displayCache.set(number, this.file(`d/${Math.floor(number / bucket)}/${number}.json`, JSON.parse));
    }
    return this.displayCache.get(number);
  }

  async facets() {
    this.facetData ??= this.ready()
      .then(() => this.file("facets.json", JSON.parse))
      .then(decodeFacets);
    return this.facetData;
  }
}

/** Facet columns as typed arrays: one value per document, or offsets into a list of values. */
function decodeFacets(data) {
  const facets = { n: data.n };
  for (const [name, column] of Object.entries(data)) {
    if (name === "n") continue;
    const read = (at, width) => {
      let value = 0;
      for (let k = 0; k < width; k += 1) value = value * 64 + DIGIT[column.data.charCodeAt(at + k)];
      return value;
    };
    const index = new Map(column.keys.map((key, i) => [key, i]));
    if (!column.multi) {
      const values = new Uint16Array(data.n);
      for (let d = 0; d < data.n; d += 1) values[d] = read(d * column.w, column.w);
      facets[name] = { keys: column.keys, index, values };
    } else {
      const offsets = new Uint32Array(data.n + 1);
      const values = [];
      let at = 0;
      for (let d = 0; d < data.n; d += 1) {
        const count = read(at, 1);
        at += 1;
        for (let k = 0; k < count; k += 1, at += column.w) values.push(read(at, column.w));
        offsets[d + 1] = values.length;
      }
      facets[name] = { keys: column.keys, index, offsets, values: Uint16Array.from(values), multi: true };
    }
  }
  return facets;
}

// ------------------------------------------------------------------ searching

export const FACETS = ["kind", "status", "category", "department", "sdgs"];
const PAGE = 10; // results shown at first, and added by each press of “more”
const TOGGLES = ["open", "soon"];

/**
 * Find what matches `query` and `filters` ({kind, status, category, department, sdgs: arrays of
 * keys; open, soon: booleans; scope: "challenge" to leave cases out}).
 *
 * Resolves to {runs, order (document numbers, best first), near, counts (per facet, per key;
 * null until the facet data is loaded, unless `withCounts`), rankTo}. Only the first `ranked`
 * of `order` are sure to be in place (a common term's fields come when ranking needs them):
 * `await rankTo(count)` places the first `count` and resolves to the order.
 */
export async function search(index, query, filters = {}, { withCounts = true, ranked = PAGE } = {}) {
  const manifest = await index.ready();
  const runs = queryRuns(query, manifest.variants);
  const needFacets = withCounts || [...FACETS, ...TOGGLES].some((name) => filters[name]?.length || filters[name] === true);
  const [matched, facets] = await Promise.all([match(index, runs, manifest.n), needFacets ? index.facets() : null]);
  const allowed = allowedBy(manifest, facets, filters);
  const kept = [];
  for (let i = 0; i < matched.docs.length; i += 1) {
    if (allowed.every((test) => test.pass(matched.docs[i]))) kept.push(i);
  }
  const found = {
    runs,
    order: null,
    near: matched.near,
    counts: facets ? countFacets(facets, matched.docs, allowed) : null,
    ranked: 0,
  };
  let current = matched;
  found.rankTo = async (count) => {
    if (count > found.ranked) {
      [found.order, current] = await rankFirst(index, runs, manifest.n, current, kept, count);
      found.ranked = count;
    }
    return found.order;
  };
  await found.rankTo(ranked);
  return found;
}

/**
 * The matches' order with the first `count` in their final places, and the matches as last
 * scored. While one of the first has a score that is only an upper bound, fetch the masks it
 * waits for and score again: a document whose bound ranks it lower cannot rank higher.
 */
async function rankFirst(index, runs, n, matched, kept, count) {
  for (;;) {
    const order = rank(kept, matched.scores);
    const fetching = new Map();
    for (const i of order.subarray(0, count)) {
      if (matched.exact[i]) continue;
      const doc = matched.docs[i];
      for (const list of matched.lists) {
        const k = Math.floor(doc / list.chunk);
        if (list.pending?.has(k) && list.docs[lowerBound(list.docs, doc)] === doc) {
          fetching.set(`${list.number}/${k}`, [list, k]);
        }
      }
    }
    if (!fetching.size) return [order.map((i) => matched.docs[i]), matched];
    await Promise.all(Array.from(fetching.values(), ([list, k]) => index.masks(list, k)));
    // The same documents (their postings are cached), with more of their scores exact.
    matched = await match(index, runs, n);
  }
}

/** Every document for an empty query; else those matching every run (or, failing that, near matches). */
async function match(index, runs, count) {
  if (!runs.length) {
    const docs = new Int32Array(count).map((_, i) => i);
    return { docs, scores: new Uint16Array(count), exact: new Uint8Array(count).fill(1), near: false, lists: [] };
  }
  const perRun = await Promise.all(runs.map((run) => matchRun(index, run)));
  let near = perRun.some((found) => found.near);
  let result = perRun[0];
  for (const found of perRun.slice(1)) result = combine(result, found);
  if (!result.docs.length && perRun.length > 1) {
    result = mostRuns(perRun);
    near = true;
  }
  return { ...result, near, lists: perRun.flatMap((found) => found.lists) };
}

/** The documents matching a run, with their scores, whether each is exact, and the postings read. */
async function matchRun(index, run) {
  const entries = await Promise.all(run.terms.map((term) => index.entry(term)));
  const lists = await Promise.all(termsToFetch(run.terms, entries).map((term) => index.postings(term)));
  const sorted = [...lists].sort((a, b) => a.docs.length - b.docs.length);
  let found = sorted[0];
  for (const list of sorted.slice(1)) found = intersect(found, list);
  if (found.docs.length || run.terms.length < 2) {
    const [scores, exact] = [Uint16Array.from(found.masks), Uint8Array.from(found.exact)];
    return { docs: found.docs, scores, exact, near: false, lists };
  }
  const all = await Promise.all(run.terms.map((term) => index.postings(term)));
  return { ...nearRun(all), lists: all };
}

/**
 * The terms of a run worth fetching: every one whose postings came with its shard, and then
 * common ones (in files of their own, which terms on the same pages share) a file at a time,
 * as long as it brings a character of the run not yet covered, the least bytes per new
 * character first. A common bigram whose two characters the others already cover (the ー in
 * スマートフォン, the んで in オープンデータ) adds little to the match and can cost many kilobytes.
 */
export function termsToFetch(terms, entries) {
  const chosen = terms.filter((_, i) => !Array.isArray(entries[i]));
  const covered = new Set(chosen.flatMap((term) => Array.from(term)));
  const files = new Map();
  terms.forEach((term, i) => {
    if (!Array.isArray(entries[i])) return;
    const [number, size] = entries[i];
    if (!files.has(number)) files.set(number, { size, terms: [] });
    files.get(number).terms.push(term);
  });
  for (;;) {
    let best = null;
    for (const file of files.values()) {
      const added = new Set(file.terms.flatMap((term) => Array.from(term)).filter((char) => !covered.has(char))).size;
      // Fewer bytes per new character: file.size / added < best.size / best.added, without dividing.
      if (added && (!best || file.size * best.added < best.size * added)) best = { ...file, added };
    }
    if (!best) return chosen;
    for (const term of best.terms) {
      chosen.push(term);
      Array.from(term).forEach((char) => covered.add(char));
    }
  }
}

/** A run no page has whole: pages with the most of its terms, at least half of them. */
function nearRun(lists) {
  const hits = new Map();
  for (const list of lists) for (const doc of list.docs) hits.set(doc, (hits.get(doc) ?? 0) + 1);
  let best = Math.ceil(lists.length / 2);
  for (const count of hits.values()) best = Math.max(best, count);
  const docs = Int32Array.from([...hits].filter(([, count]) => count === best).map(([doc]) => doc)).sort();
  return { docs, scores: new Uint16Array(docs.length).fill(1), exact: new Uint8Array(docs.length).fill(1), near: true };
}

function combine(a, b) {
  const docs = [];
  const scores = [];
  const exact = [];
  let i = 0;
  let j = 0;
  while (i < a.docs.length && j < b.docs.length) {
    if (a.docs[i] < b.docs[j]) i += 1;
    else if (b.docs[j] < a.docs[i]) j += 1;
    else {
      docs.push(a.docs[i]);
      scores.push(a.scores[i] + b.scores[j]);
      exact.push(a.exact[i] & b.exact[j]);
      i += 1;
      j += 1;
    }
  }
  return { docs: Int32Array.from(docs), scores: Uint16Array.from(scores), exact: Uint8Array.from(exact) };
}

/** No page has every run: pages with the most runs. */
function mostRuns(perRun) {
  const hits = new Map();
  for (const found of perRun) {
    found.docs.forEach((doc, i) => {
      const [runs, score, exact] = hits.get(doc) ?? [0, 0, 1];
      hits.set(doc, [runs + 1, score + found.scores[i], exact & found.exact[i]]);
    });
  }
  let best = 0;
  for (const [runs] of hits.values()) best = Math.max(best, runs);
  const docs = [...hits.keys()].filter((doc) => hits.get(doc)[0] === best).sort((x, y) => x - y);
  return {
    docs: Int32Array.from(docs),
    scores: Uint16Array.from(docs, (doc) => hits.get(doc)[1]),
    exact: Uint8Array.from(docs, (doc) => hits.get(doc)[2]),
  };
}

/** The indexes of the kept matches, highest score first; equal scores keep document order (open challenges first). */
function rank(kept, scores) {
  let top = 0;
  for (const i of kept) top = Math.max(top, scores[i]);
  const buckets = new Uint32Array(top + 2);
  for (const i of kept) buckets[top - scores[i] + 1] += 1;
  for (let s = 1; s < buckets.length; s += 1) buckets[s] += buckets[s - 1];
  const order = new Int32Array(kept.length);
  for (const i of kept) {
    order[buckets[top - scores[i]]] = i;
    buckets[top - scores[i]] += 1;
  }
  return order;
}

/** One test per active filter, named by its group so that a group's counts can leave it out. */
function allowedBy(manifest, facets, filters) {
  const tests = [];
  const [caseFrom, caseTo] = manifest.cases;
  const [withdrawnFrom, withdrawnTo] = manifest.withdrawn;
  if (filters.scope === "challenge") {
    tests.push({ group: "scope", pass: (doc) => doc < caseFrom || doc >= caseTo });
  }
  if (!filters.status?.length) {
    // Withdrawn challenges are left out, as in the lists, unless asked for by status.
    tests.push({ group: "status", pass: (doc) => doc < withdrawnFrom || doc >= withdrawnTo });
  }
  if (!facets) return tests;
  for (const name of FACETS) {
    const keys = filters[name] ?? [];
    if (keys.length) tests.push({ group: name, pass: facetTest(facets[name], keys) });
  }
  for (const name of TOGGLES) {
    if (filters[name]) tests.push({ group: name, pass: toggleTest(facets, name) });
  }
  return tests;
}

function facetTest(facet, keys) {
  const wanted = new Set(keys.map((key) => facet.index.get(key)).filter((i) => i !== undefined));
  if (!facet.multi) return (doc) => wanted.has(facet.values[doc]);
  return (doc) => {
    for (let k = facet.offsets[doc]; k < facet.offsets[doc + 1]; k += 1) if (wanted.has(facet.values[k])) return true;
    return false;
  };
}

/** "Open only" and "closing soon". */
function toggleTest(facets, name) {
  const [facet, key] = name === "open" ? [facets.status, "open"] : [facets.deadline, "soon"];
  const value = facet.index.get(key);
  return (doc) => facet.values[doc] === value;
}

/** How many matches each filter would give, with every other active filter applied. */
function countFacets(facets, docs, tests) {
  const groups = [...FACETS, ...TOGGLES].map((name) => ({
    name,
    others: tests.filter((test) => test.group !== name),
    tally: new Uint32Array(FACETS.includes(name) ? facets[name].keys.length : 1),
    toggle: TOGGLES.includes(name) ? toggleTest(facets, name) : null,
  }));
  for (const doc of docs) {
    for (const { name, others, tally, toggle } of groups) {
      if (!others.every((test) => test.pass(doc))) continue;
      const facet = facets[name];
      if (toggle) tally[0] += toggle(doc) ? 1 : 0;
      else if (facet.multi) for (let k = facet.offsets[doc]; k < facet.offsets[doc + 1]; k += 1) tally[facet.values[k]] += 1;
      else tally[facet.values[doc]] += 1;
    }
  }
  const counts = {};
  for (const { name, tally, toggle } of groups) {
    counts[name] = toggle ? { 1: tally[0] } : Object.fromEntries(facets[name].keys.map((key, i) => [key, tally[i]]));
  }
  return counts;
}

// ------------------------------------------------------------------ highlighting

/**
 * `text` folded (and, with `variants`, rewritten) with, for each unit of the result, the
 * range of `text` it came from — so that a match found in folded text can be marked in the original.
 */
function foldMapped(text, variants) {
  let folded = "";
  let starts = [];
  let ends = [];
  const chars = Array.from(text);
  for (let i = 0, at = 0; i < chars.length; ) {
    let cluster = chars[i];
    for (i += 1; i < chars.length && COMBINING.test(chars[i]); i += 1) cluster += chars[i];
    const piece = cluster.normalize("NFKC").toLowerCase();
    folded += piece;
    for (let k = 0; k < piece.length; k += 1) {
      starts.push(at);
      ends.push(at + cluster.length);
    }
    at += cluster.length;
  }
  const steps = [
    [LONG_VOWEL, "$1"],
    [KATAKANA, toHiragana],
    [ITERATION, repeat],
  ];
  if (variants?.pattern) steps.push([variants.pattern, (found) => variants.table.get(found)]);
  for (const [pattern, replacement] of steps) {
    let out = "";
    const outStarts = [];
    const outEnds = [];
    let last = 0;
    for (const match of folded.matchAll(pattern)) {
      const piece = match[0].replace(new RegExp(pattern.source, "u"), replacement);
      for (let k = last; k < match.index; k += 1) {
        outStarts.push(starts[k]);
        outEnds.push(ends[k]);
      }
      const end = match.index + match[0].length;
      for (let k = 0; k < piece.length; k += 1) {
        // A character kept from the match keeps its own range; a new one spans the whole match.
        const same = piece.length === match[0].length;
        outStarts.push(same ? starts[match.index + k] : starts[match.index]);
        outEnds.push(same ? ends[match.index + k] : ends[end - 1]);
      }
      out += folded.slice(last, match.index) + piece;
      last = end;
    }
    for (let k = last; k < folded.length; k += 1) {
      outStarts.push(starts[k]);
      outEnds.push(ends[k]);
    }
    folded = out + folded.slice(last);
    starts = outStarts;
    ends = outEnds;
  }
  return { folded, starts, ends };
}

/** The ranges [start, end) of `text` that match the runs (for near matches, their terms), merged. */
export function highlight(text, runs, variants, near = false) {
  const ranges = [];
  for (const mapped of [foldMapped(text, null), foldMapped(text, variants)]) {
    for (const { run, terms, japanese } of runs) {
      const needles = near && japanese ? terms : [japanese ? run : terms[0]];
      for (const needle of needles) {
        for (let at = mapped.folded.indexOf(needle); at >= 0; at = mapped.folded.indexOf(needle, at + 1)) {
          // Letters and digits match at the start of a word only, as in the index.
          if (!japanese && at > 0 && WORD_CHAR.test(mapped.folded[at - 1])) continue;
          ranges.push([mapped.starts[at], mapped.ends[at + needle.length - 1]]);
        }
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

// ------------------------------------------------------------------ the page

/** Reads and writes the search state: the query and the filters, as in the form's GET parameters. */
function readState(params) {
  const state = { q: params.get("q") ?? "" };
  for (const name of FACETS) state[name] = params.getAll(name);
  for (const name of TOGGLES) state[name] = params.get(name) === "1";
  return state;
}

function isActive(state) {
  return Boolean(state.q.trim()) || FACETS.some((name) => state[name].length) || TOGGLES.some((name) => state[name]);
}

const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

function marked(tag, className, text, ranges) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  let at = 0;
  for (const [start, end] of ranges) {
    element.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    element.append(mark);
    at = end;
  }
  element.append(text.slice(at));
  return element;
}

function element(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

/** One page's search: the form in `root`, its filters, and where results go. */
class SearchPage {
  constructor(root) {
    this.root = root;
    this.base = root.dataset.searchBase;
    this.scope = root.dataset.searchScope ?? "";
    this.form = root.querySelector("[data-search-form]");
    this.input = this.form.querySelector("input[name=q]");
    this.filters = root.querySelector("[data-search-filters]");
    this.results = root.querySelector("[data-search-results]");
    this.status = root.querySelector("[data-search-status]");
    this.list = root.querySelector("[data-search-list]");
    this.more = root.querySelector("[data-search-more]");
    this.staticParts = root.querySelectorAll("[data-search-static]");
    this.index = new SearchIndex(root.dataset.searchIndex, async (url) => {
      const response = await fetch(url, url.includes("?") ? {} : { cache: "no-cache" });
      if (!response.ok) throw new Error(`${response.status} ${url}`);
      return response.text();
    });
    this.generation = 0;
    this.typing = false;
    this.composing = false;
    this.pending = null;
    this.announcing = null;
  }

  start() {
    this.form.hidden = false;
    if (this.filters) this.filters.hidden = false;
    for (const part of this.root.querySelectorAll("[data-search-fallback]")) part.hidden = true;
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update("commit");
    });
    this.input.addEventListener("compositionstart", () => {
      this.composing = true;
    });
    this.input.addEventListener("compositionend", () => {
      this.composing = false;
      this.update("typing");
    });
    this.input.addEventListener("input", () => {
      if (!this.composing) this.update("typing");
    });
    this.input.addEventListener("keydown", (event) => this.keyFromInput(event));
    this.list.addEventListener("keydown", (event) => this.keyInResults(event));
    this.root.addEventListener("change", (event) => {
      if (event.target.type === "checkbox") this.update("commit");
    });
    this.root.querySelector("[data-search-clear]")?.addEventListener("click", () => {
      for (const box of this.checkboxes()) box.checked = false;
      this.update("commit");
    });
    this.more.addEventListener("click", () => this.showMore(true));
    window.addEventListener("popstate", () => this.restore());
    this.restore();
  }

  checkboxes() {
    return this.root.querySelectorAll("input[type=checkbox][name]");
  }

  /** The state the controls show. */
  state() {
    const params = new URLSearchParams();
    if (this.input.value.trim()) params.set("q", this.input.value.trim());
    for (const box of this.checkboxes()) if (box.checked) params.append(box.name, box.value);
    return params;
  }

  /** Show the state in the address bar's query: on first load and after Back or Forward. */
  restore() {
    const state = readState(new URLSearchParams(window.location.search));
    this.input.value = state.q;
    for (const box of this.checkboxes()) {
      box.checked = TOGGLES.includes(box.name) ? state[box.name] : state[box.name]?.includes(box.value) ?? false;
      if (box.checked) box.closest("details")?.setAttribute("open", "");
    }
    this.typing = false;
    this.run("commit");
  }

  /** After an edit: record it in the history (typing replaces the entry it started), then search. */
  update(kind) {
    const params = this.state();
    const query = params.toString();
    const url = query ? `?${query}` : window.location.pathname;
    if (`?${query}` !== window.location.search && (query || window.location.search)) {
      if (kind === "typing" && this.typing) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    }
    this.typing = kind === "typing";
    clearTimeout(this.pending);
    if (kind === "typing") this.pending = setTimeout(() => this.run(kind), 120);
    else this.run(kind);
  }

  async run(kind) {
    const generation = ++this.generation;
    try {
      await this.index.ready();
    } catch {
      // Without the manifest there are no texts from it: this one comes with the page.
      this.results.hidden = false;
      this.announce(this.root.dataset.searchFailed, "commit");
      return;
    }
    const state = readState(this.state());
    const active = isActive(state);
    // Where the page has a static list, results take its place only while a search is active.
    for (const part of this.staticParts) part.hidden = active;
    this.results.hidden = !active && this.staticParts.length > 0;
    if (!active) {
      this.order = [];
      this.list.replaceChildren();
      this.more.hidden = true;
      this.announce(this.text("search.status.prompt"), kind);
      if (this.filters) this.showCounts(state);
      return;
    }
    const filters = { ...state, scope: this.scope };
    let found;
    try {
      found = await search(this.index, state.q, filters, { withCounts: false });
    } catch {
      if (generation === this.generation) this.announce(this.root.dataset.searchFailed, "commit");
      return;
    }
    if (generation !== this.generation) return;
    this.found = found;
    this.order = found.order;
    this.shown = 0;
    this.list.replaceChildren();
    await this.showMore(false);
    if (generation !== this.generation) return;
    const count = found.order.length;
    const query = state.q.trim();
    let message;
    if (!count && query) message = format(this.text("search.status.none"), { query });
    else if (found.near) message = format(this.text("search.status.near"), { query, count });
    else if (query) message = format(this.text("search.status.results"), { query, count });
    else message = format(this.text("search.status.filtered"), { count });
    this.announce(message, kind);
    if (this.filters) this.showCounts(state);
  }

  text(key) {
    return this.index.manifest?.text[key] ?? "";
  }

  /** The live region: updated at once after a commit, after a pause while typing. */
  announce(message, kind) {
    clearTimeout(this.announcing);
    if (kind === "typing") this.announcing = setTimeout(() => (this.status.textContent = message), 600);
    else this.status.textContent = message;
  }

  async showCounts(state) {
    const generation = this.generation;
    let found;
    try {
      await this.index.ready();
      found = await search(this.index, state.q, { ...state, scope: this.scope }, { withCounts: true });
    } catch {
      return;
    }
    if (generation !== this.generation) return;
    for (const box of this.checkboxes()) {
      const label = box.closest("label")?.querySelector("[data-count]");
      const count = found.counts[box.name]?.[box.value] ?? 0;
      if (label) label.textContent = format(this.text("count"), { count });
    }
  }

  async showMore(focus) {
    const generation = this.generation;
    // Failing to fetch a common term's fields, the results keep the order their bounds gave.
    this.order = await this.found.rankTo(this.shown + PAGE).catch(() => this.order);
    if (generation !== this.generation) return;
    const batch = Array.from(this.order.slice(this.shown, this.shown + PAGE));
    const items = await Promise.all(batch.map((number) => this.index.display(number)));
    if (generation !== this.generation) return;
    const first = this.shown;
    items.forEach((item) => this.list.append(this.item(item)));
    this.shown += items.length;
    const left = this.order.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = format(this.text("search.more"), { count: Math.min(left, PAGE) });
    if (focus) this.list.children[first]?.querySelector("a")?.focus();
  }

  item(item) {
    const { runs, near } = this.found;
    const variants = this.index.manifest.variants;
    const li = element("li", "search-result");
    const titleRanges = highlight(item.t, runs, variants, near);
    const summaryRanges = highlight(item.s, runs, variants, near);
    const link = marked("a", "", item.t, titleRanges);
    link.href = this.base + item.u;
    li.append(element("h3", "search-result__title", link));
    const badges = element("p", "search-result__badges");
    if (item.k === "case") {
      badges.append(element("span", "badge badge--realized", this.text("search.kind.case")));
    } else {
      badges.append(element("span", `badge badge--${item.st}`, this.index.manifest.status[item.st]));
      if (item.soon) badges.append(" ", element("span", "badge badge--soon", this.text("closing_soon")));
    }
    li.append(badges, marked("p", "search-result__summary", item.s, summaryRanges));
    const meta = element("dl", "search-result__meta");
    const fact = (label, ...value) => meta.append(element("div", "", element("dt", "", label), element("dd", "", ...value)));
    fact(this.text("field.department"), item.d);
    if (item.dl) {
      const when = item.dd ? element("time", "", item.dl) : item.dl;
      if (item.dd) when.dateTime = item.dd;
      fact(this.text("field.deadline"), when, ...(item.left ? [" ", element("strong", "deadline__left", item.left)] : []));
    }
    if (item.r) {
      const when = element("time", "", item.r);
      when.dateTime = item.rd;
      fact(this.text("field.realized"), when);
    }
    li.append(meta);
    if (runs.length && !titleRanges.length && !summaryRanges.length) this.excerpt(li, item, runs, near, variants);
    return li;
  }

  /** A match only in the body: quote the body around it, taken from the result's own page. */
  async excerpt(li, item, runs, near, variants) {
    let body;
    try {
      const response = await fetch(this.base + item.u);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const prose = page.querySelector(".detail .prose");
      if (!prose) return;
      prose.querySelectorAll(".visually-hidden").forEach((hidden) => hidden.remove());
      body = Array.from(prose.querySelectorAll("p, li, td, th, h2, h3, h4"), (block) => block.textContent.trim())
        .filter(Boolean)
        .join(" ");
    } catch {
      return;
    }
    const ranges = highlight(body, runs, variants, near);
    if (!ranges.length || !li.isConnected) return;
    const from = Math.max(0, ranges[0][0] - 30);
    const to = Math.min(body.length, ranges[0][1] + 70);
    const shown = ranges.filter(([, end]) => end <= to).map(([start, end]) => [Math.max(start, from) - from, end - from]);
    const excerpt = marked("p", "search-result__excerpt", body.slice(from, to), shown);
    excerpt.prepend(element("span", "search-result__excerpt-label", this.text("search.in_body")), from ? "…" : "");
    if (to < body.length) excerpt.append("…");
    li.querySelector(".search-result__summary").after(excerpt);
  }

  keyFromInput(event) {
    if (event.key === "ArrowDown" && this.list.querySelector("a")) {
      event.preventDefault();
      this.list.querySelector("a").focus();
    }
  }

  keyInResults(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = Array.from(this.list.querySelectorAll(".search-result__title a"));
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) this.input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }
}

if (typeof document !== "undefined") {
  for (const root of document.querySelectorAll("[data-search]")) new SearchPage(root).start();
}
