"""The merge decision on MSRP train: accuracy, precision, recall and F1 of ``states`` and of
its parts, beside the overlap test it replaced.

Usage:
    python benchmarks/paraphrase.py DEV_DATA

DEV_DATA is the shared dev-data folder (its paraphrase/msr_paraphrase_train.txt: 4,076
sentence pairs labelled paraphrase or not). Exits 0 with a message when the file is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from summarizer.text.statements import (
    Statement,
    differ,
    overlaps,
    repeats,
    same_words,
    statement,
    states,
    supports,
)

Test = Callable[[Statement, Statement], bool]

TESTS: dict[str, Test] = {
    "overlap 0.4 / 0.6 (before)": lambda a, b: overlaps(a.terms, b.terms, 0.4, 0.6),
    "words only (>= 3 / 4 shared)": lambda a, b: same_words(a.terms, b.terms),
    "words + polarity": lambda a, b: same_words(a.terms, b.terms) and a.negated == b.negated,
    "words + figures": lambda a, b: same_words(a.terms, b.terms) and not differ(a, b),
    "states (merge)": states,
    "supports (credit)": lambda a, b: supports(a, b) and supports(b, a),
    "repeats (no fact twice)": repeats,
}


def score(pairs: list[tuple[Statement, Statement, bool]], test: Test) -> tuple[float, ...]:
    tp = fp = fn = tn = 0
    for a, b, gold in pairs:
        said = test(a, b)
        tp, fp = tp + (said and gold), fp + (said and not gold)
        fn, tn = fn + (not said and gold), tn + (not said and not gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (tp + tn) / len(pairs), precision, recall, f1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    args = parser.parse_args()
    path = args.dev_data / "paraphrase" / "msr_paraphrase_train.txt"
    if not path.is_file():
        print(f"{path} is absent: nothing to measure")
        return 0
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8-sig")][1:]
    pairs = [(statement(a), statement(b), q == "1") for q, _, _, a, b in rows]
    print(f"MSRP train, {len(pairs)} pairs ({sum(g for *_, g in pairs)} paraphrases)")
    print("| test | accuracy | precision | recall | F1 |\n|---|---|---|---|---|")
    for name, test in TESTS.items():
        acc, p, r, f1 = score(pairs, test)
        print(f"| {name} | {acc:.3f} | {p:.3f} | {r:.3f} | {f1:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
