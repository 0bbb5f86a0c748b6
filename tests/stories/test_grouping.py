"""Grouping's parts on their own: settling strays back in their story, and the cohesion that
tells a story in parts from several stories."""

from __future__ import annotations

import dataclasses

from summarizer.stories.grouping import cohesion, settle
from summarizer.stories.vectors import plain_vectors, story_vectors, term_counts
from tests.stories.days import article, interleaved, numbered


def test_a_stray_settles_back_in_its_story() -> None:
    """antitrust-0 put in with the quake: it moves to the other antitrust articles."""
    day = numbered(
        [*(article("quake", n) for n in range(4)), *(article("antitrust", n) for n in range(4))]
    )
    vectors = story_vectors(term_counts(day)[0])
    settled = settle(vectors, [[0, 1, 2, 3, 4], [5, 6, 7]])
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
    assert settle(vectors, [[0, 1, 2, 3, 4]]) == [[0, 1, 2, 3], [4]]
