"""Two days of one story in one folder: how much of day 2's brief repeats day 1's.

Usage:
    python benchmarks/history_split.py DEV_DATA [--clusters N] [--json]

Each DUC 2006 cluster (DEV_DATA/duc2006/docs; NIST's data, evaluation only, never committed)
is split by article date into two halves, the earlier articles as day 1 and the later ones
as day 2, and both are built into one ``--out`` folder as a daily job would (day 2 dated the
day after day 1). Day 2 is built twice: with ``--no-history`` (before) and with the default
history (after). A day-2 item repeats day 1 when the brief linter's redundancy test
(``tests/brieflint.py``, independent of the brief's own) pairs it with a day-1 item; the
brief's own test (``statements.repeats``) is reported beside it. Exits 0 with a message when
the folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import pipeline  # noqa: E402
from summarizer.text.statements import repeats, statement  # noqa: E402
from tests import brieflint  # noqa: E402

# tests/brieflint.py is a copy of the shared brief_lint tool, untyped as that tool is: the one
# function used here, with the types it is called with.
redundant: Callable[[str, str], bool] = brieflint.redundant

QUIET = pipeline.ReadOptions(quiet=True)


def split(cluster: Path) -> tuple[list[str], list[str]]:
    """The cluster's files, earlier half and later half by article date (then name)."""
    corpus = pipeline.load([str(cluster)], QUIET)
    dated = sorted((a.date or dt.date.min, a.path) for a in corpus.articles)
    half = len(dated) // 2
    return [p for _, p in dated[:half]], [p for _, p in dated[half:]]


def texts(brief: Any) -> list[str]:
    return [item.text for item in brief.items]


def build(sources: list[str], out: Path, date: dt.date, history_days: int) -> Any:
    request = pipeline.BuildRequest(
        sources=tuple(sources),
        out_dir=out,
        algorithm="concepts",
        title="Daily Brief",
        date=date,
        read=QUIET,
        history_days=history_days,
    )
    return pipeline.build(request).brief


def measure(day1: list[str], day2: list[str]) -> dict[str, Any]:
    """Build day 1, then day 2 without and with history, in one folder."""
    out = Path(tempfile.mkdtemp(prefix="history-split-"))
    first = build(day1, out, dt.date(2000, 1, 1), 0)
    before = build(day2, out, dt.date(2000, 1, 2), 0)
    after = build(day2, out, dt.date(2000, 1, 2), 7)
    said = texts(first)
    row: dict[str, Any] = {"day1": len(said)}
    for name, brief in (("before", before), ("after", after)):
        items = list(brief.items)
        row[name] = {
            "items": len(items),
            "lint": sum(any(redundant(old, it.text) for old in said) for it in items),
            "repeats": sum(
                any(repeats(statement(it.text), statement(old)) for old in said) for it in items
            ),
            "updates": sum(it.status == "update" for it in items),
            "repeats_not_update": sum(
                it.status != "update"
                and any(repeats(statement(it.text), statement(old)) for old in said)
                for it in items
            ),
            "lint_not_update": sum(
                it.status != "update" and any(redundant(old, it.text) for old in said)
                for it in items
            ),
        }
    return row


def summary(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {"clusters": len(rows)}
    for name in ("before", "after"):
        items = sum(r[name]["items"] for r in rows.values())
        result[name] = {
            "items per day-2 brief": statistics.mean(r[name]["items"] for r in rows.values()),
            "repeat a day-1 item (lint)": sum(r[name]["lint"] for r in rows.values()) / items,
            "repeat a day-1 item (repeats)": sum(r[name]["repeats"] for r in rows.values()) / items,
            "updates": sum(r[name]["updates"] for r in rows.values()),
            "repeat, not marked update (repeats)": sum(
                r[name]["repeats_not_update"] for r in rows.values()
            )
            / items,
            "repeat, not marked update (lint)": sum(
                r[name]["lint_not_update"] for r in rows.values()
            )
            / items,
        }
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--clusters", type=int, default=0, help="only the first N clusters")
    parser.add_argument("--json", action="store_true", help="per-cluster rows as JSON too")
    args = parser.parse_args()
    docs = args.dev_data / "duc2006" / "docs"
    if not docs.is_dir():
        print(f"{docs} is absent: nothing to measure")
        return 0
    clusters = sorted(p for p in docs.iterdir() if p.is_dir())
    rows = {c.name: measure(*split(c)) for c in clusters[: args.clusters or None]}
    result = summary(rows)
    if args.json:
        print(json.dumps(rows, indent=2))
    for name in ("before", "after"):
        shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                          for k, v in result[name].items())  # fmt: skip
        print(f"{name} ({'--no-history' if name == 'before' else 'history'}): {shown}")
    print(f"{result['clusters']} clusters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
