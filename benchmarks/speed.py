"""`brief` against the shared floor and sumy LexRank, side by side, on several kinds of day.

Usage:
    python benchmarks/speed.py DEV_DATA TOOLS [--repeat 3] [--days NAME ... | --skip NAME ...]
                               [--keep DIR]

TOOLS is the folder holding ``floor.py`` and ``sumy_lexrank.py`` (``../shared/tools`` beside a
checkout). The days are written by ``benchmarks/days.py`` as folders of plain-text articles,
which the floor, sumy and ``brief`` all read. Every figure is the median of ``--repeat`` runs;
each run takes a day's commands in turn, each a fresh process, so a busy machine slows them
alike. Peak memory is the largest sum, over the process and its workers, of each one's
proportional set size (a page forked workers share with their parent counts once; resident
sizes would count it in each), sampled every 0.25 s (every 20 ms, sampling took half a core
and slowed the build it measured).

Tables printed (Markdown, for docs/performance.md):
- start-up: ``brief --help`` against a bare ``python -c "import argparse, json"``;
- build: ``brief build DAY --out TMP -q`` against ``floor.py DAY`` on every day;
- growth: the synthetic day at 1,250, 2,500, 5,000 and 10,000 articles, time(2N) / time(N);
- sumy: ``brief summarize DAY --words 100 -q`` against ``sumy_lexrank.py lexrank DAY 8`` on
  the two 80-article days.

The package is byte-compiled first (``compiled``), as an installed package is and as the floor's
and sumy's libraries are: where ``PYTHONDONTWRITEBYTECODE`` is set (as on this project's
machines), a checkout would otherwise compile every module changed since its last ``.pyc`` at
each start, about 0.1 s of a small day's run that no installed copy pays.

Exits 0 with a message when DEV_DATA or TOOLS is absent. Not a test: run it by hand, on an
otherwise idle machine (it takes about half an hour at --repeat 3).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from days import SIZES, make_days

BUILD_DAYS = ("duc2006-500", "duc2006-1250", "duc2007", "tac2011", "ag10k", "synth10k")
GROWTH = (*(f"synth{n}" for n in SIZES), "synth10k")
SUMY_DAYS = ("lex80a", "lex80b")
SAMPLE = 0.25  # seconds between memory samples (more often, the sampler slowed the build)


def run(cmd: Sequence[str]) -> tuple[float, float, str]:
    """Wall seconds, peak MB of the process tree, and standard output of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    top = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [top, *top.children(recursive=True)]
            peak = max(peak, sum(_memory(p) for p in tree if p.is_running()))
        except psutil.Error:
            pass
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=SAMPLE)  # returns as the process ends: no sleep in the time
    out = proc.stdout.read() if proc.stdout else ""
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    return elapsed, peak / 2**20, out


def _memory(process: psutil.Process) -> int:
    """A process's share of memory: its proportional set size where the system tells it
    (a page a forked worker still shares with its parent counts once, not in each), else
    its resident size."""
    try:
        return int(process.memory_full_info().pss)
    except (AttributeError, psutil.AccessDenied):
        return int(process.memory_info().rss)


def side_by_side(
    commands: dict[str, list[str]], repeat: int, label: str
) -> dict[str, tuple[float, float, str]]:
    """Median seconds and peak MB of each command (and its last output), run in turn."""
    runs: dict[str, list[tuple[float, float, str]]] = {name: [] for name in commands}
    for i in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(run(cmd))
            seconds, mb, _ = runs[name][-1]
            print(f"{label} {name} run {i + 1}: {seconds:.2f} s, {mb:.0f} MB", file=sys.stderr)
    return {
        name: (
            statistics.median(r[0] for r in rs),
            statistics.median(r[1] for r in rs),
            rs[-1][2],
        )
        for name, rs in runs.items()
    }


def compiled() -> None:
    """Write the package's bytecode, as ``pip install`` does for an installed copy."""
    import summarizer

    compileall.compile_dir(Path(summarizer.__file__).parent, quiet=1)


