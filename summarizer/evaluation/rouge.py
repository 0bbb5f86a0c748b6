"""``brief evaluate``: how close each algorithm's summaries come to human ones, by ROUGE.

Each cluster (a folder of articles in any format the readers take) is summarised with each
algorithm exactly as ``brief summarize --words N`` would, the summary is cut to its first N
words, and it is scored against the cluster's human summaries with the ``rouge-score``
package: ROUGE-1 and ROUGE-2 recall, Porter stemming on, stop words kept, averaged over the
cluster's references, then over clusters. That is the scoring the shared development data's
README uses, so the numbers compare with the baselines published there. (NIST's own
ROUGE-1.5.5 tokenises and averages differently: its figures are not directly comparable.)

The update setting (``--update``, DUC 2007's update task) takes clusters named as successive
batches of one topic (``D0703A-A``, ``-B``, ``-C``) and summarises each later batch twice in
the same run: alone, and for a reader who has read the summaries of the batches before it (B
given A, C given A and B), as a daily brief is built against the earlier briefs
(``history.py``).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from summarizer import pipeline
from summarizer.errors import InputError
from summarizer.history.earlier import NO_HISTORY, History, remember
from summarizer.models import Item
from summarizer.runtime.progress import progress

_QUIET = pipeline.ReadOptions(quiet=True)
# NIST names a cluster's folder with its assessor's letter (D0601A, D0703A-A) and the human
# summaries without it (D0601.M.250.A.B, D0703-A.M.100.A.C).
_NIST_CLUSTER = re.compile(r"(D\d{4})[A-Z](-[A-Z])?")
# A batch of a topic followed over time: the topic's name, a hyphen, the batch's letter.
_BATCH = re.compile(r"(.+)-([A-Z])")


@dataclass(frozen=True)
class Cluster:
    """One set of articles and the human summaries of it."""

    name: str
    sources: tuple[str, ...]
    references: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """One algorithm's mean recall (0-1) over the clusters, and its time per cluster."""

    algorithm: str
    rouge1: float
    rouge2: float
    seconds_per_cluster: float
    clusters: int


def find_clusters(clusters_dir: Path, references_dir: Path) -> tuple[list[Cluster], list[str]]:
    """Clusters (every folder that holds article files) paired with their human summaries,
    and the names of clusters for which no summary was found.

    A cluster's summaries are the files in ``REFERENCES/<cluster>/``, else the files named
    ``<cluster>.*``, else (NIST's naming) ``D0601.*`` for cluster ``D0601A``.
    """
    if not clusters_dir.is_dir():
        raise InputError(f"{clusters_dir}: no such folder")
    if not references_dir.is_dir():
        raise InputError(f"{references_dir}: no such folder")
    found: list[Cluster] = []
    unmatched: list[str] = []
    for folder in _leaf_folders(clusters_dir):
        refs = _references(folder.name, references_dir)
        if refs:
            files = tuple(str(p) for p in _files(folder))
            found.append(Cluster(folder.name, files, tuple(_read(p) for p in refs)))
        else:
            unmatched.append(folder.name)
    if not found:
        raise InputError(f"no cluster in {clusters_dir} has a human summary in {references_dir}")
    return found, unmatched


def _leaf_folders(root: Path) -> Iterator[Path]:
    """Folders (searched recursively, hidden ones left out) that directly hold files."""
    for folder in sorted(p for p in [root, *root.rglob("*")] if p.is_dir()):
        hidden = any(part.startswith(".") for part in folder.relative_to(root).parts)
        if not hidden and _files(folder):
            yield folder


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def _references(name: str, references_dir: Path) -> list[Path]:
    own = references_dir / name
    if own.is_dir():
        return _files(own)
    keys = [name]
    nist = _NIST_CLUSTER.fullmatch(name)
    if nist:
        keys.append(nist[1] + (nist[2] or ""))
    for key in keys:
        refs = [p for p in _files(references_dir) if p.name.startswith(f"{key}.")]
        if refs:
            return refs
    return []


