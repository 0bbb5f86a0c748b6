"""sumy's algorithms as rankers: one rating per sentence, over all articles at once.

sumy is built to pick the best few sentences of one document; we need every sentence's rating
and must keep sentences apart by position, since two outlets can print the same words. So:

* the sumy document is built from our sentences with our tokenizer (no NLTK data is touched),
  one sumy paragraph per (article, paragraph) run;
* its sentences compare by their input index, not by text, so identical sentences from two
  outlets never collide in sumy's rating dicts;
* ``_get_best_sentences`` is overridden to return each sentence's rating in document order;
* the pure-Python O(n^2) inner loops of several algorithms are replaced by equivalent matrix
  code (the tests compare each against sumy's own code), so a day of news ranks in seconds.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from functools import partial
from itertools import groupby
from typing import Any

import numpy as np
import numpy.typing as npt
from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer.models import Sentence
from summarizer.ranking.rankers import min_max
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import STOP_WORDS, count_matrix, normalise, stem, words

FloatArray = npt.NDArray[np.float64]

_LSA_SMOOTH = 0.4  # the default of sumy's LsaSummarizer._compute_term_frequency


class _Tokenizer:
    """The tokenizer sumy's sentences call: ours, so sumy never asks NLTK for data."""

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(words(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        stripped = text.strip()
        return (stripped,) if stripped else ()


class _IndexedSentence(SumySentence):  # type: ignore[misc]
    """A sumy sentence equal only to itself (by input index), never to another same text."""

    __slots__ = ("_index",)

    def __init__(self, text: str, index: int) -> None:
        super().__init__(text, _TOKENIZER)
        self._index = index

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexedSentence) and other._index == self._index

    def __hash__(self) -> int:
        return hash(self._index)


_TOKENIZER = _Tokenizer()


def build_document(sentences: Sequence[Sentence]) -> Any:
    """One sumy document over all articles, one paragraph per (article, paragraph) run."""
    indexed = [(i, s) for i, s in enumerate(sentences)]
    runs = groupby(indexed, key=lambda pair: (pair[1].article, pair[1].paragraph))
    return ObjectDocumentModel(
        [Paragraph([_IndexedSentence(s.text, i) for i, s in run]) for _, run in runs]
    )


class _RateAll:
    """Makes a sumy summarizer's ``__call__`` return every rating, in document order."""

    @staticmethod
    def _get_best_sentences(
        sentences: Sequence[Any], count: object, rating: Any, *args: Any, **kwargs: Any
    ) -> tuple[float, ...]:
        if isinstance(rating, dict):
            return tuple(float(rating[s]) for s in sentences)
        return tuple(float(rating(s, *args, **kwargs)) for s in sentences)


def _overlap(token_lists: Sequence[Sequence[str]]) -> tuple[sparse.coo_matrix, FloatArray]:
    """Word overlap sum_t c_i(t)*c_j(t) of every pair sharing a word (sparse: most share
    none), with the pair's log-length norm, as TextRank and Reduction use them."""
    counts, _ = count_matrix(token_lists)
    shared = (counts @ counts.T).tocoo()
    logs = np.log(np.maximum([len(t) for t in token_lists], 1).astype(np.float64))
    return shared, logs[shared.row] + logs[shared.col]


def _row_normalised(matrix: sparse.csr_matrix, extra: float = 0.0) -> sparse.csr_matrix:
    """Each row divided by its sum (+ ``extra``); an all-zero row stays zero."""
    sums = np.asarray(matrix.sum(axis=1), dtype=np.float64).ravel() + extra
    sums[sums == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / sums) @ matrix)