def brief(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", *args]


def startup(repeat: int) -> list[str]:
    times = side_by_side(
        {
            "python": [sys.executable, "-c", "import argparse, json"],
            "--help": brief("--help"),
        },
        max(repeat, 5),
        "start-up",
    )
    bare, hold = times["python"][0], times["--help"][0]
    return [
        "| command | s | × bare Python |",
        "|---|---:|---:|",
        f'| `python -c "import argparse, json"` | {bare:.3f} | 1.0 |',
        f"| `brief --help` | {hold:.3f} | **{hold / bare:.1f}** |",
    ]


def builds(days: dict[str, Path], names: Sequence[str], tools: Path, repeat: int) -> list[str]:
    """``brief build`` beside the floor on each day: one table row per day."""
    rows = [
        "| day | articles | sentences (floor) | floor s | build s | build ÷ floor "
        "| build peak MB | floor peak MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        day = days[name]
        with tempfile.TemporaryDirectory() as out:
            times = side_by_side(
                {
                    "floor": [sys.executable, str(tools / "floor.py"), str(day)],
                    "build": brief("build", str(day), "--out", out, "-q", "--no-deliver"),
                },
                repeat,
                name,
            )
        (floor, floor_mb, said), (build, build_mb, _) = times["floor"], times["build"]
        count = said.split()[0]
        articles = sum(1 for _ in day.iterdir())
        rows.append(
            f"| {name} | {articles:,} | {int(count):,} | {floor:.2f} | {build:.2f} "
            f"| **{build / floor:.2f}** | {build_mb:.0f} | {floor_mb:.0f} |"
        )
    return rows


def growth(rows: list[str]) -> list[str]:
    """time(2N) / time(N) over the synthetic day's build rows."""
    by_day = {row.split(" | ")[0].lstrip("| "): row.split(" | ") for row in rows[2:]}
    found = [(name, float(by_day[name][4])) for name in GROWTH if name in by_day]
    lines = ["| from | to | time(2N) ÷ time(N) |", "|---|---|---:|"]
    for (small, t_small), (large, t_large) in itertools.pairwise(found):
        lines.append(f"| {small} | {large} | **{t_large / t_small:.2f}** |")
    return lines


def against_sumy(days: dict[str, Path], tools: Path, repeat: int) -> list[str]:
    rows = [
        "| day | sentences (floor) | sumy LexRank s | `brief summarize --words 100` s | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in SUMY_DAYS:
        if name not in days:
            continue
        day = str(days[name])
        times = side_by_side(
            {
                "sumy": [sys.executable, str(tools / "sumy_lexrank.py"), "lexrank", day, "8"],
                "summarize": brief("summarize", day, "--words", "100", "-q"),
                "floor": [sys.executable, str(tools / "floor.py"), day],
            },
            repeat,
            name,
        )
        sumy, ours = times["sumy"][0], times["summarize"][0]
        count = int(times["floor"][2].split()[0])
        rows.append(f"| {name} | {count:,} | {sumy:.2f} | {ours:.2f} | **{sumy / ours:.1f}×** |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("tools", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--days", nargs="*", help="build only these days (default: all)")
    parser.add_argument("--skip", nargs="*", default=[], help="build all days but these")
    parser.add_argument("--keep", type=Path, help="write the days here (else a temp folder)")
    args = parser.parse_args()
    if not args.dev_data.is_dir() or not (args.tools / "floor.py").is_file():
        print("no dev data or no shared tools: nothing to measure")
        return 0
    compiled()
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        days = make_days(args.dev_data, where)
        names = [n for n in (args.days or [*BUILD_DAYS, *GROWTH[:-1]]) if n in days]
        names = [n for n in names if n not in args.skip]
        print("## Start-up\n", *startup(args.repeat), sep="\n")
        rows = builds(days, names, args.tools, args.repeat)
        print("\n## Build against the shared floor\n", *rows, sep="\n")
        print("\n## Growth (synthetic day)\n", *growth(rows), sep="\n")
        if args.days is None:
            print(
                "\n## Against sumy LexRank\n",
                *against_sumy(days, args.tools, args.repeat),
                sep="\n",
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
