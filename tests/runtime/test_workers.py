"""Worker processes: the same results as one process, in input order, and what a worker
works out on the way reaches the parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

import pytest

from summarizer.errors import WorkerError
from summarizer.runtime import workers
from summarizer.runtime.resources import examples_dir
from summarizer.runtime.workers import SharedCache, available_workers, map_in_order

_SQUARES: SharedCache[int, int] = SharedCache("test-squares", limit=1_000)
_NEXT: SharedCache[int, int] = SharedCache("test-next", limit=1_000, per_item=True)
_KEPT: SharedCache[int, int] = SharedCache("test-kept", limit=1_000, hand_back=False)


@workers.item_cache
@lru_cache(maxsize=1_000)
def _doubled(n: int) -> int:
    return 2 * n


def _held_then_fill(n: int) -> tuple[int, int, int]:
    """What this process's caches of one item's texts held as item ``n`` began; then fill
    them with ``n``'s entries."""
    held = len(_NEXT._found), _doubled.cache_info().currsize
    _NEXT.get(n, lambda k: k + 1)
    _doubled(n)
    return (*held, os.getpid())


linux_only = pytest.mark.skipif(
    available_workers() < 2 or not sys.platform.startswith("linux"), reason="needs two cores, /proc"
)


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


@pytest.mark.process
@linux_only
def test_a_worker_keeps_no_item_cache_past_its_item_and_the_parent_learns_them() -> None:
    found = list(map_in_order(_held_then_fill, list(range(100)), workers=2, min_items=1))
    in_workers = [(words, names) for words, names, pid in found if pid != os.getpid()]
    assert len(in_workers) == 100
    assert set(in_workers) == {(0, 0)}  # each item began with nothing of the items before
    assert {n: _NEXT._found.get(n) for n in range(100)} == {n: n + 1 for n in range(100)}


def test_a_small_day_stays_in_this_process() -> None:
    found = list(map_in_order(_square_with_pid, [1, 2, 3], workers=2))
    assert [pid for _, pid in found] == [os.getpid()] * 3


_LOADED: list[int] = []  # the processes that ran ``_load_list``


def _load_list() -> None:
    _LOADED.append(os.getpid())


def _had_list(n: int) -> tuple[bool, int]:
    """Whether this process had the list loaded when item ``n`` came, and which it is."""
    return bool(_LOADED), os.getpid()


@pytest.mark.process
@linux_only
def test_forked_workers_start_with_what_prepare_loaded_here() -> None:
    _LOADED.clear()
    found = list(map_in_order(_had_list, list(range(60)), workers=2, prepare=_load_list))
    assert [os.getpid()] == _LOADED  # loaded once, here, not again in each worker
    assert {pid for _, pid in found} - {os.getpid()}
    assert all(had for had, _ in found)


def test_without_workers_prepare_is_left_to_the_work_itself() -> None:
    _LOADED.clear()
    list(map_in_order(_had_list, [1, 2, 3], workers=2, prepare=_load_list))
    assert _LOADED == []


@pytest.mark.process
@linux_only
def test_this_process_does_its_own_work_while_the_workers_do_theirs() -> None:
    _LOADED.clear()
    found = list(map_in_order(_had_list, list(range(60)), workers=2, meanwhile=_load_list))
    assert [os.getpid()] == _LOADED  # done here, once
    assert not any(had for had, _ in found)  # the workers had started without it


@pytest.mark.process
@linux_only
def test_what_a_worker_made_reaches_the_parent_cache() -> None:
    items = [10_001, 10_002, 10_003]
    assert all(n not in _SQUARES._found for n in items)
    list(map_in_order(_square_with_pid, items, workers=2, min_items=1))
    assert {n: _SQUARES._found.get(n) for n in items} == {n: n * n for n in items}


def _cube_with_pid(n: int) -> tuple[int, int]:
    return _KEPT.get(n, lambda k: k**3), os.getpid()


@pytest.mark.process
@linux_only
def test_what_a_worker_keeps_to_itself_stays_there() -> None:
    """A sentence's words: asked for again only in the worker that split it (240 MB of a
    large day's parent, handed back)."""
    items = list(range(20_001, 20_101))
    found = list(map_in_order(_cube_with_pid, items, workers=2, min_items=1))
    assert [value for value, _ in found] == [n**3 for n in items]
    assert {pid for _, pid in found} - {os.getpid()}
    assert not any(n in _KEPT._found for n in items)