class LexRank(_RateAll, LexRankSummarizer):  # type: ignore[misc]
    """sumy's LexRank; idf and the thresholded cosine graph built as sparse matrices."""

    @staticmethod
    def _compute_idf(sentences: Sequence[Sequence[str]]) -> dict[str, float]:
        counts, vocab = count_matrix(sentences)
        df = np.diff(counts.tocsc().indptr)
        idf = np.log(len(sentences) / (1.0 + df))
        return {term: float(idf[i]) for term, i in vocab.items()}

    def _create_matrix(
        self,
        sentences: Sequence[Sequence[str]],
        threshold: float,
        tf_metrics: Sequence[dict[str, float]],
        idf_metrics: dict[str, float],
    ) -> sparse.csr_matrix:
        vocab = {term: i for i, term in enumerate(idf_metrics)}
        idf = np.fromiter(idf_metrics.values(), dtype=np.float64, count=len(vocab))
        cols = np.asarray([vocab[t] for row in tf_metrics for t in row], dtype=np.int64)
        tf = np.asarray([v for row in tf_metrics for v in row.values()], dtype=np.float64)
        indptr = np.cumsum([0, *(len(row) for row in tf_metrics)])
        weights = sparse.csr_matrix((tf * idf[cols], cols, indptr), (len(tf_metrics), len(vocab)))
        norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
        dot = (weights @ weights.T).tocoo()
        denominator = norms[dot.row] * norms[dot.col]
        cosine = dot.data / np.where(denominator > 0, denominator, 1.0)
        edge = (denominator > 0) & (cosine > threshold)
        n = len(tf_metrics)
        adjacency = sparse.csr_matrix((np.ones(edge.sum()), (dot.row[edge], dot.col[edge])), (n, n))
        return _row_normalised(adjacency)

    @staticmethod
    def power_method(matrix: sparse.csr_matrix, epsilon: float) -> FloatArray:
        """sumy's iteration on a sparse graph; a graph without edges rates all alike."""
        n = matrix.shape[0]
        if matrix.nnz == 0:
            return np.ones(n)
        transposed = matrix.T.tocsr()
        p_vector = np.full(n, 1.0 / n)
        lambda_val = 1.0
        while lambda_val > epsilon:
            next_p = transposed @ p_vector
            next_p /= np.linalg.norm(next_p)
            lambda_val = float(np.linalg.norm(next_p - p_vector))
            p_vector = next_p
        return p_vector


class TextRank(_RateAll, TextRankSummarizer):  # type: ignore[misc]
    """sumy's TextRank on a sparse overlap graph, its damping applied without a dense matrix."""

    def rate_sentences(self, document: Any) -> dict[Any, float]:
        token_lists = [self._to_words_set(s) for s in document.sentences]
        shared, norm = _overlap(token_lists)
        with np.errstate(divide="ignore", invalid="ignore"):
            edge = np.where(np.isclose(norm, 0.0), shared.data, shared.data / norm)
        n = len(token_lists)
        weights = sparse.csr_matrix((edge, (shared.row, shared.col)), shape=(n, n))
        transposed = _row_normalised(weights, self._ZERO_DIVISION_PREVENTION).T.tocsr()
        # sumy's matrix is (1 - d)/n everywhere plus d * weights; its transpose times p is:
        p_vector = np.full(n, 1.0 / n)
        lambda_val = 1.0
        while lambda_val > self.epsilon:
            next_p = (1.0 - self.damping) / n * p_vector.sum() + self.damping * (
                transposed @ p_vector
            )
            lambda_val = float(np.linalg.norm(next_p - p_vector))
            p_vector = next_p
        return dict(zip(document.sentences, p_vector.tolist(), strict=True))


class Reduction(_RateAll, ReductionSummarizer):  # type: ignore[misc]
    """sumy's Reduction: each sentence's summed overlap with all others, from sparse pairs."""

    def rate_sentences(self, document: Any) -> dict[Any, float]:
        token_lists = [self._to_words_set(s) for s in document.sentences]
        shared, norm = _overlap(token_lists)
        with np.errstate(divide="ignore", invalid="ignore"):
            edge = np.where((norm == 0) | (shared.row == shared.col), 0.0, shared.data / norm)
        totals = np.bincount(shared.row, weights=edge, minlength=len(token_lists))
        return dict(zip(document.sentences, totals.tolist(), strict=True))


