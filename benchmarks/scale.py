"""How fast `brief` answers and how `brief build` scales, against the reading floor and sumy.

The older measure: its floor (``FLOOR`` below) is this file's own, not the shared ``floor.py``
builds are now judged against. ``benchmarks/speed.py`` measures beside the shared floor and
sumy run on six kinds of day, and makes docs/performance.md's tables.

Usage:
    python benchmarks/scale.py DUC2006_DOCS [--repeat 3] [--articles 80 500] [--all]
                               [--sizes 1000 2000 ...] [--sumy-max 4000]

DUC2006_DOCS is DEV_DATA/duc2006/docs (1,250 articles, about 33k sentences; NIST
data, never committed). One command prints every table of docs/performance.md; every figure is
the median of --repeat runs, each run of a row taking its commands in turn (side by side), so
a busy machine slows them alike:

- start-up: `brief --help` and `brief --version` against a bare `python -c "import argparse,
  json"`;
- whole process at about 2,000 sentences (the first 80 articles, --whole): `brief summarize`
  and `brief build` against sumy's stock LexRank over the same sentences, each a fresh
  process from files to summary (sumy is given our reading and splitting, and pays for it:
  its own tokenizer needs NLTK data we never download);
- for the first N articles (--articles; --all adds the whole folder), and for N sentences
  (--sizes, articles taken in the same order until that many sentences are reached):
  - build: wall time and peak resident memory of `python -m summarizer build FILES --out TMP`;
  - floor: reading the files, splitting them with NLTK's Punkt and stemming every word with
    Snowball (each distinct word once), nothing else, in a fresh process: what any brief of
    them costs at least;
  - pipeline floor: our own reading, cleaning, splitting and tokenising, nothing else (the
    floor this table used before), in a fresh process the same way;
  - rank: the default ranker alone on the same sentences, in process, and sumy's stock
    LexRank on them (up to --sumy-max sentences: it is quadratic).

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
from collections.abc import Callable, Sequence
from pathlib import Path

# The reading floor: read, split with Punkt, stem with Snowball; nothing of ours.
FLOOR = """
import re, sys
from pathlib import Path
from nltk.stem.snowball import SnowballStemmer
from nltk.tokenize.punkt import PunktSentenceTokenizer
punkt, stemmer, stems = PunktSentenceTokenizer(), SnowballStemmer("english"), {}
word = re.compile(r"\\w+")
for name in sys.argv[1:]:
    text = Path(name).read_text(encoding="utf-8", errors="replace")
    for sentence in punkt.tokenize(text):
        for w in word.findall(sentence.lower()):
            if w not in stems:
                stems[w] = stemmer.stem(w)
"""
# sumy's stock LexRank from files to a summary, over the sentences we find in them.
SUMY_PROCESS = """
import sys
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from summarizer import pipeline
from summarizer.text.words import words
class Words:
    def to_words(self, text):
        return words(text)
sentences = pipeline.load(sys.argv[1:]).sentences
doc = ObjectDocumentModel([Paragraph([Sentence(s.text, Words()) for s in sentences])])
lexrank = LexRankSummarizer(Stemmer("english"))
lexrank.stop_words = get_stop_words("english")
for chosen in lexrank(doc, 10):
    print(chosen)
"""
# The floor this table used before: our reading, cleaning, splitting and tokenising.
PIPELINE_FLOOR = """
import sys
from summarizer import pipeline
from summarizer.text.words import content_terms
corpus = pipeline.load(sys.argv[1:])
sum(len(content_terms(s.text)) for s in corpus.sentences)
"""


def timed(cmd: Sequence[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd[:4])} … (status {status})")
    return elapsed, usage.ru_maxrss / 1024


def side_by_side(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Median wall seconds and median peak MB of each command, run in turn ``repeat`` times."""
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(timed(cmd))
    return {
        name: (statistics.median(t for t, _ in r), statistics.median(m for _, m in r))
        for name, r in runs.items()
    }


def all_files(docs: Path) -> list[str]:
    return sorted(str(p) for p in docs.glob("*/*") if p.is_file())


def sentence_counts(files: list[str]) -> list[int]:
    """Sentences per file as the build finds them (0 for a file with nothing usable)."""
    from summarizer import pipeline
    from summarizer.errors import InputError

    def count(path: str) -> int:
        try:
            return len(pipeline.load([path], pipeline.ReadOptions(quiet=True)).sentences)
        except InputError:
            return 0

    return [count(f) for f in files]


def prefix_for(counts: list[int], size: int) -> int:
    """How many files, in order, it takes to reach ``size`` sentences."""
    total, i = 0, 0
    while i < len(counts) and total < size:
        total += counts[i]
        i += 1
    return i


def ranking_times(files: list[str], with_sumy: bool, repeat: int) -> tuple[float, float | None]:
    """Median seconds of the default ranker, and seconds of stock sumy LexRank, on the same
    sentences."""
    from summarizer import pipeline
    from summarizer.config import DEFAULT_RANKER
    from summarizer.ranking.rankers import get_ranker
    from summarizer.text.words import words

    sentences = pipeline.load(files, pipeline.ReadOptions(quiet=True)).sentences
    ours = []
    for _ in range(repeat):
        start = time.perf_counter()
        get_ranker(DEFAULT_RANKER).score(sentences)
        ours.append(time.perf_counter() - start)
    if not with_sumy:
        return statistics.median(ours), None
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class Words:
        def to_words(self, text: str) -> list[str]:
            return words(text)

    doc = ObjectDocumentModel([Paragraph([SumySentence(s.text, Words()) for s in sentences])])
    lexrank = LexRankSummarizer(Stemmer("english"))
    lexrank.stop_words = get_stop_words("english")
    start = time.perf_counter()
    lexrank(doc, 10)
    return statistics.median(ours), time.perf_counter() - start


