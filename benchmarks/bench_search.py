"""Benchmark the search index and client on generated catalogues of several sizes.

    python benchmarks/bench_search.py [--sizes 1000,10000,50000] [--quality 10000] [--keep DIR] [--workers N]

For each size N it generates N challenges and N // 5 cases (seed 1; see generate_corpus.py),
loads them as the build does, builds the search index with the repository's variant table
(content/search-variants.yaml; --no-variants leaves it out) and prints:

  - indexing: seconds, and the peak memory while indexing (proportional set size) of this
    process, which holds the loaded catalogue (shown alone as "loading"), and of the index's
    worker processes if any (--workers; the default, 0, indexes in one process as the build does);
  - index size: every file, raw and gzipped one by one (gzip -6, as a web server would);
  - bytes a browser downloads for a query: the first of a visit (search.js, the manifest, the
    shards and common-term files it needs, the field masks and display data of the first 10 results) and a
    later one (after another query of the set); median and largest over the query set; facet
    data, loaded once after the first results, apart;
  - query latency in Node (benchmarks/bench_search.mjs): warm (files cached) and cold (files
    read, parsed and decoded), median and largest over the query set.

For --quality sizes it also prints recall and precision for every query of QUERIES. A page is
relevant when its searchable text (title, summary, categories/tags/department, body) contains
one of the query's spellings for every word, as a person judging the corpus would accept them;
withdrawn challenges are left out, as search leaves them out.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from bench_build import corpus, log, size_list
from tree_memory import PeakSampler

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from catalogue.diagnostics import Report  # noqa: E402
from catalogue.messages import ui_text  # noqa: E402
from catalogue.pipeline import Options, load_catalogue  # noqa: E402
from catalogue.schema import STATUSES  # noqa: E402
from catalogue.search_documents import entries  # noqa: E402
from catalogue.search_index import search_files  # noqa: E402
from catalogue.search_normalise import Variants  # noqa: E402
from catalogue.search_variants import load_variants  # noqa: E402

TODAY = datetime.date(2026, 11, 29)
GARBAGE = ["ごみ", "ゴミ", "塵", "指定収集袋"]
CO2 = ["CO2", "CO₂", "ＣＯ２", "二酸化炭素"]
DX = ["DX", "ＤＸ", "デジタルトランスフォーメーション"]
AI = ["AI", "ＡＩ", "人工知能"]
# query → for each of its words, the spellings that make a page relevant.
QUERIES: dict[str, list[list[str]]] = {
    # spelling variants
    "ごみ": [GARBAGE],
    "ゴミ": [GARBAGE],
    "ゴミ袋": [["ごみ袋", "ゴミ袋", "指定収集袋"]],
    "ＳＤＧｓ": [["SDGs", "ＳＤＧｓ"]],
    "sdgs": [["SDGs", "ＳＤＧｓ"]],
    "マイクロプラ": [["マイクロプラ"]],
    "マイクロプラスチック": [["マイクロプラスチック", "マイクロプラ"]],
    "プラスティック": [["プラスチック", "プラスティック"]],
    "ﾃﾞｼﾞﾀﾙ": [["デジタル"]],
    "センサー": [["センサ"]],
    "ＡＩ": [AI],
    "人工知能": [AI],
    "CO2": [CO2],
    "二酸化炭素": [CO2],
    "ＤＸ": [DX],
    "IoT": [["IoT", "ＩｏＴ"]],
    "EV": [["EV", "ＥＶ", "電気自動車"]],
    "NPO": [["NPO", "ＮＰＯ"]],
    "子育て": [["子育て", "子そだて"]],
    "スマホ": [["スマートフォン", "スマホ"]],
    # synonyms in the variant table
    "カーボンニュートラル": [["脱炭素", "カーボンニュートラル"]],
    "ドローン": [["ドローン", "無人航空機"]],
    "ツーリズム": [["観光", "ツーリズム"]],
    "訪日外国人": [["インバウンド", "訪日外国人"]],
    "デマンド交通": [["デマンド交通", "乗合タクシー"]],
    # plain words
    "高齢者": [["高齢者"]],
    "見守り": [["見守り"]],
    "食品ロス": [["食品ロス"]],
    "避難所": [["避難所"]],
    "空き家": [["空き家"]],
    "オープンデータ": [["オープンデータ"]],
    # several words: every one must match
    "高齢者 見守り": [["高齢者"], ["見守り"]],
    "CO2 削減": [CO2, ["削減"]],
    "ごみ 分別": [GARBAGE, ["分別"]],
    "避難所 DX": [["避難所"], DX],
    "AI 介護": [AI, ["介護"]],
    "空き家　活用": [["空き家"], ["活用"]],
    # one character
    "港": [["港"]],
    "橋": [["橋"]],
    "魚": [["魚"]],
    "袋": [["袋"]],
}
_LATIN = re.compile(r"[A-Za-z0-9]")


def _pattern(spellings: list[str]) -> re.Pattern[str]:
    """Any spelling; one in letters or digits only at the start of a word, in any case."""
    parts = [rf"(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９]){re.escape(s)}" if _LATIN.match(s) else re.escape(s) for s in spellings]
    return re.compile("|".join(parts), re.IGNORECASE)


def relevant(texts: list[str | None], words: list[list[str]]) -> set[int]:
    patterns = [_pattern(spellings) for spellings in words]
    return {n for n, text in enumerate(texts) if text and all(p.search(text) for p in patterns)}


def memory_mib(pid: str = "self", field: str = "Pss") -> float:
    """Memory of a process now, from /proc (Linux); 0 where it cannot tell.

    Pss (proportional set size) counts a page shared by several processes, like a
    worker just forked and not yet started afresh, once in all; Rss counts it in each.
    """
    source = "smaps_rollup" if field == "Pss" else "status"
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text().splitlines():
            if line.startswith(f"{field}:") or line.startswith(f"Vm{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def build_index(content: Path, out: Path, variants: Variants, workers: int = 0) -> tuple[object, dict[str, object]]:
    """Load the catalogue and index it into `out`: the catalogue, and times, memory and file sizes."""
    started = time.perf_counter()
    catalogue = load_catalogue(_options(content, out), Report())
    assert catalogue is not None
    loaded = time.perf_counter() - started
    loaded_mib = memory_mib(field="RSS")

    def t(key: str, **args: object) -> str:
        return ui_text(key, catalogue.site.language, **args)

    with PeakSampler(os.getpid()) as memory:  # this process and its index workers, summed
        wall = time.perf_counter()
        files = list(search_files(catalogue, variants, t, workers=workers))
        wall = time.perf_counter() - wall
    peak = memory.peak_mib
    started = time.perf_counter()
    sizes: dict[str, list[int]] = {}
    for path, text in files:
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        target.write_bytes(data)
        kind = path.split("/")[1] if path.count("/") > 1 else path.rsplit("/", 1)[1]
        entry = sizes.setdefault(kind, [0, 0, 0])
        entry[0] += 1
        entry[1] += len(data)
        entry[2] += len(gzip.compress(data, 6))
    written = time.perf_counter() - started
    docs = len(catalogue.challenges) + len(catalogue.cases)
    return catalogue, {
        "docs": docs,
        "load_s": loaded,
        "loaded_mib": loaded_mib,
        "index_s": wall,
        "peak_mib": peak,
        "write_s": written,
        "sizes": sizes,
    }


def searchable_texts(catalogue: object) -> list[str | None]:
    """Each document's searchable text, in index order; None for those search leaves out."""
    withdrawn = STATUSES.index("withdrawn")
    t = partial(ui_text, lang=catalogue.site.language)  # type: ignore[attr-defined]
    return [None if e.facets.status == withdrawn else "\n".join(e.texts) for e in entries(catalogue, t)]


