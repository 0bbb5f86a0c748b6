"""How `brief build` scales with the size of the day, against its floor and sumy's LexRank.

Usage:
    python benchmarks/scale.py DUC2006_DOCS [--sizes 1000 2000 ...] [--repeat 3]
                               [--sumy-max 4000] [--markdown]

DUC2006_DOCS is ../shared/dev-data/duc2006/docs (1,250 articles, about 33k sentences; NIST
data, never committed). For each size, articles are taken in a fixed order until that many
sentences are reached, and for each run the script reports the median of --repeat runs of:

- build: wall time and peak resident memory of `python -m summarizer build FILES --out TMP`;
- floor: the same articles read, cleaned, split and tokenised, nothing else, in a fresh
  process the same way (so start-up counts on both sides);
- ranking: the default ranker's time on the sentences alone, and sumy's stock LexRank on the
  same sentences (sizes up to --sumy-max only: it is quadratic) — their ratio.

Exits 0 with a message when the folder is absent. Not a test: run by hand, on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = """
import sys
from summarizer import pipeline
from summarizer.text import content_terms
corpus = pipeline.load(sys.argv[1:])
sum(len(content_terms(s.text)) for s in corpus.sentences)
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:4])} … (status {status})")
    return elapsed, usage.ru_maxrss / 1024


def subsets(docs: Path, sizes: list[int]) -> tuple[dict[int, list[str]], dict[int, int]]:
    """Article files for each size (a prefix of one fixed order), and their sentence counts."""
    from summarizer import pipeline
    from summarizer.errors import InputError

    def sentences_in(path: str) -> int:
        try:
            return len(pipeline.load([path]).sentences)
        except InputError:  # a file with nothing usable: the build skips it too
            return 0

    files = sorted(str(p) for p in docs.glob("*/*") if p.is_file())
    counts = [sentences_in(f) for f in files]
    chosen: dict[int, list[str]] = {}
    actual: dict[int, int] = {}
    for size in sizes:
        total, i = 0, 0
        while i < len(files) and total < size:
            total += counts[i]
            i += 1
        chosen[size], actual[size] = files[:i], total
    return chosen, actual


def ranking_times(files: list[str], with_sumy: bool) -> tuple[float, float | None]:
    """Seconds of the default ranker and of stock sumy LexRank on the same sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    from summarizer import pipeline
    from summarizer.ranking import DEFAULT_RANKER, get_ranker
    from summarizer.text import words

    sentences = pipeline.load(files).sentences
    start = time.perf_counter()
    get_ranker(DEFAULT_RANKER).score(sentences)
    ours = time.perf_counter() - start
    if not with_sumy:
        return ours, None

    class Words:
        def to_words(self, text: str) -> list[str]:
            return words(text)

    doc = ObjectDocumentModel([Paragraph([SumySentence(s.text, Words()) for s in sentences])])
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    start = time.perf_counter()
    lexrank(doc, 10)
    return ours, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000, 32000]
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sumy-max", type=int, default=4000)
    parser.add_argument("--all", action="store_true", help="also the whole folder")
    args = parser.parse_args()
    if not args.docs.is_dir():
        print(f"{args.docs} is absent: nothing to measure")
        return 0
    chosen, actual = subsets(args.docs, args.sizes)
    if args.all:
        chosen[0], actual[0] = (
            subsets(args.docs, [10**9])[0][10**9],
            subsets(args.docs, [10**9])[1][10**9],
        )
    print(f"# {os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {args.repeat}")
    print(
        "| sentences | articles | build s | peak MB | floor s | build/floor | "
        "rank s | sumy LexRank s | speed-up |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous = None
    for size in [*args.sizes, *([0] if args.all else [])]:
        files = chosen[size]
        with tempfile.TemporaryDirectory() as out:
            build = [
                timed([sys.executable, "-m", "summarizer", "build", *files, "--out", out, "-q"])
                for _ in range(args.repeat)
            ]
        floor = [timed([sys.executable, "-c", FLOOR, *files])[0] for _ in range(args.repeat)]
        ranks = [ranking_times(files, with_sumy=False)[0] for _ in range(args.repeat)]
        sumy = ranking_times(files, with_sumy=True)[1] if actual[size] <= args.sumy_max else None
        b = statistics.median(t for t, _ in build)
        mem = statistics.median(m for _, m in build)
        f, r = statistics.median(floor), statistics.median(ranks)
        growth = f" (×{b / previous:.2f})" if previous else ""
        previous = b
        sumy_cells = f"{sumy:.2f} | {sumy / r:.0f}×" if sumy else "– | –"
        print(
            f"| {actual[size]:,} | {len(files)} | {b:.2f}{growth} | {mem:.0f} | {f:.2f} | "
            f"{b / f:.2f} | {r:.3f} | {sumy_cells} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
