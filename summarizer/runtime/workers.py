"""Work that depends on one article alone, spread over the machine's cores, in input order.

Why: splitting an article into sentences (Punkt, the stand-alone rules, the names it calls by
surname) depends on that article only and is about half of a large day's build; two processes
on two cores halve it. The result is the one a single process gives: each worker runs the same
function on its share and the results come back in input order.

Only on Linux, where a forked worker starts with everything already imported, and only for a
day large enough to repay starting workers; otherwise (and with one core) it is the plain loop.

What a worker works out on the way and the later stages ask again (the stem of each word; the
words, terms and statement of each sentence) lives in a ``SharedCache``: each worker hands its
new entries back with its results, so the parent does not work them out a second time.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

MIN_ITEMS = 40  # fewer articles than this finish before workers would have started
CHUNK = 16  # items handed to a worker at a time: few round trips, even shares
MAX_WORKERS = 8


_MISSING = object()


class SharedCache(Generic[K, V]):
    """A cache of values worked out from a key, which worker processes hand back to their
    parent (``map_in_order``). Past ``limit`` entries it starts afresh, so a long-running
    process does not grow without bound."""

    def __init__(self, name: str, limit: int) -> None:
        self._found: dict[K, V] = {}
        self._fresh: dict[K, V] | None = None  # in a worker: what it made since it last said
        self.limit = limit
        _SHARED[name] = self

    def get(self, key: K, make: Callable[[K], V]) -> V:
        """The value for ``key``, made (and kept) the first time it is asked for."""
        found = self._found.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        if len(self._found) >= self.limit:
            self._found.clear()
        found = self._found[key] = make(key)
        if self._fresh is not None:
            self._fresh[key] = found
        return found

    def track(self) -> None:
        """From now on, keep what is made for ``new`` to hand back (in a worker process)."""
        self._fresh = {}

    def new(self) -> dict[K, V]:
        """What was made since ``track`` or the last ``new`` (nothing where nothing is kept)."""
        if self._fresh is None:
            return {}
        fresh, self._fresh = self._fresh, {}
        return fresh

    def learn(self, found: Mapping[K, V]) -> None:
        """Keep entries another process made."""
        self._found.update(found)


_SHARED: dict[str, SharedCache[Any, Any]] = {}


def available_workers() -> int:
    """How many processes may work at once: ``BRIEF_WORKERS`` when set (1: none), else the
    cores this process may run on; 1 where forking is not how processes start (macOS,
    Windows)."""
    if not sys.platform.startswith("linux"):
        return 1
    asked = os.environ.get("BRIEF_WORKERS", "").strip()
    if asked.isdigit():
        return max(1, min(MAX_WORKERS, int(asked)))
    return max(1, min(MAX_WORKERS, len(os.sched_getaffinity(0))))


def map_in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int | None = None,
    min_items: int | None = None,
) -> Iterator[R]:
    """``func`` over ``items``, results in input order; in worker processes when it pays.

    ``func`` must be a module-level function (it is sent to the workers by name), and what it
    returns must pickle."""
    count = available_workers() if workers is None else workers
    # A fork copies only the calling thread: with another thread running (a caller's server,
    # a timer) a lock it holds would stay locked in the workers, so then it is the plain loop.
    alone = threading.active_count() == 1
    if count < 2 or not alone or len(items) < (MIN_ITEMS if min_items is None else min_items):
        yield from map(func, items)
        return
    context = multiprocessing.get_context("fork")
    # Workers are born with Ctrl-C and SIGTERM held back until ``_forked`` has set how they
    # take them; the parent gets any that came meanwhile once the pool is made.
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        pool = context.Pool(count, initializer=_forked)
        _LIVE.add(pool)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    try:
        for result, shared in pool.imap(partial(_sharing, func), items, chunksize=CHUNK):
            for name, found in shared.items():
                _SHARED[name].learn(found)
            yield result
    except BaseException:  # Ctrl-C, SIGTERM, or the caller stopped early
        end_all()
        raise
    _LIVE.discard(pool)
    pool.terminate()  # every result is in: the workers wait for work, holding nothing


# Pools at work. Held here so that the collector never ends one through its weakref callback
# (Pool.terminate, which can hang: see ``_abandon``) before ``end_all`` has.
_LIVE: set[Any] = set()


def end_all() -> None:
    """End every pool still at work, its workers at once (after Ctrl-C or SIGTERM)."""
    while _LIVE:
        _abandon(_LIVE.pop())


_STOPS = {signal.SIGINT, signal.SIGTERM}


def _forked() -> None:
    """In a new worker: hand back only what is made here, not what the parent knows. Ctrl-C
    reaches the whole process group, but only the parent answers it (it ends the pool); the
    SIGTERM that ends the pool ends a worker at once: no worker prints a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)
    for cache in _SHARED.values():
        cache.track()


def _abandon(pool: Any) -> None:
    """End a pool's workers at once (SIGKILL) and leave its threads to end with the process.

    ``Pool.terminate`` would first take the locks of the pool's queues, which a worker killed
    by a SIGTERM to the whole process group (while it waited for work or handed back a
    result) holds for ever: the build would hang instead of ending."""
    pool._state = pool._worker_handler._state = multiprocessing.pool.TERMINATE
    pool._worker_handler.join(timeout=1)  # it replaces dead workers: it must stop first
    for process in pool._pool:
        process.kill()
    for process in pool._pool:
        process.join()
    pool._terminate.cancel()  # the pool's own clean-up at exit would wait on those locks


def _sharing(func: Callable[[T], R], item: T) -> tuple[R, dict[str, dict[Any, Any]]]:
    """In a worker: ``func(item)``, and what the shared caches learnt on the way."""
    result = func(item)
    return result, {name: new for name, cache in _SHARED.items() if (new := cache.new())}
