"""Story detection (summarizer/stories) against the true topics of the shared dev data.

Usage:
    python benchmarks/stories_eval.py DEV_DATA [--json] [--no-build]

DEV_DATA is the shared dev-data folder (NIST and TAC data: evaluation only, never committed).
Each set's articles, all read as one day (DUC 2006: 50 topics, 1,250 articles; DUC 2007
update: its 10 topics' three batches, 250 articles; TAC 2011: 10 topics, 100 articles), are
grouped into stories and scored against the topics (each article's topic is its cluster,
found by dev_eval.py): B-cubed precision, recall and F1, and the share of topics split into
more than two stories. Then every cluster alone (each DUC 2006 cluster, each DUC 2007 batch,
each TAC topic) and the bundled sample corpus should be one story: the share that is
(``is_one_story``); two DUC 2006 topics together should not. A lone article (the only one
of its topic) added to a day should stay alone: 20 of them, on the TAC and DUC 2007 days.
The detection is timed twice on each day: first as ``brief stories`` runs it (every word
stemmed for the first time), then with the words stemmed, as in a build (its ranking stems
the same words, once: ``text.words`` shares them). Last, ``brief build`` on the DUC 2006 day
(a child process, as a user runs it; --no-build leaves it out). Exits 0 with a message
when DEV_DATA is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dev_eval import clusters as dev_clusters

from summarizer.pipeline import ReadOptions, read_articles
from summarizer.runtime.resources import examples_dir
from summarizer.stories.detect import find_stories, is_one_story

_QUIET = ReadOptions(quiet=True)
SETS = ("duc2006", "duc2007_update", "tac2011")


def topic_of(set_name: str, cluster: str) -> str:
    """The true topic of a cluster: D0601A is D0601; D0703A-B (a batch) is D0703; M000."""
    if set_name == "tac2011":
        return cluster
    return cluster.split("-")[0][:-1]


def labelled_day(dev_data: Path, set_name: str) -> tuple[list[str], dict[str, str]]:
    """Every article path of a set, and each path's true topic."""
    topics = {}
    for cluster in dev_clusters(dev_data, set_name):
        for path in cluster.sources:
            topics[path] = topic_of(set_name, cluster.name)
    return list(topics), topics


