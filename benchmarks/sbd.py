"""Score `split_sentences` on sentence-boundary gold cases, and optionally time it on news.

Usage:
    python benchmarks/sbd.py CASES.jsonl [--news DIR]

CASES.jsonl holds one case a line: {"id", "rule", "text", "expected": [...]} (the pySBD English
golden rules are such a file). Cases whose id starts with "golden" are also scored on their own.
Sentences are compared after collapsing white space, so line wrapping never counts as an error.
--news DIR times the splitter on every file under DIR, SGML tags stripped crudely, paragraphs
taken between <P> tags or blank lines (the DUC layout).

The data is read from wherever it lies and never copied: nothing from it belongs in the repo.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.text.splitting import split_sentences


def _normalise(sentences: list[str]) -> list[str]:
    """Collapse white space so that only the boundaries are compared."""
    return [" ".join(s.split()) for s in sentences if s.strip()]


def score(path: Path) -> tuple[int, int, int, int]:
    """Print every failure; return (golden right, golden total, all right, all total)."""
    golden_right = golden_total = right = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        expected = _normalise(case["expected"])
        got = _normalise(split_sentences(case["text"]))
        is_golden = str(case["id"]).startswith("golden")
        ok = got == expected
        total += 1
        right += ok
        golden_total += is_golden
        golden_right += is_golden and ok
        if not ok:
            print(f"FAIL {case['id']}  {case.get('rule', '')}")
            print(f"  expected: {expected}")
            print(f"  got:      {got}")
    return golden_right, golden_total, right, total


def _paragraphs(raw: str) -> list[str]:
    """Paragraphs of one SGML-ish news file: the <TEXT> body if any, split at <P> or blank lines."""
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    chunks = re.split(r"</?P>|\n\s*\n", body.group(1) if body else raw)
    return [p for p in (re.sub(r"<[^>]+>", " ", c).strip() for c in chunks) if p]


def time_news(directory: Path) -> None:
    """Time the splitter on all paragraphs under `directory` and print the rate."""
    paragraphs = [
        p
        for f in sorted(directory.rglob("*"))
        if f.is_file()
        for p in _paragraphs(f.read_text(encoding="utf-8", errors="replace"))
    ]
    size_mb = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
    start = time.perf_counter()
    count = sum(len(split_sentences(p)) for p in paragraphs)
    seconds = time.perf_counter() - start
    print(
        f"news: {len(paragraphs)} paragraphs, {size_mb:.2f} MB -> {count} sentences "
        f"in {seconds:.2f} s ({seconds / max(size_mb, 1e-9):.2f} s per MB)"
    )


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; a missing data file is reported, not an error."""
    parser = argparse.ArgumentParser(description="Score split_sentences on gold cases.")
    parser.add_argument("cases", type=Path, help="JSONL file of gold cases")
    parser.add_argument("--news", type=Path, help="directory of news files to time on")
    args = parser.parse_args(argv)
    if not args.cases.is_file():
        print(f"{args.cases}: not found, nothing to score")
        return 0
    golden_right, golden_total, right, total = score(args.cases)
    print(f"golden rules: {golden_right}/{golden_total} exactly right")
    print(f"all cases:    {right}/{total} exactly right")
    if args.news is not None:
        if args.news.is_dir():
            time_news(args.news)
        else:
            print(f"{args.news}: not a directory, no timing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
