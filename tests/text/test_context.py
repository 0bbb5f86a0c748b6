"""What a sentence needs from the sentences before it (``text/context.py``)."""

from __future__ import annotations

import pytest

from summarizer.text.context import opens_on_what_came_before, points_elsewhere, unnamed_speaker
from summarizer.text.quotes import outside_quotations


def _opens(text: str) -> bool:
    return opens_on_what_came_before(text, outside_quotations(text), text.casefold())


def _points(text: str) -> bool:
    outside = outside_quotations(text)
    return bool(points_elsewhere(text, outside, outside.casefold()))


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("For example, the El Nino of 1997 was not foreseen.", True),
        ("The FDA steers clear of such remedies.", True),
        ("Supplements such as glucosamine sell without a prescription.", False),
        ("The fund pays those injured in the blast.", False),
        ("The council rejected those proposals on Monday.", True),
        ("The first two, Piccard and Jones, completed the trip last March.", True),
        ("The remaining three were freed on Monday after a week in custody.", True),
        ("The first two women to fly the route landed in Cairo on Monday.", False),
        ("The first is the preamble, which is non binding.", True),
        ("The first flight left Cairo on Monday.", False),
        ("Other African-American educators believe students lose something at home.", True),
        ("Some, like the Shaws, say the public school system is failing children.", True),
        ("Some 26,000 survivors of the quake are living in tent cities.", False),
        ("The 112 were among 130 who entered a machinery compound at dawn.", True),
        ("The 112 passengers were freed on Monday.", False),
        ("Of these 130, 20 “locked on” to machinery in the compound.", True),
        ("The council approved the harbour budget on Monday.", False),
    ],
)
def test_an_opener_or_a_reference_that_leans_on_the_sentence_before(text: str, leans: bool) -> None:
    assert _opens(text) is leans


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("Lightning was visible there before dawn.", True),
        ("Analysts said there always seemed to be buyers for the ticket.", False),
        ("Ocean City Mayor Henry Knight said the measure there will be dropped.", False),
        ("“Nobody lives there any more,” Mayor Ruth Adler said of the village.", False),
        ("The USGS, however, put the quake's magnitude at 8.8.", True),
        ("More than 80 percent of the subjects, for instance, also have a seizure disorder.", True),
        ("Only if the damage is not too severe by then could the business relax.", True),
        ("Prices have doubled since then, the ministry said.", True),
        ("The rebels then seized the airport on Monday.", False),
        ("Sims agreed: “If you are defending a capital case, you hire the best.”", True),
        ("Joe Sims disagreed, saying the fees were modest.", True),
        ("The two sides agreed on a ceasefire on Monday.", False),
        ("Sims agreed to a $104,000 salary in March.", False),
    ],
)
def test_words_inside_a_sentence_that_point_at_what_came_before(text: str, leans: bool) -> None:
    assert _points(text) is leans


def test_a_quotation_whose_speaker_is_only_he() -> None:
    said = "“We kept every promise,” he said."
    assert unnamed_speaker(outside_quotations(said), outside_quotations(said).casefold())
    named = "“We kept every promise,” Mayor Ruth Adler said, and he said it twice."
    assert not unnamed_speaker(outside_quotations(named), outside_quotations(named).casefold())
