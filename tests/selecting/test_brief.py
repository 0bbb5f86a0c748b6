"""The editor's brief, built through the CLI: the lead opens with what the brief's own day
reports, however much more the earlier days' reports said, and an earlier report that names
its own day is not printed under a later date."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.cli import main
from tests.brief_items import brief_items

EARLIER = [
    "A strong earthquake struck the coastal province of Dalmen today, killing at least 40 people.",
    "The earthquake in Dalmen destroyed hundreds of homes and cut power to the provincial capital.",
    "Rescue teams searched collapsed homes in Dalmen for survivors of the earthquake.",
    "The Dalmen earthquake had a magnitude of 6.8, the national seismic institute said.",
    "Hospitals in the provincial capital of Dalmen treated hundreds injured by the earthquake.",
    "Power to the provincial capital of Dalmen was cut after the earthquake damaged its grid.",
]
NEWS = "The death toll from the Dalmen earthquake rose to 212 as rescuers reached remote villages."
LATER = "Aid flights landed in Dalmen with tents and water for the homeless of the earthquake."


def _build(tmp_path: Path) -> dict[str, object]:
    lines = [
        {"text": text, "date": "2025-03-01", "source": f"Wire {k}", "title": f"Quake {k}"}
        for k, text in enumerate(EARLIER)
    ]
    lines += [
        {"text": f"{NEWS} {LATER}", "date": "2025-03-09", "source": "Day Post", "title": "Toll"}
    ]
    day = tmp_path / "day.jsonl"
    day.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["build", str(day), "--out", str(tmp_path / "out"), "-q", "--no-history"]) == 0
    return json.loads((tmp_path / "out" / "2025-03-09.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_lead_opens_with_the_brief_s_own_day(tmp_path: Path) -> None:
    brief = _build(tmp_path)
    lead = brief["lead"]
    assert isinstance(lead, list) and lead[0]["text"] == NEWS


def test_an_earlier_day_s_today_is_not_printed_under_a_later_date(tmp_path: Path) -> None:
    texts = [item["text"] for item in brief_items(_build(tmp_path))]
    assert EARLIER[0] not in texts
    assert any(text in texts for text in EARLIER[1:])  # earlier reports stay, dated