@pytest.mark.process
@linux_only
def test_an_error_in_a_worker_reaches_the_caller() -> None:
    with pytest.raises(ValueError, match="three"):
        list(map_in_order(_fails_on_three, list(range(10)), workers=2, min_items=1))


def _dies_on_three(n: int) -> int:
    if n == 3:
        os._exit(9)  # as the kernel's out-of-memory killer ends a process
    return n


@pytest.mark.process
@linux_only
def test_a_worker_that_dies_is_one_clear_error_not_a_hang() -> None:
    with pytest.raises(WorkerError, match="worker process ended unexpectedly"):
        list(map_in_order(_dies_on_three, list(range(10)), workers=2, min_items=1))


def _at_work(pid: int) -> bool:
    """Whether process ``pid`` still runs (not ended, nor ended and waiting to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


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
    assert available_workers() == workers.MAX_WORKERS


_BUILD = """
import multiprocessing, sys
from summarizer import cli
from summarizer.errors import WorkerError
from summarizer.runtime import background, workers
if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    workers.MIN_ITEMS, workers.CHUNK = int(sys.argv[2]), 1
    sys.exit(cli.main(["build", *sys.argv[4:], "--out", sys.argv[3], "-q"]))
"""

_PIDS = """
import multiprocessing, os, sys
from summarizer.runtime.workers import map_in_order
from tests.runtime.test_workers import _square_with_pid
if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    found = list(map_in_order(_square_with_pid, list(range(60)), workers=2, min_items=1))
    assert [value for value, _ in found] == [n * n for n in range(60)], found
    print(len({pid for _, pid in found} - {os.getpid()}))
"""


@pytest.mark.process
@pytest.mark.skipif(available_workers() < 2, reason="needs two cores")
def test_workers_start_under_spawn_as_on_macos_and_windows() -> None:
    """The start method macOS and Windows use: the work is done in other processes, in order."""
    done = subprocess.run(
        [sys.executable, "-c", _PIDS], capture_output=True, text=True, timeout=300, cwd=_ROOT
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 1


_ROOT = Path(__file__).resolve().parents[2]


def _build_in_fresh_process(
    out: Path, min_items: int, sources: list[str], start: str = "fork"
) -> dict[str, bytes]:
    done = subprocess.run(
        [sys.executable, "-c", _BUILD, start, str(min_items), str(out), *sources],
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


@pytest.mark.process
@pytest.mark.skipif(available_workers() < 2, reason="needs two cores")
def test_a_brief_built_by_spawned_workers_is_the_one_built_in_one(tmp_path: Path) -> None:
    """Spawned workers (macOS, Windows) import everything afresh: the same brief, byte for
    byte, as one process makes."""
    sources = [str(p) for p in sorted(examples_dir().iterdir()) if p.suffix == ".txt"]
    one = _build_in_fresh_process(tmp_path / "one", 10_000, sources, "spawn")
    several = _build_in_fresh_process(tmp_path / "several", 1, sources, "spawn")
    assert set(one) == set(several) and len(one) == 3
    assert one == several


def _day_of_many_articles(folder: Path, count: int) -> Path:
    """``count`` distinct reports of one day, each a different draw of the sample's sentences:
    enough to be split in worker processes."""
    sentences = [
        line.strip()
        for path in sorted(examples_dir().iterdir())
        if path.suffix == ".txt"
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 8 and not line.lstrip().startswith("date ")
    ]
    folder.mkdir()
    for n in range(count):
        picked = [sentences[(n * 7 + k * 13) % len(sentences)] for k in range(30)]
        body = "\n\n".join(picked)
        text = f"date 2025-06-25 Report {n} from the summit.\n\n{body}\n"
        (folder / f"report{n:03}.txt").write_text(text, encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    """The processes ``pid`` has started (Linux's /proc), none once it has ended."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    except OSError:
        return []
    return [int(word) for word in text.split()]


_STOPPABLE = """
import multiprocessing, sys
from summarizer import cli
if __name__ == "__main__":
    multiprocessing.set_start_method(sys.argv[1])
    sys.exit(cli.main(sys.argv[2:]))
"""


def _workers_of(pid: int, spawned: bool) -> list[int]:
    """The worker processes ``pid`` has started: forked, all its children; spawned, those
    running spawn's entry point (not the resource tracker, which outlives it a moment, nor a
    child not yet running its own command: until then it shows its parent's)."""
    if not spawned:
        return _children(pid)
    found = []
    for child in _children(pid):
        with suppress(OSError):
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(child)
    return found


def _stop_a_build(
    folder: Path, stop: signal.Signals, group: bool, start: str | None = None
) -> tuple[int, list[str], list[int], Path]:
    """A build of a large day in a process group of its own (the command as it is run, or
    with ``start``, the workers' start method, set first), stopped by ``stop`` (sent to the
    group or to the build alone) once its workers run: its status, its stderr lines, the
    workers it had, and its output folder."""
    day = _day_of_many_articles(folder / "day", 8 * workers.MIN_ITEMS)
    out = folder / "out"
    brief = ["-m", "summarizer"] if start is None else ["-c", _STOPPABLE, start]
    child = subprocess.Popen(
        [sys.executable, *brief, "build", str(day), "--out", str(out), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "BRIEF_WORKERS": "2"},
        cwd=_ROOT,
    )
    deadline = time.monotonic() + 120
    while len(started := _workers_of(child.pid, start == "spawn")) < 2 and child.poll() is None:
        assert time.monotonic() < deadline, "no worker processes started"
        time.sleep(0.01)
    assert child.poll() is None, "the build ended before its workers started"
    time.sleep(0.2)  # the workers at work
    if group:
        os.killpg(child.pid, stop)
    else:
        child.send_signal(stop)
    _, err = child.communicate(timeout=60)
    return child.returncode, err.splitlines(), started, out


_STOPS = [
    (signal.SIGINT, True, 130, "brief: interrupted"),  # Ctrl-C: the whole process group
    (signal.SIGINT, False, 130, "brief: interrupted"),
    (signal.SIGTERM, True, 143, "brief: terminated"),  # a service manager's stop
    (signal.SIGTERM, False, 143, "brief: terminated"),  # kill PID
]


@pytest.mark.process
@linux_only
@pytest.mark.parametrize(("stop", "group", "status", "line"), _STOPS)
def test_a_build_stopped_while_its_workers_run_ends_quietly(
    tmp_path: Path, stop: signal.Signals, group: bool, status: int, line: str
) -> None:
    """One line and the usual status, no worker traceback, no worker left, nothing written."""
    ended, err, started, out = _stop_a_build(tmp_path, stop, group)
    assert (ended, err) == (status, [line])
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.process
@linux_only
@pytest.mark.parametrize(("stop", "group", "status", "line"), _STOPS[::2])
def test_a_build_whose_spawned_workers_run_ends_quietly_when_its_group_is_stopped(
    tmp_path: Path, stop: signal.Signals, group: bool, status: int, line: str
) -> None:
    """As macOS and Windows start workers (spawned: each imports the package first, long
    enough for the stop to come before it is ready): the same one line, no worker left."""
    ended, err, started, out = _stop_a_build(tmp_path, stop, group, "spawn")
    assert (ended, err) == (status, [line])
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]
    assert not out.exists() or not any(out.iterdir())


