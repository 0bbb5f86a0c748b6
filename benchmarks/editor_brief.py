"""What an editor reads first: every dev cluster's brief against its human summaries.

Usage:
    python benchmarks/editor_brief.py DEV_DATA [--only duc2006|duc2007|tac|ag] [--out DIR]
        [--words 100] [--jobs N] [--ag-news] [--ag-items 40] [--ag-seed 0] [--json]

DEV_DATA is the shared dev-data folder (NIST and TAC data: evaluation only, never committed).
Each cluster (DUC 2006: 50, DUC 2007 update: 30 batches, TAC 2011: 10 topics; found, with
their human summaries, by dev_eval.py and summarizer.evaluation) is built with the real CLI,
in-process (``brief build SOURCES --out DIR/<set>/<cluster> -q --no-history``), and measured:

- items, words of the items' text, sections and their titles;
- the brief's first N words (100 by default) in reading order: a lead block if the brief has
  one, then the items section by section, as the Markdown shows them. An inserted name keeps
  its words and loses its brackets ("[Mark] Rutte" reads "Mark Rutte": the reader sees the
  words); the JSON's text has no Markdown escaping to undo. Dates, credits and headings are
  left out. Scored as the dev-data README says: rouge-score ROUGE-1/2 recall, Porter stemming,
  averaged over the cluster's human summaries (DUC 2006's and TAC's are 250 words long, so
  100 words recall less of them than of DUC 2007's 100-word ones);
- ``brief summarize --words N`` scored the same way, by summarizer.evaluation itself;
- brief_lint's defects (the shared tool, ../tools/brief_lint.py beside DEV_DATA, else the
  tests' copy), with the section minimum the shared tool picks;
- the main-fact proxy: the 1-based reading position of the item with the highest ROUGE-2
  recall against the human summaries (none when every item scores 0); recall favours long
  items, so it is a rough pointer, not the editor's judgement.

A table per set follows (--json: the same for machines, every cluster included). The
Markdown, HTML and JSON of each brief stay under --out (default: a folder in the system's
temporary directory, never inside the repository) with results.json. --ag-news (or --only ag)
also builds a mixed AG News day: --ag-items short items (title and description, a quarter
from each class) drawn with --ag-seed from topics/ag_news_test/test.csv into day.jsonl, and
its brief. Exits 0 with a message when DEV_DATA is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dev_eval import clusters as dev_clusters
from rouge_score.rouge_scorer import RougeScorer

from summarizer import cli
from summarizer.config import DEFAULT_RANKER
from summarizer.evaluation.rouge import Cluster, evaluate

ROOT = Path(__file__).resolve().parents[1]
# This script's set names, and dev_eval.py's.
SETS = {"duc2006": "duc2006", "duc2007": "duc2007_update", "tac": "tac2011"}
AG_CLASSES = {"1": "World", "2": "Sports", "3": "Business", "4": "Sci/Tech"}
AG_DATE = "2004-09-01"  # a fixed label for the AG News day (its rows carry no date)
JOBS = min(4, os.cpu_count() or 1)
INSERTION = re.compile(r"\[([^\[\]]*)\]")

Lint = Callable[[dict[str, Any]], tuple[list[Any], list[tuple[str, str, str]]]]


@dataclass(frozen=True)
class Job:
    """One cluster to build and measure."""

    dataset: str
    cluster: Cluster
    out: Path
    words: int
    lint: Path


@dataclass
class Run:
    """One brief's measures; recall as fractions (0-1)."""

    dataset: str
    cluster: str
    items: int
    words: int
    sections: int
    titles: list[str]
    brief_r1: float
    brief_r2: float
    summarize_r1: float
    summarize_r2: float
    items_in_first: int  # items the first N words reach into
    main_fact: int | None  # reading position of the best ROUGE-2 item
    main_fact_r2: float
    lint: int
    lint_kinds: dict[str, int]
    seconds: float
    markdown: str
    first_words: str = field(repr=False)


def reading_order(brief: dict[str, Any]) -> list[str]:
    """The items' texts as a reader meets them: a lead block, then section by section."""
    texts = []
    for key in ("lead", "top"):
        block = brief.get(key)
        for item in block if isinstance(block, list) else []:
            if isinstance(item, dict) and "text" in item:
                texts.append(item["text"])
    for section in brief.get("sections", []):
        texts += [item["text"] for item in section.get("items", [])]
    return [INSERTION.sub(r"\1", text) for text in texts]