def _options(content: Path, out: Path) -> Options:
    return Options(
        project=REPO, content=content, templates=REPO / "templates", static=REPO / "static", out=out, today=TODAY
    )


def run_queries(index: Path, scratch: Path) -> dict:
    queries = scratch / "queries.json"
    queries.write_text(json.dumps(list(QUERIES), ensure_ascii=False), encoding="utf-8")
    node = shutil.which("node")
    if node is None:
        raise SystemExit("error: node not found; the query half of the benchmark runs in Node.js")
    command = [node, str(HERE / "bench_search.mjs"), str(index / "search"), str(queries)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"error: {' '.join(command)} failed:\n{result.stderr}")
    return json.loads(result.stdout)


def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def report_size(size: int, built: dict, measured: dict) -> None:
    sizes = built["sizes"]
    files = sum(s[0] for s in sizes.values())
    raw = sum(s[1] for s in sizes.values())
    gz = sum(s[2] for s in sizes.values())
    queries = measured["queries"]
    module_gz = measured["module"][1]
    first = [q["first"][1] + module_gz for q in queries]
    later = [q["later"][1] for q in queries]
    warm = [q["warmMs"] for q in queries]
    cold = [q["coldMs"] for q in queries]
    print(f"\n## {size} challenges + {size // 5} cases: {built['docs']} documents")
    print(f"loading the catalogue  {built['load_s']:.1f} s, {built['loaded_mib']:.0f} MiB")
    print(
        f"indexing               {built['index_s']:.1f} s; peak memory {built['peak_mib']:.0f} MiB "
        f"(this process with the catalogue, and any index workers); writing the files {built['write_s']:.1f} s"
    )
    print(f"index                  {files} files, {raw / 2**20:.1f} MiB raw, {gz / 2**20:.1f} MiB gzip")
    for kind, (count, r, g) in sorted(sizes.items()):
        print(f"  {kind:<20} {count:>7} files {kb(r):>10} KB raw {kb(g):>10} KB gzip")
    print(f"search.js              {kb(measured['module'][0])} KB raw, {kb(module_gz)} KB gzip")
    print(
        f"first query download   median {kb(statistics.median(first))} KB, max {kb(max(first))} KB gzip "
        f"({max(queries, key=lambda q: q['first'][1])['query']!r} largest); search.js included"
    )
    print(f"later query download   median {kb(statistics.median(later))} KB, max {kb(max(later))} KB gzip")
    print(f"facet data (once)      {kb(measured['facets'][0])} KB raw, {kb(measured['facets'][1])} KB gzip")
    print(
        f"query latency (Node)   warm median {statistics.median(warm):.2f} ms, max {max(warm):.2f} ms; "
        f"cold median {statistics.median(cold):.1f} ms, max {max(cold):.1f} ms"
    )


