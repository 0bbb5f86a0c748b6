"""Credits and disagreements only where true: an outlet is credited for an item only when its
own sentence states the same fact, and named as disagreeing only over a figure that counts
the same thing."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.merging.redundancy import merge
from summarizer.models import Article, Sentence

DAY = dt.date(2025, 3, 4)


def _article(i: int, outlet: str) -> Article:
    return Article(i, f"{i}.txt", outlet, f"Title {i}", DAY, None, ("x",), None)


def _outlets(names: list[str]) -> dict[int, Article]:
    return {i: _article(i, name) for i, name in enumerate(names)}


def _credited(sents: list[Sentence], scores: list[float], outlets: list[str]) -> list[str]:
    """The outlets credited for the first sentence's item, one article per outlet."""
    items = merge(sents, scores, _outlets(outlets))
    shown = next(it for it in items if it.text == sents[0].text)
    return [s.name for s in shown.sources]


@pytest.mark.parametrize(
    ("item", "other"),
    [
        pytest.param(
            "Harbour Board chief Dana Whitfield approved the new ferry terminal budget.",
            "Which is welcome news for Harbour Board chief Dana Whitfield.",
            id="sharing only the names",
        ),
        pytest.param(
            "An inquiry ordered by the justice minister into how police handled the case of Mara"
            " Lind, 19, stabbed at a tram stop in Eastport in 2011, found officers ignored"
            " witnesses.",
            "Mara Lind, 19, was stabbed by two men while waiting for a tram in Eastport in 2011.",
            id="one detail of a longer item",
        ),
        pytest.param(
            "Brewer granted a 30-day reprieve for Tomas Reilly in June, his only one as governor.",
            "As governor, Brewer's only independent authority is to grant a 30-day reprieve.",
            id="not said of the person",
        ),
    ],
)
def test_a_sentence_that_does_not_state_the_item_is_not_credited(item: str, other: str) -> None:
    sents = [Sentence(0, 0, item), Sentence(1, 0, other)]
    assert _credited(sents, [0.9, 0.4], ["Capitol Wire", "Valley Times"]) == ["Capitol Wire"]


def test_a_person_named_by_surname_alone_must_be_named_by_the_credited_sentence() -> None:
    item = "Brewer granted a 30-day reprieve for Reilly in June, his only one as governor."
    general = "As governor, Brewer's only independent authority is to grant a 30-day reprieve."
    copy = "Brewer granted Reilly a 30-day reprieve in June, his only one as governor."
    named = Sentence(0, 0, item, names=(("Reilly", "Tomas"), ("agency", "Parole")))
    sents = [named, Sentence(1, 0, general), Sentence(2, 0, copy)]
    assert _credited(sents, [0.9, 0.4, 0.5], ["Capitol Wire", "Valley Times", "Metro"]) == [
        "Capitol Wire",
        "Metro",
    ]


def test_an_outlet_stating_the_same_fact_in_other_words_is_still_credited() -> None:
    item = "All 96 passengers and four crew on the ferry were rescued by the coast guard."
    other = "The coast guard rescued four crew and all 96 passengers from the ferry."
    sents = [Sentence(0, 0, item), Sentence(1, 0, other)]
    [merged] = merge(sents, [0.9, 0.8], _outlets(["Coast Post", "Bay Wire"]))
    assert [s.name for s in merged.sources] == ["Coast Post", "Bay Wire"]


def test_a_figure_that_counts_the_same_thing_is_shown_as_a_disagreement() -> None:
    forty = "The fire destroyed 40 homes in the hill village of Millbrook, the mayor said."
    fifty = "The fire destroyed 55 homes in the hill village of Millbrook, the mayor said."
    sents = [Sentence(0, 0, forty), Sentence(1, 0, forty), Sentence(2, 0, fifty)]
    [item] = merge(sents, [0.9, 0.9, 0.5], _outlets(["A", "B", "C"]))
    assert [(d.name, d.figure) for d in item.disagreements] == [("C", "55")]


def test_figures_for_another_day_are_not_a_disagreement() -> None:
    monday = "The fire destroyed 40 homes in the hill village of Millbrook on Monday."
    tuesday = "The fire destroyed 55 homes in the hill village of Millbrook on Tuesday."
    sents = [Sentence(0, 0, monday), Sentence(1, 0, monday), Sentence(2, 0, tuesday)]
    items = merge(sents, [0.9, 0.9, 0.5], _outlets(["A", "B", "C"]))
    assert all(item.disagreements == () for item in items)
    assert all("C" not in [s.name for s in item.sources] for item in items if item.text == monday)


def test_figures_that_count_different_things_are_not_a_disagreement() -> None:
    infected = "Tests showed six more crows found dead in the county were infected with the virus."
    tested = "Tests showed the county bird was one of 120 crows tested for the virus."
    sents = [Sentence(0, 0, infected), Sentence(1, 0, infected), Sentence(2, 0, tested)]
    items = merge(sents, [0.9, 0.9, 0.5], _outlets(["A", "B", "C"]))
    assert all(item.disagreements == () for item in items)


def test_two_quotes_of_one_speaker_are_not_one_fact() -> None:
    item = (
        "“The terminal doubles our service,” said Dana Whitfield, executive director of the"
        " regional harbour and ferry planning board, at a public hearing on the budget."
    )
    other = (
        "“We listened to every neighbour first,” said Dana Whitfield, executive director of"
        " the regional harbour and ferry planning board, at a public hearing on the budget."
    )
    sents = [Sentence(0, 0, item), Sentence(1, 0, other)]
    items = merge(sents, [0.9, 0.8], _outlets(["Coast Post", "Bay Wire"]))
    assert [[s.name for s in it.sources] for it in items] == [["Coast Post"], ["Bay Wire"]]
