"""Concepts: word pairs, worth more the more articles carry them and the earlier they do."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.models import Sentence
from summarizer.ranking import concepts as concepts_module
from summarizer.ranking.concepts import (
    SINGLE_ARTICLE,
    WEIGHT_POWER,
    ConceptModel,
    concepts,
    lead_agreement,
    weigh,
)


def test_concepts_are_adjacent_pairs_not_both_stop_words() -> None:
    found = concepts("The missile strikes killed 17 people in the city of Dnipro.")
    assert "missil strike" in found and "kill 17" in found
    assert "the missil" in found and "of dnipro" in found  # one stop word is fine
    assert "in the" not in found  # two stop words say nothing
    assert all(len(c.split()) == 2 for c in found)
    assert len(found) == len(set(found))


def test_spelling_variants_and_number_words_are_one_concept() -> None:
    assert "5 percent" in concepts("Allies agreed to five percent of GDP.")
    assert "5 percent" in concepts("Allies agreed to 5% of GDP.")
    assert concepts("defence spending") == concepts("defense spending")


def _weight(built: tuple[ConceptModel, object], concept: str) -> float:
    model = built[0]
    return float(model.weights[model.index[concept]])


def test_more_articles_and_earlier_positions_weigh_more() -> None:
    lead = "Volcanic ash grounded flights across the islands."
    sentences = [
        Sentence(0, 0, lead),
        Sentence(1, 0, lead),
        Sentence(2, 3, "Ferry operators added crossings as volcanic ash spread."),
        Sentence(0, 1, "Hotels near the airport filled with stranded travellers."),
        Sentence(1, 5, "Hotels near the airport filled with stranded travellers."),
    ]
    built = weigh(sentences)
    # Three articles carry "volcan ash", two of them in the lead: (1 + 1 + 1/2) ** 2.
    assert abs(_weight(built, "volcan ash") - 2.5**WEIGHT_POWER) < 1e-9
    # Two articles carry "stranded travellers", later on: less than the lead's pair.
    assert _weight(built, "strand travel") < _weight(built, "ash ground")
    # One article alone: weighed down, so what outlets share comes first.
    lone = weigh([Sentence(2, 3, "Ferry operators added crossings as volcanic ash spread.")])
    assert abs(_weight(lone, "ferri oper") - SINGLE_ARTICLE * 0.5**WEIGHT_POWER) < 1e-12


def test_an_article_that_returns_to_a_fact_gives_it_more_weight() -> None:
    day = [
        Sentence(0, 0, "Volcanic ash grounded flights across the islands."),
        Sentence(1, 0, "Volcanic ash grounded flights across the islands."),
        Sentence(0, 1, "Ferry operators added crossings to the mainland."),
        Sentence(1, 1, "Ferry operators added crossings to the mainland."),
    ]
    again = [*day, Sentence(0, 2, "Ferry operators added crossings to the north as well.")]
    once, twice = weigh(day), weigh(again)
    # Article 0 now carries "ferri oper" in two sentences: sqrt(2) instead of 1 from it.
    assert _weight(twice, "ferri oper") > _weight(once, "ferri oper")
    assert _weight(twice, "ash ground") == _weight(once, "ash ground")


# Three articles on one event (the leads say the same thing) and three features that each
# open on an anecdote before reaching the same story in their second sentence.
EVENT = [
    Sentence(a, p, text)
    for a in range(3)
    for p, text in enumerate(
        [
            "The dam on the upper river burst after a week of heavy rain.",
            "Rescue teams evacuated villages below the burst dam overnight.",
        ]
    )
]
FEATURES = [
    Sentence(a, p, text)
    for a, opening in enumerate(
        [
            "Maria keeps her grandmother's photographs in a tin box.",
            "The baker on Mill Street lights his oven at four.",
            "Every spring the swallows return to the old school roof.",
        ]
    )
    for p, text in enumerate(
        [opening, "The dam on the upper river burst after a week of heavy rain."]
    )
]


def test_leads_that_report_one_event_agree_and_anecdotes_do_not() -> None:
    assert lead_agreement(EVENT) == 1.0
    assert lead_agreement(FEATURES) == 0.0
    assert lead_agreement(EVENT[:2]) == 1.0  # one article: nothing to compare, full prior


def test_position_counts_less_when_the_leads_disagree() -> None:
    model, _ = weigh(FEATURES)
    # "dam burst" is in every article's second sentence; on an anecdote-led day that costs it
    # nothing against a lead-only pair, which it would on a day whose leads are the news.
    late = model.carried[model.index["upper river"]]
    assert abs(late - 3.0) < 1e-9  # three articles, position ignored
    event, _ = weigh(EVENT)
    assert event.carried[event.index["rescu team"]] < 3.0  # position 1 of three articles


def test_a_large_day_compares_a_sample_that_stands_for_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    story = "The dam on the upper river burst after a week of heavy rain."
    day = []
    for a in range(600):  # every third article opens on an anecdote of its own
        lead = f"Villager{a} keeps box{a} of photo{a} near door{a}." if a % 3 == 0 else story
        day += [Sentence(a, 0, lead), Sentence(a, 1, story)]
    sampled = lead_agreement(day)
    assert lead_agreement(list(reversed(day))) == sampled  # the same day, the same sample
    monkeypatch.setattr(concepts_module, "AGREEMENT_SAMPLE", 1_000)
    assert abs(sampled - lead_agreement(day)) < 0.05
    assert 0.3 < sampled < 0.7  # between a one-event day (1.0) and an anecdote-led one (0.0)


def test_the_matrix_finds_the_models_concepts_in_any_text() -> None:
    model, matrix = weigh([Sentence(0, 0, "Rescue crews reached the valley."), Sentence(1, 0, "x")])
    assert matrix.shape == (2, len(model.index))
    again = model.matrix(["Rescue crews reached the valley.", "Nothing known here."])
    assert (again[0] != matrix[0]).nnz == 0
    assert again[1].nnz == 0
    assert list(model.value(["Rescue crews reached the valley."])) == [matrix[0] @ model.weights]


def test_the_day_s_matrix_holds_each_sentence_s_concepts() -> None:
    """``weigh`` finds all sentences' concepts at once; each row must be that sentence's
    ``concepts``, and the columns the concepts in the order the day first has them."""
    texts = [
        "The missile strikes killed 17 people in the city of Dnipro.",
        "Five percent of GDP, the allies agreed; the defence budget grows.",
        "Missile strikes killed 17 people in Dnipro, officials said.",
        "In the city of Dnipro the strikes went on.",
        "",
    ]
    sentences = [Sentence(i % 2, i, text) for i, text in enumerate(texts)]
    model, matrix = weigh(sentences)
    first_seen = list(dict.fromkeys(c for text in texts for c in concepts(text)))
    assert list(model.index) == first_seen
    names = {i: c for c, i in model.index.items()}
    for row, text in enumerate(texts):
        found = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]]
        assert sorted(names[int(c)] for c in found) == sorted(concepts(text))


def test_numbering_in_first_seen_order_is_np_unique_s_on_any_codes() -> None:
    """Small codes go by one sort of values, codes too large to share 63 bits with their
    index by ``np.unique``: both number the same."""
    rng = np.random.default_rng(3)
    for size in (0, 1, 7, 500):
        codes = rng.integers(0, 40, size)
        distinct, index, inverse = np.unique(codes, return_index=True, return_inverse=True)
        order = np.argsort(index, kind="stable")
        column = np.empty(len(distinct), dtype=np.int64)
        column[order] = np.arange(len(distinct))
        for shift in (0, 2**61):
            found, numbered = concepts_module._numbered_as_seen(codes + shift)
            assert list(found - shift) == list(distinct[order])
            assert list(numbered) == list(column[inverse])


def test_first_occurrences_are_np_unique_s() -> None:
    rng = np.random.default_rng(4)
    for size in (0, 1, 9, 400):
        keys = rng.integers(0, size // 2 + 1, size)
        expected = np.sort(np.unique(keys, return_index=True)[1])
        assert list(concepts_module._first_of_each(keys)) == list(expected)
    assert list(concepts_module._first_of_each(np.arange(5))) == [0, 1, 2, 3, 4]


def test_articles_concepts_and_positions_sort_the_same_however_large() -> None:
    """One sort of packed values where the three fit in 63 bits, ``np.lexsort`` where not."""
    rng = np.random.default_rng(5)
    article, concept, position = (rng.integers(0, 6, 300) for _ in range(3))
    small = concepts_module._by_article([article, concept, position], 6)
    large = concepts_module._by_article([article + 2**40, concept, position], 2**30)
    order = np.lexsort((position, concept, article))
    for found in (small, (large[0] - 2**40, large[1], large[2])):
        assert [list(a) for a in found] == [
            list(article[order]),
            list(concept[order]),
            list(position[order]),
        ]