def report_quality(texts: list[str | None], measured: dict) -> None:
    print("\nquery                     relevant  found  recall  precision")
    totals = [0, 0, 0]
    recalls, precisions = [], []
    for result in measured["queries"]:
        expected = relevant(texts, QUERIES[result["query"]])
        found = set(result["found"])
        hits = len(expected & found)
        recall = hits / len(expected) if expected else 1.0
        precision = hits / len(found) if found else 0.0
        recalls.append(recall)
        precisions.append(precision)
        totals = [totals[0] + len(expected), totals[1] + len(found), totals[2] + hits]
        near = " near" if result["near"] else ""
        print(f"{result['query']:<24}  {len(expected):>8}  {len(found):>5}  {recall:6.3f}  {precision:9.3f}{near}")
    print(
        f"mean over {len(recalls)} queries: recall {statistics.mean(recalls):.4f}, "
        f"precision {statistics.mean(precisions):.4f}; over all results: recall {totals[2] / totals[0]:.4f}, "
        f"precision {totals[2] / totals[1]:.4f}; queries with no result: "
        f"{sum(1 for r in measured['queries'] if not r['found'])}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=size_list, default=[1000, 10000, 50000], metavar="N,N,...")
    parser.add_argument(
        "--quality",
        type=size_list,
        default=[10000],
        metavar="N,N,...",
        help="sizes to measure recall and precision at (default: 10000)",
    )
    parser.add_argument("--keep", type=Path, metavar="DIR", help="cache generated catalogues in DIR and reuse them")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="index worker processes (default: 0, one process, as the build indexes while workers render pages)",
    )
    parser.add_argument(
        "--no-variants", action="store_true", help="leave content/search-variants.yaml out, to see what it adds"
    )
    args = parser.parse_args(argv)
    print(
        f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs; "
        f"node {subprocess.run(['node', '--version'], capture_output=True, text=True).stdout.strip()}"
    )
    keep = args.keep.resolve() if args.keep else None
    variants = Variants() if args.no_variants else load_variants(REPO / "content", REPO, Report())
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        scratch = Path(tmp)
        for size in args.sizes:
            content = corpus(size, keep, scratch)
            out = scratch / f"index-{size}"
            log(f"indexing {size}…")
            catalogue, built = build_index(content, out, variants, args.workers)
            measured = run_queries(out, scratch)
            report_size(size, built, measured)
            if size in args.quality:
                report_quality(searchable_texts(catalogue), measured)
            del catalogue
            shutil.rmtree(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
