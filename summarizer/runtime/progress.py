"""Progress on stderr for long runs, and only where someone is watching.

It shows only when stderr is a terminal and the run was not asked to be quiet, so logs, pipes
and tests see nothing. Two kinds: a bar over items (files read, articles split, clusters
evaluated), and a bar over a run's named steps (ranking, merging, themes, …) for the steps
that are one call each, so a long step is never silent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence, Sized
from typing import Any, TypeVar

T = TypeVar("T")

MIN_ITEMS = 20  # fewer inputs than this finish before a bar is worth drawing


def showing(quiet: bool = False) -> bool:
    """Whether progress is drawn at all: stderr is a terminal and the run is not quiet."""
    return not quiet and sys.stderr.isatty()


def progress(
    items: Iterable[T],
    what: str,
    quiet: bool = False,
    unit: str = " files",
    min_items: int = MIN_ITEMS,
    total: int | None = None,
) -> Iterator[T]:
    """Iterate over ``items``, drawing a bar labelled ``what`` when it helps; ``total`` is
    their number when ``items`` is an iterator."""
    if total is None and isinstance(items, Sized):
        total = len(items)
    if not showing(quiet) or (total is not None and total < min_items):
        yield from items
        return
    yield from _tqdm()(items, desc=what, total=total, file=sys.stderr, leave=False, unit=unit)


def _tqdm() -> Any:
    """tqdm's bar, without its monitor thread: splitting forks worker processes while a bar
    is drawn (``workers.py``), and a fork should not copy a thread that may hold a lock. The
    monitor only retunes how often a stalled bar redraws."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0
    return tqdm


class Steps:
    """A bar over named steps: ``step("merging")`` marks the start of each one, ``done()``
    (or leaving the ``with`` block) clears the bar. Draws nothing when not ``shown``."""

    def __init__(self, names: Sequence[str], shown: bool) -> None:
        self._bar: Any = None
        if shown and names:
            self._bar = _tqdm()(
                total=len(names), desc=names[0], file=sys.stderr, leave=False, unit=" steps"
            )
        self._started = False

    def __call__(self, name: str) -> None:
        if self._bar is None:
            return
        if self._started:
            self._bar.update(1)
        self._started = True
        self._bar.set_description(name)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Steps:
        return self

    def __exit__(self, *exc: object) -> None:
        self.done()


def steps(names: Sequence[str], quiet: bool = False, size: int = MIN_ITEMS) -> Steps:
    """Steps shown on a terminal for a run of ``size`` inputs (a small run ends too soon)."""
    return Steps(names, showing(quiet) and size >= MIN_ITEMS)


NO_STEPS = Steps((), shown=False)