class Lsa(_RateAll, LsaSummarizer):  # type: ignore[misc]
    """sumy's LSA, without its SVD where the SVD cannot change the result.

    sumy keeps every singular dimension by default (``REDUCTION_RATIO`` 1), and then its rank
    sqrt(sum_k s_k^2 v_kj^2) is exactly the norm of sentence j's column of the smoothed
    term-frequency matrix; computing that norm directly saves an O(words * sentences^2) SVD
    and a dense words-by-sentences matrix. In practice it favours long sentences.
    """

    def __call__(self, document: Any, sentences_count: object) -> tuple[float, ...]:
        if self.REDUCTION_RATIO < 1:  # topics are dropped: only the real SVD will do
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "fewer words than sentences" on small input
                return tuple(super().__call__(document, sentences_count))
        dictionary = self._create_dictionary(document)
        if not dictionary:
            return ()
        stems = [
            [w for w in map(self.stem_word, s.words) if w in dictionary] for s in document.sentences
        ]
        counts, _ = count_matrix(stems)
        peak = counts.max(axis=1).toarray().ravel()
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        smoothed = _LSA_SMOOTH + (1.0 - _LSA_SMOOTH) * counts.data / peak[rows]
        extra = np.bincount(rows, weights=smoothed**2 - _LSA_SMOOTH**2, minlength=len(stems))
        squares = np.where(peak > 0, len(dictionary) * _LSA_SMOOTH**2 + extra, 0.0)
        ranks = dict(zip(document.sentences, np.sqrt(squares).tolist(), strict=True))
        return self._get_best_sentences(document.sentences, sentences_count, ranks)


class Luhn(_RateAll, LuhnSummarizer):  # type: ignore[misc]
    """sumy's Luhn; significant words kept in a set, not a tuple scanned per word."""

    def _get_significant_words(self, words: Sequence[str]) -> frozenset[str]:
        return frozenset(super()._get_significant_words(words))


def _first_best(values: FloatArray) -> int:
    """Index of the maximum, the earliest among values equal up to rounding.

    Summation order decides the last bits, so without a tolerance an exact tie between two
    sentences would be broken by float noise rather than by document order.
    """
    peak = float(values.max())
    return int(np.flatnonzero(values >= peak - 1e-12 * max(abs(peak), 1e-300))[0])


class SumBasic(_RateAll, SumBasicSummarizer):  # type: ignore[misc]
    """sumy's SumBasic greedy order; each step's averages are one sparse product."""

    def _compute_ratings(self, sentences: Sequence[Any]) -> dict[Any, float]:
        if not sentences:
            return {}
        word_freq = self._compute_tf(sentences)
        counts, vocab = count_matrix([self._get_content_words_in_sentence(s) for s in sentences])
        probability = np.array([word_freq[w] for w in vocab], dtype=np.float64)
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        remaining = np.ones(len(sentences), dtype=bool)
        ratings: dict[Any, float] = {}
        for step in range(len(sentences)):
            average = np.zeros(len(sentences))
            np.divide(counts @ probability, lengths, out=average, where=lengths > 0)
            best = _first_best(np.where(remaining, average, -np.inf))
            ratings[sentences[best]] = -step
            remaining[best] = False
            row = counts.getrow(best)
            probability[row.indices] **= 2.0**row.data  # sumy squares once per occurrence
        return ratings


class KLSum(_RateAll, KLSummarizer):  # type: ignore[misc]
    """sumy's KL-Sum greedy order, each step's divergences computed over sparse counts.

    As in sumy, words are lower-cased but not stemmed, the summary's length counts its stop
    words, and the divergence sums only over words in the candidate summary.
    """

    def _compute_ratings(self, sentences: Sequence[Any]) -> dict[Any, float]:
        if not sentences:
            return {}
        doc_freq = self.compute_tf(sentences)
        content = [self._get_content_words_in_sentence(s) for s in sentences]
        counts, vocab = count_matrix(content)
        q = np.array([doc_freq.get(w, 0.0) for w in vocab], dtype=np.float64)
        lengths = np.array([len(c) for c in content], dtype=np.float64)
        all_words = np.array([len(s.words) for s in sentences], dtype=np.float64)
        divergence = _kl_step(counts.tocoo(), q, lengths)
        summary = np.zeros(len(vocab))
        summary_len = 0.0
        remaining = np.ones(len(sentences), dtype=bool)
        ratings: dict[Any, float] = {}
        for step in range(len(sentences)):
            best = _first_best(-np.where(remaining, divergence(summary, summary_len), np.inf))
            ratings[sentences[best]] = -step
            remaining[best] = False
            row = counts.getrow(best)
            summary[row.indices] += row.data
            summary_len += all_words[best]
        return ratings


