"""Work shared between this process and processes forked from it, so that they inherit what it has loaded.

Only item numbers travel: the catalogue, the templates and the Markdown
renderer are already in every process, copied on write by the fork. This
process works through the items too, so with two processors one fork is
enough, and the inherited memory is copied once, not twice. Results come back
in the order of the items, so the build's diagnostics and output do not depend
on the number of processes. Where fork is not available (Windows, macOS by
default), or for little work, everything runs in this process.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 200  # below this, starting processes costs more than it saves
_POLL = 0.5  # seconds between checks that the workers are still alive while waiting for them


def available() -> int:
    """The processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def processes(jobs: int | None, items: int) -> int:
    """How many processes to use, this one included: `jobs` if given, else one per processor for enough work."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if jobs is not None:
        return max(1, min(jobs, items))
    return 1 if items < MIN_ITEMS else min(available(), items)


class WorkerLost(RuntimeError):
    """A worker process ended without giving all its results (killed, say)."""


@contextmanager
def ordered(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int, helping: bool = True
) -> Iterator[Iterator[Result]]:
    """`function(item)` for every item, in order, worked out by `jobs` processes.

    With `jobs` > 1 the workers start at once. `helping`: this process is one of the `jobs`
    and works on the items whenever it waits for a result, so that the results it holds may
    run ahead of those it has been given; else it only takes the results of `jobs` workers
    (when it has work of its own to do with each, and what it would make would stay in its
    memory). Processes take the items one at a time, in order (callers make each item a run of
    work), so the first items start first. An exception raised by `function` in a worker is raised here.
    """
    if jobs <= 1:
        yield map(function, items)
        return
    context = multiprocessing.get_context("fork")
    work = _Work(function, items, context, helping)
    gc.freeze()  # the collector would otherwise touch, and so copy, every inherited object in each worker
    _release_freed_memory()
    workers = [context.Process(target=work.serve, daemon=True) for _ in range(jobs - 1 if helping else jobs)]
    try:
        for worker in workers:
            worker.start()
        yield work.results(workers)
    finally:
        for worker in workers:
            if worker.is_alive():
                worker.terminate()
            worker.join()
        work.done.close()
        gc.unfreeze()


def _release_freed_memory() -> None:
    """Give the system back what the C allocator keeps of the memory this process has freed (glibc only).

    Loading leaves holes between what the build keeps: about 100 MB at 50,000 documents that would
    otherwise count for this process while the workers run.
    """
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)
    if trim is not None:
        trim(0)


class _Work(Generic[Item, Result]):
    """The items, which of them have been taken (shared by the processes), and the workers' results."""

    def __init__(self, function: Callable[[Item], Result], items: Sequence[Item], context: Any, helping: bool) -> None:
        self.function = function
        self.helping = helping
        self.items = items
        self.taken = context.RawValue("q", 0)  # the first item no process has taken
        self.lock = context.Lock()
        self.done = context.Queue()  # pickled (number, ok, result or exception), from the workers

    def take(self) -> int | None:
        """The number of the next item no process has taken, now taken by this one; None when there is none."""
        with self.lock:
            number = self.taken.value
            if number >= len(self.items):
                return None
            self.taken.value = number + 1
        return number

    def serve(self) -> None:
        """A worker's life: take items until there are none left, send each result back."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the parent, which then stops the workers
        gc.enable()  # workers collect their own garbage even when the parent has paused its collector
        while (number := self.take()) is not None:
            try:
                message = pickle.dumps((number, True, self.function(self.items[number])), protocol=5)
            except BaseException as error:  # carried to the parent, raised there
                message = _pickled_error(number, error, traceback.format_exc())
            self.done.put(message)

    def results(self, workers: list[Any]) -> Iterator[Result]:
        """Each item's result in order; while this process waits for one, it works on the next items it can take."""
        finished: dict[int, Any] = {}
        for number in range(len(self.items)):
            while number not in finished:
                self._receive(finished, wait=False)
                if number in finished:
                    break
                if self.helping and (own := self.take()) is not None:
                    finished[own] = self.function(self.items[own])
                else:
                    self._receive(finished, wait=True, workers=workers)
            yield finished.pop(number)

    def _receive(self, finished: dict[int, Any], wait: bool, workers: Sequence[Any] = ()) -> None:
        """Add what the workers have sent; with `wait`, wait for something (and check that they still live)."""
        while True:
            try:
                message = self.done.get(timeout=_POLL) if wait else self.done.get_nowait()
            except queue.Empty:
                if not wait:
                    return
                if all(worker.exitcode is not None for worker in workers) and self.done.empty():
                    codes = ", ".join(str(worker.exitcode) for worker in workers)
                    raise WorkerLost(f"worker processes ended (exit codes {codes}) before all results came") from None
                continue
            number, ok, value = pickle.loads(message)
            if not ok:
                error, where = value
                raise error from InWorker(where)
            finished[number] = value
            wait = False  # something came: take whatever else is there, then go back to work


class InWorker(Exception):
    """Where in a worker process an exception raised here came from: its traceback there, as text."""


def _pickled_error(number: int, error: BaseException, where: str) -> bytes:
    try:
        return pickle.dumps((number, False, (error, where)), protocol=5)
    except Exception:  # one that cannot be pickled is described instead
        return pickle.dumps((number, False, (RuntimeError(f"in a worker process: {error!r}"), where)), protocol=5)