def _read(path: Path) -> str:
    """A human summary as text (NIST's files are Latin-1 here and there)."""
    return path.read_bytes().decode("utf-8", errors="replace")


def evaluate(
    clusters: Sequence[Cluster], algorithms: Sequence[str], words: int, quiet: bool = False
) -> list[Score]:
    """Summarise every cluster with every algorithm and score the summaries."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    runs = [(a, c) for a in algorithms for c in clusters]
    results: dict[str, list[tuple[float, float, float]]] = {a: [] for a in algorithms}
    # Every cluster is a step of seconds: the bar shows from the first one.
    shown = progress(runs, "evaluating", quiet, unit=" clusters", min_items=1)
    for algorithm, cluster in shown:
        start = time.perf_counter()
        summary = _summary(cluster, algorithm, words)
        seconds = time.perf_counter() - start
        scores = [scorer.score(ref, summary) for ref in cluster.references]
        r1 = statistics.mean(s["rouge1"].recall for s in scores)
        r2 = statistics.mean(s["rouge2"].recall for s in scores)
        results[algorithm].append((r1, r2, seconds))
    return [
        Score(
            algorithm,
            statistics.mean(r[0] for r in rows),
            statistics.mean(r[1] for r in rows),
            statistics.mean(r[2] for r in rows),
            len(rows),
        )
        for algorithm, rows in results.items()
    ]


def _summary(cluster: Cluster, algorithm: str, words: int) -> str:
    """What ``brief summarize --words N`` prints, cut to its first N words; a cluster with no
    usable article gets an empty summary (and scores 0) rather than stopping the run."""
    return _cut(_items(cluster, algorithm, words, NO_HISTORY), words)


def _items(cluster: Cluster, algorithm: str, words: int, history: History) -> list[Item]:
    try:
        items, _ = pipeline.summarize(
            cluster.sources, algorithm, words, options=_QUIET, history=history
        )
    except InputError:
        return []
    return items


def _cut(items: Sequence[Item], words: int) -> str:
    return " ".join(" ".join(item.text for item in items).split()[:words])


@dataclass(frozen=True)
class UpdateScore:
    """One algorithm's mean recall (0-1) over the batches of one letter (``batch``: "A", "B",
    …, or "later" for every batch after a topic's first), with or without history."""

    algorithm: str
    batch: str
    history: bool
    rouge1: float
    rouge2: float
    clusters: int


def topics(clusters: Sequence[Cluster]) -> list[list[Cluster]]:
    """Clusters grouped by topic, each topic's batches in order (``D0703A-A``, ``-B``, …); a
    cluster not named as a batch is a topic of its own."""
    grouped: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        batch = _BATCH.fullmatch(cluster.name)
        grouped.setdefault(batch[1] if batch else cluster.name, []).append(cluster)
    return [sorted(batches, key=lambda c: c.name) for _, batches in sorted(grouped.items())]


@dataclass(frozen=True)
class BatchRun:
    """One batch's summary scored: recall (0-1) averaged over its human summaries."""

    algorithm: str
    cluster: str
    batch: str
    later: bool  # not its topic's first batch
    history: bool
    rouge1: float
    rouge2: float


def evaluate_update(
    clusters: Sequence[Cluster], algorithms: Sequence[str], words: int, quiet: bool = False
) -> list[UpdateScore]:
    """Every batch summarised alone, and every later batch also for a reader of the summaries
    before it; scored per letter and over every later batch ("later")."""
    rows: dict[tuple[str, str, bool], list[tuple[float, float]]] = {}
    for run in update_runs(clusters, algorithms, words, quiet):
        recall = (run.rouge1, run.rouge2)
        rows.setdefault((run.algorithm, run.batch, run.history), []).append(recall)
        if run.later:
            rows.setdefault((run.algorithm, "later", run.history), []).append(recall)
    return [
        UpdateScore(algorithm, batch, with_history, *_means(found), len(found))
        for (algorithm, batch, with_history), found in sorted(rows.items())
    ]


