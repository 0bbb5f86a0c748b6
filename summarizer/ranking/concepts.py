"""Concepts: the facts a summary can cover, and what each is worth on the day.

A concept is a pair of adjacent word forms (lower-cased, normalised, stemmed) that are not both
stop words: "missile strike", "the euro", "killed 17". Human summaries share these pairs with
the articles they summarise (it is what ROUGE-2 counts), they are finer than whole-sentence
similarity, and they cost one pass over the words. Stop words stay inside pairs ("of Kyiv")
because a summary is read as written, not as a bag of content words.

A concept is worth more the more articles carry it, the earlier they do and the more they
return to it: each article that contains it adds sqrt(m) / (1 + p) ** decay, p the position
of its first sentence with the concept (news puts the news first) and m how many of its
sentences mention it (an article that keeps coming back to a fact is about it); the sum is
squared, so the facts most outlets lead with outweigh incidental phrasing many times over. A
concept only one article has weighs almost nothing: it breaks ties (and ranks a lone article)
but never outweighs what outlets share.

How much position counts depends on the day. When the articles all report one event, their
opening sentences agree with each other about as much as the whole articles do, and the lead is
the best guide there is; when they open on different angles (features that start with an
anecdote, a topic followed over months) the leads agree far less, and position is trusted
less in proportion (``lead_agreement``).

On the shared DUC development data this weighting is worth about 1.5 ROUGE-2 points over plain
document frequency; see docs/evaluation.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import count, pairwise

import numpy as np
import numpy.typing as npt

from summarizer.models import Sentence
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import (
    STOP_WORDS,
    content_terms,
    count_matrix,
    normalise,
    numbered_words,
    stem,
    words,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
# A word's form or sentence (numbers under 2**31): half the memory of the day's millions.
SmallInts = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]

POSITION_DECAY = 0.5  # an article adds (1 + position) ** -POSITION_DECAY when its lead is news
# Leads that share at least this fraction of what whole articles share get the full decay; the
# one-event clusters of the DUC 2007 update and TAC 2011 sets sit at 0.7-0.9 (median), the
# topic clusters of DUC 2006 at 0.46.
LEAD_AGREEMENT = 0.7
AGREEMENT_SAMPLE = 200  # articles compared on a large day (about 20,000 pairs)
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
    rows, col_array, index = _incidence([s.text for s in sentences])
    decay = POSITION_DECAY * min(1.0, lead_agreement(sentences) / LEAD_AGREEMENT)
    carried = _carried(sentences, rows, col_array, len(index), decay)
    data = np.ones(len(col_array), dtype=np.float64)
    matrix = sparse.csr_matrix((data, (rows, col_array)), shape=(len(sentences), len(index)))
    return ConceptModel(index, carried, carried**WEIGHT_POWER), matrix


def _places(sentences: Sequence[Sentence], rows: SmallInts) -> tuple[IntArray, IntArray]:
    """For each concept found (in sentence ``rows``), its article, as its rank among the
    day's articles (the same order, small numbers: ``_carried`` sorts on them), and its
    sentence's position."""
    _, article_rank = np.unique([s.article for s in sentences], return_inverse=True)
    article = article_rank.ravel().astype(np.int64)[rows]
    return article, np.asarray([s.position for s in sentences], dtype=np.int64)[rows]


