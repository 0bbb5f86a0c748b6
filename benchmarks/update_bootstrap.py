"""Is history's ROUGE-2 difference on DUC 2007 update B and C more than batch-to-batch noise?

Usage:
    python benchmarks/update_bootstrap.py DEV_DATA [--resamples N] [--seed S]

Scores every later batch (B given A, C given A and B; DEV_DATA/duc2007_update, NIST's data,
evaluation only, never committed) with and without history, exactly as ``brief evaluate
--update`` does, then resamples the 20 batches with replacement (a paired bootstrap) and
prints the mean difference with its 95 % interval, and how many batches went up and down.
Exits 0 with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.evaluation.rouge import find_clusters, update_runs  # noqa: E402


def differences(dev_data: Path) -> list[float]:
    """Per later batch: ROUGE-2 with history minus without, x 100."""
    update = dev_data / "duc2007_update"
    clusters, _ = find_clusters(update / "docs", update / "models")
    runs = [r for r in update_runs(clusters, ["concepts"], 100, quiet=True) if r.later]
    alone = {r.cluster: r.rouge2 for r in runs if not r.history}
    given = {r.cluster: r.rouge2 for r in runs if r.history}
    return [100 * (given[name] - alone[name]) for name in sorted(given)]


def interval(diffs: list[float], resamples: int, seed: int) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of the resampled means."""
    rng = random.Random(seed)
    means = sorted(statistics.mean(rng.choices(diffs, k=len(diffs))) for _ in range(resamples))
    return means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--resamples", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if not (args.dev_data / "duc2007_update" / "docs").is_dir():
        print(f"{args.dev_data}/duc2007_update is absent: nothing to measure")
        return 0
    diffs = differences(args.dev_data)
    low, high = interval(diffs, args.resamples, args.seed)
    up = sum(d > 0 for d in diffs)
    down = sum(d < 0 for d in diffs)
    print(f"{len(diffs)} later batches, ROUGE-2 x 100, with history minus without")
    print(f"mean {statistics.mean(diffs):+.2f}, 95 % bootstrap interval [{low:+.2f}, {high:+.2f}]")
    print(f"up {up}, down {down}, unchanged {len(diffs) - up - down}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
