"""A progress bar on stderr for long runs, and only where someone is watching.

It shows only when stderr is a terminal and the run was not asked to be quiet, so logs, pipes
and tests see nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sized
from typing import TypeVar

T = TypeVar("T")

MIN_ITEMS = 20  # fewer inputs than this finish before a bar is worth drawing


def progress(
    items: Iterable[T], what: str, quiet: bool = False, unit: str = " files"
) -> Iterator[T]:
    """Iterate over ``items``, drawing a bar labelled ``what`` when it helps."""
    total = len(items) if isinstance(items, Sized) else None
    if quiet or not sys.stderr.isatty() or (total is not None and total < MIN_ITEMS):
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=what, total=total, file=sys.stderr, leave=False, unit=unit)