def _incidence(texts: Sequence[str]) -> tuple[SmallInts, IntArray, dict[str, int]]:
    """``concepts`` of every text at once, as arrays: (row, column) of each text's concepts
    in first-seen order, columns numbered in the order concepts first appear in the day.

    The same pairs as ``concepts`` finds, found on integer codes: each distinct word is
    stemmed once, every adjacent pair in a text is one code, and duplicates are dropped with
    numpy rather than by building each sentence's strings.
    """
    codes, pair_row, names = _pair_codes(texts)
    width = max(len(names), 1)
    distinct, col = _numbered_as_seen(codes)
    del codes  # each array goes once used: on a large day, each is tens of megabytes
    once = _first_of_each(pair_row.astype(np.int64) * max(len(distinct), 1) + col)
    left = [names[f] for f in (distinct // width).tolist()]
    right = [names[f] for f in (distinct % width).tolist()]
    index = dict(zip(map(" ".join, zip(left, right, strict=True)), count()))
    return pair_row[once], col[once], index


def _pair_codes(texts: Sequence[str]) -> tuple[IntArray, SmallInts, list[str]]:
    """Each pair of adjacent words in a text, not two stop words, as one code (first form's
    number times the number of forms, plus the second's), the text it is in, and the forms
    by number. The arrays of every word go when this returns."""
    form, stop, row, names = _word_forms(texts)
    keep = (row[1:] == row[:-1]) & ~(stop[1:] & stop[:-1])
    codes = form[:-1][keep].astype(np.int64)
    codes *= max(len(names), 1)
    codes += form[1:][keep]
    return codes, row[:-1][keep], names


def _word_forms(texts: Sequence[str]) -> tuple[SmallInts, BoolArray, SmallInts, list[str]]:
    """Every word of every text as its form's number (lower-cased, normalised, stemmed), whether
    it is a stop word and the text it is in; and the forms, by number. Words are numbered
    as they come (``words.numbered_words``), then each distinct word is stemmed once."""
    token, lengths, distinct = numbered_words(texts)
    form_ids: dict[str, int] = {}
    form_of = np.asarray(
        [form_ids.setdefault(stem(normalise(w)), len(form_ids)) for w in distinct],
        dtype=np.int32,
    )
    stop_of = np.asarray([w in STOP_WORDS for w in distinct], dtype=bool)
    row = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    return form_of[token], stop_of[token], row, list(form_ids)


def _numbered_as_seen(codes: IntArray) -> tuple[IntArray, IntArray]:
    """The distinct codes in the order they first appear, and each code's number in that
    order: ``np.unique`` with its first indices and inverse, from one sort of values (each
    code with its index in the low bits: numpy sorts values many times faster than it sorts
    indices); ``np.unique`` itself where the two do not fit in 63 bits."""
    shift = max(len(codes), 1).bit_length()
    if (int(codes.max(initial=0)) + 1) << shift < 2**63:
        packed = np.sort((codes << shift) | np.arange(len(codes), dtype=np.int64))
        code, at = packed >> shift, packed & ((1 << shift) - 1)
        starts = np.r_[True, code[1:] != code[:-1]] if len(codes) else code.astype(bool)
        distinct, seen_at = code[starts], at[starts]
        which = np.empty(len(codes), dtype=np.int64)
        which[at] = np.cumsum(starts) - 1
    else:
        distinct, seen_at, which = np.unique(codes, return_index=True, return_inverse=True)
    in_order = np.argsort(seen_at)  # each index once: no ties to break
    column = np.empty(len(distinct), dtype=np.int64)
    column[in_order] = np.arange(len(distinct), dtype=np.int64)
    return distinct[in_order], column[which.ravel()]


def _first_of_each(keys: IntArray) -> IntArray:
    """The index of each distinct key's first occurrence, ascending. Keys repeat rarely (a
    concept twice in one sentence), so only the repeated ones are looked at closely."""
    ordered = np.sort(keys)
    repeated = _distinct_sorted(ordered[1:][ordered[1:] == ordered[:-1]])
    if not len(repeated):
        return np.arange(len(keys), dtype=np.int64)
    place = np.minimum(np.searchsorted(repeated, keys), len(repeated) - 1)
    at = np.flatnonzero(repeated[place] == keys)
    _, first = np.unique(keys[at], return_index=True)
    later = np.setdiff1d(at, at[first], assume_unique=True)
    return np.delete(np.arange(len(keys), dtype=np.int64), later)


def _distinct_sorted(ordered: IntArray) -> IntArray:
    """``np.unique`` of values sorted already, without its sort, nor its check for a masked
    array, which imports ``numpy.ma`` (0.02 s, on no other account a summary's)."""
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def lead_agreement(sentences: Sequence[Sentence]) -> float:
    """How much the articles' opening sentences share, relative to how much the whole articles
    share: the mean overlap (shared content words over the smaller set) of every two leads,
    divided by that of the same two articles. 1.0 when there are not two articles to compare.

    On a large day a random sample of ``AGREEMENT_SAMPLE`` articles (fixed seed, so the same
    input gives the same value) stands for the rest, which keeps this to a fixed cost.
    """
    ids = sorted({s.article for s in sentences if s.position == 0})
    if len(ids) > AGREEMENT_SAMPLE:
        chosen = np.random.default_rng(0).choice(len(ids), AGREEMENT_SAMPLE, replace=False)
        ids = [ids[i] for i in sorted(chosen.tolist())]
    if len(ids) < 2:
        return 1.0
    slot = {a: i for i, a in enumerate(ids)}
    leads: list[set[str]] = [set() for _ in ids]
    whole: list[set[str]] = [set() for _ in ids]
    for s in sentences:
        if s.article in slot:
            terms = content_terms(s.text)
            whole[slot[s.article]].update(terms)
            if s.position == 0:
                leads[slot[s.article]].update(terms)
    pairs = np.triu_indices(len(ids), k=1)
    lead_overlap, compared = _overlaps(leads, pairs)
    whole_overlap, _ = _overlaps(whole, pairs)
    whole_mean = float(whole_overlap[compared].mean()) if compared.any() else 0.0
    if whole_mean <= 0.0:
        return 1.0
    return float(lead_overlap[compared].mean()) / whole_mean


def _overlaps(
    term_sets: Sequence[set[str]], pairs: tuple[IntArray, IntArray]
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Overlap coefficient of each pair of term sets, and which pairs have both sets non-empty."""
    binary, _ = count_matrix([sorted(terms) for terms in term_sets])
    shared = np.asarray((binary @ binary.T).todense())[pairs]
    sizes = np.asarray([len(t) for t in term_sets], dtype=np.float64)
    smaller = np.minimum(sizes[pairs[0]], sizes[pairs[1]])
    both = smaller > 0
    return np.divide(shared, smaller, out=np.zeros_like(shared), where=both), both


def _carried(
    sentences: Sequence[Sentence], rows: SmallInts, concept: IntArray, size: int, decay: float
) -> FloatArray:
    """Per concept: the sum over the articles with it of sqrt(sentences with it) times
    (1 + first position) ** -decay, weighed down when fewer than ``MIN_ARTICLES`` carry it
    (the concepts found: ``concept``, in the sentences ``rows``)."""
    article, position = _places(sentences, rows)
    columns = [article, concept, position]
    del article, position
    article, concept, position = _by_article(columns, size)
    first = np.ones(len(article), dtype=bool)
    first[1:] = (article[1:] != article[:-1]) | (concept[1:] != concept[:-1])
    del article
    mentions = np.diff(np.append(np.flatnonzero(first), len(concept)))
    concept, position = concept[first], position[first].astype(np.float64)
    per_article = np.sqrt(mentions) * (1.0 + position) ** -decay
    carried = np.bincount(concept, weights=per_article, minlength=size)
    articles = np.bincount(concept, minlength=size)
    factor = np.where(articles >= MIN_ARTICLES, 1.0, SINGLE_ARTICLE ** (1 / WEIGHT_POWER))
    return np.asarray(carried * factor, dtype=np.float64)


def _by_article(columns: list[IntArray], size: int) -> tuple[IntArray, IntArray, IntArray]:
    """``columns`` (article, concept, position) sorted by article, then concept, then
    position: as one number each, sorted by value (a tenth of the time of ``np.lexsort``);
    where the three do not fit in 63 bits (never on a day that fits in memory: articles are
    ranks), by ``np.lexsort``. The list is emptied, so that each array goes as soon as it is
    used: on a large day, each holds tens of megabytes."""
    article, concept, position = columns
    columns.clear()
    low = int(position.min(initial=0))
    span = int(position.max(initial=0)) - low + 1
    if (int(article.max(initial=0)) + 1) * size * span >= 2**63:
        order = np.lexsort((position, concept, article))
        return article[order], concept[order], position[order]
    key = article * size
    del article
    key += concept
    key *= span
    key += position
    del position
    key -= low
    key.sort()
    pair, offset = np.divmod(key, span)
    del key
    offset += low
    article, concept = np.divmod(pair, size)
    return article, concept, offset