def _kl_step(
    counts: sparse.coo_matrix, q: FloatArray, lengths: FloatArray
) -> Callable[[FloatArray, float], FloatArray]:
    """KL(doc || summary + sentence) for every sentence, touching only non-zero counts.

    Over the support W of (sentence + summary), KL = sum_W q (log q - log x) + log(T) sum_W q,
    where x are joint counts and T the joint length; words of the summary are shared by all
    candidates, so only each sentence's own words need per-sentence work.
    """
    rows, cols, values = counts.row, counts.col, counts.data
    n = counts.shape[0]
    log_q = np.log(np.where(q > 0, q, 1.0))

    def f(index: npt.NDArray[np.int64] | slice, x: FloatArray) -> FloatArray:
        with np.errstate(divide="ignore"):
            return np.where(x > 0, q[index] * (log_q[index] - np.log(np.maximum(x, 1e-300))), 0.0)

    def divergence(summary: FloatArray, summary_len: float) -> FloatArray:
        in_summary = summary > 0
        base = float(f(slice(None), summary)[in_summary].sum())
        summary_mass = float(q[in_summary].sum())
        shared = in_summary[cols]
        own = np.where(
            shared, f(cols, summary[cols] + values) - f(cols, summary[cols]), f(cols, values)
        )
        mass = np.bincount(rows, weights=np.where(shared, 0.0, q[cols]), minlength=n)
        total = lengths + summary_len
        log_total = np.log(np.maximum(total, 1.0))
        result = (
            base + np.bincount(rows, weights=own, minlength=n) + log_total * (summary_mass + mass)
        )
        return np.where(total > 0, result, 0.0)

    return divergence


class SumyRanker:
    """A registered ranker backed by one sumy summarizer class."""

    def __init__(self, name: str, summarizer_class: type[Any]) -> None:
        self.name = name
        self._summarizer_class = summarizer_class

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        """One [0, 1] score per sentence; the same words always get the same score."""
        if not sentences:
            return []
        summarizer = self._summarizer_class(_stem)
        summarizer.stop_words = STOP_WORDS
        ratings = summarizer(build_document(sentences), len(sentences))
        if len(ratings) != len(sentences):  # sumy's early exit: no content words at all
            ratings = (0.0,) * len(sentences)
        return _share_best(sentences, min_max(ratings))


def _stem(word: str) -> str:
    """The pipeline's word forms ("defence" = "defense", "five" = "5"), then Snowball."""
    return stem(normalise(word))


def _share_best(sentences: Sequence[Sentence], scores: list[float]) -> list[float]:
    """Give every copy of the same words its best copy's score.

    Greedy selectors (KL-Sum, SumBasic) rank a second copy low because it adds nothing to a
    summary; here copies are one statement carried by several outlets, so they score alike.
    """
    best: dict[tuple[str, ...], float] = {}
    keys = [tuple(words(s.text)) for s in sentences]
    for key, value in zip(keys, scores, strict=True):
        best[key] = max(value, best.get(key, value))
    return [best[key] for key in keys]


# The rankers users name (``--algorithm lexrank``): each is declared as an entry point in
# pyproject.toml, so they are found through the same door as a plug-in's. sumy is imported
# only when one of them is asked for.
SUMY_ALGORITHMS: dict[str, type[Any]] = {
    "lexrank": LexRank,  # centrality in the thresholded tf-idf cosine graph
    "textrank": TextRank,  # PageRank over the word-overlap graph
    "lsa": Lsa,  # weight in the latent topics (favours long sentences)
    "luhn": Luhn,  # densest cluster of frequent words
    "kl": KLSum,  # greedy order minimising KL divergence to the articles
    "sumbasic": SumBasic,  # greedy order by average word probability
    "reduction": Reduction,  # summed word overlap with all other sentences
}
lexrank = partial(SumyRanker, "lexrank", LexRank)
textrank = partial(SumyRanker, "textrank", TextRank)
lsa = partial(SumyRanker, "lsa", Lsa)
luhn = partial(SumyRanker, "luhn", Luhn)
kl = partial(SumyRanker, "kl", KLSum)
sumbasic = partial(SumyRanker, "sumbasic", SumBasic)
reduction = partial(SumyRanker, "reduction", Reduction)
