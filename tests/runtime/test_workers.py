"""Worker processes: the same results as one process, in input order, and what a worker
works out on the way reaches the parent."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from summarizer.runtime import workers
from summarizer.runtime.resources import examples_dir
from summarizer.runtime.workers import SharedCache, available_workers, map_in_order

_SQUARES: SharedCache[int, int] = SharedCache("test-squares", limit=1_000)

linux_only = pytest.mark.skipif(available_workers() < 2, reason="needs fork and two cores")


def _square_with_pid(n: int) -> tuple[int, int]:
    return _SQUARES.get(n, lambda k: k * k), os.getpid()


def _fails_on_three(n: int) -> int:
    if n == 3:
        raise ValueError("three")
    return n


@pytest.mark.process
@linux_only
def test_results_come_back_in_input_order_from_several_processes() -> None:
    items = list(range(200, 0, -1))
    found = list(map_in_order(_square_with_pid, items, workers=2, min_items=1))
    assert [value for value, _ in found] == [n * n for n in items]
    assert {pid for _, pid in found} - {os.getpid()}  # some were worked out elsewhere


def test_a_small_day_stays_in_this_process() -> None:
    found = list(map_in_order(_square_with_pid, [1, 2, 3], workers=2))
    assert [pid for _, pid in found] == [os.getpid()] * 3


@pytest.mark.process
@linux_only
def test_what_a_worker_made_reaches_the_parent_cache() -> None:
    items = [10_001, 10_002, 10_003]
    assert all(n not in _SQUARES._found for n in items)
    list(map_in_order(_square_with_pid, items, workers=2, min_items=1))
    assert {n: _SQUARES._found.get(n) for n in items} == {n: n * n for n in items}


@pytest.mark.process
@linux_only
def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="three"):
        list(map_in_order(_fails_on_three, list(range(10)), workers=2, min_items=1))


def test_with_another_thread_running_it_stays_in_this_process() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        found = list(map_in_order(_square_with_pid, list(range(50)), workers=2, min_items=1))
    finally:
        stop.set()
        other.join()
    assert {pid for _, pid in found} == {os.getpid()}
    assert [value for value, _ in found] == [n * n for n in range(50)]


def test_a_full_cache_starts_afresh() -> None:
    cache: SharedCache[int, int] = SharedCache("test-small", limit=3)
    for n in range(10):
        assert cache.get(n, lambda k: -k) == -n
    assert len(cache._found) <= 3


def test_brief_workers_sets_how_many_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEF_WORKERS", "1")
    assert available_workers() == 1
    monkeypatch.setenv("BRIEF_WORKERS", "99")
    assert available_workers() in (1, workers.MAX_WORKERS)  # 1 off Linux


_BUILD = """
import sys
from summarizer import cli
from summarizer.runtime import workers
workers.MIN_ITEMS, workers.CHUNK = int(sys.argv[1]), 1
sys.exit(cli.main(["build", *sys.argv[3:], "--out", sys.argv[2], "-q"]))
"""


def _build_in_fresh_process(out: Path, min_items: int, sources: list[str]) -> dict[str, bytes]:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, str(min_items), str(out), *sources],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.mark.process
@linux_only
def test_a_brief_built_in_worker_processes_is_the_one_built_in_one(tmp_path: Path) -> None:
    """Reading, cleaning and splitting in workers, from cold caches (each a fresh process):
    the same Markdown, HTML and JSON, byte for byte."""
    sources = [str(p) for p in sorted(examples_dir().iterdir()) if p.suffix == ".txt"]
    one = _build_in_fresh_process(tmp_path / "one", 10_000, sources)
    several = _build_in_fresh_process(tmp_path / "several", 1, sources)
    assert set(one) == set(several) and len(one) == 3
    assert one == several
