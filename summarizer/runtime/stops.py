"""How worker processes take a stop (Ctrl-C, SIGTERM): held back while they start, then
answered by the parent alone.

Why: Ctrl-C reaches a whole process group. A worker that answered it on its own would die
half-way through a result it writes to a pipe the parent reads, and the parent would wait
for ever; so workers are born with stops held back and the parent decides how a stop ends
(``workers`` for a pool's workers, ``background`` for a stage's own worker).
"""

from __future__ import annotations

import signal
from multiprocessing import resource_tracker
from typing import Any

STOPS = {signal.SIGINT, signal.SIGTERM}


def hold_stops(context: Any = None) -> set[int | signal.Signals]:
    """Block Ctrl-C and SIGTERM (where the platform can): what was blocked before. Before
    workers that a ``context`` spawns, multiprocessing's resource tracker is started: the
    first start unblocks both (``resource_tracker.ensure_running``), so workers spawned after
    it were born taking a stop before they could answer it (a traceback, or killed at once)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        return set()
    if context is not None and context.get_start_method() != "fork":
        resource_tracker.ensure_running()
    return signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)


def release_stops(before: set[int | signal.Signals]) -> None:
    """Block again only what ``before`` (``hold_stops``' answer) blocked."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stops_to_parent() -> None:
    """In a background worker: Ctrl-C reaches the whole process group, but only the parent
    answers it (it ends the worker); the SIGTERM that ends it ends it at once, with no
    traceback (what it sends back goes through a pipe of its own, whose end the parent reads
    to: one killed half-way leaves nothing waiting)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
