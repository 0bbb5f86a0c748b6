"""Concepts: word pairs, worth more the more articles carry them and the earlier they do."""

from __future__ import annotations

from summarizer.concepts import SINGLE_ARTICLE, WEIGHT_POWER, ConceptModel, concepts, weigh
from summarizer.models import Sentence


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


def test_the_matrix_finds_the_models_concepts_in_any_text() -> None:
    model, matrix = weigh([Sentence(0, 0, "Rescue crews reached the valley."), Sentence(1, 0, "x")])
    assert matrix.shape == (2, len(model.index))
    again = model.matrix(["Rescue crews reached the valley.", "Nothing known here."])
    assert (again[0] != matrix[0]).nnz == 0
    assert again[1].nnz == 0
    assert list(model.value(["Rescue crews reached the valley."])) == [matrix[0] @ model.weights]
