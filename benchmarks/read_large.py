"""Time and memory of reading one large file: a JSON Lines day and a plain text file.

Usage:
    python benchmarks/read_large.py [--mb 80] [--build-mb 0]

Generates both files (about --mb MB each, ASCII news-like words) in a temporary folder, then
reads each in a fresh process, as ``brief build --max-size`` would (the reading stage alone:
``readers.read_source``, after the imports a build has), and prints the wall seconds and the
peak resident memory the reading added, as a multiple of the file's size. With --build-mb N,
also runs the whole ``brief build`` on the first N MB of the JSON Lines file (every article
of the day: slow, and its memory follows the day's sentences, not its bytes).

Issue 29: a 200 MB file with --max-size 300 took 347 s and 4.9 GB (24 times its size).
Not a test: run by hand, on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

WORDS = (
    "council harbour budget mayor tram plan vote costs city river bridge school police fire "
    "storm market bank rate trade port minister talks agreed week"
)
_READ = """
import resource, sys, time
from pathlib import Path
import summarizer.pipeline  # the imports a build has
from summarizer.reading import readers
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
path = Path(sys.argv[1])
start = time.perf_counter()
docs, _ = readers.read_source(path, max_bytes=path.stat().st_size + 1)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(docs), seconds, before * 1024, peak * 1024)
"""


def _sentences(rng: random.Random, count: int) -> str:
    return " ".join(
        " ".join(rng.choice(WORDS.split()) for _ in range(15)).capitalize() + "."
        for _ in range(count)
    )


def generate(folder: Path, megabytes: int) -> tuple[Path, Path]:
    """A JSON Lines day and a plain text file of about ``megabytes`` MB each."""
    rng, target = random.Random(7), megabytes * 1024 * 1024
    lines, text = folder / "day.jsonl", folder / "day.txt"
    with lines.open("w", encoding="utf-8") as fh:
        n = 0
        while fh.tell() < target:
            article = {"title": f"Story {n}", "text": _sentences(rng, 4), "source": f"Outlet {n}"}
            fh.write(json.dumps(article) + "\n")
            n += 1
    with text.open("w", encoding="utf-8") as fh:
        while fh.tell() < target:
            fh.write(_sentences(rng, 5) + "\n\n")
    return lines, text


def read(path: Path) -> str:
    """One line: the file, its size, the articles read, seconds and memory added."""
    done = subprocess.run(
        [sys.executable, "-c", _READ, str(path)], capture_output=True, text=True, check=True
    )
    docs, seconds, before, peak = done.stdout.split()
    size = path.stat().st_size
    added = int(peak) - int(before)
    return (
        f"{path.name}: {size / 2**20:.0f} MB, {docs} article(s) read in {float(seconds):.1f} s, "
        f"peak memory {int(peak) / 2**20:.0f} MB ({added / 2**20:.0f} MB over the imports' "
        f"{int(before) / 2**20:.0f} MB: {added / size:.2f} times the file)"
    )


def build(lines: Path, megabytes: int, folder: Path) -> str:
    """The whole ``brief build`` of the first ``megabytes`` MB of the day, under time -v."""
    part = folder / f"first-{megabytes}.jsonl"
    with lines.open(encoding="utf-8") as source, part.open("w", encoding="utf-8") as fh:
        for line in source:
            if fh.tell() + len(line) > megabytes * 1024 * 1024:
                break
            fh.write(line)
    command = [sys.executable, "-m", "summarizer", "build", str(part), "--out", str(folder)]
    timed = ["/usr/bin/time", "-f", "%e s, peak %M KB", *command, "-q", "--no-history"]
    done = subprocess.run([*timed, "--max-size", "1000"], capture_output=True, text=True)
    return f"build {part.name}: {done.stderr.strip().splitlines()[-1]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=80, help="size of each file (default: 80)")
    parser.add_argument("--build-mb", type=int, default=0, help="also build this many MB")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        lines, text = generate(folder, args.mb)
        for path in (lines, text):
            print(read(path), flush=True)
        if args.build_mb:
            print(build(lines, args.build_mb, folder), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
