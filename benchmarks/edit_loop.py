"""Time one-file edits rebuilt in one running process, as the live preview (`serve`) rebuilds them.

    python benchmarks/edit_loop.py PROJECT CONTENT OUT --edits 5 --today 2026-11-29

PROJECT holds templates/ and static/; the build cache is PROJECT/.cache/build.
After one build to warm up, each edit appends a sentence to the body of a
different challenge and times the rebuild of the pages (after which the
preview reloads the browser) and then the catch-up that rebuilds the search
index. Every edited file is restored at the end. Prints one JSON object: the
times in seconds.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from catalogue.diagnostics import Report
from catalogue.pipeline import Options
from catalogue.serve import PreviewBuilds


def rebuild(options: Options, builds: PreviewBuilds) -> tuple[float, float]:
    """Seconds to the pages rebuilt, and then to the search index rebuilt."""
    report = Report()
    start = time.perf_counter()
    written = builds(options, report, [], None)[1]
    pages = time.perf_counter()
    if written is not None and builds.pending:
        written = builds.catch_up(options, report)
    if written is None:
        raise SystemExit("build failed: " + "; ".join(d.format("en") for d in report.sorted()[:5]))
    return pages - start, time.perf_counter() - pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--today", type=datetime.date.fromisoformat, required=True)
    args = parser.parse_args()
    project = args.project.resolve()
    options = Options(
        project=project,
        content=args.content.resolve(),
        templates=project / "templates",
        static=project / "static",
        out=args.out.resolve(),
        today=args.today,
        cache=project / ".cache" / "build",
    )
    files = sorted((options.content / "challenges").glob("*.md"))
    chosen = [files[i * len(files) // args.edits] for i in range(args.edits)]
    originals = {path: path.read_bytes() for path in chosen}
    builds = PreviewBuilds()  # what the preview keeps in memory between rebuilds
    rebuild(options, builds)  # warm-up: the state the preview is in after its first build
    times = []
    try:
        for number, path in enumerate(chosen, 1):
            path.write_bytes(originals[path] + f"\n編集 {number} 回目の追記です。\n".encode())
            times.append(rebuild(options, builds))
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    print(json.dumps({"pages_s": [p for p, _ in times], "search_s": [s for _, s in times]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
