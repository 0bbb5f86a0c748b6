"""News value: an event told ranks above filler, however the sentence is capitalised."""

from __future__ import annotations

import pytest

from summarizer.text.value import FLOOR, PLAIN, news_value


@pytest.mark.parametrize(
    "text",
    [
        "Russian missiles killed 17 people in Dnipro on Tuesday.",
        "RUSSIAN MISSILES KILLED 17 PEOPLE IN DNIPRO ON TUESDAY.",
        "Killed on Tuesday: Hundreds of soldiers, the ministry said.",
    ],
)
def test_an_event_with_its_day_and_figure_is_worth_most(text: str) -> None:
    assert news_value(text) == 1.0


@pytest.mark.parametrize(
    ("text", "below"),
    [
        ("He Was Born In 1952 and studied law in Lviv.", PLAIN),
        ("The company DECLINED TO COMMENT on the report.", PLAIN),
        ("I Think it is a good plan for everyone here.", PLAIN),
        ("What a day for the city!", PLAIN),
        ("“This is the best plan we have ever seen,” he said.", PLAIN),
        # a definition: what a thing is, not what happened to it
        ("Malaria is a parasitic infection of the blood.", PLAIN),
        ("ABA is an intensive, one-on-one form of therapy for children.", PLAIN),
        ("The Kuiper belt is one of the largest structures in the solar system.", PLAIN),
    ],
)
def test_filler_is_worth_less_than_a_plain_statement(text: str, below: float) -> None:
    assert FLOOR <= news_value(text) < below


def test_a_plain_statement_is_plain() -> None:
    assert news_value("The alliance has thirty-two members across Europe and America.") == PLAIN


def test_a_report_that_uses_is_a_is_no_definition() -> None:
    plain = news_value("The alliance has thirty-two members across Europe and America.")
    assert news_value("Officials said the fire is a threat to 300 homes in the valley.") >= plain
