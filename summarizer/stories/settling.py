"""Strays: each article settled in the story whose own words it shares, or left alone.

Average link on shared neighbours leaves strays both ways. An article can be joined early to
another story that shares its names, or left alone, when its own story's words say where it
belongs; ``settle`` moves it there, but only to a story that holds one of its neighbours
(``grouping.neighbours``): a story's terms all together share three with almost any short
item, and moves to them chained ten unrelated AG News items into one story. And an article
no other article tells the story of (a lone feature, the one report of an event) has
neighbours all the same, the articles that share its commonest words, and can be joined to
them; ``settle`` leaves it alone when it is not close to its story's other articles, unless
most of its nearest neighbours (``grouping.neighbours``) are in that story: a story's own
article on a side of it, in other words, has the story around it, where a lone one's are
mostly spread over several. Closeness is the cosine of an article's vector
(``vectors.story_vectors``) with the summed vectors of a story's other articles.

On a day that mixes the TAC 2011 set (10 stories) with 20 lone DUC 2006 articles, one
topic each, 12 of the 20 stay alone with ``ALONE`` at 0.15 and 1 without it. On DUC 2006
the weak articles it leaves alone count as splits: 9 of 50 topics in more than two stories
(B-cubed F1 0.935) against 5 without it (0.943). With ``MOSTLY`` (12 of 22 neighbours),
6 of 50 (F1 0.940); the lone articles stay alone as before on the TAC day (12 of 20) and
in 13 of 20 on the DUC 2007 day (14 without ``MOSTLY``): the one kept has its neighbours
in one story (benchmarks/stories_eval.py, docs/evaluation.md).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from summarizer.stories.vectors import dots_at, entry_rows
from summarizer.text.scipy_lean import sparse

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]

JOIN = 0.1  # an article moves to a story only this close to it
ALONE = 0.15  # an article less close than this to its story's other articles is alone
MOSTLY = 12  # unless this many of its neighbours (of grouping.NEIGHBOURS) are in its story
ROUNDS = 3  # moves happen all at once, at most this many times
# Terms an article must share with another to be its neighbour (``grouping.neighbours``), and
# so to be told with it or to move to its story: two short items that share a word or two
# ("bank", "company") are alike by cosine, but not one story (40 AG News items, each its own
# story, came out as groups of up to 11).
SHARED_TERMS = 3
# Row-group pairs whose dot products are worked out at once (``_cosines``): a pair of a
# full-length article (150 terms) takes about 7 KB while it is, 5,000 pairs some 35 MB.
PAIRS = 5_000


def settle(
    vectors: sparse.csr_matrix, groups: list[list[int]], near: sparse.csr_matrix
) -> list[list[int]]:
    """The groups after strays moved (to the group they are closest to, when closer than to
    their own and at least ``JOIN``) and lone articles were left alone (``ALONE``, unless
    ``MOSTLY`` of their neighbours, ``near``'s row, are in their group); each group in row
    order, the groups in order of their first row."""
    size = vectors.shape[0]
    label = np.empty(size, dtype=np.int64)
    for number, rows in enumerate(groups):
        label[rows] = number
    for _ in range(ROUNDS):
        moved = _closer(vectors, label, near)
        if np.array_equal(moved, label):
            break
        label = moved
    label = _alone(vectors, label, near)
    found: dict[int, list[int]] = {}
    for row, group in enumerate(label.tolist()):
        found.setdefault(group, []).append(row)
    return sorted(found.values(), key=lambda rows: rows[0])


def _cosines(
    vectors: sparse.csr_matrix, label: IntArray, row: IntArray, col: IntArray
) -> tuple[IntArray, IntArray, FloatArray, npt.NDArray[np.bool_]]:
    """For the given rows and groups (``row``, ``col``) that share a term: the row, the
    group, the cosine of the row with the group's other rows' sum, and whether it is the
    row's own group. Only these pairs: a product of the day's articles by all its groups
    grows with the square of the day (on 10,000 full-length articles nearly every article
    shares a term with nearly every group)."""
    size, groups = vectors.shape[0], int(label.max()) + 1
    member = sparse.csr_matrix((np.ones(size), (label, np.arange(size))), shape=(groups, size))
    sums = sparse.csr_matrix(member @ vectors)
    dot, meet = dots_at(vectors, sums, (row, col), PAIRS)
    row, col, dot = row[meet], col[meet], dot[meet]
    own_sq = np.asarray(vectors.multiply(vectors).sum(axis=1), dtype=np.float64).ravel()[row]
    sums_sq = np.asarray(sums.multiply(sums).sum(axis=1), dtype=np.float64).ravel()[col]
    own = col == label[row]
    dot = np.where(own, dot - own_sq, dot)  # the others' sum: less the row
    length = np.sqrt(np.maximum(np.where(own, sums_sq - 2 * dot - own_sq, sums_sq), 0.0))
    cosine = np.divide(dot, length, out=np.zeros_like(dot), where=length > 1e-9)
    return row, col, cosine, own


def _closer(vectors: sparse.csr_matrix, label: IntArray, near: sparse.csr_matrix) -> IntArray:
    """Each row's group after one round of moves (only to a group that holds one of its
    neighbours, ``near``)."""
    row, col, cosine, own = _cosines(vectors, label, *_reachable(near, label))
    moved = label.copy()
    if len(row) == 0:
        return moved
    stay = np.zeros(len(label))
    stay[row[own]] = cosine[own]
    rows, best, group = _best_per_row(row, col, cosine)
    go = (best > stay[rows]) & (best >= JOIN)
    moved[rows[go]] = group[go]
    return moved


def _reachable(near: sparse.csr_matrix, label: IntArray) -> tuple[IntArray, IntArray]:
    """Each row's own group and the groups that hold one of its neighbours (``near``), as
    pairs of a row and a group, by row then group: the only groups it can stay in or move
    to."""
    near = sparse.csr_matrix(near)
    size, width = len(label), int(label.max()) + 1
    rows = np.concatenate((entry_rows(near), np.arange(size, dtype=np.int64)))
    groups = np.concatenate((label[near.indices], label))
    pairs = np.unique(rows * width + groups)
    return pairs // width, pairs % width


def _neighbours_in(near: sparse.csr_matrix, label: IntArray) -> sparse.csr_matrix:
    """Rows by groups: how many of each row's neighbours (``near``'s stored entries, itself
    left out) each group holds."""
    near = sparse.csr_matrix(near)
    rows = entry_rows(near)
    other = rows != near.indices
    return sparse.csr_matrix(
        (np.ones(int(other.sum())), (rows[other], label[near.indices[other]])),
        shape=(near.shape[0], int(label.max()) + 1),
    )


def _best_per_row(
    row: IntArray, col: IntArray, cosine: FloatArray
) -> tuple[IntArray, FloatArray, IntArray]:
    """Each row's highest cosine and its group (the lowest-numbered on a tie), in one pass
    over runs of a row (a sort of every row-group pair took seconds on 10,000 articles)."""
    order = np.argsort(row, kind="stable")
    row, col, cosine = row[order], col[order], cosine[order]
    starts = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    best = np.maximum.reduceat(cosine, starts)
    lengths = np.diff(np.r_[starts, len(row)])
    top = np.where(cosine == np.repeat(best, lengths), col, np.iinfo(np.int64).max)
    return row[starts], best, np.minimum.reduceat(top, starts)


def _alone(vectors: sparse.csr_matrix, label: IntArray, near: sparse.csr_matrix) -> IntArray:
    """Rows less than ``ALONE`` close to the rest of their group (of two or more), each in
    a group of its own, but for those whose neighbours are ``MOSTLY`` in their group: a
    story's own weak article (a side of it told in other words) has the story around it."""
    stay = np.zeros(len(label))
    row, _, cosine, _ = _cosines(vectors, label, np.arange(len(label)), label)
    stay[row] = cosine
    shared = np.bincount(label)[label] > 1
    kin = _neighbours_in(near, label)[np.arange(len(label)), label]  # in its own group
    held = np.asarray(kin, dtype=np.float64).ravel() >= MOSTLY
    lone = np.flatnonzero(shared & (stay < ALONE) & ~held)
    out = label.copy()
    out[lone] = int(label.max()) + 1 + np.arange(len(lone))
    return out
