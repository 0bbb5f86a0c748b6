"""What a feed's summaries leave in a brief: AG News descriptions as one day of JSON Lines.

Usage:
    python benchmarks/feed_noise.py [DATA] [--per-class N]

DATA is AG News's test set (a folder with ``test.csv``: class 1-4, title, description; default
``../shared/dev-data/topics/ag_news_test`` beside the repository). The first N descriptions of
each class (300 by default) become one ``.jsonl`` day (``title``, ``text``; AG News writes a
line break as a backslash) in a temporary folder, and each day is built into a brief. Counted
over the briefs' items: entity codes ("#39;", "quot;", "&amp;"), an opening feed credit
("Reuters - "), a text that trails off ("..."), finance links ("(Quote, Chart)"), and the
brief linter's defects; and how many cited articles are credited by their dateline's
agency. Exits 0 with a message when DATA is absent; the temporary copy is removed, nothing
from the data belongs in the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import cli  # noqa: E402
from tests import brieflint  # noqa: E402

# tests/brieflint.py is a copy of the shared brief_lint tool, untyped as that tool is: its lint,
# with the types it is called with (a brief's JSON -> its (theme, item) pairs and its defects
# as (kind, why, text)).
Lint = Callable[
    [dict[str, Any]], tuple[list[tuple[str, dict[str, Any]]], list[tuple[str, str, str]]]
]
lint: Lint = brieflint.lint

DEFAULT_DATA = ROOT.parent / "shared" / "dev-data" / "topics" / "ag_news_test"
CLASSES = {"1": "world", "2": "sports", "3": "business", "4": "scitech"}
NOISE = {
    "entity codes": re.compile(r"#\d{2,4};|\b(?:quot|amp|lt|gt);|&(?:#\d+|[a-z]+);"),
    "feed credit lead": re.compile(r"^[A-Z][\w.]+(?: [A-Z][\w.]+)? - "),
    "trails off": re.compile(r"(?:\.\s?){3}$|…$"),
    "finance links": re.compile(r"\((?:[A-Z.]+: )?Quote"),
}


def days(data: Path, per_class: int, folder: Path) -> list[Path]:
    """One JSON Lines file per class, in its own folder."""
    rows: dict[str, list[str]] = {name: [] for name in CLASSES.values()}
    with (data / "test.csv").open(encoding="utf-8", newline="") as handle:
        for cls, title, text in csv.reader(handle):
            if len(rows[CLASSES[cls]]) < per_class:
                record = {"title": title, "text": text.replace("\\", " ")}
                rows[CLASSES[cls]].append(json.dumps(record))
    out = []
    for name, lines in rows.items():
        (folder / name).mkdir()
        (folder / name / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(folder / name)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DEFAULT_DATA)
    parser.add_argument("--per-class", type=int, default=300)
    args = parser.parse_args()
    if not (args.data / "test.csv").is_file():
        print(f"{args.data}/test.csv is absent: nothing to measure")
        return 0
    counts = dict.fromkeys([*NOISE, "lint defects"], 0)
    items = sources = by_agency = 0
    with tempfile.TemporaryDirectory() as tmp:
        for day in days(args.data, args.per_class, Path(tmp)):
            out = Path(tmp) / "out" / day.name
            assert cli.main(["build", str(day), "--out", str(out), "-q", "--no-history"]) == 0
            [path] = out.glob("*.json")
            brief = json.loads(path.read_text(encoding="utf-8"))
            found, problems = lint(brief)
            sources += len(brief["sources"])
            by_agency += sum(not s["name"].startswith("“") for s in brief["sources"])
            items += len(found)
            counts["lint defects"] += len(problems)
            for _, item in found:
                for kind, pattern in NOISE.items():
                    counts[kind] += bool(pattern.search(item["text"]))
    print(f"{len(CLASSES)} briefs of {args.per_class} descriptions each, {items} items")
    for kind, n in counts.items():
        print(f"{kind:<18} {n}")
    print(f"of the {sources} articles the briefs cite, {by_agency} are credited by the agency")
    print("their lead's dateline names (the rest, which name no outlet, by their title)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