def _slow_square_with_pid(n: int) -> tuple[int, int]:
    time.sleep(0.02)
    return n * n, os.getpid()


@pytest.mark.process
@linux_only
def test_a_worker_sent_sigterm_ends_the_item_at_hand_and_says_it_stopped() -> None:
    """A SIGTERM that reaches the workers and not the parent (``kill`` of a worker): they
    are not killed (one killed while writing its result left the pool reading for ever);
    each ends the item at hand and leaves the rest, the parent says so in one error and
    the workers end with it."""
    before = set(_children(os.getpid()))
    found = map_in_order(_slow_square_with_pid, list(range(400)), workers=2, min_items=1)
    assert next(found)[0] == 0
    started = set(_children(os.getpid())) - before
    assert len(started) == 2
    for pid in started:
        os.kill(pid, signal.SIGTERM)
    with pytest.raises(WorkerError, match="stopped"):
        for _ in found:
            pass
    assert not [pid for pid in started if _at_work(pid)]


def test_a_cancelled_futures_late_failure_is_not_printed_while_the_pool_shuts_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The race a group SIGTERM can leave (CPython 3.11): the pool's thread fails to mark a
    future it just cancelled. That error is not printed during the shutdown; others are."""
    from concurrent.futures import InvalidStateError

    from summarizer.runtime.workers import _quiet_cancelled_futures

    printed: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: printed.append(str(args.exc_value)))

    def fail(error: Exception) -> None:
        raise error

    def run(error: Exception) -> None:
        thread = threading.Thread(target=fail, args=(error,))
        thread.start()
        thread.join()

    with _quiet_cancelled_futures():
        run(InvalidStateError("CANCELLED: <Future at 0x0 state=cancelled>"))
        run(ValueError("a real fault"))
    run(InvalidStateError("outside the shutdown"))
    assert printed == ["a real fault", "outside the shutdown"]
