"""A stage's work in a worker process of its own while the caller goes on.

Why: a stage that needs only the articles (story detection) can run beside one that needs the
sentences (ranking), on the second core; started ``behind`` (on spare time only), it can start
before the splitting, from a process that holds the articles alone, and take nothing from the
splitting's workers. The worker is a ``multiprocessing`` process, not a
pool's (a pool cannot stop a task at work, and a stopped build must not wait for its story
detection), and pays on the same rule as ``workers.map_in_order``: where it would not, the
work is done in this process when first asked for, with the same result.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from summarizer.errors import WorkerError
from summarizer.runtime.stops import hold_stops, release_stops, stops_to_parent
from summarizer.runtime.workers import ENDED, available_workers, pays

T = TypeVar("T")
R = TypeVar("R")
_MISSING = object()
LOWEST_PRIORITY = 19  # the niceness a ``behind`` worker adds to its own


class Background(Generic[R]):
    """``func(items)`` worked out in a worker process while the caller goes on; ``result``
    waits for it. Where a worker would not pay (``map_in_order``'s rule), it is worked out in
    this process when first asked for: the result is the same. A ``multiprocessing`` process
    of its own, not a pool's: a pool cannot stop a task at work, and a stopped build must not
    wait for its story detection to finish."""

    def __init__(
        self, func: Callable[[Sequence[T]], R], items: Sequence[T], behind: bool = False
    ) -> None:
        self._func: Callable[[Sequence[Any]], R] = func
        self._items: Sequence[Any] = items
        self._behind = behind
        self._found: R | object = _MISSING
        self._process: Any = None
        self._conn: Connection | None = None

    def start(self, context: Any) -> None:
        """Start the worker; ``result`` then reads what it sends back."""
        receiving, sending = context.Pipe(duplex=False)
        before = hold_stops(context)  # born with Ctrl-C held back, as ``_in_workers``' are
        try:
            self._process = context.Process(
                target=_in_background,
                args=(sending, self._func, self._items, self._behind),
                daemon=True,
            )
            self._process.start()
        finally:
            release_stops(before)
        sending.close()  # the worker's end: if it dies, reading ends instead of waiting
        self._conn = receiving

    def result(self) -> R:
        if self._found is _MISSING:
            self._found = self._func(self._items) if self._conn is None else self._receive()
        return self._found  # type: ignore[return-value]

    def _receive(self) -> R:
        assert self._conn is not None
        try:
            done, value = _read_back(self._conn.recv())
        except EOFError as ended:
            raise WorkerError(ENDED) from ended
        finally:
            self.close()
        if not done:
            raise value
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """End the worker if it is still at work (the caller stopped or failed first)."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        if self._conn is not None:
            with suppress(Exception):  # cleaning up after a stop: nothing to report
                if self._conn.poll():  # finished, never read: its file goes too
                    _read_back(self._conn.recv())
            self._conn.close()
        self._process = self._conn = None


@contextmanager
def in_background(
    func: Callable[[Sequence[T]], R],
    items: Sequence[T],
    min_items: int | None = None,
    behind: bool = False,
) -> Iterator[Background[R]]:
    """``func(items)`` in a worker process while the caller goes on (a stage that needs only
    the articles, beside one that needs the sentences); the worker ends with the block,
    finished or not. ``behind``: the worker runs at the lowest priority, on what time the
    machine's cores have spare, so that it can start before work that keeps every core busy
    (splitting) and take none of their time; the caller's own process waiting for it frees a
    core for it. ``func`` must be a module-level function, and what it takes and returns
    must pickle."""
    job = Background(func, items, behind)
    if pays(len(items), available_workers(), min_items):
        job.start(multiprocessing.get_context())
    try:
        yield job
    finally:
        job.close()


def _in_background(
    sending: Connection, func: Callable[[Any], Any], items: Any, behind: bool = False
) -> None:
    """In the worker: ``func(items)``, as (True, result) or (False, the error), written to a
    file whose name goes back through the pipe. Not the result itself: one larger than the
    pipe's buffer would keep the worker, and all it holds, alive until the parent reads it
    (on a day of 5,000 articles, 320 MB through the whole ranking)."""
    stops_to_parent()
    if behind:
        _behind()
    try:
        found: tuple[bool, Any] = (True, func(items))
    except Exception as exc:  # raised again in the parent, where the CLI maps it
        found = (False, exc)
    with tempfile.NamedTemporaryFile("wb", prefix="brief-", suffix=".pickle", delete=False) as out:
        try:
            pickle.dump(found, out)
        except Exception as exc:  # an error that does not pickle: its message does
            out.seek(0)
            out.truncate()
            pickle.dump((False, WorkerError(f"{type(exc).__name__}: {exc}")), out)
    sending.send(out.name)
    sending.close()


def _behind() -> None:
    """This process runs only on time no other wants: on Linux, under the idle policy (it
    took a twentieth of a core from the splitting at the lowest niceness); elsewhere at the
    lowest niceness; on Windows as the others do."""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        with suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
            return
    if hasattr(os, "nice"):
        os.nice(LOWEST_PRIORITY)


def _read_back(path: str) -> tuple[bool, Any]:
    """What a background worker wrote (``_in_background``); the file goes."""
    try:
        with open(path, "rb") as found:
            return pickle.load(found)  # type: ignore[no-any-return]
    finally:
        with suppress(OSError):
            os.unlink(path)
