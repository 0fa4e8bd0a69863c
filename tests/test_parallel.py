"""Work shared with forked processes: every result, in order, whoever made it; a worker's failure is the build's."""

from __future__ import annotations

import os
import signal
import time

import pytest

from catalogue import parallel

pytestmark = pytest.mark.skipif(parallel.processes(2, 2) == 1, reason="needs fork")


PARENT = os.getpid()


def made_by(number: int) -> tuple[int, int]:
    if os.getpid() == PARENT:
        time.sleep(0.005)  # so that the worker surely takes some of the items
    return number * number, os.getpid()


def test_results_come_in_order_and_both_processes_work() -> None:
    with parallel.ordered(made_by, range(400), 2) as results:
        got = list(results)
    assert [square for square, _ in got] == [n * n for n in range(400)]
    makers = {pid for _, pid in got}
    assert os.getpid() in makers and len(makers) == 2


def test_a_worker_error_is_raised_here() -> None:
    def fails_in_worker(number: int) -> int:
        if os.getpid() != PARENT:
            raise ValueError(f"bad item {number}")
        return made_by(number)[0]

    with pytest.raises(ValueError, match="bad item") as raised, parallel.ordered(fails_in_worker, range(200), 2) as run:
        list(run)
    assert isinstance(raised.value.__cause__, parallel.InWorker)
    assert "fails_in_worker" in str(raised.value.__cause__)  # the worker's traceback, for whoever debugs it


def test_a_killed_worker_does_not_leave_the_build_waiting() -> None:
    def dies_in_worker(number: int) -> int:
        if os.getpid() != PARENT:
            os.kill(os.getpid(), signal.SIGKILL)
        return made_by(number)[0]

    with pytest.raises(parallel.WorkerLost), parallel.ordered(dies_in_worker, range(200), 2) as results:
        list(results)


def test_one_process_needs_no_fork() -> None:
    with parallel.ordered(made_by, range(10), 1) as results:
        assert {pid for _, pid in results} == {os.getpid()}