def update_runs(
    clusters: Sequence[Cluster], algorithms: Sequence[str], words: int, quiet: bool = False
) -> Iterator[BatchRun]:
    """Each batch's scores, alone and (every batch after a topic's first) with the summaries
    before it as history, each earlier batch's own summary as that reader got it; per batch,
    so a benchmark can tell a difference from the spread between batches."""
    from rouge_score.rouge_scorer import RougeScorer

    scorer = RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    runs = [(a, t) for a in algorithms for t in topics(clusters)]
    for algorithm, batches in progress(runs, "evaluating", quiet, unit=" topics"):
        history = NO_HISTORY
        for k, cluster in enumerate(batches):
            letter = cluster.name[-1] if _BATCH.fullmatch(cluster.name) else "A"
            seen = alone = _items(cluster, algorithm, words, NO_HISTORY)
            settings = [(False, alone)]
            if history:
                seen = _items(cluster, algorithm, words, history)
                settings.append((True, seen))
            for with_history, items in settings:
                scores = [scorer.score(ref, _cut(items, words)) for ref in cluster.references]
                r1 = statistics.mean(s["rouge1"].recall for s in scores)
                r2 = statistics.mean(s["rouge2"].recall for s in scores)
                yield BatchRun(algorithm, cluster.name, letter, k > 0, with_history, r1, r2)
            history = remember(history, dt.date(2000, 1, 1) + dt.timedelta(days=k), seen)


def _means(rows: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return statistics.mean(r[0] for r in rows), statistics.mean(r[1] for r in rows)


def update_table(scores: Sequence[UpdateScore], words: int) -> str:
    """The update setting as plain text: each batch letter alone and with history."""
    lines = [
        f"update setting: later batches given the summaries before them, summaries cut to "
        f"{words} words, ROUGE recall x 100",
        f"{'algorithm':<12} {'batch':<6} {'history':<8} {'clusters':>8} {'ROUGE-1':>8} "
        f"{'ROUGE-2':>8}",
    ]
    for s in scores:
        lines.append(
            f"{s.algorithm:<12} {s.batch:<6} {'with' if s.history else 'without':<8} "
            f"{s.clusters:>8} {100 * s.rouge1:8.2f} {100 * s.rouge2:8.2f}"
        )
    return "\n".join(lines)


def update_json(scores: Sequence[UpdateScore], words: int) -> dict[str, Any]:
    """The update setting for machines: recall as fractions (0-1)."""
    return {
        "words": words,
        "setting": "update: later batches given the summaries of the batches before them",
        "scorer": "rouge-score: recall, Porter stemming, stop words kept",
        "results": [asdict(s) for s in scores],
    }


def table(scores: Sequence[Score], words: int) -> str:
    """A plain-text table, recall x 100, best ROUGE-2 first."""
    clusters = max((s.clusters for s in scores), default=0)
    lines = [
        f"{clusters} clusters, summaries cut to {words} words, ROUGE recall x 100",
        f"{'algorithm':<12} {'ROUGE-1':>8} {'ROUGE-2':>8} {'s/cluster':>10}",
    ]
    for s in sorted(scores, key=lambda s: -s.rouge2):
        lines.append(
            f"{s.algorithm:<12} {100 * s.rouge1:8.2f} {100 * s.rouge2:8.2f}"
            f" {s.seconds_per_cluster:10.3f}"
        )
    return "\n".join(lines)


def as_json(scores: Sequence[Score], words: int, unmatched: Sequence[str]) -> dict[str, Any]:
    """The same results for machines: recall as fractions (0-1), input order."""
    return {
        "words": words,
        "scorer": "rouge-score: recall, Porter stemming, stop words kept",
        "results": [asdict(s) for s in scores],
        "clusters_without_references": list(unmatched),
    }
