"""Stale expectations and views in the dev briefs, before and after the currency and views
passes (``merging/currency.py``, ``merging/views.py``).

Usage:
    python benchmarks/currency.py DEV_DATA [--only PREFIX ...] [--examples N] [--json]

Every cluster of DUC 2006, DUC 2007 update and TAC 2011 (NIST's and TAC's data, evaluation
only, never committed) is built twice in-process: "before" with both passes switched off (and
merging's news-first wording), "after" as ``brief build`` does. In each brief it counts

- overtaken: items whose wording is an expectation due before a newer item on its subject was
  written, or which show an older expectation where a newer member states it settled (what
  ``currency`` removes or rewords, judged on the day's full item list);
- views: items worded from an opinion piece or an editorial (``Article.kind``);
- stale disputes: other-figure notes from articles older than the item's newest.

``--only D06 D0703`` keeps the clusters whose names start so (tuning and held-out sets).
Exits 0 with a message when DEV_DATA is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer import pipeline  # noqa: E402
from summarizer.merging import currency, redundancy  # noqa: E402
from summarizer.models import Article, Brief, Item  # noqa: E402

QUIET = pipeline.ReadOptions(quiet=True)


@dataclass
class Counts:
    items: int = 0
    overtaken: list[str] = field(default_factory=list)
    views: list[str] = field(default_factory=list)
    disputes: int = 0


def clusters(dev: Path) -> Iterator[tuple[str, list[str]]]:
    """Each cluster's name and its input paths."""
    for folder in sorted((dev / "duc2006" / "docs").glob("*")):
        yield folder.name, [str(folder)]
    for folder in sorted((dev / "duc2007_update" / "docs").glob("*/*")):
        yield folder.name, [str(folder)]
    tac = dev / "tac2011_multiling_english" / "source_texts"
    for topic in sorted({p.name[:4] for p in tac.glob("M*.english")}):
        yield topic, [str(p) for p in sorted(tac.glob(f"{topic}*.english"))]


@contextmanager
def passes_off() -> Iterator[None]:
    """The pipeline as it was before the passes: no currency, no views, no news-first."""
    with (
        mock.patch.object(pipeline, "current", lambda items, articles: list(items)),
        mock.patch.object(pipeline, "news_first", lambda items, articles: list(items)),
        mock.patch.object(redundancy, "_is_view", lambda article: False),
    ):
        yield


def build(sources: list[str], out: Path) -> Brief:
    request = pipeline.BuildRequest(
        sources=tuple(sources),
        out_dir=out,
        algorithm="concepts",
        title="Daily Brief",
        read=QUIET,
        history_days=0,
    )
    return pipeline.build(request).brief


def stale(items: list[Item], articles: Mapping[int, Article]) -> set[str]:
    """The wordings ``currency`` removes or rewords, judged on the day's full item list."""
    kept = {id(item) for item in currency.overtaken(items, articles)}
    found = {item.text for item in items if id(item) not in kept}
    return found | {it.text for it in items if currency.settled(it, articles).text != it.text}


def count(brief: Brief, articles: Mapping[int, Article], overtaken: set[str]) -> Counts:
    by_path = {a.path: a for a in articles.values()}
    counts = Counts()
    for item in brief.items:
        counts.items += 1
        wording = by_path[item.sources[0].path] if item.sources else None
        plain = item.text.replace("[", "").replace("]", "")
        if any(plain.endswith(t[-60:]) for t in overtaken):
            counts.overtaken.append(f"{wording.date if wording else ''} {item.text}")
        if wording is not None and wording.kind != "news":
            counts.views.append(f"{wording.kind} {item.text}")
        newest = max((r.date for r in item.sources if r.date), default=None)
        counts.disputes += sum(
            1
            for d in item.disagreements
            if newest and (a := by_path.get(d.path)) and a.date and a.date < newest
        )
    return counts


def measure(name: str, sources: list[str], out: Path) -> dict[str, Counts]:
    corpus = pipeline.load(sources, QUIET)
    articles = {a.id: a for a in corpus.articles}
    with passes_off():
        overtaken = stale(pipeline.rank(corpus, "concepts"), articles)
        before = count(build(sources, out / "before" / name), articles, overtaken)
    after = count(build(sources, out / "after" / name), articles, overtaken)
    return {"before": before, "after": after}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", type=Path)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.dev / "duc2006").is_dir():
        print(f"no development data at {args.dev}")
        return 0
    results: dict[str, dict[str, Counts]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, sources in clusters(args.dev):
            if not args.only or name.startswith(tuple(args.only)):
                results[name] = measure(name, sources, Path(tmp))
    totals = {
        when: {
            "items": sum(r[when].items for r in results.values()),
            "overtaken": sum(len(r[when].overtaken) for r in results.values()),
            "views": sum(len(r[when].views) for r in results.values()),
            "stale_disputes": sum(r[when].disputes for r in results.values()),
        }
        for when in ("before", "after")
    }
    if args.json:
        print(json.dumps({"clusters": len(results), **totals}, indent=2))
        return 0
    print(f"{len(results)} briefs")
    for when, total in totals.items():
        print(f"{when:7} " + "  ".join(f"{k} {v}" for k, v in total.items()))
    for kind in ("overtaken", "views"):
        shown = [(n, t) for n, r in results.items() for t in getattr(r["before"], kind)]
        print(f"\n{kind} before (first {args.examples}):")
        for name, text in shown[: args.examples]:
            print(f"  {name}: {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
