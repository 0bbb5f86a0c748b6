"""Grouping's parts on their own: settling strays back in their story, and the cohesion that
tells a story in parts from several stories."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy import sparse

from summarizer.stories import grouping, settling
from summarizer.stories.grouping import average_link, cohesion, neighbours, settle
from summarizer.stories.settling import ALONE, MOSTLY, _best_per_row, _cosines
from summarizer.stories.vectors import plain_vectors, story_vectors, term_counts, unit_rows
from tests.stories.days import article, interleaved, numbered


def test_a_stray_settles_back_in_its_story() -> None:
    """antitrust-0 put in with the quake: it moves to the other antitrust articles."""
    day = numbered(
        [*(article("quake", n) for n in range(4)), *(article("antitrust", n) for n in range(4))]
    )
    vectors = story_vectors(term_counts(day)[0])
    settled = settle(vectors, [[0, 1, 2, 3, 4], [5, 6, 7]], neighbours(vectors))
    assert settled == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_cohesion_is_low_across_stories_and_high_within_one() -> None:
    two = interleaved(("quake", 4), ("antitrust", 4))
    counts = term_counts(two)[0]
    apart = cohesion(plain_vectors(counts), [[0, 2, 4, 6], [1, 3, 5, 7]])
    halves = cohesion(plain_vectors(counts), [[0, 2], [4, 6], [1, 3], [5, 7]])
    assert apart < 0.56 < 1.0
    assert halves > apart
    one = term_counts(numbered([article("quake", n) for n in range(6)]))[0]
    assert cohesion(plain_vectors(one), [[0, 1, 2], [3, 4, 5]]) > 0.56


def test_an_article_close_to_no_story_is_left_alone() -> None:
    """Put in with the quake, an article that shares one common word with the day is alone
    after settling; the quake's own articles stay."""
    lone = dataclasses.replace(
        article("torch", 0),
        paragraphs=("Zebra xylophone quartz officials juggled marmalade.", "Velvet kumquat."),
    )
    day = numbered([*(article("quake", n) for n in range(4)), lone])
    vectors = story_vectors(term_counts(day)[0])
    assert settle(vectors, [[0, 1, 2, 3, 4]], neighbours(vectors)) == [[0, 1, 2, 3], [4]]


def _story_and_a_side(others: int) -> sparse.csr_matrix:
    """Unit rows: ``others`` articles of one story (its ten terms and one of their own), then
    one that has four of the story's terms, lightly, among its own: cosine 0.12 with each."""
    rows = [[1.0] * 10 + [0.0] * others + [0.0] for _ in range(others)]
    for n, row in enumerate(rows):
        row[10 + n] = 1.0
    rows.append([0.1] * 4 + [0.0] * (6 + others) + [0.98])
    return unit_rows(sparse.csr_matrix(np.array(rows)))


def test_a_weak_article_whose_neighbours_are_its_story_stays_in_it() -> None:
    """Under ``ALONE`` with its story, the last article stays in it when ``MOSTLY`` of its
    neighbours are the story's; with one fewer it is alone."""
    held = _story_and_a_side(MOSTLY)
    everyone = list(range(MOSTLY + 1))
    label = np.zeros(MOSTLY + 1, dtype=np.int64)
    row, _, cosine, own = _cosines(held, label, np.arange(MOSTLY + 1), label)
    assert cosine[own & (row == MOSTLY)][0] < ALONE
    assert settle(held, [everyone], neighbours(held)) == [everyone]
    fewer = _story_and_a_side(MOSTLY - 1)
    settled = settle(fewer, [everyone[:-1]], neighbours(fewer))
    assert settled == [everyone[:-2], [MOSTLY - 1]]


def _naive_average_link(alike: np.ndarray, threshold: float) -> list[list[int]]:
    """Average link by its definition: join the two groups of the highest mean likeness
    (every pair across them, a missing one counting 0) while it reaches the threshold."""
    groups = [[i] for i in range(len(alike))]
    while len(groups) > 1:
        best, pair = -1.0, (0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                mean = alike[np.ix_(groups[a], groups[b])].mean()
                if mean > best:
                    best, pair = mean, (a, b)
        if best < threshold:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups.pop(b))
    return sorted(groups, key=lambda g: g[0])


@pytest.mark.parametrize("seed", range(6))
def test_average_link_joins_as_its_definition_says(seed: int) -> None:
    """The heap keeps only what a join touched up to date and checks the rest when it comes
    up: the groups are those of the plain, quadratic definition."""
    rng = np.random.default_rng(seed)
    size = 40
    stories = rng.integers(0, 6, size)
    alike = np.where(stories[:, None] == stories[None, :], 0.3, 0.02) * rng.random((size, size))
    alike[rng.random((size, size)) < 0.5] = 0.0  # missing pairs count 0
    alike = np.triu(alike, 1)
    alike = alike + alike.T
    found = average_link(sparse.csr_matrix(alike), threshold=0.05)
    assert found == _naive_average_link(alike, 0.05)
    assert 1 < len(found) < size  # something was joined, and not everything


def test_each_article_goes_to_its_closest_story_lowest_numbered_on_a_tie() -> None:
    row = np.array([0, 0, 0, 1, 1, 2, 3, 3], dtype=np.int64)
    col = np.array([4, 2, 7, 1, 3, 5, 6, 0], dtype=np.int64)
    cosine = np.array([0.5, 0.5, 0.1, 0.2, 0.3, 0.0, 0.4, 0.4])
    rows, best, group = _best_per_row(row[::-1].copy(), col[::-1].copy(), cosine[::-1].copy())
    assert rows.tolist() == [0, 1, 2, 3]
    assert best.tolist() == [0.5, 0.3, 0.0, 0.4]
    assert group.tolist() == [2, 3, 5, 0]


def test_working_in_blocks_of_rows_changes_no_neighbour_and_no_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A large day's similarities are worked out a block of rows at a time; blocks of three
    rows give the same neighbours and the same settled groups as one block."""
    vectors = _story_and_a_side(MOSTLY)
    groups = [list(range(MOSTLY)), [MOSTLY]]
    near = neighbours(vectors)
    whole = settle(vectors, groups, near)
    monkeypatch.setattr(grouping, "BLOCK", 3)
    monkeypatch.setattr(settling, "PAIRS", 3)
    assert (neighbours(vectors) != near).nnz == 0
    assert settle(vectors, groups, near) == whole
