"""Every reader is linear in its input: seconds to read and clean pathological inputs.

For each reader, 16 inputs built to hurt it (runs of "<" with no ">", unclosed tags, deep
nesting, one endless line) at 256 KB, 512 KB and 1 MB, each read from a file and cleaned
into an article, as ``brief build`` does before splitting. Linear time doubles with the
size (x2 per doubling); quadratic quadruples it. One line per input:

    python benchmarks/readers_linear.py [--repeat 3]

Prints the median of ``--repeat`` runs for each size and the growth from 512 KB to 1 MB.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from summarizer.cleaning import cleaner
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument
from summarizer.reading import readers

KB = 1024
SIZES = (256 * KB, 512 * KB, 1024 * KB)
STORY = "Foreign ministers resumed their talks in Vienna on Wednesday after a break of one day. "


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


# name, file suffix, builder: size in bytes -> the text of the file
INPUTS: list[tuple[str, str, Callable[[int], str]]] = [
    ("text: one endless line", ".txt", lambda n: _fill("word ", n, STORY + "\n\n")),
    ("text: '<' with no '>'", ".txt", lambda n: _fill("<", n, STORY + "\n\n")),
    ("markdown: '[' with no ']'", ".md", lambda n: _fill("[", n, STORY + "\n\n")),
    ("markdown: '](' with no ')'", ".md", lambda n: _fill("](", n, STORY + "\n\n[a")),
    ("duc: '<' with no '>'", "", lambda n: _fill("<", n, f"<DOC>\n<TEXT>\n<P>{STORY}</P>\n<P>")),
    (
        "duc: '<' run closed by </P>",
        "",
        lambda n: _fill("<", n, f"<DOC>\n<TEXT>\n<P>{STORY}", "</P>\n</TEXT>\n</DOC>\n"),
    ),
    ("duc: unclosed <P>", "", lambda n: _fill("<P>x ", n, f"<DOC>\n<TEXT>\n<P>{STORY}</P>\n")),
    ("duc: unclosed <DOC><TEXT>", "", lambda n: _fill("<DOC><TEXT>", n, f"<DOC><TEXT>{STORY}")),
    ("html: '<' with no '>'", ".html", lambda n: _fill("<", n, f"<html><body><p>{STORY}</p>")),
    ("html: nested <div>", ".html", lambda n: _fill("<div>", n, f"<html><body><p>{STORY}</p>")),
    ("html: unclosed comment", ".html", lambda n: _fill("x", n, f"<html><body><p>{STORY}</p><!--")),
    (
        "feed: '<' in an entry",
        ".rss",
        lambda n: _fill(
            "<", n, f"<rss><channel><title>W</title><item><description>{STORY}", "</description>"
        ),
    ),
    (
        "feed: unclosed <item>",
        ".rss",
        lambda n: _fill(f"<item><title>{STORY}", n, "<rss><channel>"),
    ),
    ("jsonl: deep nesting", ".jsonl", lambda n: _fill("[", n, f'{{"text": "{STORY}"}}\n')),
    ("jsonl: one endless string", ".jsonl", lambda n: _fill("\\u00e9", n, '{"text": "', '"}\n')),
    ("jsonl: bad lines", ".jsonl", lambda n: _fill("{bad\n", n, f'{{"text": "{STORY}"}}\n')),
]


def read_and_clean(path: Path) -> int:
    """What ``brief build`` does to one input before splitting; returns the paragraphs kept."""
    try:
        docs, _ = readers.read_source(path)
    except UnreadableSource:
        return 0
    kept = 0
    for doc in docs:
        if isinstance(doc, RawDocument):
            try:
                kept += len(cleaner.clean(doc, 0).paragraphs)
            except UnreadableSource:
                continue
    return kept


def timed(path: Path, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        read_and_clean(path)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", help="run only the inputs whose name contains this")
    args = parser.parse_args()
    read_and_clean(Path(__file__))  # import the parsers before timing anything
    print(f"{'input':32} {'256 KB':>8} {'512 KB':>8} {'1 MB':>8}  growth")
    with tempfile.TemporaryDirectory() as tmp:
        for name, suffix, build in INPUTS:
            if args.only and args.only not in name:
                continue
            seconds = []
            for size in SIZES:
                path = Path(tmp) / f"input{suffix}"
                path.write_text(build(size), encoding="utf-8")
                seconds.append(timed(path, args.repeat))
            growth = seconds[2] / seconds[1] if seconds[1] > 0 else float("nan")
            cells = " ".join(f"{s:8.3f}" for s in seconds)
            print(f"{name:32} {cells}  x{growth:.2f}", flush=True)


if __name__ == "__main__":
    main()
