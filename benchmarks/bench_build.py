"""Time the project's build on generated catalogues, cold and warm, side by side with Hugo.

    python benchmarks/bench_build.py [--sizes 1000,10000] [--repeat 3] [--keep DIR]
                                     [--hugo PATH] [--serial] [--edits 5]

For each size N it generates N challenges and N // 5 cases (seed 1) and, --repeat
times, alternating so that a busy machine slows every kind of run alike:

  cold    a build with no previous output and an empty build cache
  warm    the same build again, nothing changed
  serial  (--serial) a build in one process without the cache
  hugo    the reference Hugo site of ../shared/bench on the same Markdown files
          (--hugo PATH, or `hugo` on PATH; skipped when there is none)

Then, once per size, `edit_loop.py` times --edits one-file edits rebuilt in one
running process, as the live preview rebuilds them.

It prints one row per size (medians; peak memory is the highest sum over the
build's process tree), the ratios to Hugo measured in the same run, and the
median time of each build stage (`build --timings`) for the cold and warm builds.
"""

from __future__ import annotations

import argparse
import hashlib
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
from dataclasses import dataclass
from pathlib import Path

from generate_corpus import generate_corpus
from tree_memory import PeakSampler

TODAY = "2026-11-29"
SEED = 1
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
HUGO_SITE = REPO.parent / "shared" / "bench" / "hugo-site"
STDERR_TAIL = 40
STAGE_LINE = re.compile(r"^\s+(.+?): ([\d.]+) s$")
BUILD = (
    "import sys; from pathlib import Path; from catalogue.cli import main; "
    "sys.exit(main(sys.argv[2:], Path(sys.argv[1])))"
)


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_mib: float
    pages: int
    stages: dict[str, float]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generator_digest() -> str:
    """Changes whenever the generator does, so a --keep cache never goes stale."""
    digest = hashlib.sha256()
    for name in ("generate_corpus.py", "corpus_vocab.py"):
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:10]