def first_words(texts: Sequence[str], words: int) -> tuple[str, int]:
    """The first ``words`` words of the texts, and how many texts they reach into."""
    kept: list[str] = []
    reached = 0
    for text in texts:
        if len(kept) >= words:
            break
        kept += text.split()
        reached += 1
    return " ".join(kept[:words]), reached


def recall(scorer: RougeScorer, references: Sequence[str], text: str) -> tuple[float, float]:
    """ROUGE-1 and ROUGE-2 recall of ``text``, averaged over the references."""
    scores = [scorer.score(ref, text) for ref in references]
    return (
        statistics.mean(s["rouge1"].recall for s in scores),
        statistics.mean(s["rouge2"].recall for s in scores),
    )


@cache
def load_lint(path: Path) -> Lint:
    """brief_lint's ``lint`` from a file, called with the section minimum the shared tool
    picks (3 for a brief themed from a themes file, else 1), which the tests' copy lacks."""
    spec = importlib.util.spec_from_file_location(f"brief_lint_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load brief_lint")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def lint(brief: dict[str, Any]) -> tuple[list[Any], list[tuple[str, str, str]]]:
        themes = brief.get("themes") if isinstance(brief.get("themes"), dict) else {}
        minimum = 3 if (themes or {}).get("from", "file") == "file" else 1
        found: tuple[list[Any], list[tuple[str, str, str]]] = module.lint(brief, minimum)
        return found

    return lint


def build(sources: Sequence[str], out: Path, *extra: str) -> tuple[dict[str, Any], Path]:
    """``brief build SOURCES --out OUT -q --no-history``: the brief's JSON and Markdown path."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = cli.main(["build", *sources, "--out", str(out), "-q", "--no-history", *extra])
    if status != 0:
        raise SystemExit(f"brief build {out.name} failed with status {status}")
    paths = [Path(line) for line in printed.getvalue().splitlines()]
    [json_path] = [p for p in paths if p.suffix == ".json"]
    return json.loads(json_path.read_text(encoding="utf-8")), json_path.with_suffix(".md")


def measure(job: Job) -> Run:
    """Build one cluster's brief and measure it against the cluster's human summaries."""
    start = time.perf_counter()
    brief, markdown = build(job.cluster.sources, job.out)
    seconds = time.perf_counter() - start
    scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    refs = job.cluster.references
    texts = reading_order(brief)
    lead, reached = first_words(texts, job.words)
    r1, r2 = recall(scorer, refs, lead)
    [summary] = evaluate([job.cluster], [DEFAULT_RANKER], job.words, quiet=True)
    per_item = [recall(scorer, refs, text)[1] for text in texts]
    best = max(per_item, default=0.0)
    _, defects = load_lint(job.lint)(brief)
    sections = [s for s in brief.get("sections", []) if s.get("items")]
    return Run(
        dataset=job.dataset,
        cluster=job.cluster.name,
        items=len(texts),
        words=sum(len(t.split()) for t in texts),
        sections=len(sections),
        titles=[s["title"] for s in sections if s.get("theme") != "other"],
        brief_r1=r1,
        brief_r2=r2,
        summarize_r1=summary.rouge1,
        summarize_r2=summary.rouge2,
        items_in_first=reached,
        main_fact=per_item.index(best) + 1 if best > 0 else None,
        main_fact_r2=best,
        lint=len(defects),
        lint_kinds=dict(Counter(kind for kind, _, _ in defects)),
        seconds=seconds,
        markdown=str(markdown),
        first_words=lead,
    )


def summary(runs: Sequence[Run]) -> dict[str, Any]:
    """One set's figures: recall x 100, medians and means over its clusters."""
    positions = [r.main_fact for r in runs if r.main_fact is not None]
    items = sum(r.items for r in runs)
    kinds: Counter[str] = Counter()
    titles = [t for r in runs for t in r.titles]  # the fallback section's left out
    for r in runs:
        kinds.update(r.lint_kinds)
    return {
        "clusters": len(runs),
        "items_median": statistics.median(r.items for r in runs),
        "items_mean": statistics.mean(r.items for r in runs),
        "words_median": statistics.median(r.words for r in runs),
        "words_mean": statistics.mean(r.words for r in runs),
        "sections_mean": statistics.mean(r.sections for r in runs),
        "one_word_titles": sum(len(t.split()) == 1 for t in titles) / max(len(titles), 1),
        "brief_r1": 100 * statistics.mean(r.brief_r1 for r in runs),
        "brief_r2": 100 * statistics.mean(r.brief_r2 for r in runs),
        "summarize_r1": 100 * statistics.mean(r.summarize_r1 for r in runs),
        "summarize_r2": 100 * statistics.mean(r.summarize_r2 for r in runs),
        "items_in_first_mean": statistics.mean(r.items_in_first for r in runs),
        "lint": sum(r.lint for r in runs),
        "lint_per_100_items": 100 * sum(r.lint for r in runs) / max(items, 1),
        "lint_kinds": dict(kinds.most_common()),
        "main_fact_median": statistics.median(positions) if positions else None,
        "main_fact_mean": statistics.mean(positions) if positions else None,
        "main_fact_first": sum(p == 1 for p in positions),
        "seconds_per_cluster": statistics.mean(r.seconds for r in runs),
    }


