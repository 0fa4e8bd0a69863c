"""Work spread over processes forked from the build, so that they inherit what it has loaded.

Only the items (small: numbers) travel to the workers; the catalogue, the
templates and the Markdown renderer are already there, copied on write by the
fork. Results come back in the order of the items, so the build's diagnostics
and output do not depend on the number of processes. Where fork is not
available (Windows, macOS by default), or for little work, everything runs in
this process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 200  # below this, starting processes costs more than it saves

_task: Callable[[Any], Any] | None = None


def available() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def processes(jobs: int | None, items: int) -> int:
    """How many processes to use: `jobs` if given, else one per processor when there is enough work."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is not None:
        return max(1, min(jobs, items))
    return 1 if items < MIN_ITEMS else min(available(), items)


@contextmanager
def ordered(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int, chunk: int = 32
) -> Iterator[Iterator[Result]]:
    """`function(item)` for every item, in order; with `jobs` > 1 the work starts at once in forked processes.

    `function` must be set before the fork, so it is passed by inheritance, not pickled.
    """
    global _task
    if jobs <= 1:
        yield map(function, items)
        return
    _task = function
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object in each worker
    try:
        # Workers collect their own garbage even when this process has paused its collector (see pipeline).
        with multiprocessing.get_context("fork").Pool(jobs, initializer=gc.enable) as pool:
            yield pool.imap(_call, items, chunksize=chunk)
    finally:
        _task = None
        gc.unfreeze()


def _call(item: Any) -> Any:
    assert _task is not None
    return _task(item)
