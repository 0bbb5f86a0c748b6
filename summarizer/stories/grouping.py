"""Articles into stories: average-link grouping over shared neighbours.

Articles of one ongoing story need not share many words two by two (a follow-up a year on,
a feature on one side of it) but they have the same near neighbours: the story's other
articles. So each article is described by its ``NEIGHBOURS`` most similar articles (cosine of
``vectors.story_vectors``, at least ``LEAST_SIMILAR``, and ``settling.SHARED_TERMS`` terms in
common: on a feed's day of short items, one shared word gives a high cosine; two short
items, a name among them, ``vectors.short_items``), and two articles are as alike as those
neighbourhoods are. Groups are then joined by average link
(the mean likeness of every two articles across them, a missing pair counting 0) while it
reaches ``LINK``: unlike single link, one article that mentions two stories does not chain
them into one. Nor are two stories of one kind (two earthquakes weeks apart in two
countries) joined, however alike their neighbourhoods (``apart``).

Last, each article settles in the story whose other articles it is closest to, or alone
when it is close to none and its neighbours are not mostly that story's (``settling``).

Only pairs of articles that share a kept term are ever compared, and only neighbours' pairs
are linked, so the cost follows the day's size, not its square, on a day of many stories.
The order is fixed (ties go to the lower article), so the same day always gives the same
stories.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from summarizer.stories.settling import PAIRS, SHARED_TERMS, settle
from summarizer.stories.vectors import (
    ShortItems,
    dots_at,
    entry_rows,
    kept_entries,
    presence,
    top_per_row,
    unit_rows,
    values_at,
    with_shared_terms,
)
from summarizer.text.scipy_lean import sparse

NEIGHBOURS = 22  # neighbours that describe an article (tuned on DUC 2006)
LEAST_SIMILAR = 0.05  # a less similar article is no neighbour, however few there are
LINK = 0.11  # the average likeness at which two groups are one story
# Likeness below this counts as none: 62 % of the pairs of 10,000 AG News items, whose joins
# it halves in time, and no story changed on DUC 2006, DUC 2007 or TAC 2011 (up to 0.05).
FAINT = 0.02
# Articles whose similarities to the whole day are worked out at once: on a day of 10,000
# full-length articles, which share many terms, all of them at once took 2.5 GB, blocks of
# 1,000 0.44 GB; in blocks the memory follows the day's size, not its square.
BLOCK = 250

# Whether two groups (their row numbers) are different stories however alike (``apart.Apart``).
Separate = Callable[[Sequence[int], Sequence[int]], bool]


def neighbours(vectors: sparse.csr_matrix, items: ShortItems | None = None) -> sparse.csr_matrix:
    """Each article's ``NEIGHBOURS`` most similar articles, itself among them (cosine, at
    least ``LEAST_SIMILAR`` and ``SHARED_TERMS`` terms in common; two short items, ``items``,
    a name among them): what describes it here, and what tells settling which story it
    belongs to. Worked out ``BLOCK`` articles at a time, against the day's vectors
    transposed once (once a block, the transposing grew with the square of the day)."""
    size = vectors.shape[0]
    named = None if items is None else sparse.csr_matrix(presence(vectors).multiply(items.names))
    across = sparse.csr_matrix(vectors.T)
    day = _Day(vectors, across, presence(across, np.float32), items, named)
    blocks = [_near(day, start, min(start + BLOCK, size)) for start in range(0, size, BLOCK)]
    if not blocks:
        return sparse.csr_matrix((0, 0))
    return sparse.csr_matrix(sparse.vstack(blocks, format="csr"))


class _Day(NamedTuple):
    """What every block of ``neighbours`` compares its rows with: the day's vectors, the
    same transposed and their presence, the short items and their names."""

    vectors: sparse.csr_matrix
    across: sparse.csr_matrix
    present: sparse.csr_matrix
    items: ShortItems | None
    named: sparse.csr_matrix | None


def _near(day: _Day, start: int, stop: int) -> sparse.csr_matrix:
    """``neighbours`` of the articles in rows ``start`` to ``stop``: the entries too far or
    with too few terms in common go before anything is sorted."""
    similar, shared = with_shared_terms(day.vectors[start:stop], day.across, day.present)
    similar = kept_entries(similar, (similar.data >= LEAST_SIMILAR) & (shared >= SHARED_TERMS))
    if day.items is not None and day.named is not None:
        similar.data[_unnamed(similar, start, day.items, day.named)] = 0.0
        similar.eliminate_zeros()
    return top_per_row(similar, NEIGHBOURS)


def _unnamed(
    similar: sparse.csr_matrix, start: int, items: ShortItems, named: sparse.csr_matrix
) -> npt.NDArray[np.bool_]:
    """For each of ``similar``'s entries (sorted CSR, its rows the articles from ``start``),
    whether it pairs two short items that share no kept term both write as a name
    (``named``: each article's kept terms that it writes as a name): 30 words of a feed's
    item share "deal", "million" and "line" with another's by chance, a story's names seldom
    ("Darfur", "Colts")."""
    own = named[start : start + similar.shape[0]]
    names = values_at(similar, presence(similar).multiply(own @ named.T))
    rows = entry_rows(similar) + start
    return np.asarray(
        (names < 1) & items.short[rows] & items.short[similar.indices], dtype=np.bool_
    )


def likeness(near: sparse.csr_matrix) -> sparse.csr_matrix:
    """How alike every two articles' neighbourhoods (``neighbours``) are (cosine), for pairs
    that have a neighbour in common."""
    around = unit_rows(near)
    alike = sparse.csr_matrix(around @ around.T)
    alike.data[alike.data < FAINT] = 0.0
    alike.eliminate_zeros()
    return alike


def average_link(
    alike: sparse.csr_matrix, threshold: float = LINK, apart: Separate | None = None
) -> list[list[int]]:
    """Groups of row numbers, joined while the mean likeness across two groups reaches
    ``threshold``, unless ``apart`` says the two are different stories; each group in row
    order, the groups in order of their first row."""
    linkage = _Linkage(alike.shape[0], threshold, apart)
    upper = sparse.triu(alike, k=1).tocoo()
    linkage.add(upper.row.tolist(), upper.col.tolist(), upper.data.tolist())
    linkage.join_while()
    return sorted((sorted(m) for m in linkage.members.values()), key=lambda m: m[0])


class _Linkage:
    """The groups so far, the summed likeness between every two that have any, and a heap
    of candidate joins.

    A joined group keeps the larger group's number and sums, and only the smaller one's
    pairs are moved: each pair moves a logarithmic number of times, not once per join (on
    10,000 AG News items, 12 s became 7 s; with ``FAINT``, 3 s). The mean of a pair the join did not
    touch can only fall (its sum is unchanged, the group larger), so its heap entry is left
    as it is and, when popped, checked against the groups' versions and pushed back with its
    mean of now if that still reaches the threshold."""

    def __init__(self, size: int, threshold: float, apart: Separate | None) -> None:
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}
        self.sums: dict[int, dict[int, float]] = {i: {} for i in range(size)}
        self.version = [0] * size
        self.heap: list[tuple[float, int, int, int, int]] = []
        self.threshold = threshold
        self.apart = apart
        self.asked: dict[tuple[int, int, int, int], bool] = {}

    def add(self, rows: list[int], cols: list[int], values: list[float]) -> None:
        """Pairs of single articles (``rows[i] < cols[i]``) and their likeness."""
        for a, b, value in zip(rows, cols, values, strict=True):
            self.sums[a][b] = self.sums[b][a] = value
            if value >= self.threshold:
                self.heap.append((-value, a, b, 0, 0))

    def join_while(self) -> None:
        heapq.heapify(self.heap)
        while self.heap and -self.heap[0][0] >= self.threshold:
            _, a, b, seen_a, seen_b = heapq.heappop(self.heap)
            if a not in self.members or b not in self.members:
                continue
            if (self.version[a], self.version[b]) == (seen_a, seen_b):
                if not self._kept_apart(a, b):
                    self._join(a, b)
            else:
                self._push(a, b, self.sums[a].get(b, 0.0))

    def _kept_apart(self, a: int, b: int) -> bool:
        """Whether ``apart`` says groups ``a`` and ``b`` (as they are now) are different
        stories; asked once for the same two (stale entries push a pair again)."""
        if self.apart is None:
            return False
        key = (a, b, self.version[a], self.version[b])
        if key not in self.asked:
            self.asked[key] = self.apart(self.members[a], self.members[b])
        return self.asked[key]

    def _push(self, a: int, b: int, total: float) -> None:
        mean = total / (len(self.members[a]) * len(self.members[b]))
        if mean >= self.threshold:
            low, high = min(a, b), max(a, b)
            entry = (-mean, low, high, self.version[low], self.version[high])
            heapq.heappush(self.heap, entry)

    def _join(self, a: int, b: int) -> None:
        """One group of ``a`` and ``b`` under the larger's number (the lower on a tie)."""
        big, small = (a, b) if len(self.members[a]) >= len(self.members[b]) else (b, a)
        self.members[big] += self.members.pop(small)
        self.version[big] += 1
        kept = self.sums[big]
        del kept[small]
        for other, value in self.sums.pop(small).items():
            if other == big:
                continue
            theirs = self.sums[other]
            del theirs[small]
            total = kept[other] = theirs[big] = kept.get(other, 0.0) + value
            self._push(other, big, total)


def group_articles(
    vectors: sparse.csr_matrix, items: ShortItems | None = None, apart: Separate | None = None
) -> list[list[int]]:
    """The day's stories as groups of row numbers (see the module's docstring); two short
    items (``items``) are neighbours only when they share a name, and two groups ``apart``
    says are different stories are not joined."""
    if vectors.shape[0] == 0:
        return []
    near = neighbours(vectors, items)
    return settle(vectors, average_link(likeness(near), apart=apart), near)


def group_sums(vectors: sparse.csr_matrix, groups: list[list[int]]) -> sparse.csr_matrix:
    """One row a group: the sum of its rows' vectors, added in row order (a group's rows
    are in row order: the figures of a sum over them), kept sparse (a dense row of the
    day's terms for each story grew with the square of the day)."""
    rows = [r for g in groups for r in g]
    which = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
    member = sparse.csr_matrix(
        (np.ones(len(rows)), (which, rows)), shape=(len(groups), vectors.shape[0])
    )
    return sparse.csr_matrix(member @ vectors)


def centrality(
    vectors: sparse.csr_matrix, sums: sparse.csr_matrix, groups: list[list[int]]
) -> list[npt.NDArray[np.float64]]:
    """How close each of a group's articles is to the group as a whole (cosine with the sum
    of its vectors, ``sums``: ``group_sums``), a group at a time in its rows' order."""
    rows = np.asarray([r for g in groups for r in g], dtype=np.int64)
    which = np.repeat(np.arange(len(groups), dtype=np.int64), [len(g) for g in groups])
    closeness, _ = dots_at(vectors, sums, (rows, which), PAIRS)
    return np.split(closeness, np.cumsum([len(g) for g in groups])[:-1])


def cohesion(plain: sparse.csr_matrix, groups: list[list[int]]) -> float:
    """How alike articles of different groups are, against articles of the same group: the
    mean cosine (``vectors.plain_vectors``) of pairs across groups over that of pairs within
    one. Near 1 when the groups are parts of one story (the day's subject words are in them
    all), far below when they are different stories. From sums of vectors: linear."""
    size = plain.shape[0]
    within_pairs = sum(len(g) * (len(g) - 1) for g in groups)
    across_pairs = size * (size - 1) - within_pairs
    if within_pairs == 0 or across_pairs == 0:
        return 1.0 if across_pairs == 0 else 0.0
    total = _pair_sums(plain, [list(range(size))])[0]
    within = float(_pair_sums(plain, groups).sum())
    return float(((total - within) / across_pairs) / (within / within_pairs))


def _pair_sums(vectors: sparse.csr_matrix, groups: list[list[int]]) -> npt.NDArray[np.float64]:
    """Per group, the summed cosine of every ordered pair of its distinct rows (unit rows):
    the squared length of the group's summed vector less its size."""
    sums = group_sums(vectors, groups)
    squared = np.asarray(sums.multiply(sums).sum(axis=1), dtype=np.float64).ravel()
    return squared - np.asarray([len(g) for g in groups], dtype=np.float64)
