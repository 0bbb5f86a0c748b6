"""ROUGE of every ranking algorithm on the shared development data, one set per run.

Usage:
    python benchmarks/dev_eval.py DEV_DATA [--set duc2007_update|duc2006|tac2011]
        [--algorithm NAME ...] [--json]

DEV_DATA is the shared dev-data folder (NIST data: evaluation only, never committed). This is
``brief evaluate`` (summarizer/evaluation/rouge.py, the one implementation) with each set's folders
and word budget filled in; TAC 2011 keeps a topic's articles as files named after it, not in
a folder, so they are grouped here. Exits 0 with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarizer.config import DEFAULT_RANKER
from summarizer.evaluation.rouge import Cluster, as_json, evaluate, find_clusters, table
from summarizer.ranking.rankers import ranker_names

WORDS = {"duc2007_update": 100, "duc2006": 250, "tac2011": 250}


def clusters(dev_data: Path, name: str) -> list[Cluster]:
    """The clusters of one development set, with their human summaries."""
    if name == "tac2011":
        return _tac2011(dev_data / "tac2011_multiling_english")
    found, _ = find_clusters(dev_data / name / "docs", dev_data / name / "models")
    return found


def _tac2011(root: Path) -> list[Cluster]:
    texts = sorted((root / "source_texts").glob("M*.english"))
    out = []
    for topic in sorted({p.name[:4] for p in texts}):  # M0001.english belongs to M000
        refs = sorted((root / "model_summaries").glob(f"{topic}.*"))
        out.append(
            Cluster(
                topic,
                tuple(str(p) for p in texts if p.name.startswith(topic)),
                tuple(r.read_text(encoding="utf-8", errors="replace") for r in refs),
            )
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--set", choices=sorted(WORDS), default="duc2007_update")
    parser.add_argument("--algorithm", nargs="+", choices=ranker_names(), metavar="NAME")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"{args.dev_data} is absent: nothing to evaluate")
        return 0
    names = args.algorithm or [DEFAULT_RANKER, *(n for n in ranker_names() if n != DEFAULT_RANKER)]
    words = WORDS[args.set]
    scores = evaluate(clusters(args.dev_data, args.set), names, words)
    if args.json:
        print(json.dumps(as_json(scores, words, []), indent=2))
    else:
        print(f"{args.set}: {table(scores, words)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
