"""Work that depends on one article alone, spread over the machine's cores, in input order.

Why: splitting an article into sentences (Punkt, the stand-alone rules, the names it calls by
surname) depends on that article only and is about half of a large day's build; two processes
on two cores halve it. The result is the one a single process gives: each worker runs the same
function on its share and the results come back in input order.

Workers come from ``concurrent.futures`` with the platform's start method: forked on Linux,
where a worker starts with everything already imported, spawned on macOS and Windows (each
worker imports the package afresh; the result is the same). Only for a day large enough to
repay starting them; otherwise (and with one core) it is the plain loop.

A stage that needs only the articles (story detection) can run beside one that needs the
sentences (ranking): ``background.in_background`` gives it a worker process of its own for a
block of the caller's work, on the same rule (``pays``). How both take a stop: ``stops.py``.

Stopped (Ctrl-C, SIGTERM to the build or to its whole process group), the parent decides:
workers ignore Ctrl-C and take SIGTERM as "stop at the next item", so none is killed while it
writes a result to the pipe the workers share (which left the parent's pool reading for ever).

What a worker works out on the way and the later stages ask again (the stem of each word; the
words, terms and statement of each sentence) lives in a ``SharedCache``: each worker hands its
new entries back with its results, so the parent does not work them out a second time.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from concurrent.futures import Future, InvalidStateError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from types import FrameType
from typing import Any, Generic, Protocol, TypeVar

from summarizer.errors import WorkerError
from summarizer.runtime.stops import STOPS, hold_stops, release_stops

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Cached(Protocol):
    def cache_clear(self) -> None: ...


C = TypeVar("C", bound=_Cached)

# What a build says when a worker process dies under it (the kernel's out-of-memory killer).
ENDED = (
    "a worker process ended unexpectedly (out of memory?); BRIEF_WORKERS=1 builds in one process"
)

# What a worker sends back for the items it was told to leave (SIGTERM) before it began them:
# the parent reads it only where nothing stopped the parent as well (someone else's kill).
_STOPPED = "a worker process was stopped (SIGTERM) before its share was done"
GRACE = 10  # seconds a worker told to stop has to end before SIGALRM ends it (a stuck one)

MIN_ITEMS = 40  # fewer articles than this finish before workers would have started
CHUNK = 8  # at most this many items handed to a worker at a time: few round trips
SHARES = 8  # and at least this many hand-outs per worker, so that the workers end together
MAX_WORKERS = 8


_MISSING = object()


class SharedCache(Generic[K, V]):
    """A cache of values worked out from a key, which worker processes hand back to their
    parent (``map_in_order``). Past ``limit`` entries it keeps what it has and works out the
    rest each time (starting afresh there made a day of 10,000 articles, whose workers hand
    back more than the limit, work every sentence's terms out again), and ``forget`` empties
    it between builds, so a long-running process does not grow without bound."""

    def __init__(
        self, name: str, limit: int, per_item: bool = False, hand_back: bool = True
    ) -> None:
        self._found: dict[K, V] = {}
        self._fresh: dict[K, V] | None = None  # in a worker: what it made since it last said
        self.limit = limit
        # Keyed by what one item holds (a sentence's text): a worker empties it after each
        # item, whose entries have gone to the parent (``_forget_item``).
        self.per_item = per_item
        # False: what a worker makes stays there (what the parent would hold for nothing).
        self.hand_back = hand_back
        _SHARED[name] = self

    def get(self, key: K, make: Callable[[K], V]) -> V:
        """The value for ``key``, made (and kept) the first time it is asked for."""
        found = self._found.get(key, _MISSING)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        found = make(key)
        if len(self._found) < self.limit:
            self._found[key] = found
        if self._fresh is not None:
            self._fresh[key] = found
        return found

    def clear(self) -> None:
        self._found.clear()

    def track(self) -> None:
        """From now on, keep what is made for ``new`` to hand back (in a worker process)."""
        if self.hand_back:
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
_ITEM_CACHES: list[_Cached] = []


def item_cache(func: C) -> C:
    """Mark an ``lru_cache``'d function as one that caches an item's own texts (a sentence's
    names): a worker process empties it after each item, as no later item asks for them."""
    _ITEM_CACHES.append(func)
    return func


def forget() -> None:
    """Empty every shared cache (a new day: what the last one worked out is no use to it)."""
    for cache in _SHARED.values():
        cache.clear()


def available_workers() -> int:
    """How many processes may work at once: ``BRIEF_WORKERS`` when set (1: none), else the
    cores this process may run on."""
    asked = os.environ.get("BRIEF_WORKERS", "").strip()
    if asked.isdigit():
        return max(1, min(MAX_WORKERS, int(asked)))
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, cores))


def map_in_order(
    func: Callable[[T], R],
    items: Sequence[T],
    workers: int | None = None,
    min_items: int | None = None,
    prepare: Callable[[], object] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``func`` over ``items``, results in input order; in worker processes when it pays.

    ``func`` must be a module-level function (it is sent to the workers by name), and what it
    takes and returns must pickle. ``prepare`` loads what every call needs (word lists): run
    here once before workers that start as copies of this process (fork), it spares each of
    them loading it again; workers that start afresh (spawn), or no workers, load it as
    ``func`` asks. ``meanwhile`` is work for this process while the workers start on
    ``items`` (none without workers: then this process is the one at work)."""
    count = available_workers() if workers is None else workers
    if not pays(len(items), count, min_items):
        yield from map(func, items)
        return
    context = multiprocessing.get_context()
    if prepare is not None and context.get_start_method() == "fork":
        prepare()
    yield from _in_workers(func, items, count, context, meanwhile)


def _in_workers(
    func: Callable[[T], R],
    items: Sequence[T],
    count: int,
    context: Any,
    meanwhile: Callable[[], object] | None = None,
) -> Iterator[R]:
    """``func`` over ``items`` in ``count`` worker processes, results in input order. Stopped
    (Ctrl-C, SIGTERM, an error here, the caller gone), the workers are told to stop: each
    ends the item at hand, drops the rest and ends, before this returns; none is left behind
    and none is killed (``_stop_soon``)."""
    before = hold_stops(context)
    try:
        pool, shares, started = _start(func, items, count, context)
    except BaseException:
        release_stops(before)
        raise
    done = False
    try:
        release_stops(before)  # a stop that came while they started is taken here
        if meanwhile is not None:  # the workers have all started: no fork happens meanwhile
            _held_until_done(meanwhile)
        with _collector_paused():
            shares.reverse()  # taken from the end: a share's results go once they are read
            while shares:
                for result, shared in shares.pop().result():
                    for name, found in shared.items():
                        _SHARED[name].learn(found)
                    yield result
        done = True
    except BrokenProcessPool as broken:
        raise WorkerError(ENDED) from broken
    finally:
        if not done:
            _tell_to_stop(started)
        with _quiet_cancelled_futures():
            pool.shutdown(wait=True, cancel_futures=True)


def _held_until_done(work: Callable[[], object]) -> None:
    """``work``, with a stop that comes meanwhile taking effect when it is done: it imports
    (nltk), and an import cut half-way leaves a module half made for the unwinding that
    follows."""
    held = hold_stops()
    try:
        work()
    finally:
        release_stops(held)


_Share = list[tuple[R, dict[str, dict[Any, Any]]]]


def _start(
    func: Callable[[T], R], items: Sequence[T], count: int, context: Any
) -> tuple[ProcessPoolExecutor, list[Future[_Share[R]]], list[Any]]:
    """A pool of ``count`` workers, ``items`` handed to it in shares, in order, and its worker
    processes (all started by then: at once with fork, one per share handed out with spawn).
    Called with Ctrl-C and SIGTERM held back: workers are born with them held until
    ``_started`` has set how they take them."""
    others = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_started)
    size = max(1, min(CHUNK, len(items) // (count * SHARES)))
    shares = [pool.submit(_share, func, items[at : at + size]) for at in range(0, len(items), size)]
    started = [p for p in multiprocessing.active_children() if p not in others]
    return pool, shares, started


def _tell_to_stop(started: Sequence[Any]) -> None:
    """SIGTERM to each worker: it ends the item at hand and drops the rest (``_stop_soon``),
    whether or not the stop reached it too (a group's SIGTERM does, Ctrl-C is ignored).
    Not on Windows, where it kills (the share at hand is finished there)."""
    if os.name != "posix":
        return
    for process in started:
        with suppress(OSError, ValueError):  # ended already
            process.terminate()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the workers' results arrive, and then what arrived
    goes straight to the oldest generation: it is kept (the day's sentences and what was
    worked out for them) and holds no cycles, yet the young generations' collections scanned
    all of it, some of it twice (at 1,250 articles 0.5 s of this process's time, taken from
    the workers'). The oldest generation is collected as usual, only rarely."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # freezing and thawing moves every tracked object to the oldest generation
        gc.unfreeze()
        if enabled:
            gc.enable()


def pays(size: int, count: int, min_items: int | None) -> bool:
    """Whether worker processes pay for ``size`` items: a second core, a day large enough,
    and (with fork) no other thread running, whose locks a forked worker would inherit held."""
    if multiprocessing.get_start_method() == "fork" and threading.active_count() > 1:
        return False
    return count >= 2 and size >= (MIN_ITEMS if min_items is None else min_items)


@contextmanager
def _quiet_cancelled_futures() -> Iterator[None]:
    """A worker that dies as the shutdown cancels the work left (killed: once a SIGTERM to the
    whole group did it, seen in CI): CPython 3.11's pool thread may then mark a future it
    just cancelled as failed, and ``InvalidStateError`` ends that thread with a traceback on
    stderr. The work was cancelled and nothing is lost, so that one error is not printed
    while the pool shuts down; any other is."""
    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if not isinstance(args.exc_value, InvalidStateError):
            previous(args)

    threading.excepthook = hook
    try:
        yield
    finally:
        threading.excepthook = previous


def _started() -> None:
    """In a new worker: stops as ``_stop_soon`` says; hand back only what is made here, not
    what the parent knows."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop_soon)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    for cache in _SHARED.values():
        cache.track()


_stopping = False  # in a pool's worker: told to stop (``_stop_soon``)


def _stop_soon(signum: int, frame: FrameType | None) -> None:
    """A pool's worker told to stop (SIGTERM, from the parent or with its whole group) ends
    the item at hand and leaves the rest, sending back ``_STOPPED`` for them, then ends when
    the pool ends it; only the parent decides how a stop ends (Ctrl-C the worker ignores).
    Not at once: the workers write their results to one pipe, and one killed half-way
    through a result left the parent's pool reading the rest for ever (a build stopped by a
    SIGTERM to its group hung). A worker that has not ended ``GRACE`` seconds later (one
    stuck on a lock a killed sibling held) is ended by SIGALRM."""
    global _stopping
    _stopping = True
    if hasattr(signal, "alarm"):
        signal.alarm(GRACE)


def _share(func: Callable[[T], R], items: Sequence[T]) -> _Share[R]:
    """In a worker: ``_sharing`` over a share of the items, in order."""
    return [_sharing(func, item) for item in items]


def _sharing(func: Callable[[T], R], item: T) -> tuple[R, dict[str, dict[Any, Any]]]:
    """In a worker: ``func(item)``, and what the shared caches learnt on the way."""
    if _stopping:
        raise WorkerError(_STOPPED)
    result = func(item)
    shared = {name: new for name, cache in _SHARED.items() if (new := cache.new())}
    _forget_item()
    return result, shared


def _forget_item() -> None:
    """In a worker, after an item: empty the caches of that item's own texts. What it made
    for the parent goes with its result; kept here, they filled each worker's caches to their
    limits (a day of 2,500 articles: 1,024 MB at the peak, 724 MB without them)."""
    for func in _ITEM_CACHES:
        func.cache_clear()
    for cache in _SHARED.values():
        if cache.per_item:
            cache.clear()
