"""Sentence stage: identity by position, run-in headings, repairs, what may stand alone."""

from __future__ import annotations

import pytest

from summarizer.models import Article
from summarizer.sentences import is_standalone, repair, split_article


def _article(*paragraphs: str, article_id: int = 3) -> Article:
    return Article(article_id, "a.txt", "Outlet", "Title", None, None, tuple(paragraphs))


def test_sentences_are_numbered_by_article_and_position() -> None:
    sents = split_article(
        _article("The council met on Monday. It approved the budget.", "Rain fell all day.")
    )
    assert [(s.article, s.position, s.paragraph) for s in sents] == [
        (3, 0, 0),
        (3, 1, 0),
        (3, 2, 1),
    ]
    assert sents[0] != sents[1]


def test_identical_text_in_two_articles_stays_two_sentences() -> None:
    text = "The council approved the new harbour budget on Monday evening."
    [a] = split_article(_article(text, article_id=1))
    [b] = split_article(_article(text, article_id=2))
    assert a.text == b.text
    assert a != b
    assert len({a, b}) == 2


def test_a_run_in_sub_heading_is_removed() -> None:
    paragraph = (
        "The guarantees were discussed at length. Security Guarantees Under Discussion "
        "Significant attention is being directed towards security guarantees for the region."
    )
    texts = [s.text for s in split_article(_article(paragraph))]
    assert (
        texts[1]
        == "Significant attention is being directed towards security guarantees for the region."
    )


def test_names_and_titles_at_the_start_are_kept() -> None:
    paragraph = (
        "The chancellor spoke on Monday. German Chancellor Friedrich Merz indicated that "
        "the meeting is likely within two weeks."
    )
    texts = [s.text for s in split_article(_article(paragraph))]
    assert texts[1].startswith("German Chancellor Friedrich Merz indicated")


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("However, the council approved the plan.", "The council approved the plan."),
        ("In the meantime, Putin will not travel to Brazil.", "Putin will not travel to Brazil."),
        (
            "For its part, Ukraine is working to retake the region.",
            "Ukraine is working to retake the region.",
        ),
        ("But the council approved the plan.", "But the council approved the plan."),
    ],
)
def test_leading_connectives_are_dropped(text: str, fixed: str) -> None:
    assert repair(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "The council approved the new harbour budget on Monday.",
        "“We kept every promise,” the mayor said after the vote on Monday.",
        "12 people were injured when the roof of the station collapsed.",
        "On Putin, Rutte was blunt, “I don’t trust the guy,” he said, adding nothing more.",
        "The minister said he would resign if the harbour budget failed again.",
    ],
)
def test_standalone_sentences(text: str) -> None:
    assert is_standalone(text)


@pytest.mark.parametrize(
    "text",
    [
        "The war grinds on.",  # too short
        "He said the budget would be approved next week by the council.",  # dangling pronoun
        "This means the pressure is not yet hurting them enough, officials said.",
        "In summary, the remarks signal a complicated landscape for the talks.",
        "the council approved the new harbour budget on Monday.",  # lower-case start
        "The council approved the new harbour budget on Monday and",  # no end
        "Will the council approve the new harbour budget on Monday?",  # question
        "“The Russians declared they are not in the mood for a ceasefire.",  # half a quote
        "See Council_Approves_New_Budget for the full text of the decision.",
        "THE COUNCIL APPROVED THE NEW HARBOUR BUDGET ON MONDAY.",
        " ".join(["word"] * 75) + ".",  # run-on
        "Which is a good thing for the council and for the harbour budget.",  # fragment
        "“In some senses, this is not a surprise at all,” he said.",  # who is he?
        "Despite the achievements, too many are still without a doctor, she said.",
    ],
)
def test_sentences_that_cannot_stand_alone(text: str) -> None:
    assert not is_standalone(text)


def test_a_wrap_up_paragraph_is_never_shown() -> None:
    sents = split_article(
        _article(
            "The council approved the new harbour budget on Monday evening.",
            "In summary, the vote signals a new era for the harbour. Additionally, the impact "
            "of the storm continues to be felt across the city and its harbour district.",
        )
    )
    assert [s.eligible for s in sents] == [True, False, False]