def table(summaries: dict[str, dict[str, Any]], words: int) -> str:
    """The sets side by side, one row each."""
    head = (
        f"{'set':<8} {'n':>3} {'items md/mean':>13} {'words md/mean':>13} {'sect':>5}"
        f" {'1-word':>6} {'brief R-1/R-2':>13} {'summ. R-1/R-2':>13} {'items@N':>7}"
        f" {'lint':>4} {'/100':>5} {'main md/mean':>12} {'#1':>3} {'s/cl':>5}"
    )
    lines = [
        f"first {words} words in reading order vs `brief summarize --words {words}`, "
        "ROUGE recall x 100 (rouge-score, stemmed, mean over references)",
        head,
    ]
    for name, s in summaries.items():
        main = (
            f"{s['main_fact_median']:g}/{s['main_fact_mean']:.1f}"
            if s["main_fact_median"] is not None
            else "-"
        )
        lines.append(
            f"{name:<8} {s['clusters']:>3} {s['items_median']:>6g}/{s['items_mean']:<6.1f}"
            f" {s['words_median']:>6g}/{s['words_mean']:<6.0f} {s['sections_mean']:>5.1f}"
            f" {100 * s['one_word_titles']:>5.0f}% {s['brief_r1']:>6.2f}/{s['brief_r2']:<6.2f}"
            f" {s['summarize_r1']:>6.2f}/{s['summarize_r2']:<6.2f}"
            f" {s['items_in_first_mean']:>7.1f} {s['lint']:>4} {s['lint_per_100_items']:>5.1f}"
            f" {main:>12} {s['main_fact_first']:>3} {s['seconds_per_cluster']:>5.2f}"
        )
    lines.append(
        "items@N: items the first N words reach into; 1-word: share of section titles "
        "(not the fallback's) of one word; main: reading position of the item with the best "
        "ROUGE-2 recall (#1: clusters where it is the first item)"
    )
    for name, s in summaries.items():
        kinds = ", ".join(f"{k} {n}" for k, n in s["lint_kinds"].items()) or "none"
        lines.append(f"{name} lint: {kinds}")
    return "\n".join(lines)