def corpus(size: int, keep: Path | None, scratch: Path) -> Path:
    """The content folder for `size`: reused from `keep` if there, else generated."""
    folder = (keep or scratch) / f"corpus-{size}-seed{SEED}-{generator_digest()}"
    if folder.is_dir():
        log(f"reusing {folder}")
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    start = time.perf_counter()
    generate_corpus(partial, size, size // 5, SEED)
    partial.rename(folder)  # only a complete corpus gets the name a later run reuses
    log(f"generated {size} challenges + {size // 5} cases in {time.perf_counter() - start:.1f} s: {folder}")
    return folder


def timed(command: list[str], cwd: Path, scratch: Path) -> tuple[float, float, str]:
    """Run a command; its wall time, peak memory of its process tree, and its stderr."""
    stderr_path = scratch / "stderr.txt"
    env = {**os.environ, "PYTHONPATH": str(REPO), "CI": "true"}
    # What earlier runs wrote is flushed to disk first, so that no run pays for another's writes.
    os.sync()
    with open(stderr_path, "wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
        with PeakSampler(child.pid) as sampler:
            _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    text = stderr_path.read_text(encoding="utf-8", errors="replace")
    if child.returncode != 0:
        lines = text.splitlines()[-STDERR_TAIL:]
        raise SystemExit(f"error: exit code {child.returncode}: {' '.join(command)}\n" + "\n".join(lines))
    return wall, max(sampler.peak_mib, usage.ru_maxrss / 1024), text


def project_folder(scratch: Path) -> Path:
    """A project of its own, so that its build cache starts empty and the repository's is left alone."""
    project = scratch / "project"
    if not project.is_dir():
        project.mkdir()
        shutil.copytree(REPO / "templates", project / "templates")
        shutil.copytree(REPO / "static", project / "static")
    return project


def build(project: Path, content: Path, out: Path, scratch: Path, *extra: str) -> Run:
    command = [
        sys.executable,
        "-c",
        BUILD,
        str(project),
        "build",
        "--content",
        str(content),
        "--out",
        str(out),
        "--today",
        TODAY,
        "--timings",
        "--lang",
        "en",
        *extra,
    ]
    wall, peak, stderr = timed(command, project, scratch)
    stages = {m.group(1): float(m.group(2)) for line in stderr.splitlines() if (m := STAGE_LINE.match(line))}
    return Run(wall, peak, sum(1 for _ in out.rglob("*.html")), stages)


def hugo_site(hugo: Path, content: Path, scratch: Path) -> Path:
    site = scratch / f"hugo-{content.name}"
    if not site.is_dir():
        shutil.copytree(HUGO_SITE, site)
        for kind in ("challenges", "cases"):
            shutil.copytree(content / kind, site / "content" / kind)
    return site


def hugo_build(hugo: Path, site: Path, scratch: Path) -> Run:
    out = scratch / "hugo-out"
    shutil.rmtree(out, ignore_errors=True)
    config = "hugo-new.yaml" if (site / "hugo-new.yaml").is_file() else "hugo.yaml"
    wall, peak, _ = timed([str(hugo), "--quiet", "-s", str(site), "--config", config, "-d", str(out)], site, scratch)
    return Run(wall, peak, sum(1 for _ in out.rglob("*.html")), {})


def edit_loop(project: Path, content: Path, out: Path, edits: int, scratch: Path) -> dict[str, list[float]]:
    """Seconds per one-file edit: to the pages rebuilt ("pages_s"), then to the search index ("search_s")."""
    command = [
        sys.executable,
        str(HERE / "edit_loop.py"),
        str(project),
        str(content),
        str(out),
        "--edits",
        str(edits),
        "--today",
        TODAY,
    ]
    stdout = subprocess.run(command, check=True, capture_output=True, text=True, env={**os.environ, "CI": "true"})
    return json.loads(stdout.stdout)


def measure(args: argparse.Namespace, size: int, content: Path, scratch: Path) -> dict[str, list[Run]]:
    project = project_folder(scratch)
    out = scratch / f"site-{size}"
    hugo = hugo_site(args.hugo, content, scratch) if args.hugo else None
    runs: dict[str, list[Run]] = {"cold": [], "warm": [], "serial": [], "hugo": []}
    for number in range(1, args.repeat + 1):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        runs["cold"].append(build(project, content, out, scratch))
        runs["warm"].append(build(project, content, out, scratch))
        if args.serial:
            runs["serial"].append(build(project, content, scratch / "serial", scratch, "--jobs", "1", "--no-cache"))
        if hugo is not None:
            runs["hugo"].append(hugo_build(args.hugo, hugo, scratch))
        log(
            f"size {size} run {number}/{args.repeat}: "
            + ", ".join(
                f"{kind} {kinds[-1].wall_s:.2f} s / {kinds[-1].peak_mib:.0f} MiB"
                for kind, kinds in runs.items()
                if kinds
            )
        )
    return runs


def median(runs: list[Run]) -> float:
    return statistics.median(run.wall_s for run in runs)


def report(size: int, runs: dict[str, list[Run]], edits: dict[str, list[float]]) -> None:
    pages = runs["cold"][-1].pages
    cold, warm = median(runs["cold"]), median(runs["warm"])
    print(f"\n{size} challenges + {size // 5} cases: {pages} pages")
    print(f"  {'run':<28}{'median s':>10}{'pages/s':>10}{'peak MiB':>10}")
    hugo_pages = runs["hugo"][-1].pages if runs["hugo"] else 0
    labels = {
        "cold": "cold build",
        "warm": "warm rebuild, no change",
        "serial": "cold, 1 process, no cache",
        "hugo": f"Hugo ({hugo_pages} pages)",
    }
    for kind, label in labels.items():
        if runs[kind]:
            wall = median(runs[kind])
            peak = max(run.peak_mib for run in runs[kind])
            print(f"  {label:<28}{wall:>10.2f}{runs[kind][-1].pages / wall:>10.0f}{peak:>10.0f}")
    if edits:
        pages, search = edits["pages_s"], edits["search_s"]
        print(
            f"  {'one-file edit, pages':<28}{statistics.median(pages):>10.3f}"
            f"      (max {max(pages):.3f} s over {len(pages)} edits, in one process as serve)"
        )
        print(f"  {'  then the search index':<28}{statistics.median(search):>10.3f}      (max {max(search):.3f} s)")
    if runs["hugo"]:
        ratios = [c.wall_s / h.wall_s for c, h in zip(runs["cold"], runs["hugo"], strict=True)]
        warm_ratios = [w.wall_s / h.wall_s for w, h in zip(runs["warm"], runs["hugo"], strict=True)]
        print(f"  cold / Hugo: {statistics.median(ratios):.2f} (runs: {', '.join(f'{r:.2f}' for r in ratios)})")
        print(
            f"  warm / Hugo: {statistics.median(warm_ratios):.2f} (runs: {', '.join(f'{r:.2f}' for r in warm_ratios)})"
        )
    if runs["serial"]:
        print(f"  serial / cold: {median(runs['serial']) / cold:.2f}")
    stages = list(runs["cold"][-1].stages)
    print(f"  {'stage (median s)':<28}{'cold':>10}{'warm':>10}")
    for stage in stages:
        values = [statistics.median(run.stages.get(stage, 0.0) for run in runs[kind]) for kind in ("cold", "warm")]
        print(f"  {stage:<28}{values[0]:>10.3f}{values[1]:>10.3f}")
    print(f"  {'whole command':<28}{cold:>10.3f}{warm:>10.3f}", flush=True)


def size_list(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=size_list,
        default=[1000, 10000],
        metavar="N,N,...",
        help="challenge counts to benchmark (default: 1000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind per size (default: 3)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="cache generated catalogues in DIR and reuse them")
    parser.add_argument(
        "--hugo",
        type=Path,
        metavar="PATH",
        default=shutil.which("hugo"),
        help="the Hugo binary to compare with (default: hugo on PATH, if any)",
    )
    parser.add_argument("--no-hugo", dest="hugo", action="store_const", const=None, help="do not run Hugo")
    parser.add_argument("--serial", action="store_true", help="also time builds in one process without the cache")
    parser.add_argument("--edits", type=int, default=5, help="one-file edits timed in-process per size (default: 5)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.hugo is not None and not HUGO_SITE.is_dir():
        parser.error(f"no Hugo reference site at {HUGO_SITE}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    keep = args.keep.resolve() if args.keep else None
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) "
        f"on {platform.platform()}, {os.cpu_count()} CPUs"
    )
    print(f"--today {TODAY}, {args.repeat} run(s) of each kind per size, seed {SEED}, Hugo: {args.hugo or 'not run'}")
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        scratch = Path(tmp)
        for size in args.sizes:
            content = corpus(size, keep, scratch)
            runs = measure(args, size, content, scratch)
            out = scratch / f"site-{size}"
            edits = edit_loop(project_folder(scratch), content, out, args.edits, scratch) if args.edits else {}
            report(size, runs, edits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
