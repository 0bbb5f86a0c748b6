"""The ferry story of ``tests/fixtures/history``: day 1 reports the toll, day 2 raises it and
restates the rescue (both outlets); built through the real CLI, as a daily job would."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.cli import main
from tests.brief_items import brief_items
from tests.paths import FIXTURES

STORY = FIXTURES / "history"
DAY1, DAY2 = str(STORY / "day1"), str(STORY / "day2")
TOLL_100 = "A ferry capsized off the northern coast on Monday, killing at least 100 passengers, officials said."
TOLL_231 = (
    "A ferry capsized off the northern coast on Monday, killing 231 passengers, officials said."
)
RESCUE = "Rescue teams searched the cold water through the night with 12 boats and two helicopters."


def build(out: Path, source: str, date: str, *options: str) -> dict[str, object]:
    """``brief build SOURCE --out OUT --date DATE -q OPTIONS``; the brief's JSON as data."""
    assert main(["build", source, "--out", str(out), "--date", date, "-q", *options]) == 0
    return json.loads((out / f"{date}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def items(brief: dict[str, object]) -> list[dict[str, object]]:
    return brief_items(brief)
