"""A stage's work in a worker process of its own: the same result as in this process, one
clear error when it fails or dies, and no worker left behind."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from summarizer.errors import WorkerError
from summarizer.runtime import background
from tests.runtime.test_workers import _at_work, _children, linux_only


def _total_with_pid(items: Sequence[int]) -> tuple[int, int]:
    return sum(items), os.getpid()


def _fails_at_once(items: Sequence[int]) -> int:
    raise ValueError(f"no stories in {len(items)}")


def _dies_at_once(items: Sequence[int]) -> int:
    os._exit(9)


def _sleeps(items: Sequence[int]) -> int:
    time.sleep(60)
    return len(items)


@pytest.mark.process
@linux_only
def test_work_in_the_background_is_done_in_another_process_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # where the worker leaves its result
    monkeypatch.setattr(tempfile, "tempdir", None)
    with background.in_background(_total_with_pid, list(range(100_000)), min_items=1) as job:
        total, pid = job.result()
    assert total == sum(range(100_000))
    assert pid != os.getpid()
    assert not list(tmp_path.iterdir())  # the result's file is gone once read


def _many(items: Sequence[int]) -> list[int]:
    return list(range(len(items) * 1_000))  # far more than a pipe's buffer holds


@pytest.mark.process
@linux_only
def test_a_background_worker_ends_when_done_though_its_result_is_not_read_yet() -> None:
    """It holds a day's worth of memory: it must not wait for the parent to read a result
    larger than a pipe's buffer."""
    before = set(_children(os.getpid()))
    with background.in_background(_many, [0] * 200, min_items=1) as job:
        started = set(_children(os.getpid())) - before
        deadline = time.monotonic() + 60
        while any(_at_work(pid) for pid in started):
            assert time.monotonic() < deadline, "the worker waits for its result to be read"
            time.sleep(0.05)
        assert job.result() == list(range(200_000))


def test_background_work_on_a_small_day_is_done_in_this_process_when_asked() -> None:
    with background.in_background(_total_with_pid, [1, 2, 3]) as job:
        assert job.result() == (6, os.getpid())


def _priority(items: Sequence[int]) -> tuple[int, int]:
    return os.sched_getscheduler(0), os.nice(0)


@pytest.mark.process
@linux_only
def test_a_worker_started_behind_runs_only_on_spare_time_and_one_beside_as_this_one() -> None:
    """Story detection starts before the splitting, whose workers keep every core busy: it
    must take only the time they leave (the build's ranking, on one core)."""
    here = _priority([])
    with background.in_background(_priority, [0] * 10, min_items=1, behind=True) as job:
        assert job.result()[0] == os.SCHED_IDLE
    with background.in_background(_priority, [0] * 10, min_items=1) as job:
        assert job.result() == here


@pytest.mark.process
@linux_only
@pytest.mark.parametrize(
    ("work", "error", "message"),
    [
        (_fails_at_once, ValueError, "no stories in 50"),  # its own error reaches the caller
        (_dies_at_once, WorkerError, "worker process ended unexpectedly"),  # not a hang
    ],
)
def test_background_work_that_fails_or_dies_is_one_clear_error(
    work: Callable[[Sequence[int]], int], error: type[Exception], message: str
) -> None:
    with (
        pytest.raises(error, match=message),
        background.in_background(work, list(range(50)), min_items=1) as job,
    ):
        job.result()


@pytest.mark.process
@linux_only
def test_a_background_worker_ends_with_its_block_when_the_caller_stops_first() -> None:
    before = set(_children(os.getpid()))
    with pytest.raises(KeyboardInterrupt), background.in_background(_sleeps, [1] * 50, min_items=1):
        started = set(_children(os.getpid())) - before
        raise KeyboardInterrupt  # Ctrl-C while the worker is still at work
    assert started
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]
