"""News value: an event told ranks above filler, however the sentence is capitalised."""

from __future__ import annotations

import re

import pytest

from summarizer.text import value
from summarizer.text.value import FLOOR, PLAIN, grave, lives, news_value, public, spoken


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
        # history told as a pattern, not an event (reading 26)
        ("Beijing repeatedly has threatened to attack if Taiwan declares independence.", PLAIN),
        ("The two neighbours have argued over the border for decades.", PLAIN),
        ("In recent years, the harbour has lost most of its fishing fleet.", PLAIN),
        # what an event may mean: analysis (reading 25)
        ("The ruling may mean that printer makers stop using the law as a shield.", PLAIN),
    ],
)
def test_filler_is_worth_less_than_a_plain_statement(text: str, below: float) -> None:
    assert FLOOR <= news_value(text) < below


def test_a_plain_statement_is_plain() -> None:
    assert news_value("The alliance has thirty-two members across Europe and America.") == PLAIN


def test_a_report_that_uses_is_a_is_no_definition() -> None:
    plain = news_value("The alliance has thirty-two members across Europe and America.")
    assert news_value("Officials said the fire is a threat to 300 homes in the valley.") >= plain


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Troops killed 17.", True),
        ("Rates rose 5%, the bank said.", True),
        ("A killed_list and o'killed and won't.", True),  # "won" and "killed" as \w+ runs
        ("Its killed_list was read.", False),
        ("The café’s talks went on, per cent by per cent.", False),
        ("The café’s chef died.", True),
    ],
)
def test_an_outcome_verb_is_a_whole_word_of_the_sentence(text: str, found: bool) -> None:
    """Read from the sentence's words where they are the same runs, else from the runs."""
    assert value._outcome(text, text.lower()) is found
    assert found is bool({w.lower() for w in re.findall(r"\w+", text)} & value._OUTCOME)


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        (
            "“Climate change is coming at us much faster than habitats can handle,” Morgan said.",
            True,
        ),
        ("“We have a very strong case, and we will win it on appeal,” Bill Gates said.", True),
        ("“We lost 40 percent of the crop,” farmer Ann Lee said.", False),  # a figure
        ("Gates said the company would appeal the ruling “as soon as possible.”", False),
        ("The court ordered Microsoft split in two on Wednesday.", False),
    ],
)
def test_a_line_that_is_mostly_a_quotation_without_a_figure_is_voice(
    text: str, voice: bool
) -> None:
    assert spoken(text) is voice


@pytest.mark.parametrize(
    ("text", "lives"),
    [
        ("A passenger plane crashed on Sunday, killing all 54 people on board.", True),
        ("At least six people were killed in two car bombings in Baghdad.", True),
        ("Israeli troops mistakenly kill three Egyptian soldiers near the border.", True),
        ("Russia mourned hundreds of hostage deaths on Sunday.", True),
        ("Yasser Arafat, the Palestinian leader, died this morning in a Paris hospital.", True),
        ("The central bank raised its rate by 0.25 points on Tuesday.", False),
        ("The Dead Sea scrolls go on show in 2 cities this month.", False),  # no toll
        ("Shares in Vessa Air died down after Monday's rally.", False),  # no person's death
        ("The number of deaths from floods in Haiti has risen to 1,970, officials say.", True),
    ],
)
def test_a_toll_of_lives_is_grave(text: str, lives: bool) -> None:
    assert grave(text) is lives


@pytest.mark.parametrize(
    ("text", "affairs"),
    [
        ("Poland will reduce its forces in Iraq by 40 percent, the defence ministry said.", True),
        ("The UN Security Council called an emergency meeting on Monday.", True),
        ("Britain charged eight terror suspects on Tuesday with conspiracy to murder.", True),
        ("Brett Favre threw three touchdown passes as the Packers won 38-10.", False),
        ("Sun Microsystems posted a preview version of Java on Monday night.", False),
        ("Premier Wen Jiabao met the envoy in Beijing on Monday.", True),
        ("Crowds filled the stadium for the world's premier event for disabled athletes.", False),
        ("Lokomotiv Moscow won the Russian Premier League title with a 2-0 win.", False),
        # Reading 33 (AG News day 28): the day's gravest news, below a donation to a university.
        ("Norland declared that the violence in the east amounted to genocide.", True),
        ("The council urged the world to back an expanded peacekeeping force.", True),
    ],
)
def test_public_affairs_are_told_from_results_and_launches(text: str, affairs: bool) -> None:
    assert public(text) is affairs


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The number of deaths from floods in Haiti has risen to 1,970, officials say.", 1970),
        ("A passenger plane crashed on Sunday, killing all 54 people on board.", 54),
        ("Yasser Arafat, the Palestinian leader, died this morning in a Paris hospital.", 0),
        ("The central bank raised its rate by 0.25 points on Tuesday.", 0),
    ],
)
def test_the_lives_a_grave_line_counts_in_figures(text: str, count: int) -> None:
    assert lives(text) == count
