"""A memo answers as the function it keeps does, works each value out once, and stops
keeping new values at its limit (still answering them)."""

from __future__ import annotations

from summarizer.runtime.memo import Memo


def test_answers_as_the_function_once_per_key() -> None:
    asked: list[str] = []

    def make(word: str) -> int:
        asked.append(word)
        return len(word)

    memo = Memo(make, limit=10)
    words = ["one", "three", "one", "three", "one"]
    assert list(map(memo.__getitem__, words)) == [len(w) for w in words]
    assert asked == ["one", "three"]


def test_past_its_limit_answers_without_keeping() -> None:
    memo = Memo(str.upper, limit=2)
    words = ["a", "b", "c", "d", "c"]
    assert [memo[w] for w in words] == [w.upper() for w in words]
    assert len(memo) == memo.limit
