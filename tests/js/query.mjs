// Run searches against a built site's index, as the browser would, and print what they find.
//
//   node tests/js/query.mjs SITE_DIR '[{"q": "ごみ", "filters": {"status": ["open"]}}, …]'
//
// Prints a JSON list: for each search, the result URLs best first, whether they are near
// matches, the facet counts, and the highlighted parts of each result's title.
import { readFile } from "node:fs/promises";

import { SearchIndex, highlight, search } from "../../static/js/search.js";

const [site, searches] = process.argv.slice(2);
const index = new SearchIndex(`${site}/search/`, (url) => readFile(url.split("?")[0], "utf8"));
const out = [];
for (const { q, filters = {} } of JSON.parse(searches)) {
  const found = await search(index, q, filters, { ranked: Infinity });
  const shown = await Promise.all(Array.from(found.order, (number) => index.display(number)));
  out.push({
    urls: shown.map((item) => item.u),
    near: found.near,
    counts: found.counts,
    marks: shown.map((item) =>
      highlight(item.t, found.runs, index.manifest.variants, found.near).map(([a, b]) => item.t.slice(a, b)),
    ),
  });
}
console.log(JSON.stringify(out));
