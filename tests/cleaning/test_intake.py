"""Intake: reading and cleaning in one pass gives what reading then cleaning gives, in worker
processes too, with every skipped input named in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.cleaning import cleaner
from summarizer.cleaning.intake import read_and_clean
from summarizer.reading import readers
from summarizer.runtime import workers
from summarizer.runtime.resources import examples_dir


def _folder(tmp_path: Path) -> list[Path]:
    seeds = sorted(p for p in examples_dir().iterdir() if p.suffix == ".txt")
    (tmp_path / "copy.txt").write_bytes(seeds[1].read_bytes())
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    odd = [tmp_path / "empty.txt", seeds[1], tmp_path / "copy.txt", tmp_path / "image.png"]
    return [seeds[0], *odd, *seeds[2:]]


@pytest.mark.parametrize("in_workers", [False, True])
def test_intake_is_reading_then_cleaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_workers: bool
) -> None:
    sources = _folder(tmp_path)
    expected = cleaner.clean_all(readers.iter_read(sources))
    if in_workers:
        monkeypatch.setattr(workers, "MIN_ITEMS", 1)
        monkeypatch.setattr(workers, "CHUNK", 1)
    articles, skipped = read_and_clean(sources)
    assert (articles, skipped) == expected
    assert [a.id for a in articles] == list(range(5))
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["copy.txt"].startswith("same text as")
    assert "image.png" in reasons
