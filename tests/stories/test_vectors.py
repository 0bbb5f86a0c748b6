"""Story vectors: what an article's vector leaves out so that unrelated articles stay apart."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from scipy import sparse

from summarizer.models import Article
from summarizer.stories.detect import find_stories
from summarizer.stories.vectors import CONTACT_WORDS, article_terms, dots_at
from tests.stories.days import article, numbered

NOTE = (
    "For more information call Maria Delgado at the Pembroke Foundation press office, "
    "(202) 555-0147, or write to press@pembroke.org."
)
PLAIN = (
    "For more information ask Maria Delgado at the Pembroke Foundation press office, "
    "or write to the Pembroke Foundation."
)


def _day(note: str) -> list[Article]:
    """Three quake and three torch articles; the first of each ends with ``note``."""
    day = []
    for story in ("quake", "torch"):
        first = article(story, 0)
        day += [dataclasses.replace(first, paragraphs=(*first.paragraphs, note))]
        day += [article(story, n) for n in (1, 2)]
    return numbered(day)


def test_a_contact_paragraph_does_not_tie_two_stories() -> None:
    """The same press contact under a quake and a torch report: two stories. The same words
    without a phone number or address are shared text, and tie the day into one."""
    assert [sorted(s.articles) for s in find_stories(_day(NOTE))] == [[0, 1, 2], [3, 4, 5]]
    assert [sorted(s.articles) for s in find_stories(_day(PLAIN))] == [[0, 1, 2, 3, 4, 5]]


def test_an_article_run_into_one_paragraph_keeps_its_words_and_contact() -> None:
    """A paragraph longer than ``CONTACT_WORDS`` is an article's text run together (a wire's
    copy without breaks): a number in it does not take the article's words away."""
    text = " ".join(article("quake", 0).paragraphs * 4)
    assert len(text.split()) > CONTACT_WORDS
    whole = dataclasses.replace(article("quake", 0), paragraphs=(f"{text} {NOTE}",))
    assert {"izmit", "delgado"} <= set(article_terms(whole))
    noted = dataclasses.replace(article("quake", 0), paragraphs=(NOTE,))
    assert "delgado" not in article_terms(noted)


@pytest.mark.parametrize("at_once", [1, 4, 1000])
def test_dot_products_of_chosen_pairs_are_the_full_products_to_the_last_bit(at_once: int) -> None:
    """Settling compares each article with a few groups only (``dots_at``): its figures are
    those of the whole sparse product, bit for bit, so the stories do not change; each row
    stored in the order story vectors come in (columns descending)."""
    rng = np.random.default_rng(7)
    left = _descending(sparse.random(30, 200, density=0.3, random_state=rng, format="csr"))
    right = sparse.csr_matrix(sparse.random(12, 200, density=0.2, random_state=rng) * 3.0)
    whole = (left @ right.T).toarray()
    row, col = np.divmod(rng.permutation(30 * 12)[:200], 12)
    dots, meet = dots_at(left, right, (row, col), at_once)
    assert dots.tolist() == whole[row, col].tolist()
    assert meet.tolist() == (whole[row, col] > 0).tolist()


def _descending(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix with each row's entries stored from the highest column down."""
    matrix.sort_indices()
    for start, stop in itertools.pairwise(matrix.indptr):
        matrix.indices[start:stop] = matrix.indices[start:stop][::-1].copy()
        matrix.data[start:stop] = matrix.data[start:stop][::-1].copy()
    matrix.has_sorted_indices = False
    return matrix
