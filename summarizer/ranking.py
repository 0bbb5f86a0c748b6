"""Ranking: how important is each sentence of the day, across all articles at once.

A ranker is anything with a ``name`` and a ``score(sentences)`` that returns one score in
[0, 1] per sentence, in input order. Rankers are looked up by name in a registry, so a user's
ranker plugs in exactly like the built-in ones, which register themselves below.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Protocol

import numpy as np
from scipy import sparse

from summarizer.errors import ConfigError
from summarizer.models import Sentence
from summarizer.rankers_sumy import (
    SUMY_ALGORITHMS,
    FloatArray,
    SumyRanker,
    count_matrix,
    min_max,
)
from summarizer.registry import Registry
from summarizer.text import bigrams, content_terms

__all__ = [
    "DEFAULT_RANKER",
    "ConceptRanker",
    "LeadRanker",
    "Ranker",
    "RankerFactory",
    "get_ranker",
    "min_max",
    "rank_sentences",
    "ranker_descriptions",
    "ranker_names",
    "register_ranker",
]

DEFAULT_RANKER = "concepts"


class Ranker(Protocol):
    """What the pipeline needs from a ranker."""

    @property
    def name(self) -> str: ...

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        """One score per sentence, same order, in [0, 1]; higher is more important."""
        ...


RankerFactory = Callable[[], Ranker]


_REGISTRY: Registry[RankerFactory] = Registry("ranker")


def register_ranker(
    name: str, factory: RankerFactory, description: str, *, replace: bool = False
) -> None:
    """Make a ranker available by name (names are what users type, so lower-case words)."""
    _REGISTRY.register(name, factory, description, replace=replace)


def ranker_names() -> list[str]:
    """Registered names, sorted."""
    return _REGISTRY.names()


def ranker_descriptions() -> dict[str, str]:
    """Name -> one-line description, sorted by name (for ``--help`` and listings)."""
    return _REGISTRY.descriptions()


def get_ranker(name: str) -> Ranker:
    """A fresh ranker for a name; an unknown name is a configuration error naming the choices."""
    return _REGISTRY.get(name)()


def rank_sentences(ranker: Ranker, sentences: Sequence[Sentence]) -> list[float]:
    """Call a ranker and check its promise, so a faulty plug-in fails with a clear message."""
    scores = list(ranker.score(sentences))
    if len(scores) != len(sentences):
        raise ConfigError(
            f"ranker {ranker.name!r} returned {len(scores)} scores for {len(sentences)} sentences"
        )
    if not all(isinstance(s, numbers.Real) and math.isfinite(s) for s in scores):
        raise ConfigError(f"ranker {ranker.name!r} returned a score that is not a finite number")
    if any(s < 0.0 or s > 1.0 for s in scores):
        return min_max(scores)
    return [float(s) for s in scores]


class LeadRanker:
    """Baseline: earlier in its article is better; equal positions keep article order.

    Newswire puts the news first, so this is the bar any other ranker has to clear.
    """

    name = "lead"

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        if not sentences:
            return []
        order = np.argsort([s.position for s in sentences], kind="stable")
        rank = np.empty(len(sentences), dtype=np.float64)
        rank[order] = np.arange(len(sentences), dtype=np.float64)
        return min_max(-rank)


@dataclass(frozen=True)
class ConceptRanker:
    """Sentences that state what several outlets state: shared content-word bigrams.

    A bigram concept weighs the number of distinct articles that contain it, since a fact
    reported independently by many outlets is the day's news; a concept only one article has
    weighs ``single_article_weight``. A sentence's score is the summed weight of its distinct
    concepts over sqrt(max(content words, ``min_length``)), so long sentences do not win by
    length alone, plus a small bonus for an article's first two sentences (the lead).
    """

    name: str = "concepts"
    single_article_weight: float = 0.1
    min_length: int = 6
    lead_bonus: tuple[float, ...] = (0.15, 0.075)

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        if not sentences:
            return []
        terms = [content_terms(s.text) for s in sentences]
        incidence, _ = count_matrix([sorted({" ".join(b) for b in bigrams(t)}) for t in terms])
        weighted = incidence @ self._concept_weights(sentences, incidence)
        lengths = np.maximum([len(t) for t in terms], self.min_length).astype(np.float64)
        content = np.asarray(weighted, dtype=np.float64) / np.sqrt(lengths)
        peak = float(content.max())
        if peak > 0:
            content /= peak
        bonus = [self._lead_bonus(s.position) for s in sentences]
        return min_max(content + np.asarray(bonus))

    def _concept_weights(
        self, sentences: Sequence[Sentence], incidence: sparse.csr_matrix
    ) -> FloatArray:
        """Per concept: how many distinct articles contain it (or the single-article weight)."""
        articles = {a: i for i, a in enumerate(dict.fromkeys(s.article for s in sentences))}
        rows = [articles[s.article] for s in sentences]
        membership = sparse.csr_matrix(
            (np.ones(len(sentences)), (rows, range(len(sentences)))),
            shape=(len(articles), len(sentences)),
        )
        in_article = (membership @ incidence) > 0
        df = np.asarray(in_article.sum(axis=0), dtype=np.float64).ravel()
        return np.where(df >= 2, df, self.single_article_weight)

    def _lead_bonus(self, position: int) -> float:
        return self.lead_bonus[position] if 0 <= position < len(self.lead_bonus) else 0.0


def _register_builtins() -> None:
    """Built-ins go through the same door as a user's ranker."""
    register_ranker(
        "concepts",
        ConceptRanker,
        "bigram concepts shared across articles, weighted by how many articles carry them",
    )
    register_ranker("lead", LeadRanker, "baseline: earliest sentences of each article first")
    for name, (summarizer_class, description) in SUMY_ALGORITHMS.items():
        register_ranker(name, partial(SumyRanker, name, summarizer_class), description)


_register_builtins()
