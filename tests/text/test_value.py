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
    ],
)
def test_filler_is_worth_less_than_a_plain_statement(text: str, below: float) -> None:
    assert FLOOR <= news_value(text) < below


def test_a_plain_statement_is_plain() -> None:
    assert news_value("The alliance has thirty-two members across Europe and America.") == PLAIN
