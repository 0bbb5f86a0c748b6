"""ROUGE of `brief summarize` on the development clusters, for each ranking algorithm.

Usage:
    python benchmarks/dev_eval.py DEV_DATA [--set duc2007_update|duc2006|tac2011]
        [--algorithm NAME ...]

DEV_DATA is the shared dev-data folder (NIST data: evaluation only, never committed). Scoring
follows its README: rouge-score with stemming, stop words kept, the summary cut to its first
N words, recall averaged over a cluster's references, then over clusters. Exits 0 with a
message when the folder is absent. Needs `pip install rouge-score`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from summarizer import pipeline
from summarizer.ranking import DEFAULT_RANKER, ranker_names

Cluster = tuple[str, list[str], list[str]]  # name, article paths, reference texts


def duc2007_update(root: Path) -> Iterator[Cluster]:
    for batch in sorted((root / "docs").glob("*/*")):
        topic, part = batch.name.split("-")
        refs = sorted((root / "models").glob(f"{topic[:-1]}-{part}.M.100.*"))
        yield batch.name, _files(batch), [r.read_text(errors="replace") for r in refs]


def duc2006(root: Path) -> Iterator[Cluster]:
    for folder in sorted((root / "docs").iterdir()):
        refs = sorted((root / "models").glob(f"{folder.name[:-1]}.M.250.*"))
        yield folder.name, _files(folder), [r.read_text(errors="replace") for r in refs]


def tac2011(root: Path) -> Iterator[Cluster]:
    texts = sorted((root / "source_texts").glob("M*.english"))
    for topic in sorted({p.name[:4] for p in texts}):
        refs = sorted((root / "model_summaries").glob(f"{topic}.*"))
        files = [str(p) for p in texts if p.name.startswith(topic)]
        yield topic, files, [r.read_text(errors="replace") for r in refs]


def _files(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.iterdir()) if p.is_file()]


SETS = {
    "duc2007_update": (duc2007_update, 100),
    "duc2006": (duc2006, 250),
    "tac2011": (tac2011, 250),
}
FOLDERS = {"tac2011": "tac2011_multiling_english"}


def evaluate(root: Path, name: str, algorithms: list[str]) -> None:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    reader, words = SETS[name]
    clusters = list(reader(root / FOLDERS.get(name, name)))
    print(f"{name}: {len(clusters)} clusters, {words} words, ROUGE recall x100")
    print(f"{'algorithm':<12} {'R-1':>6} {'R-2':>6} {'s/cluster':>10}")
    for algorithm in algorithms:
        r1, r2, secs = [], [], []
        for _, files, refs in clusters:
            start = time.perf_counter()
            items, _ = pipeline.summarize(files, algorithm, words=words)
            secs.append(time.perf_counter() - start)
            summary = " ".join(" ".join(it.text for it in items).split()[:words])
            scores = [scorer.score(ref, summary) for ref in refs]
            r1.append(statistics.mean(s["rouge1"].recall for s in scores))
            r2.append(statistics.mean(s["rouge2"].recall for s in scores))
        print(
            f"{algorithm:<12} {100 * statistics.mean(r1):6.2f} {100 * statistics.mean(r2):6.2f}"
            f" {statistics.median(secs):10.3f}",
            flush=True,
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--set", choices=sorted(SETS), default="duc2007_update")
    parser.add_argument("--algorithm", nargs="*", default=None)
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"{args.dev_data} is absent: nothing to evaluate")
        return 0
    algorithms = args.algorithm or [
        DEFAULT_RANKER,
        *[n for n in ranker_names() if n != DEFAULT_RANKER],
    ]
    evaluate(args.dev_data, args.set, algorithms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