def brief(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", *args]


def startup_table(repeat: int) -> list[str]:
    """`brief --help` and `brief --version` against Python's own start."""
    times = side_by_side(
        {
            "python": [sys.executable, "-c", "import argparse, json"],
            "--version": brief("--version"),
            "--help": brief("--help"),
        },
        max(repeat, 5),
    )
    bare = times["python"][0]
    lines = ["| command | s | × bare Python |", "|---|---:|---:|"]
    lines.append(f'| `python -c "import argparse, json"` | {bare:.3f} | 1.0 |')
    for name in ("--version", "--help"):
        lines.append(f"| `brief {name}` | {times[name][0]:.3f} | {times[name][0] / bare:.1f} |")
    return lines


def whole_process_table(files: list[str], sentences: int, repeat: int) -> list[str]:
    """`brief summarize` and `brief build`, start to end, against sumy LexRank's process."""
    with tempfile.TemporaryDirectory() as out:
        times = side_by_side(
            {
                "summarize": brief("summarize", *files, "-q"),
                "build": brief("build", *files, "--out", out, "-q"),
                "sumy": [sys.executable, "-c", SUMY_PROCESS, *files],
            },
            repeat,
        )
    sumy = times["sumy"][0]
    lines = [
        f"{len(files)} articles, {sentences:,} sentences; each a fresh process, files to summary",
        "",
        "| process | s | sumy LexRank ÷ this |",
        "|---|---:|---:|",
        f"| sumy LexRank (stock, over our sentences) | {sumy:.2f} | 1.0 |",
    ]
    for name in ("summarize", "build"):
        t = times[name][0]
        lines.append(f"| `brief {name} FILES -q` | {t:.2f} | {sumy / t:.1f}× |")
    return lines


def scale_row(
    files: list[str], sentences: int, repeat: int, sumy_max: int, previous: float | None
) -> tuple[str, float]:
    """One row of the scale table, and the build's median seconds."""
    with tempfile.TemporaryDirectory() as out:
        times = side_by_side(
            {
                "build": brief("build", *files, "--out", out, "-q"),
                "floor": [sys.executable, "-c", FLOOR, *files],
                "pipeline": [sys.executable, "-c", PIPELINE_FLOOR, *files],
            },
            repeat,
        )
    (b, mem), f, p = times["build"], times["floor"][0], times["pipeline"][0]
    rank, sumy = ranking_times(files, sentences <= sumy_max, repeat)
    growth = f" (×{b / previous:.2f})" if previous else ""
    sumy_cells = f"{sumy:.2f} | {sumy / rank:.0f}×" if sumy else "– | –"
    row = (
        f"| {sentences:,} | {len(files)} | {b:.2f}{growth} | {mem:.0f} | {f:.2f} | "
        f"**{b / f:.2f}** | {p:.2f} | {b / p:.2f} | {rank:.3f} | {sumy_cells} |"
    )
    return row, b


def scale_table(
    rows: list[tuple[list[str], int]], repeat: int, sumy_max: int, emit: Callable[[str], None]
) -> None:
    emit(
        "| sentences | articles | build s | peak MB | floor s | build/floor | "
        "pipeline floor s | build/pipeline floor | rank s | sumy LexRank s | speed-up |"
    )
    emit("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    previous = None
    for files, sentences in rows:
        row, previous = scale_row(files, sentences, repeat, sumy_max, previous)
        emit(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, nargs="*", default=[80, 500])
    parser.add_argument("--whole", type=int, default=80, help="articles for the sumy race")
    parser.add_argument("--all", action="store_true", help="also the whole folder")
    parser.add_argument("--sizes", type=int, nargs="*", default=[], help="sentence counts")
    parser.add_argument("--sumy-max", type=int, default=4000)
    args = parser.parse_args()
    if not args.docs.is_dir():
        print(f"{args.docs} is absent: nothing to measure")
        return 0
    files = all_files(args.docs)
    counts = sentence_counts(files)

    def emit(line: str = "") -> None:
        print(line, flush=True)

    load = os.getloadavg()[0]
    emit(f"# {os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {args.repeat}, ")
    emit(f"# load average {load:.2f} at the start")
    emit()
    emit("## Start-up")
    emit()
    for line in startup_table(args.repeat):
        emit(line)
    emit()
    emit("## Whole process against sumy LexRank")
    emit()
    n = min(args.whole, len(files))
    for line in whole_process_table(files[:n], sum(counts[:n]), args.repeat):
        emit(line)
    emit()
    emit("## Build against the floor")
    emit()
    ends = [min(a, len(files)) for a in args.articles] + ([len(files)] if args.all else [])
    ends += [prefix_for(counts, size) for size in args.sizes]
    rows = [(files[:i], sum(counts[:i])) for i in sorted(set(ends))]
    scale_table(rows, args.repeat, args.sumy_max, emit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
