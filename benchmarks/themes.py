"""Accuracy of theme assignment on labelled news: the learned model against keywords alone.

Usage:
    python benchmarks/themes.py [DATA] [--themes FILE] [--threshold P]

DATA is AG News's test set (a folder with ``test.csv``: class index 1-4, title, description;
default ``../shared/dev-data/topics/ag_news_test`` beside the repository) or a folder of class
folders of ``.txt`` articles (BBC News layout: ``business/001.txt``, ...). Each item or article
is one unit, assigned with every other as the day to learn from. AG News classes map to the
themes file's themes in order; class folders map to the theme whose key or title is their name.

FILE defaults to ``benchmarks/ag_news_themes.toml``: at most ten words per class, written once
before any accuracy was measured and never tuned to the score. An item in Other counts as wrong,
for the model and for keyword matching alike. Exits 0 with a message when DATA is absent.
The data is read where it lies and never copied: nothing from it belongs in the repository.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.themes import fit, model  # noqa: E402
from summarizer.themes.themefile import Theme, assign, load_themes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "dev-data" / "topics" / "ag_news_test"
DEFAULT_THEMES = ROOT / "benchmarks" / "ag_news_themes.toml"


def ag_news(folder: Path, themes: list[Theme]) -> tuple[list[str], list[str]]:
    """Texts (title, then description) and gold theme keys, class i being the i-th theme."""
    texts, gold = [], []
    with (folder / "test.csv").open(encoding="utf-8", newline="") as handle:
        for label, title, description in csv.reader(handle):
            texts.append(f"{title}. {description.replace(chr(92), ' ')}")
            gold.append(themes[int(label) - 1].key)
    return texts, gold


def class_folders(folder: Path, themes: list[Theme]) -> tuple[list[str], list[str]]:
    """Texts and gold theme keys from one folder per class (named like its theme)."""
    named = {_name(n): t.key for t in themes for n in (t.key, t.title)}
    texts, gold = [], []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if _name(sub.name) not in named:
            raise SystemExit(f"no theme is named like the class folder {sub.name!r}")
        for path in sorted(sub.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
            gold.append(named[_name(sub.name)])
    return texts, gold


def _name(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def report(name: str, predicted: list[str], gold: list[str], other: str) -> None:
    """One line: accuracy (Other counts wrong), share left in Other, accuracy of the rest."""
    right = sum(p == g for p, g in zip(predicted, gold, strict=True))
    placed = [(p, g) for p, g in zip(predicted, gold, strict=True) if p != other]
    placed_right = sum(p == g for p, g in placed)
    left = 1 - len(placed) / len(gold)
    print(
        f"{name:<28} accuracy {right / len(gold):7.2%}   in Other {left:6.2%}"
        f"   accuracy of the rest {placed_right / max(len(placed), 1):7.2%}"
    )


def confusion(predicted: list[str], gold: list[str], keys: list[str]) -> None:
    counts = Counter(zip(gold, predicted, strict=True))
    print("\n" + "gold \\ assigned".ljust(16) + "".join(k[:10].rjust(11) for k in keys))
    for g in keys[:-1]:
        print(g[:15].ljust(16) + "".join(str(counts[(g, p)]).rjust(11) for p in keys))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--themes", type=Path, default=DEFAULT_THEMES)
    parser.add_argument("--threshold", type=float, default=model.THRESHOLD)
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: no data at {args.data}")
        return 0
    themes = list(load_themes(args.themes))
    seeded = [t for t in themes if not t.fallback]
    read = ag_news if (args.data / "test.csv").is_file() else class_folders
    texts, gold = read(args.data, seeded)
    other = next(t.key for t in themes if t.fallback)
    model.THRESHOLD = args.threshold  # the threshold fit's re-learning step reads
    print(f"{len(texts)} items in {len(seeded)} classes; themes file {args.themes.name}: "
          f"{max(len(t.words) + len(t.phrases) for t in seeded)} words at most per class, "
          "written once, never tuned to the score\n")  # fmt: skip
    start = time.perf_counter()
    learned = fit.classify(texts, themes)
    seconds = time.perf_counter() - start
    keywords = [assign(text, themes).key for text in texts]
    report("keyword matching alone", keywords, gold, other)
    report("seeded model (default)", learned, gold, other)
    confusion(learned, gold, [t.key for t in themes])
    print(f"\nmodel: {seconds:.1f} s for {len(texts)} items, threshold {args.threshold}")
    print("reproduce: python benchmarks/themes.py", *sys.argv[1:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
