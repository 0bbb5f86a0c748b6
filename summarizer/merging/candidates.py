"""Candidate pairs for merging: the sentences that may state the same thing, found without
comparing all pairs.

A copy or a paraphrase keeps the rare words of what it copies: each signature (a unit of
sentences with the same statement, ``redundancy._group``) is compared only with those that
contain one of its ``_LOOKUP_TERMS`` rarest terms, and those pairs are tested at once with
sparse products. The cost follows the day's size: a term in more than ``_MAX_POSTING``
signatures proposes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from summarizer.text.scipy_lean import sparse
from summarizer.text.statements import (
    CONTAINED_STATES,
    JACCARD_STATES,
    MIN_CONTAINED,
    MIN_SHARED,
    Signature,
)
from summarizer.text.words import numbered

_LOOKUP_TERMS = 4
# A term in more sentences than this is too common to propose candidates: it would pair
# most of the day with most of the day. Copies still share their rarer words.
_MAX_POSTING = 64
_PAIR_CHUNK = 200_000
_BITS = 512  # bits a row's terms are folded into for the pairs' first, rough count
# Signatures from which a build finds the pairs in a worker process while it ranks
# (``pipeline``): a tenth of a second's work (about 200 articles), where starting one costs
# a few hundredths.
IN_A_WORKER = 5_000


def neighbours_of(sigs: Sequence[Signature]) -> list[list[int]]:
    """For each signature, the others whose words overlap enough to state the same thing,
    without all-pairs work.

    A signature's candidates are those that contain one of its rarest terms (a copy or a
    paraphrase keeps the rare words); only those pairs are tested, vectorised. The relation is
    looked up from the later sentence's side, as the leader clustering asks it: measured on
    the DUC sets, also matching from the leader's side merged loosely related sentences and
    cost ROUGE (9.42 → 9.19 R-2 on DUC 2007 update).
    """
    x = _term_matrix(sigs)
    rows, cols = _rarest(x, np.bincount(x.indices, minlength=x.shape[1]))
    proposer = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=x.shape)
    proposed = proposer @ x.T
    proposed.data[:] = 1.0
    # The test is symmetric: each pair proposed from either side is tested once.
    pairs = sparse.triu(proposed + proposed.T, k=1).tocoo()
    a, b = pairs.row, pairs.col
    folded = _Folded(x)
    ok = np.concatenate(
        [np.zeros(0, dtype=bool)]
        + [
            _same_words(x, folded, a[start : start + _PAIR_CHUNK], b[start : start + _PAIR_CHUNK])
            for start in range(0, len(a), _PAIR_CHUNK)
        ]
    )
    same = sparse.csr_matrix((np.ones(int(ok.sum())), (a[ok], b[ok])), shape=proposed.shape)
    found = proposed.multiply(same + same.T).tocsr()  # back to the side that proposed it
    bounds, near = found.indptr.tolist(), found.indices.tolist()
    return [near[start:end] for start, end in pairwise(bounds)]


def _term_matrix(sigs: Sequence[Signature]) -> sparse.csr_matrix:
    """Rows = signatures, columns = terms numbered as they first appear, each signature's
    new terms in alphabetical order (so the rarest terms' ties break the same way in every
    process, whatever the order a frozenset gives).

    Terms are numbered as they come (``words.numbered``, in the sets' own order), then
    renumbered: by the first row with the term, then alphabetically."""
    ids, sizes, names = numbered(sigs)
    row = np.repeat(np.arange(len(sigs), dtype=np.int64), sizes)
    seen = np.maximum.accumulate(ids) if len(ids) else ids
    new = ids > np.r_[-1, seen[:-1]]  # where each term first appears, in id order
    alphabetical = np.empty(len(names), dtype=np.int64)
    alphabetical[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    column = np.empty(len(names), dtype=np.int64)
    column[np.argsort(row[new] * len(names) + alphabetical)] = np.arange(len(names))
    indptr = np.r_[0, np.cumsum(sizes)]
    data = np.ones(len(ids))
    x = sparse.csr_matrix((data, column[ids], indptr), shape=(len(sigs), len(names)))
    x.sort_indices()  # the pair test reads sorted rows faster
    return x


def _same_words(
    x: sparse.csr_matrix, folded: _Folded, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]
) -> npt.NDArray[np.bool_]:
    """``statements.same_words`` of rows ``a`` and ``b`` of ``x``, pair by pair, at once: first
    on ``folded``'s rough counts, which most pairs fail, then on the exact counts of the rest."""
    sizes = folded.sizes
    same = _passes(folded.shared_at_most(a, b), sizes[a], sizes[b])
    rest = np.flatnonzero(same)
    a, b = a[rest], b[rest]
    shared = np.asarray(x[a].multiply(x[b]).sum(axis=1), dtype=np.float64).ravel()
    same[rest] = _passes(shared, sizes[a], sizes[b])
    return same


_Counts = npt.NDArray[np.float64]


def _passes(shared: _Counts, size_a: _Counts, size_b: _Counts) -> npt.NDArray[np.bool_]:
    """``statements.same_words`` of pairs that share ``shared`` terms. It only gets easier to
    pass the more they share: a pair that fails with a count above its own fails with its own."""
    union = size_a + size_b - shared
    smaller = np.minimum(size_a, size_b)
    same: npt.NDArray[np.bool_] = ((shared >= MIN_SHARED) & (shared >= JACCARD_STATES * union)) | (
        (shared >= MIN_CONTAINED) & (shared >= CONTAINED_STATES * smaller)
    )
    return same


class _Folded:
    """Each row's terms folded into ``_BITS`` bits (a term sets bit ``column % _BITS``), for a
    rough count of the terms two rows share: where one row's terms set as many bits as it
    has terms, each bit both rows set stands for one shared term at most. The bits of a
    million pairs are compared in a tenth of the time their rows took to copy, and few pairs
    are left to count exactly."""

    def __init__(self, x: sparse.csr_matrix) -> None:
        counts = np.diff(x.indptr)
        column = x.indices.astype(np.uint64) % np.uint64(_BITS)
        self.words = np.zeros((_BITS // 64, x.shape[0]), dtype=np.uint64)
        row = np.repeat(np.arange(x.shape[0]), counts)
        bit = np.uint64(1) << (column & np.uint64(63))
        np.bitwise_or.at(self.words, (column >> np.uint64(6), row), bit)
        set_bits = sum(np.bitwise_count(word).astype(np.int64) for word in self.words)
        self.apart = set_bits == counts  # no two of the row's terms share a bit
        self.sizes: _Counts = counts.astype(np.float64)

    def shared_at_most(self, a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> _Counts:
        """At least as many terms as rows ``a`` and ``b`` share, pair by pair."""
        common = np.zeros(len(a), dtype=np.float64)
        for word in self.words:  # one 64-bit word of every row at a time
            common += np.bitwise_count(word[a] & word[b])
        bound: _Counts = np.where(
            self.apart[a] | self.apart[b], common, np.minimum(self.sizes[a], self.sizes[b])
        )
        return bound


def _rarest(
    x: sparse.csr_matrix, df: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(row, term) for each row's ``_LOOKUP_TERMS`` rarest terms (fewest rows, then lowest
    index) among those in more than one row and at most ``_MAX_POSTING``: all rows at once."""
    row = np.repeat(np.arange(x.shape[0], dtype=np.int64), np.diff(x.indptr))
    col = x.indices.astype(np.int64)
    freq = df[col]
    keep = (freq > 1) & (freq <= _MAX_POSTING)
    row, col, freq = row[keep], col[keep], freq[keep]
    order = np.lexsort((col, freq, row))
    row, col = row[order], col[order]
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]]) if len(row) else row
    rank = np.arange(len(row)) - np.repeat(starts, np.diff(np.r_[starts, len(row)]))
    first = rank < _LOOKUP_TERMS
    return row[first], col[first]