def ag_news_day(csv_path: Path, items: int, seed: int, folder: Path) -> Path:
    """A mixed day of short AG News items, a quarter from each class, drawn with ``seed`` and
    interleaved by class, written as JSON Lines (``title``, ``text``; ``class`` and ``row``
    are for the reader, the CLI ignores them)."""
    rows: dict[str, list[tuple[int, str, str]]] = {c: [] for c in AG_CLASSES}
    with csv_path.open(encoding="utf-8", newline="") as handle:
        for number, (cls, title, text) in enumerate(csv.reader(handle), 1):
            rows[cls].append((number, title, text.replace("\\", " ")))
    rng = random.Random(seed)
    picked = {c: sorted(rng.sample(found, items // len(rows))) for c, found in rows.items()}
    lines = []
    for chosen in zip(*picked.values(), strict=True):
        for cls, (number, title, text) in zip(picked, chosen, strict=True):
            record = {"title": title, "text": text, "class": AG_CLASSES[cls], "row": number}
            lines.append(json.dumps(record, ensure_ascii=False))
    folder.mkdir(parents=True, exist_ok=True)
    day = folder / "day.jsonl"
    day.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return day


def measure_ag(csv_path: Path, out: Path, items: int, seed: int, lint: Path) -> dict[str, Any]:
    """Build the AG News day's brief: its size, sections, lint and how mixed each section is
    (the share of its items from its most common class)."""
    day = ag_news_day(csv_path, items, seed, out)
    classes = [
        json.loads(line)["class"] for line in day.read_text(encoding="utf-8").split("\n")[:-1]
    ]
    brief, markdown = build([str(day)], out / "brief", "--date", AG_DATE)
    _, defects = load_lint(lint)(brief)
    sections = []
    for section in brief.get("sections", []):
        lines = [
            int(s["path"].rsplit(":", 1)[1]) for it in section["items"] for s in it["sources"][:1]
        ]
        found = Counter(classes[n - 1] for n in lines)
        top, count = found.most_common(1)[0] if found else ("-", 0)
        sections.append(
            {
                "title": section["title"],
                "items": len(section["items"]),
                "class": top,
                "purity": count / max(len(lines), 1),
            }
        )
    texts = reading_order(brief)
    return {
        "day": str(day),
        "markdown": str(markdown),
        "items": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "sections": sections,
        "lint": len(defects),
        "lint_kinds": dict(Counter(kind for kind, _, _ in defects).most_common()),
    }


def ag_table(found: dict[str, Any]) -> str:
    """The AG News day in a few lines."""
    kinds = ", ".join(f"{k} {n}" for k, n in found["lint_kinds"].items()) or "none"
    lines = [
        f"AG News day ({found['day']}): {found['items']} items, {found['words']} words, "
        f"lint {found['lint']} ({kinds})"
    ]
    for s in found["sections"]:
        lines.append(
            f"  {s['title']:<30} {s['items']:>2} items, {100 * s['purity']:.0f}% {s['class']}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--only", choices=[*SETS, "ag"])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "editor_brief")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=JOBS, help=f"processes (default: {JOBS})")
    parser.add_argument("--ag-news", action="store_true", help="also build the AG News day")
    parser.add_argument("--ag-items", type=int, default=40)
    parser.add_argument("--ag-seed", type=int, default=0)
    parser.add_argument("--lint", type=Path, help="brief_lint.py (default: DEV_DATA/../tools)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"{args.dev_data} is absent: nothing to measure")
        return 0
    out = args.out.resolve()
    if out.is_relative_to(ROOT):
        parser.error(f"--out {args.out} is inside the repository: the briefs quote NIST text")
    lint = args.lint or args.dev_data / ".." / "tools" / "brief_lint.py"
    if not lint.is_file():
        lint = ROOT / "tests" / "brieflint.py"
    lint = lint.resolve()
    start = time.perf_counter()
    names = [args.only] if args.only in SETS else [] if args.only else list(SETS)
    jobs = [
        Job(name, cluster, out / name / cluster.name, args.words, lint)
        for name in names
        for cluster in dev_clusters(args.dev_data, SETS[name])
    ]
    if args.jobs > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            runs = list(pool.map(measure, jobs))
    else:
        runs = [measure(job) for job in jobs]
    summaries = {n: summary([r for r in runs if r.dataset == n]) for n in names}
    ag = None
    if args.only == "ag" or args.ag_news:
        csv_path = args.dev_data / "topics" / "ag_news_test" / "test.csv"
        ag = measure_ag(csv_path, out / "ag_news_day", args.ag_items, args.ag_seed, lint)
    seconds = time.perf_counter() - start
    results = {
        "words": args.words,
        "scorer": "rouge-score: recall, Porter stemming, stop words kept, mean over references",
        "lint": str(lint),
        "seconds": seconds,
        "sets": summaries,
        "ag_news_day": ag,
        "clusters": [asdict(r) for r in runs],
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    if summaries:
        print(table(summaries, args.words))
    if ag:
        print(ag_table(ag))
    built = len(runs) + (ag is not None)
    print(f"{built} briefs in {seconds:.0f} s; Markdown and results.json under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
