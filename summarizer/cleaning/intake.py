"""Intake: each input read and cleaned in one go, on a large day in worker processes.

Why a stage of its own: reading (``readers``) and cleaning (``cleaning``) each work on one
input alone, and together they are a fifth of a large day's build. Done in one pass per input,
they can run in worker processes (``workers.py``), and an input's raw text (an HTML page, a
feed) never leaves the worker that read it: only its cleaned articles come back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from summarizer.cleaning import cleaner
from summarizer.models import Article, Skipped, Source
from summarizer.reading import fetch, readers
from summarizer.runtime.progress import progress
from summarizer.runtime.workers import map_in_order


def read_and_clean(
    sources: Sequence[Source | Path],
    max_bytes: int = readers.DEFAULT_MAX_BYTES,
    timeout: float = fetch.DEFAULT_TIMEOUT,
    quiet: bool = True,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """What ``readers.iter_read`` then ``cleaner.clean_all`` give: the articles, numbered in
    input order, each text once, and what was skipped. A progress bar unless ``quiet``;
    ``meanwhile``: the caller's work while worker processes read (``map_in_order``)."""
    work = partial(_read_and_clean, max_bytes=max_bytes, timeout=timeout)
    read = map_in_order(work, sources, meanwhile=meanwhile)
    found = progress(read, "reading", quiet, total=len(sources))
    return cleaner.distinct(item for part in found for item in part)


def _read_and_clean(
    source: Source | Path, max_bytes: int, timeout: float
) -> list[Article | Skipped]:
    return list(cleaner.clean_each(readers.iter_read([source], max_bytes, timeout)))
