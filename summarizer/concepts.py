"""Concepts: the facts a summary can cover, and what each is worth on the day.

A concept is a pair of adjacent word forms (lower-cased, normalised, stemmed) that are not both
stop words: "missile strike", "the euro", "killed 17". Human summaries share these pairs with
the articles they summarise (it is what ROUGE-2 counts), they are finer than whole-sentence
similarity, and they cost one pass over the words. Stop words stay inside pairs ("of Kyiv")
because a summary is read as written, not as a bag of content words.

A concept is worth more the more articles carry it and the earlier they do: each article that
contains it adds 1/sqrt(1 + p), p the position of its first sentence with the concept (news
puts the news first), and the sum is squared, so the facts most outlets lead with outweigh
incidental phrasing many times over. A concept only one article has weighs almost nothing:
it breaks ties (and ranks a lone article) but never outweighs what outlets share.

On the shared DUC development data this weighting is worth about 1.5 ROUGE-2 points over plain
document frequency; see docs/evaluation.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np
import numpy.typing as npt
from scipy import sparse

from summarizer.models import Sentence
from summarizer.text import STOP_WORDS, normalise, stem, words

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

POSITION_DECAY = 0.5  # an article adds (1 + position) ** -POSITION_DECAY
WEIGHT_POWER = 2.0  # the summed article weights are raised to this power
MIN_ARTICLES = 2  # a concept fewer articles carry is weighed down by SINGLE_ARTICLE
SINGLE_ARTICLE = 0.01


@lru_cache(maxsize=100_000)
def concepts(text: str) -> tuple[str, ...]:
    """The distinct concepts of a text, in first-seen order."""
    tokens = words(text)
    forms = [stem(normalise(w)) for w in tokens]
    stop = [w in STOP_WORDS for w in tokens]
    found = (
        f"{a} {b}"
        for (a, b), (sa, sb) in zip(pairwise(forms), pairwise(stop), strict=True)
        if not (sa and sb)
    )
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class ConceptModel:
    """The day's concepts and their weights; ``matrix`` finds them in any text."""

    index: dict[str, int]
    carried: FloatArray  # how many articles carry each concept, early ones counting more
    weights: FloatArray  # carried ** WEIGHT_POWER: what covering the concept is worth

    def matrix(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Rows = texts, columns = the model's concepts, 1 where a text has the concept."""
        rows: list[int] = []
        cols: list[int] = []
        for row, text in enumerate(texts):
            found = [self.index[c] for c in concepts(text) if c in self.index]
            rows.extend([row] * len(found))
            cols.extend(found)
        data = np.ones(len(rows), dtype=np.float64)
        return sparse.csr_matrix((data, (rows, cols)), shape=(len(texts), len(self.index)))

    def value(self, texts: Sequence[str]) -> FloatArray:
        """Each text's summed concept weight."""
        return np.asarray(self.matrix(texts) @ self.weights, dtype=np.float64)


def weigh(sentences: Sequence[Sentence]) -> tuple[ConceptModel, sparse.csr_matrix]:
    """The concept model of a day's sentences, and the sentences' concept matrix."""
    index: dict[str, int] = {}
    cols = [index.setdefault(c, len(index)) for s in sentences for c in concepts(s.text)]
    counts = [len(concepts(s.text)) for s in sentences]
    rows = np.repeat(np.arange(len(sentences), dtype=np.int64), counts)
    col_array = np.asarray(cols, dtype=np.int64)
    article = np.asarray([s.article for s in sentences], dtype=np.int64)[rows]
    position = np.asarray([s.position for s in sentences], dtype=np.float64)[rows]
    carried = _carried(article, col_array, position, len(index))
    data = np.ones(len(cols), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, col_array)), shape=(len(sentences), len(index)))
    return ConceptModel(index, carried, carried**WEIGHT_POWER), matrix


def _carried(article: IntArray, concept: IntArray, position: FloatArray, size: int) -> FloatArray:
    """Per concept: the sum over the articles with it of (1 + first position) ** -decay,
    weighed down when fewer than ``MIN_ARTICLES`` articles carry it."""
    order = np.lexsort((position, concept, article))
    article, concept, position = article[order], concept[order], position[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (article[1:] != article[:-1]) | (concept[1:] != concept[:-1])
    concept, position = concept[first], position[first]
    carried = np.bincount(concept, weights=(1.0 + position) ** -POSITION_DECAY, minlength=size)
    articles = np.bincount(concept, minlength=size)
    factor = np.where(articles >= MIN_ARTICLES, 1.0, SINGLE_ARTICLE ** (1 / WEIGHT_POWER))
    return np.asarray(carried * factor, dtype=np.float64)
