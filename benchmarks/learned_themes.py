"""Sections that fit the story: which themes `brief build` picks, and how pure learned ones are.

Usage:
    python benchmarks/learned_themes.py [DEV_DATA] [--only ag|duc3|mixed|duc2006|duc2007|seeds]

DEV_DATA defaults to ``../shared/dev-data`` beside the repository; exits 0 with a message when
it is absent. Every brief is built with ``brief build`` and no ``--themes`` (the command's own
choice between the bundled themes and learned ones), then read back from its JSON:

- ``ag``: an AG News day, the first 50 items of each class of ``test.csv`` as one day (each
  item a text file in a temporary folder, title line then description; nothing is copied into
  the repository). Reports the sections besides Other and the purity of the brief's items (the
  share whose class is their section's majority class), with and without Other.
- ``duc3``: three DUC 2007 update topics (all three batches each) read as one day; the same.
- ``mixed``: four mixed days of full articles, 8 from each of 5 DUC 2006 clusters; the same,
  by cluster.
- ``duc2006``: for each of the 50 clusters, which themes were used, their fit, and whether a
  Diplomacy, Battlefield or NATO section appears.
- ``duc2007``: the learned section titles of each of the 10 DUC 2007 update topics (all
  batches of a topic as one day).
- ``seeds``: the sample corpus: the themes used and its sections.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import cli  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "dev-data"
UKRAINE = {"Diplomacy", "Battlefield", "NATO"}
DUC3 = ("D0703A", "D0711C", "D0726F")


def build(sources: list[Path], out: Path) -> dict[str, object]:
    """``brief build SOURCES`` with the command's own theme choice; the JSON brief."""
    with contextlib.redirect_stdout(io.StringIO()):  # the paths it wrote
        status = cli.main(["build", *map(str, sources), "--out", str(out), "-q"])
    if status != 0:
        raise SystemExit(f"brief build failed on {sources}")
    [path] = out.glob("*.json")
    return dict(json.loads(path.read_text(encoding="utf-8")))


def purity(brief: dict[str, object], label: Callable[[str], str], other: bool) -> float:
    """Share of the brief's items whose label is their section's majority label."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for section in brief["sections"]:  # type: ignore[attr-defined]
        if section["theme"] == "other" and not other:
            continue
        for item in section["items"]:
            groups[section["title"]][label(item["sources"][0]["path"])] += 1
    total = sum(c.total() for c in groups.values())
    return sum(c.most_common(1)[0][1] for c in groups.values()) / max(total, 1)


def report_day(name: str, brief: dict[str, object], label: Callable[[str], str]) -> None:
    titles = [s["title"] for s in brief["sections"]]  # type: ignore[attr-defined]
    besides = [t for t in titles if t != "Other"]
    print(f"{name}: themes {brief['themes']}; {len(besides)} sections besides Other: {titles}")
    print(
        f"  purity {purity(brief, label, other=False):.3f} without Other, "
        f"{purity(brief, label, other=True):.3f} with it"
    )


def ag_news(data: Path, work: Path, days: int = 1) -> None:
    """The AG News day (items 1-50 of each class), and with ``days`` > 1 the next ones too
    (items 51-100, 101-150, ...): other mixed days of the same kind."""
    for day in range(days):
        folder = work / f"ag{day}"
        folder.mkdir()
        seen: Counter[str] = Counter()
        with (data / "topics" / "ag_news_test" / "test.csv").open(encoding="utf-8") as handle:
            for label, title, description in csv.reader(handle):
                seen[label] += 1
                if 50 * day < seen[label] <= 50 * (day + 1):
                    text = f"{title}\n\n{description.replace(chr(92), ' ')}\n"
                    name = f"c{label}_{seen[label]:03d}.txt"
                    (folder / name).write_text(text, encoding="utf-8")
        brief = build([folder], work / f"ag{day}-brief")
        span = f"items {50 * day + 1}-{50 * (day + 1)} of each class"
        report_day(f"AG News day ({span})", brief, lambda p: Path(p).name.split("_")[0])


def duc3(data: Path, work: Path) -> None:
    topics = [data / "duc2007_update" / "docs" / t for t in DUC3]
    brief = build(topics, work / "duc3")
    report_day(f"DUC 2007 update {', '.join(DUC3)} as one day", brief, _topic)


def _topic(path: str) -> str:
    return next(part for part in Path(path).parts if part in DUC3)


def mixed(data: Path, work: Path) -> None:
    """Mixed days of full articles: 8 articles from each of 5 DUC 2006 clusters as one day
    (clusters 1-5, 6-10, 11-15, 16-20), each copied into a temporary folder under its
    cluster's name; purity is by cluster."""
    clusters = sorted((data / "duc2006" / "docs").iterdir())
    for day in range(4):
        folder = work / f"mixed{day}"
        folder.mkdir()
        chosen = clusters[5 * day : 5 * day + 5]
        for cluster in chosen:
            for path in sorted(cluster.iterdir())[:8]:
                shutil.copy(path, folder / f"{cluster.name}__{path.name}")
        brief = build([folder], work / f"mixed{day}-brief")
        name = f"Mixed day of {', '.join(c.name for c in chosen)} (8 articles each)"
        report_day(name, brief, lambda p: Path(p).name.split("__")[0])


def duc2006(data: Path, work: Path) -> None:
    for cluster in sorted((data / "duc2006" / "docs").iterdir()):
        brief = build([cluster], work / cluster.name)
        titles = [s["title"] for s in brief["sections"]]  # type: ignore[attr-defined]
        flag = "UKRAINE HEADINGS" if UKRAINE & set(titles) else ""
        print(f"{cluster.name} {brief['themes']} {titles} {flag}")


def duc2007(data: Path, work: Path) -> None:
    for topic in sorted((data / "duc2007_update" / "docs").iterdir()):
        brief = build([topic], work / topic.name)
        titles = [s["title"] for s in brief["sections"]]  # type: ignore[attr-defined]
        print(f"{topic.name} {brief['themes']} {titles}")


def seeds(data: Path, work: Path) -> None:
    brief = build([data.parent / "seeds"], work / "seeds")
    print(f"seeds {brief['themes']} {[s['title'] for s in brief['sections']]}")  # type: ignore[attr-defined]


RUNS = {
    "ag": ag_news,
    "duc3": duc3,
    "mixed": mixed,
    "duc2006": duc2006,
    "duc2007": duc2007,
    "seeds": seeds,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--only", choices=sorted(RUNS), action="append")
    parser.add_argument("--ag-days", type=int, default=1, help="AG News days to build (ag)")
    args = parser.parse_args()
    if not (args.data / "duc2006").is_dir():
        print(f"no development data at {args.data}: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or list(RUNS):
            (Path(tmp) / name).mkdir()
            if name == "ag":
                ag_news(args.data, Path(tmp) / name, args.ag_days)
            else:
                RUNS[name](args.data, Path(tmp) / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
