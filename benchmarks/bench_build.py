"""Time the project's build on generated catalogues of several sizes.

    python benchmarks/bench_build.py [--sizes 1000,10000] [--repeat 3] [--keep DIR] [--project DIR]

For each size N it generates N challenges and N // 5 cases (seed 1), runs
`build.py build ... --today 2026-11-29` as a child process --repeat times, and
prints one table row: HTML pages written, median wall time, pages per second
and the child's peak resident memory.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate_corpus import generate_corpus

TODAY = "2026-11-29"
SEED = 1
HERE = Path(__file__).resolve().parent
STDERR_TAIL = 40
COLUMNS = (("size", 7), ("pages", 7), ("median wall s", 14), ("pages/s", 9), ("peak MiB", 9))


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_mib: float
    pages: int


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
    log(f"generated {size} challenges + {size // 5} cases in "
        f"{time.perf_counter() - start:.1f} s: {folder}")
    return folder


def peak_mib(max_rss: int) -> float:
    """ru_maxrss is in KiB on Linux and in bytes on macOS."""
    return max_rss / (2**20 if sys.platform == "darwin" else 2**10)


def build_failure(command: list[str], code: int, stderr: str) -> SystemExit:
    lines = stderr.splitlines()
    shown = "\n".join(lines[-STDERR_TAIL:])
    cut = f"[{len(lines) - STDERR_TAIL} earlier lines cut]\n" if len(lines) > STDERR_TAIL else ""
    return SystemExit(f"error: build failed with exit code {code}: {' '.join(command)}\n"
                      f"--- build stderr ---\n{cut}{shown}")


def run_build(project: Path, content: Path, out: Path, scratch: Path) -> Run:
    """One build in a child process; its wall time, peak RSS and the pages it wrote."""
    shutil.rmtree(out, ignore_errors=True)  # every run starts from no previous output
    command = [sys.executable, "build.py", "build", "--content", str(content),
               "--out", str(out), "--today", TODAY]
    stderr_path = scratch / "build.stderr"
    with open(stderr_path, "wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)  # rusage of this one child
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode != 0:
        stderr_text = stderr_path.read_text(encoding="utf-8", errors="replace")
        raise build_failure(command, child.returncode, stderr_text)
    pages = sum(1 for _ in out.rglob("*.html"))
    return Run(wall, peak_mib(usage.ru_maxrss), pages)


def measure(project: Path, content: Path, scratch: Path, size: int, repeat: int) -> list[Run]:
    runs = []
    for number in range(1, repeat + 1):
        run = run_build(project, content, scratch / f"site-{size}", scratch)
        log(f"size {size} run {number}/{repeat}: {run.wall_s:.2f} s, "
            f"{run.peak_mib:.0f} MiB, {run.pages} pages")
        runs.append(run)
    return runs


def row(cells: tuple[object, ...]) -> str:
    return " ".join(f"{cell:>{width}}" for cell, (_, width) in zip(cells, COLUMNS, strict=True))


def summary_row(size: int, runs: list[Run]) -> str:
    wall = statistics.median(run.wall_s for run in runs)
    pages = runs[-1].pages
    peak = max(run.peak_mib for run in runs)
    return row((size, pages, f"{wall:.2f}", f"{pages / wall:.0f}", f"{peak:.0f}"))


def size_list(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected numbers separated by commas, got {text!r}") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=size_list, default=[1000, 10000], metavar="N,N,...",
                        help="challenge counts to benchmark (default: 1000,10000)")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (default: 3)")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="cache generated catalogues in DIR and reuse them")
    parser.add_argument("--project", type=Path, default=HERE.parent, metavar="DIR",
                        help="folder holding build.py (default: this repository)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not (args.project / "build.py").is_file():
        parser.error(f"no build.py in {args.project}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    project = args.project.resolve()
    keep = args.keep.resolve() if args.keep else None  # the child runs in another folder
    print(f"Python {platform.python_version()} ({platform.python_implementation()}) "
          f"on {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"project {project}, --today {TODAY}, {args.repeat} run(s) per size, seed {SEED}")
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        scratch = Path(tmp)
        print(row(tuple(name for name, _ in COLUMNS)), flush=True)
        for size in args.sizes:
            content = corpus(size, keep, scratch)
            runs = measure(project, content, scratch, size, args.repeat)
            print(summary_row(size, runs), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
