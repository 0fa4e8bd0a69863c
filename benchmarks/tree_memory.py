"""Peak memory of a process and all its descendants, sampled from /proc (Linux).

A build forks worker processes, so the peak of one process says little. The
sampler adds up the proportional set size (PSS: shared pages divided among
the processes sharing them) of the whole tree, or the resident size where PSS
is not readable, every INTERVAL seconds, and keeps the highest sum.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

INTERVAL = 0.05
PROC = Path("/proc")


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _kib(pid: int) -> int:
    """PSS of one process in KiB (RSS if PSS cannot be read); 0 once it has gone."""
    for name, field in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in (PROC / str(pid) / name).read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1])
        except OSError:
            continue
    return 0


def tree_kib(root: int) -> int:
    tree = _children()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _kib(pid)
        stack.extend(tree.get(pid, ()))
    return total


class PeakSampler:
    """Samples the tree under `pid` in a thread until stopped; `peak_mib` is the highest sum seen."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kib = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.available = PROC.is_dir() and os.name == "posix"

    def __enter__(self) -> PeakSampler:
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self.available:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, tree_kib(self.pid))
            self._stop.wait(INTERVAL)

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024
