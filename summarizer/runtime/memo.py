"""A function's values kept by argument, looked up at the cost of a dict's.

Why: the per-word functions (a word's term, whether a token may be a quantity) are asked tens
of times a sentence, every sentence of the day, and nearly always of a word they have seen.
An ``lru_cache`` hit moves the entry to the front of its list, twice the time of a dict hit;
``Memo.__getitem__``, mapped over a sentence's words, is a dict lookup at C speed, and works a
value out only for a word it has not seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``make(key)`` for each key asked (``memo[key]``), kept the first time. Past ``limit``
    entries it keeps what it has and works out the rest each time, so a long-running process
    does not grow without bound (what ``lru_cache``'s ``maxsize`` bounds, without its
    bookkeeping on every hit)."""

    def __init__(self, make: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self._make = make
        self.limit = limit

    def __missing__(self, key: K) -> V:
        value = self._make(key)
        if len(self) < self.limit:
            self[key] = value
        return value
