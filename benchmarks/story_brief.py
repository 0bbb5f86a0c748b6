"""The multi-story brief of a day of many stories, against the dev data's true topics.

Usage:
    python benchmarks/story_brief.py DEV_DATA [--out DIR] [--set NAME ...]

DEV_DATA is the shared dev-data folder (NIST and TAC data: evaluation only, never committed).
Each set's articles, read as one day (DUC 2006: 50 topics, 1,250 articles; DUC 2007 update:
250; TAC 2011: 100), are built with ``brief build`` in a child process, as a user runs it.
From the brief's JSON: whether its sections are stories, and for each story section the
share of its items whose sources all come from the section's main true topic (an item's
topic is its first source's cluster; an item credited to articles of two topics counts as
mixed), the sections' article counts in order (the largest stories first), and the
"Also today" lines. The briefs are kept in ``--out`` for reading. Exits 0 with a message
when DEV_DATA is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from stories_eval import SETS, labelled_day


def build(paths: list[str], out: Path) -> tuple[dict[str, Any], float]:
    """The brief's JSON and the build's wall time."""
    out.mkdir(parents=True, exist_ok=True)
    listed = out / "sources.txt"
    listed.write_text("\n".join(paths), encoding="utf-8")
    command = [sys.executable, "-m", "summarizer", "build", "--sources-file", str(listed),
               "--out", str(out), "-q", "--no-history", "--no-deliver"]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    found = sorted(out.glob("*.json"))
    return json.loads(found[-1].read_text(encoding="utf-8")), seconds


def score(brief: dict[str, Any], topics: dict[str, str]) -> dict[str, Any]:
    """Section purity, order and size of the brief of one set."""
    pure = total = 0
    sizes = []
    for section in brief["sections"]:
        if section.get("kind") != "story":
            continue
        sizes.append(len(section.get("articles", [])))
        found = [_topics(item, topics) for item in section["items"]]
        main = Counter(t for ts in found for t in ts).most_common(1)[0][0]
        pure += sum(1 for ts in found if ts == {main})
        total += len(found)
    also = [s for s in brief["sections"] if s.get("kind") == "also"]
    return {
        "organised by": brief.get("themes", {}).get("from"),
        "story sections": len(sizes),
        "items in story sections": total,
        "items from one true topic": pure / total if total else 0.0,
        "section sizes (articles)": sizes,
        "also today lines": sum(len(s["items"]) for s in also),
        "titles": [s["title"] for s in brief["sections"]],
    }


def _topics(item: dict[str, Any], topics: dict[str, str]) -> set[str]:
    return {topics[s["path"]] for s in item["sources"] if s.get("path") in topics}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--set", nargs="+", choices=SETS, default=list(SETS))
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"{args.dev_data} is absent: nothing to evaluate")
        return 0
    out = args.out or Path(tempfile.mkdtemp(prefix="story-brief-"))
    results = {}
    for name in args.set:
        # absolute: the sources file names them from its own folder
        paths, topics = labelled_day(args.dev_data.resolve(), name)
        brief, seconds = build(paths, out / name)
        results[name] = {**score(brief, topics), "build seconds": round(seconds, 2)}
    print(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"briefs in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