def bcubed(found: Sequence[int], truth: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a grouping (``found``: each item's group)."""
    pairs = Counter(zip(found, truth, strict=True))
    groups, topics = Counter(found), Counter(truth)
    precision = sum(n * n / groups[g] for (g, _), n in pairs.items()) / len(found)
    recall = sum(n * n / topics[t] for (_, t), n in pairs.items()) / len(found)
    return precision, recall, 2 * precision * recall / (precision + recall)


def split_share(found: Sequence[int], truth: Sequence[str]) -> float:
    """The share of topics whose articles fall into more than two stories."""
    groups: dict[str, set[int]] = defaultdict(set)
    for group, topic in zip(found, truth, strict=True):
        groups[topic].add(group)
    return sum(len(g) > 2 for g in groups.values()) / len(groups)


def score_day(dev_data: Path, set_name: str) -> dict[str, Any]:
    """The set read as one day and grouped: the scores above, stories found, seconds."""
    paths, topics = labelled_day(dev_data, set_name)
    articles, _ = read_articles(paths, _QUIET)
    start = time.perf_counter()
    stories = find_stories(articles)
    seconds = time.perf_counter() - start
    start = time.perf_counter()  # again, the words stemmed: as in a build, which stems them
    find_stories(articles)
    warm = time.perf_counter() - start
    group_of = {a: i for i, story in enumerate(stories) for a in story.articles}
    found = [group_of[a.id] for a in articles]
    truth = [topics[a.path] for a in articles]
    precision, recall, f1 = bcubed(found, truth)
    return {
        "set": set_name,
        "articles": len(articles),
        "topics": len(set(truth)),
        "stories": len(stories),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "split_over_2": split_share(found, truth),
        "one_story": is_one_story(stories),
        "seconds": seconds,
        "seconds_stemmed": warm,
    }


def one_story_rate(dev_data: Path) -> dict[str, dict[str, Any]]:
    """Per set (and the sample corpus): clusters found to be one story, of how many; and
    two DUC 2006 topics together (D0601 with D0602, D0603 with D0604, ...): days found to be
    one story, which should be none."""
    days = {name: [list(c.sources) for c in dev_clusters(dev_data, name)] for name in SETS}
    days["examples"] = [[str(examples_dir())]]
    pairs = days["duc2006"]
    days["duc2006 two topics"] = [a + b for a, b in zip(pairs[::2], pairs[1::2], strict=True)]
    rates = {}
    for name, clusters in days.items():
        ones = sum(is_one_story(find_stories(read_articles(c, _QUIET)[0])) for c in clusters)
        rates[name] = {"one_story": ones, "clusters": len(clusters), "rate": ones / len(clusters)}
    return rates


def lone_articles(dev_data: Path) -> dict[str, dict[str, Any]]:
    """The TAC 2011 day and the DUC 2007 day, each with 20 lone articles added (the first of
    20 DUC 2006 topics): how many of the 20 stay alone, and the day's B-cubed F1 (each lone
    article its own topic)."""
    lone = [c.sources[0] for c in dev_clusters(dev_data, "duc2006")[:20]]
    checks = {}
    for name in ("tac2011", "duc2007_update"):
        paths, topics = labelled_day(dev_data, name)
        topics.update({p: f"lone {i}" for i, p in enumerate(lone)})
        articles, _ = read_articles([*paths, *lone], _QUIET)
        stories = find_stories(articles)
        group_of = {a: i for i, story in enumerate(stories) for a in story.articles}
        sizes = Counter(group_of.values())
        alone = sum(sizes[group_of[a.id]] == 1 for a in articles if a.path in lone)
        found = [group_of[a.id] for a in articles]
        f1 = bcubed(found, [topics[a.path] for a in articles])[2]
        checks[f"{name} + 20 lone"] = {"alone": alone, "lone": len(lone), "f1": f1}
    return checks


def build_seconds(dev_data: Path) -> float:
    """Wall time of ``brief build`` on the DUC 2006 day in a child process."""
    paths, _ = labelled_day(dev_data, "duc2006")
    with tempfile.TemporaryDirectory() as out:
        listed = Path(out) / "sources.txt"
        # absolute: a sources file's relative paths are read from the file's own folder
        listed.write_text("\n".join(str(Path(p).resolve()) for p in paths), encoding="utf-8")
        command = [sys.executable, "-m", "summarizer", "build", "--sources-file", str(listed),
                   "--out", out, "-q", "--no-history", "--no-deliver"]  # fmt: skip
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev_data", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    if not args.dev_data.is_dir():
        print(f"{args.dev_data} is absent: nothing to evaluate")
        return 0
    results: dict[str, Any] = {
        "days": [score_day(args.dev_data, name) for name in SETS],
        "one_story": one_story_rate(args.dev_data),
        "lone": lone_articles(args.dev_data),
    }
    if not args.no_build:
        results["build_seconds"] = build_seconds(args.dev_data)
    print(json.dumps(results, indent=2) if args.json else _table(results))
    return 0


def _table(results: dict[str, Any]) -> str:
    lines = [
        "| day | articles | topics | stories | B³ P | B³ R | B³ F1 | topics split >2 | one story? "
        "| detection (words stemmed) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for d in results["days"]:
        lines.append(
            f"| {d['set']} | {d['articles']} | {d['topics']} | {d['stories']} | "
            f"{d['precision']:.3f} | {d['recall']:.3f} | {d['f1']:.3f} | "
            f"{d['split_over_2']:.0%} | {'yes' if d['one_story'] else 'no'} | "
            f"{d['seconds']:.2f} s ({d['seconds_stemmed']:.2f} s) |"
        )
    lines += ["", "| days | found to be one story |", "|---|---|"]
    for name, r in results["one_story"].items():
        lines.append(f"| {name} | {r['one_story']}/{r['clusters']} ({r['rate']:.0%}) |")
    lines += ["", "| day | lone articles left alone | B³ F1 |", "|---|---|---|"]
    for name, r in results["lone"].items():
        lines.append(f"| {name} | {r['alone']}/{r['lone']} | {r['f1']:.3f} |")
    if "build_seconds" in results:
        lines.append(f"\nbrief build on the DUC 2006 day: {results['build_seconds']:.2f} s")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
