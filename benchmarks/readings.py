"""The table of an editor's reading, from the readers' files (docs/evaluation.md, issue 26).

Usage:
    python benchmarks/readings.py READER.jsonl ... [--key KEY.json]

Each reader writes one JSON object per item ({"brief" or "story", "tags": "" or e.g. "ST",
...}), then one per brief ({"summary": true, "score", "main_fact_pos", "keep", "words",
"bad_headings"}), and in a paired reading one per story ({"prefer": "X" | "Y" | "equal"}),
the two briefs of a story being "brief": "X" and "Y". Read alone, this prints the table per
brief and its totals; with ``--key`` (each story's {"X": version, "Y": version}, kept from
the readers) it prints each version's totals and how often it was preferred.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

TAGS = "RTSW"


@dataclass
class Tally:
    """One brief's (or one version's) items and summaries, as the readers tagged them."""

    items: int = 0
    clean: int = 0
    tags: Counter[str] = field(default_factory=Counter)
    scores: list[float] = field(default_factory=list)
    first: int = 0  # briefs whose main fact is the first item
    positions: list[object] = field(default_factory=list)  # the main fact's, brief by brief
    keep: int = 0
    words: int = 0
    headings: int = 0

    def add_item(self, row: Mapping[str, object]) -> None:
        tags = str(row.get("tags") or "")
        self.items += 1
        self.clean += not tags
        self.tags.update(set(tags) & set(TAGS))

    def add_summary(self, row: Mapping[str, object]) -> None:
        self.scores.append(float(row["score"]))  # type: ignore[arg-type]
        self.first += row.get("main_fact_pos") == 1
        self.positions.append(row.get("main_fact_pos"))
        self.keep += int(row.get("keep") or 0)  # type: ignore[call-overload]
        self.words += int(row.get("words") or 0)  # type: ignore[call-overload]
        self.headings += len(row.get("bad_headings") or [])  # type: ignore[arg-type]

    def row(self, name: str) -> str:
        share = f"{self.clean} ({100 * self.clean / self.items:.1f} %)" if self.items else "0"
        mean = sum(self.scores) / len(self.scores) if self.scores else 0.0
        counts = " | ".join(str(self.tags[t]) for t in TAGS)
        main = self.positions[0] if len(self.positions) == 1 else None
        where = main if main is not None else f"first in {self.first} of {len(self.scores)}"
        return (
            f"| {name} | {self.items} | {self.words} | {self.headings} | {counts} | {share} "
            f"| {where} | {self.keep} | {mean:.2f} |"
        )


HEADER = (
    "| brief | items | words | bad headings | R | T | S | W | defect-free | main fact "
    "| editor keeps | score |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
)


def rows(paths: Iterable[Path]) -> Iterable[dict[str, object]]:
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def tally(
    found: Iterable[Mapping[str, object]], key: Mapping[str, Mapping[str, str]] | None = None
) -> tuple[dict[str, Tally], Counter[str]]:
    """Each brief's tally (each version's, with ``key``), and the preferences by version."""
    tallies: dict[str, Tally] = {}
    preferred: Counter[str] = Counter()
    for row in found:
        story = str(row.get("story") or row.get("brief"))
        if "prefer" in row:
            choice = str(row["prefer"])
            preferred[key[story][choice] if key and choice in ("X", "Y") else choice] += 1
            continue
        name = key[story][str(row["brief"])] if key else story
        sheet = tallies.setdefault(name, Tally())
        if row.get("summary"):
            sheet.add_summary(row)
        else:
            sheet.add_item(row)
    return tallies, preferred


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("readers", nargs="+", type=Path)
    parser.add_argument("--key", type=Path, help="a paired reading's key: story -> X/Y -> version")
    args = parser.parse_args()
    key = json.loads(args.key.read_text(encoding="utf-8")) if args.key else None
    tallies, preferred = tally(rows(args.readers), key)
    total = Tally()
    print(HEADER)
    for name in sorted(tallies):
        sheet = tallies[name]
        print(sheet.row(name))
        for part in ("items", "clean", "first", "keep", "words", "headings"):
            setattr(total, part, getattr(total, part) + getattr(sheet, part))
        total.tags.update(sheet.tags)
        total.scores += sheet.scores
        total.positions += sheet.positions
    if key is None:
        print(total.row("**all**"))
    if preferred:
        print("\npreferred:", ", ".join(f"{v} {n}" for v, n in preferred.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
