"""Ranking: how important is each sentence of the day, across all articles at once.

A ranker is anything with a ``name`` and a ``score(sentences)`` that returns one score in
[0, 1] per sentence, in input order. Rankers are looked up by name in a registry, so a user's
ranker plugs in exactly like the built-in ones, which register themselves below.

Nothing heavy is imported here: ``--help`` lists the rankers, so their names and descriptions
are known without numpy, scipy or sumy, which each ranker imports when it first scores.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summarizer.errors import ConfigError
from summarizer.models import Sentence
from summarizer.plugins import Registry

if TYPE_CHECKING:
    from scipy import sparse

    from summarizer.ranking.concepts import ConceptModel
    from summarizer.ranking.sumy import FloatArray

__all__ = [
    "DEFAULT_RANKER",
    "ConceptRanker",
    "CoversConcepts",
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
# sumy's algorithms (``rankers_sumy``), by the names users type.
SUMY_DESCRIPTIONS = {
    "lexrank": "sumy LexRank: centrality in the thresholded tf-idf cosine graph",
    "textrank": "sumy TextRank: PageRank over the word-overlap graph",
    "lsa": "sumy LSA: weight in the latent topics (favours long sentences)",
    "luhn": "sumy Luhn: densest cluster of frequent words",
    "kl": "sumy KL-Sum: greedy order minimising KL divergence to the articles",
    "sumbasic": "sumy SumBasic: greedy order by average word probability",
    "reduction": "sumy Reduction: summed word overlap with all other sentences",
}


class Ranker(Protocol):
    """What the pipeline needs from a ranker."""

    @property
    def name(self) -> str: ...

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        """One score per sentence, same order, in [0, 1]; higher is more important."""
        ...


RankerFactory = Callable[[], Ranker]


@runtime_checkable
class CoversConcepts(Protocol):
    """A ranker whose summary covers concepts within a word budget (``budget.py``)."""

    def concept_model(self, sentences: Sequence[Sentence]) -> ConceptModel:
        """The concept weights the ranker's scores come from."""
        ...


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


def min_max(values: Sequence[float] | FloatArray) -> list[float]:
    """Scale to [0, 1] so rankers are comparable (``rankers_sumy.min_max``)."""
    from summarizer.ranking.sumy import min_max as scale

    return scale(values)


class LeadRanker:
    """Baseline: earlier in its article is better; equal positions keep article order.

    Newswire puts the news first, so this is the bar any other ranker has to clear.
    """

    name = "lead"

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        if not sentences:
            return []
        import numpy as np

        order = np.argsort([s.position for s in sentences], kind="stable")
        rank = np.empty(len(sentences), dtype=np.float64)
        rank[order] = np.arange(len(sentences), dtype=np.float64)
        return min_max(-rank)


class ConceptRanker:
    """Sentences that say the most of what the day's outlets lead with, for their length.

    Concepts are ``concepts.weigh``'s word pairs, and a sentence scores how widely and how
    early its concepts are carried (their summed ``carried``), per word (counting at least
    ``min_length``): the value for space a summary of fixed length trades in. The budgeted
    summary (``budget.py``) covers the same concepts with their squared weights; ranking single
    sentences by those instead favours strings of the commonest pairs ("the conflict in
    Ukraine") and measured 0.5-1.1 ROUGE-2 lower on the DUC sets.
    """

    name = "concepts"
    min_length = 6

    def __init__(self) -> None:
        self._last: tuple[Sequence[Sentence], ConceptModel, sparse.csr_matrix] | None = None

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        if not sentences:
            return []
        return self.scores_under(sentences, self._weigh(sentences)[0])

    def scores_under(self, sentences: Sequence[Sentence], model: ConceptModel) -> list[float]:
        """The scores with the day's concepts weighed by ``model`` (the history stage's
        discount of what earlier briefs said)."""
        import numpy as np

        matrix = self._weigh(sentences)[1]
        value = np.asarray(matrix @ model.carried, dtype=np.float64)
        lengths = np.asarray([len(s.text.split()) for s in sentences], dtype=np.float64)
        return min_max(value / np.maximum(lengths, self.min_length))

    def concept_model(self, sentences: Sequence[Sentence]) -> ConceptModel:
        """The concept weights behind the scores (computed once per input)."""
        return self._weigh(sentences)[0]

    def _weigh(self, sentences: Sequence[Sentence]) -> tuple[ConceptModel, sparse.csr_matrix]:
        from summarizer.ranking.concepts import weigh

        if self._last is None or self._last[0] is not sentences:
            self._last = (sentences, *weigh(sentences))
        return self._last[1], self._last[2]


def _register_builtins() -> None:
    """Built-ins go through the same door as a user's ranker."""
    register_ranker(
        "concepts",
        ConceptRanker,
        "word-pair concepts weighted by how many articles carry them and how early; the "
        "summary covers the most concept weight within its word budget (exact ILP)",
    )
    register_ranker("lead", LeadRanker, "baseline: earliest sentences of each article first")
    for name, description in SUMY_DESCRIPTIONS.items():
        register_ranker(name, partial(_sumy_ranker, name), description)


def _sumy_ranker(name: str) -> Ranker:
    """A sumy-backed ranker; sumy is imported only when one is asked for."""
    from summarizer.ranking.sumy import SUMY_ALGORITHMS, SumyRanker

    return SumyRanker(name, SUMY_ALGORITHMS[name][0])


_register_builtins()
