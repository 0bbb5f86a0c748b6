"""The day's stories, titled, largest first; and whether the day is one story or several.

A story is ranked by how many distinct outlets carry it, then how many articles, then how
recent its newest article is: what a desk asks first is what everyone is reporting. Its
title is the first usable headline of its articles, the most central first (the one closest
to the rest of the story; ``headlines.story_title``); a story with no such headline is named
by its central article's title all the same, which cleaning always gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from summarizer.cleaning.cleaner import renumber
from summarizer.errors import InputError
from summarizer.models import Article, Story
from summarizer.stories.apart import Apart
from summarizer.stories.grouping import centrality, cohesion, group_articles, group_sums
from summarizer.stories.headlines import story_title
from summarizer.stories.vectors import (
    FloatArray,
    plain_vectors,
    short_items,
    story_vectors,
    term_counts,
)
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import content_terms

STORY_TERMS = 12  # telling terms kept per story
# A day whose groups are this alike across as within (``grouping.cohesion``) is one story,
# told in parts: a topic followed over months, features on its sides. Of the DUC 2006
# clusters alone, 46 are one group or at 0.56 or more (the other 4: a main story and strays,
# which ``ONE_STORY_SHARE`` catches); two of its topics together (25 days) are at 0.54 or
# less; the 50-topic day at 0.32 (benchmarks/stories_eval.py).
ONE_STORY = 0.56
# A day is also one story when its largest story holds this share of the articles: the rest
# are strays (an aside, a feature), not a second story that needs its own section. And a day
# of short items, each a story of its own, when one name is in this share of them: seven wire
# lines on "Dalmen"'s earthquake, whose shared words weigh nothing in the story vectors of a
# day of that story alone (a feed's day of 40 AG News items: no name in more than a few).
ONE_STORY_SHARE = 0.6


def find_stories(articles: Sequence[Article]) -> tuple[Story, ...]:
    """The stories the articles tell, largest first (outlets, articles, newest date): one
    story holding them all when the day is one story in parts (``ONE_STORY``)."""
    counts, vocab = term_counts(articles)
    vectors = story_vectors(counts)
    short = short_items(articles, counts, vocab)
    groups = group_articles(vectors, short, Apart(articles))
    if len(groups) > 1 and _one_story(plain_vectors(counts), groups, short.names):
        groups = [list(range(len(articles)))]
    sums = group_sums(vectors, groups)
    closeness = centrality(vectors, sums, groups)
    stories = [
        _story([articles[i] for i in rows], closeness[n], _terms(sums, n, vocab))
        for n, rows in enumerate(groups)
    ]
    return tuple(sorted(stories, key=_rank))


def _one_story(plain: sparse.csr_matrix, groups: list[list[int]], names: sparse.csr_matrix) -> bool:
    """Whether the groups are parts of one story: as alike across as within (``cohesion``);
    or, each of one article (``cohesion`` has no pair within to compare with), one name
    written in ``ONE_STORY_SHARE`` of them (``names``: the short items' names)."""
    if all(len(group) == 1 for group in groups):
        written = np.bincount(names.indices, minlength=names.shape[1])
        return bool(written.size) and int(written.max()) >= ONE_STORY_SHARE * len(groups)
    return cohesion(plain, groups) >= ONE_STORY


def is_one_story(stories: Sequence[Story]) -> bool:
    """Whether the day is one story (and so keeps its themed brief): ``find_stories`` found
    one, or its largest holds ``ONE_STORY_SHARE`` of the articles."""
    sizes = [len(s.articles) for s in stories]
    return len(sizes) < 2 or max(sizes) >= ONE_STORY_SHARE * sum(sizes)


def matching(stories: Sequence[Story], words: str) -> Story | None:
    """The story whose telling terms best match ``words`` (a tie: the larger story, which
    comes first); None when none has any of them. A word of the story's title counts as its
    best term does: the title is what ``brief stories`` shows, and a word all the story's
    articles share ("Ukraine" on a day of one story) tells it from none of them."""
    wanted = set(content_terms(words))
    best: tuple[float, Story] | None = None
    for story in stories:
        weight = sum(1.0 / (1 + i) for i, t in enumerate(story.terms) if t in wanted)
        weight += len(wanted & set(content_terms(story.title)))
        if weight > 0 and (best is None or weight > best[0]):
            best = (weight, story)
    return best[1] if best else None


def story_articles(articles: Sequence[Article], words: str) -> tuple[Article, ...]:
    """The articles of the day's story that ``words`` match best (``build --story``),
    renumbered; ``InputError`` when no story matches."""
    stories = find_stories(articles)
    chosen = matching(stories, words)
    if chosen is None:
        told = "story is" if len(stories) == 1 else "stories are"
        raise InputError(
            f"no story matches '{words}': the day's {len(stories)} {told} listed by brief stories"
        )
    keep = set(chosen.articles)
    return tuple(renumber(a for a in articles if a.id in keep))


def _story(members: list[Article], closeness: FloatArray, terms: tuple[str, ...]) -> Story:
    """A group of articles as a story: the most central first (``closeness``, in the
    members' order), its title, outlets, dates and telling terms."""
    order = sorted(range(len(members)), key=lambda i: (-closeness[i], members[i].id))
    ranked = [members[i] for i in order]
    dates = [a.date for a in ranked if a.date is not None]
    return Story(
        title=story_title(ranked),
        articles=tuple(a.id for a in ranked),
        outlets=tuple(dict.fromkeys(a.outlet for a in ranked)),
        first=min(dates, default=None),
        last=max(dates, default=None),
        terms=terms,
    )


def _terms(sums: sparse.csr_matrix, number: int, vocab: list[str]) -> tuple[str, ...]:
    """The heaviest terms of story ``number``'s summed vectors (``sums``; ties: the first
    seen in the day)."""
    span = slice(sums.indptr[number], sums.indptr[number + 1])
    found, weight = sums.indices[span], sums.data[span]
    best = found[np.lexsort((found, -weight))][:STORY_TERMS]
    return tuple(vocab[i] for i in best.tolist())


def standing(story: Story) -> tuple[int, int, int]:
    """How far up the day's stories a story is, as a sort key: most outlets, most articles,
    newest (ties left open)."""
    newest = -(story.last or dt.date.min).toordinal()
    return (-len(story.outlets), -len(story.articles), newest)


def _rank(story: Story) -> tuple[int, int, int, int]:
    """Sort key: ``standing``, then the day's order."""
    return (*standing(story), min(story.articles))
