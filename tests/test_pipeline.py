"""The pipeline's order of stages: work that needs no scores goes on beside the ranking."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from summarizer import pipeline
from summarizer.merging.candidates import neighbours_of
from summarizer.text.statements import Signature
from tests.paths import REPO
from tests.runtime.test_workers import linux_only

_WHERE: list[Path] = []  # where the spy notes the process that found the pairs


def _neighbours_noting_where(sigs: Sequence[Signature]) -> list[list[int]]:
    _WHERE[0].write_text(str(os.getpid()))
    return neighbours_of(sigs)


def _items(corpus: pipeline.Corpus) -> list[tuple[str, tuple[str, ...], float]]:
    return [
        (it.text, tuple(s.name for s in it.sources), round(it.score, 12))
        for it in pipeline.rank(corpus, "concepts")
    ]


@linux_only
def test_a_large_days_merge_candidates_are_found_in_a_worker_with_the_same_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above ``IN_A_WORKER`` signatures, the pairs merging compares are found in another
    process while this one ranks; the items (wire copies merged, credits, scores) are those
    found in this process."""
    corpus = pipeline.load([str(REPO / "summarizer" / "examples")])
    monkeypatch.setenv("BRIEF_WORKERS", "2")
    _WHERE[:] = [tmp_path / "pid"]
    monkeypatch.setattr(pipeline, "neighbours_of", _neighbours_noting_where)
    monkeypatch.setattr(pipeline, "IN_A_WORKER", 10**9)
    alone = _items(corpus)
    assert int(_WHERE[0].read_text()) == os.getpid()
    monkeypatch.setattr(pipeline, "IN_A_WORKER", 1)
    beside = _items(corpus)
    assert int(_WHERE[0].read_text()) != os.getpid()
    assert beside == alone
    assert any(len(sources) > 1 for _, sources, _ in alone)  # the seeds' copy is merged
