// The Node half of bench_search.py: run the query set against an index folder and measure.
//
//   node benchmarks/bench_search.mjs INDEX_DIR QUERIES_JSON
//
// For each query prints the documents found (numbers, best first), the bytes the browser would
// download for it as the first query of a visit and as a later one (each file raw and gzipped,
// plus the display data of the first PAGE results), and its latency: cold (files read, parsed and
// decoded) and warm (everything cached, the median of REPEAT runs).
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

import { SearchIndex, search } from "../static/js/search.js";

const PAGE = 10;
const REPEAT = 7;
const [root, queriesFile] = process.argv.slice(2);
const queries = JSON.parse(await readFile(queriesFile, "utf8"));
const module = await readFile(new URL("../static/js/search.js", import.meta.url));
const sizes = new Map();

function loader(fetched) {
  return async (url) => {
    const path = url.split("?")[0];
    const data = await readFile(path);
    if (!sizes.has(path)) sizes.set(path, [data.length, gzipSync(data, { level: 6 }).length]);
    fetched.add(path);
    return data.toString("utf8");
  };
}

async function firstPage(index, found) {
  await Promise.all(Array.from(found.order.slice(0, PAGE), (number) => index.display(number)));
}

function bytes(paths) {
  let raw = 0;
  let gzip = 0;
  for (const path of paths) {
    const [r, g] = sizes.get(path);
    raw += r;
    gzip += g;
  }
  return [raw, gzip];
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const out = { module: [module.length, gzipSync(module, { level: 6 }).length], queries: [] };
let previous = null;
for (const query of queries) {
  // First query of a visit: nothing cached.
  const fetched = new Set();
  const cold = new SearchIndex(`${root}/`, loader(fetched));
  let started = performance.now();
  const found = await search(cold, query, {}, { withCounts: false });
  const coldMs = performance.now() - started;
  await firstPage(cold, found);
  const first = bytes(fetched);
  // Every result in its place, for recall and precision (fetching what a visitor paging on would).
  const order = await found.rankTo(found.order.length);
  // The same query later in a visit, after the previous query of the set.
  const laterFetched = new Set();
  const warmIndex = new SearchIndex(`${root}/`, loader(laterFetched));
  if (previous !== null) await firstPage(warmIndex, await search(warmIndex, previous, {}, { withCounts: false }));
  laterFetched.clear();
  await firstPage(warmIndex, await search(warmIndex, query, {}, { withCounts: false }));
  const later = bytes(laterFetched);
  // Warm latency: all files cached and decoded.
  const times = [];
  for (let i = 0; i < REPEAT; i += 1) {
    started = performance.now();
    await search(warmIndex, query, {}, { withCounts: false });
    times.push(performance.now() - started);
  }
  out.queries.push({
    query,
    found: Array.from(order),
    near: found.near,
    first,
    later,
    coldMs,
    warmMs: median(times),
  });
  previous = query;
}
const facetsFetched = new Set();
const facetIndex = new SearchIndex(`${root}/`, loader(facetsFetched));
await facetIndex.ready();
facetsFetched.clear();
await facetIndex.facets();
out.facets = bytes(facetsFetched);
console.log(JSON.stringify(out));
