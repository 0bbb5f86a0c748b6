"""The readings' table tool (``benchmarks/readings.py``): what the docs' tables are made with."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "readings.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readings", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _summary(story: str, brief: str, score: int, main: object) -> dict[str, object]:
    return {"story": story, "brief": brief, "summary": True, "score": score,
            "main_fact_pos": main, "keep": 1, "words": 50, "bad_headings": []}  # fmt: skip


def test_a_paired_reading_is_told_by_version_whichever_letter_it_was_read_as(
    tmp_path: Path,
) -> None:
    reader = tmp_path / "reader_A.jsonl"
    rows = [
        {"story": "S1", "brief": "X", "tags": ""},
        {"story": "S1", "brief": "Y", "tags": "ST"},
        _summary("S1", "X", 4, 1),
        _summary("S1", "Y", 2, "absent"),
        {"story": "S1", "prefer": "X"},
        {"story": "S2", "brief": "X", "tags": "R"},
        {"story": "S2", "brief": "Y", "tags": ""},
        _summary("S2", "X", 3, 2),
        _summary("S2", "Y", 5, 1),
        {"story": "S2", "prefer": "Y"},
    ]
    reader.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    key = {"S1": {"X": "new", "Y": "old"}, "S2": {"X": "old", "Y": "new"}}
    tool = _tool()
    tallies, preferred = tool.tally(tool.rows([reader]), key)
    new, old = tallies["new"], tallies["old"]
    assert (new.items, new.clean, new.first, new.scores) == (2, 2, 2, [4.0, 5.0])
    assert (old.items, old.clean, old.first, dict(old.tags)) == (2, 0, 0, {"S": 1, "T": 1, "R": 1})
    assert preferred == {"new": 2}
    assert "| new | 2 | 100 | 0 | 0 | 0 | 0 | 0 | 2 (100.0 %) | first in 2 of 2 | 2 | 4.50 |" in (
        new.row("new")
    )
