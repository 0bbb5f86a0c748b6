"""Ranking: how important is each sentence of the day, across all articles at once.

A ranker is anything with a ``name`` and a ``score(sentences)`` that returns one score in
[0, 1] per sentence, in input order. Rankers are found by name through the plug-in door
(``summarizer.plugins``, entry point group ``daily_brief.rankers``): the built-ins below and
sumy's (``ranking.sumy``) are declared there exactly as a user's ranker is.

Nothing heavy is imported here: numpy, scipy and sumy come in when a ranker first scores.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from summarizer import plugins
from summarizer.errors import ConfigError
from summarizer.models import Sentence
from summarizer.text.value import news_value

if TYPE_CHECKING:
    from scipy import sparse

    from summarizer.ranking.concepts import ConceptModel, FloatArray


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


def ranker_names() -> list[str]:
    """The rankers users can name: the built-ins and every installed plug-in's, sorted."""
    return plugins.names(plugins.RANKERS)


def get_ranker(name: str, where: str = "") -> Ranker:
    """A fresh ranker for a name; an unknown name is a configuration error naming the choices."""
    factory: RankerFactory = plugins.load(plugins.RANKERS, name, where)
    return factory()


def rank_sentences(ranker: Ranker, sentences: Sequence[Sentence]) -> list[float]:
    """Call a ranker and check its promise, so a faulty plug-in fails with a clear message."""
    scores = list(ranker.score(sentences))
    if len(scores) != len(sentences):
        raise ConfigError(
            f"ranker {ranker.name!r} returned {len(scores)} scores for {len(sentences)} sentences"
        )
    if not _finite(scores):
        raise ConfigError(f"ranker {ranker.name!r} returned a score that is not a finite number")
    if scores and (min(scores) < 0.0 or max(scores) > 1.0):
        return min_max(scores)
    return list(map(float, scores))


def _finite(scores: Sequence[float]) -> bool:
    """Whether every score is a finite real number; floats (what rankers return) are checked
    at C speed, not each against the ``numbers.Real`` abstract class."""
    if set(map(type, scores)) <= {float}:
        return all(map(math.isfinite, scores))
    return all(isinstance(s, numbers.Real) and math.isfinite(s) for s in scores)


def min_max(values: Sequence[float] | FloatArray) -> list[float]:
    """Scale to [0, 1] so rankers are comparable; all-equal (or empty) gives all 1.0."""
    import numpy as np

    array = np.asarray(values, dtype=np.float64)
    if array.size == 0:
        return []
    finite = np.isfinite(array)
    if not finite.any():
        return [1.0] * array.size
    low, high = float(array[finite].min()), float(array[finite].max())
    array = np.where(finite, array, low)
    if high - low <= 1e-12 * max(abs(high), abs(low), 1.0):
        return [1.0] * array.size
    return list(np.clip((array - low) / (high - low), 0.0, 1.0).tolist())


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
        news = np.asarray([news_value(s.text) for s in sentences], dtype=np.float64)
        return min_max(value * news / np.maximum(lengths, self.min_length))

    def concept_model(self, sentences: Sequence[Sentence]) -> ConceptModel:
        """The concept weights behind the scores (computed once per input)."""
        return self._weigh(sentences)[0]

    def _weigh(self, sentences: Sequence[Sentence]) -> tuple[ConceptModel, sparse.csr_matrix]:
        from summarizer.ranking.concepts import weigh

        if self._last is None or self._last[0] is not sentences:
            self._last = (sentences, *weigh(sentences))
        return self._last[1], self._last[2]
