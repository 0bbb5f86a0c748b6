"""Words as numbers and counts: the one numbering the concepts, the merging candidates and
the count matrices share."""

from __future__ import annotations

import re

import pytest

from summarizer.text.words import (
    content_terms,
    count_matrix,
    numbered,
    numbered_words,
    passing_terms,
    term_tuple,
    word_tokens,
    word_tuple,
    words,
)


def test_the_tuples_are_the_words_and_terms() -> None:
    text = "Prices rose 5% as the “defence” bill’s five per cent levy passed."
    assert list(word_tuple(text)) == words(text)
    assert list(term_tuple(text)) == content_terms(text)
    assert "percent" in words(text) and words(text).count("percent") == 2


def test_tokens_are_numbered_as_they_first_appear() -> None:
    ids, sizes, tokens = numbered([["talks", "resume", "talks"], [], ["resume", "today"]])
    assert ids.tolist() == [0, 1, 0, 1, 2]
    assert sizes.tolist() == [3, 0, 2]
    assert tokens == ["talks", "resume", "today"]


def test_texts_read_in_passing_give_the_words_and_terms_the_caches_give() -> None:
    """Ranking numbers every sentence's words, story detection every paragraph's terms,
    each read once and kept in no cache: the same words and terms."""
    texts = ["Prices rose 5% as the “defence” bill passed.", "", "Talks resume; talks end."]
    ids, sizes, tokens = numbered_words(texts)
    expected = numbered([words(t) for t in texts])
    assert (ids.tolist(), sizes.tolist(), tokens) == (
        expected[0].tolist(), expected[1].tolist(), expected[2],
    )  # fmt: skip
    assert [passing_terms(t) for t in texts] == [content_terms(t) for t in texts]


def test_a_count_matrix_counts_each_token_of_each_list() -> None:
    matrix, vocab = count_matrix([["talks", "resume", "talks"], [], ["resume", "today"]])
    assert vocab == {"talks": 0, "resume": 1, "today": 2}
    assert matrix.toarray().tolist() == [[2, 1, 0], [0, 0, 0], [0, 1, 1]]


@pytest.mark.parametrize(
    "text",
    [
        "Rock'n'roll's 'best' year: 1,250 fans_at O''Hare, 5% up.",
        "The café’s “best” year: Zoë's 1999\x1ctour, ２０ fans.",
        "Plain ASCII with no apostrophe, tabs\tand_underscores; twenty-one.",
        "",
    ],
)
def test_word_tokens_are_the_words_pattern(text: str) -> None:
    """The quick split gives what the pattern finds, as written (not lowercased)."""
    assert word_tokens(text) == re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)
