"""The day's stories, titled, largest first; and whether the day is one story or several.

A story is ranked by how many distinct outlets carry it, then how many articles, then how
recent its newest article is: what a desk asks first is what everyone is reporting. Its
title is the headline of its most central article (the one closest to the rest of the
story) that reads as a phrase, not a word; a story with no such headline is named by its
central article's headline all the same, which cleaning always gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from summarizer.models import Article, Story
from summarizer.stories.grouping import centrality, group_articles
from summarizer.stories.vectors import story_vectors
from summarizer.text.words import content_terms

TITLE_WORDS = 3  # a headline this short or longer reads as a phrase
STORY_TERMS = 12  # telling terms kept per story
# A day is one story when its largest story holds at least this share of its articles, or
# when no other story holds ``SECOND_SHARE``: a day of one story has stray articles (a
# feature, an aside), not a second story (tuned on the DUC and TAC clusters, each alone).
ONE_STORY_SHARE = 0.5
SECOND_SHARE = 0.2


def find_stories(articles: Sequence[Article]) -> tuple[Story, ...]:
    """The stories the articles tell, largest first (outlets, articles, newest date)."""
    vectors, vocab = story_vectors(articles)
    stories = [
        _story([articles[i] for i in rows], vectors, rows, vocab)
        for rows in group_articles(vectors)
    ]
    return tuple(sorted(stories, key=_rank))


def is_one_story(stories: Sequence[Story]) -> bool:
    """Whether the day is one story (and so keeps its themed brief): its largest story holds
    ``ONE_STORY_SHARE`` of the articles or no other story holds ``SECOND_SHARE``."""
    sizes = sorted((len(s.articles) for s in stories), reverse=True)
    if len(sizes) < 2:
        return True
    total = sum(sizes)
    return sizes[0] >= ONE_STORY_SHARE * total or sizes[1] < SECOND_SHARE * total


def matching(stories: Sequence[Story], words: str) -> Story | None:
    """The story whose telling terms best match ``words`` (a tie: the larger story, which
    comes first); None when none has any of them."""
    wanted = set(content_terms(words))
    best: tuple[float, Story] | None = None
    for story in stories:
        weight = sum(1.0 / (1 + i) for i, t in enumerate(story.terms) if t in wanted)
        if weight > 0 and (best is None or weight > best[0]):
            best = (weight, story)
    return best[1] if best else None


def _story(
    members: list[Article], vectors: sparse.csr_matrix, rows: list[int], vocab: list[str]
) -> Story:
    """A group of articles as a story: the most central first, its title, outlets, dates."""
    closeness = centrality(vectors, rows)
    order = sorted(range(len(rows)), key=lambda i: (-closeness[i], members[i].id))
    ranked = [members[i] for i in order]
    dates = [a.date for a in ranked if a.date is not None]
    return Story(
        title=_title(ranked),
        articles=tuple(a.id for a in ranked),
        outlets=tuple(dict.fromkeys(a.outlet for a in ranked)),
        first=min(dates, default=None),
        last=max(dates, default=None),
        terms=_terms(vectors, rows, vocab),
    )


def _title(ranked: Sequence[Article]) -> str:
    """The most central headline that reads as a phrase, else the most central one."""
    for article in ranked:
        title = " ".join(article.title.split())
        if len(title.split()) >= TITLE_WORDS:
            return title
    return " ".join(ranked[0].title.split())


def _terms(vectors: sparse.csr_matrix, rows: list[int], vocab: list[str]) -> tuple[str, ...]:
    """The heaviest terms of the story's summed vectors (ties: the first seen in the day)."""
    centre = np.asarray(vectors[rows].sum(axis=0), dtype=np.float64).ravel()
    found = np.flatnonzero(centre)
    best = found[np.lexsort((found, -centre[found]))][:STORY_TERMS]
    return tuple(vocab[i] for i in best.tolist())


def _rank(story: Story) -> tuple[int, int, int, int]:
    """Sort key: most outlets, most articles, newest, then the day's order."""
    newest = -(story.last or dt.date.min).toordinal()
    return (-len(story.outlets), -len(story.articles), newest, min(story.articles))
