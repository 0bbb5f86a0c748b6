"""Timing: whether a sentence tells of something still to come, and the day it falls due."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.text.timing import day_bound, due, expects

MONDAY = dt.date(2025, 6, 23)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate is expected to vote on the bill Friday.",
        "The ministry will release the report on Thursday.",
        "The governor plans to sign the measure next week.",
        "The student remains in critical condition at a Denver hospital.",
        "The injured climber is in a coma.",
        "Final arguments are scheduled for Feb. 22.",
    ],
)
def test_future_expected_and_lasting_states_are_open(text: str) -> None:
    assert expects(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Senate voted 52-48 on Friday to pass the bill.",
        "“We will win this vote on Friday,” the senator said.",  # the speaker's, quoted
        "The minister said the mine would go ahead anyway.",  # reported words
        "Xi'an, the city that will be the president's first stop, saw protests on Wednesday.",
        "His best moment may have been Monday night, when he addressed donors.",  # the past
        "The lawyer could not be reached for comment on Wednesday.",
    ],
)
def test_settled_quoted_reported_or_subordinate_statements_are_not_open(text: str) -> None:
    assert not expects(text)


def test_a_reported_expectation_counts_when_asked_for() -> None:
    assert expects("The minister said the mine would go ahead anyway.", reported=True)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The vote is expected Friday.", dt.date(2025, 6, 27)),
        ("The vote is expected Monday.", MONDAY),  # the day it was written
        ("Talks will resume next week.", dt.date(2025, 7, 6)),  # the latest day it can mean
        ("The report will be released in May.", dt.date(2026, 5, 31)),  # May is past: next year
        ("Arguments are scheduled for Feb. 22.", dt.date(2026, 2, 22)),
        ("The euro will be launched on January 1, 2027.", dt.date(2027, 1, 1)),
        ("The plant will open later this year.", dt.date(2025, 12, 31)),
        ("The judge is to rule tomorrow.", dt.date(2025, 6, 24)),
        ("The audit will be released Thursday.", dt.date(2025, 6, 26)),  # passive, not said
    ],
)
def test_the_due_day_is_read_forward_from_the_articles_date(text: str, day: dt.date) -> None:
    assert due(text, MONDAY) == day


@pytest.mark.parametrize(
    "text",
    [
        "The notes would be printed from 1999, the central bank announced Friday.",  # attribution
        "Rates are expected to rise, a study released June 1 said.",  # a past day
        "New software may help schools avert shootings like the one earlier this year.",
        "Merck will play catch-up to Celebrex, which won approval on Dec. 31.",  # another clause
        "The bill would nullify an order issued in May.",  # a past participle's time
        "Cities may face flooding, the Sunday Times reported.",  # a newspaper, not a day
        "The sites could be damaged by the mine, a U.N. committee was told Wednesday.",
        "Prices will keep rising.",  # no day at all
        "Prices will fall back to where they were in 2019.",  # a day before the article
        "The Senate voted on Friday.",  # no expectation
    ],
)
def test_times_outside_the_expectations_clause_are_not_its_due_day(text: str) -> None:
    assert due(text, MONDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "The vote is today.",
        "He was arrested on Monday night.",
        "Earlier this week the court ruled against the company.",
        "Tomorrow the ministers meet in Brussels.",
        "Rescuers worked through last night in the rubble.",
        # counted from the day it was written: wrong under a later date
        "At the Madrid summit last December, the leaders named the currency the euro.",
        "The board stunned parents two weeks ago by dropping evolution from the standards.",
        "Sales rose 4 percent this year, the company said.",
        "On Tuesday Prime Minister Tony Blair said Iran had only days to free the sailors.",
    ],
)
def test_a_statement_placed_by_its_own_day_is_day_bound(text: str) -> None:
    assert day_bound(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Sunday Times printed the letter in full.",
        '"We will vote today," the senator said.',
        "The bank's profit rose 5 percent in 1999.",
        "The treaty was signed on June 4, 1998.",
        "The last December summit of the decade was held in Helsinki in 1999.",
        "The company was founded 40 years before the merger.",
    ],
)
def test_a_name_a_quotation_or_a_calendar_date_is_not_day_bound(text: str) -> None:
    assert not day_bound(text)
