"""Descriptions anywhere in a sentence that point back to what its article named."""

from __future__ import annotations

import pytest

from summarizer.models import Article
from summarizer.text.pointing import points_back
from summarizer.text.sentences import split_article

_EARLIER = (
    "A United Nations team says the Jabiluka mine endangers Kakadu National Park.",
    "An aftershock shook central Chile on Sunday.",
    "The groups filed a complaint in federal court.",
    "Truck bombs exploded outside the U.S. embassies in Nairobi and Dar es Salaam, the bombings "
    "that killed 224 people.",
    "Workers walked out of four Ford plants on Friday, and the walkouts idled 9,000 workers.",
)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("About 200,000 tourists visit the park every year.", "park"),
        ("University of Chile measured the aftershock's magnitude as 6.6.", "aftershock"),
        ("Two more groups joined the complaint as plaintiffs on Friday.", "complaint"),
        ("Environmental groups and local Aborigines oppose the mine.", "mine"),
        ("Bin Laden has denied any role in the bombings.", "bombings"),
        ("The walkouts came at Ford plants in St. Louis and Flat Rock, Mich.", "walkouts"),
    ],
)
def test_a_thing_named_before_and_called_by_its_kind_points_back(text: str, head: str) -> None:
    assert points_back(text, _EARLIER) == head


@pytest.mark.parametrize(
    "text",
    [
        # the sentence says which, or names one itself
        "Kakadu National Park draws tourists, and the park is losing its wetlands.",
        "The aftershock in Chile was felt in Santiago, officials said on Monday.",
        "The park, Kakadu, is larger than some European countries.",
        # a kind the article never mentioned before is introduced, not pointed back to
        "Protesters marched to the hospital where the wounded were treated.",
        # inside a quotation the words are the speaker's
        "Minister Robert Hill said: “The park is safe and the mine is legal.”",
    ],
)
def test_a_description_that_says_which_or_introduces_is_left_alone(text: str) -> None:
    assert points_back(text, _EARLIER) is None


def test_a_repaired_subject_is_not_refused_again() -> None:
    earlier = ("The Environmental Protection Agency ordered a cleanup of the river.",)
    assert points_back("The agency said the cleanup would take a year.", earlier, "agency") is None


def test_a_sentence_that_points_back_is_kept_for_ranking_but_never_shown() -> None:
    article = Article(
        1, "a.txt", "AP", "Aftershock hits Chile", None, None,
        ("The aftershock shook central Chile on Sunday, the University of Chile said.",
         "Seismologists measured the aftershock's magnitude as 6.6 within the hour."),
    )  # fmt: skip
    first, second = split_article(article)
    assert first.eligible  # a report's opening stands without its headline
    assert not second.eligible


@pytest.mark.parametrize(
    ("text", "earlier", "head"),
    [
        (
            "The torch was extinguished by an official.",
            ("Protesters met the Olympic torch.",),
            "torch",
        ),
        ("The law is intended to promote donating.", ("Romania passed a new law.",), "law"),
        (
            "The reservation's unemployment rate fell.",
            ("Casinos opened on a reservation.",),
            "reservation",
        ),
    ],
)
def test_a_subject_whose_noun_the_sentences_before_used_points_back(
    text: str, earlier: tuple[str, ...], head: str
) -> None:
    assert points_back(text, earlier) == head


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        # the subject is said in apposition, or is new to the article
        ("The judge, Thomas Penfield Jackson, sided with the government.", ("A judge ruled.",)),
        ("The torch relay begins in Athens on Monday.", ("Protesters met the Olympic torch.",)),
        # the noun was used long before, not in the sentences just read
        ("The torch was lit in Olympia.", ("The torch arrived.", "A.", "B.", "C.")),
    ],
)
def test_a_subject_that_says_which_or_is_new_stands(text: str, earlier: tuple[str, ...]) -> None:
    assert points_back(text, earlier) is None


def test_an_event_at_a_named_place_needs_no_earlier_name() -> None:
    earlier = ("An earthquake struck the province on Sunday.",)
    located = "Hospitals in Vessa treated more than 900 people injured in the earthquake."
    assert points_back(located, earlier) is None
    assert points_back("Hospitals treated 900 people injured in the earthquake.", earlier) == (
        "earthquake"
    )


@pytest.mark.parametrize(
    ("text", "earlier", "head"),
    [
        # the noun before, in capitals or in the plural, still counts as said
        ("The plants were closed on Monday.", ("TWO PLANTS LEAKED GAS.",), "plants"),
        ("The plant was closed on Monday.", ("Two plants leaked gas.",), "plant"),
        # a noun of two runs of letters is looked for whole
        ("The co-founder left on Monday.", ("Its co-founder spoke first.",), "co-founder"),
    ],
)
def test_the_earlier_word_is_found_in_any_case_and_in_the_plural(
    text: str, earlier: tuple[str, ...], head: str
) -> None:
    assert points_back(text, earlier) == head


def test_a_name_of_the_kind_anywhere_in_the_sentence_says_which() -> None:
    earlier = ("Officials closed the Wentworth Park on Sunday.",)
    assert points_back("Visitors left the park as Wentworth Park shut.", earlier) is None
    assert points_back("Visitors left the park as Wentworth Parks shut.", earlier) == "park"


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("The result was a skyrocketing increase in the number of ADHD diagnoses.", "result"),
        (
            "The announcement comes 10 weeks before the March 26 presidential election.",
            "announcement",
        ),
        ("The vote was 417 to 0 in the House of Representatives on Tuesday.", "vote"),
        ("The latest move angered opposition leaders in the capital on Tuesday.", "move"),
        # Reading 32 (D0637A): the heaters were named before only as what the plants make.
        ("The products are well sold in the north and in neighbouring countries.", "products"),
        ("The new device connects to a laptop computer at the scene of a crash.", "device"),
    ],
)
def test_what_the_sentences_before_told_taken_up_by_its_kind_points_back(
    text: str, head: str
) -> None:
    """ "The result", "the announcement": which, the reader asks, though no sentence before
    used the word (the one before told the result, it did not name it)."""
    assert points_back(text, ["Doctors prescribed stimulants to millions of children."]) == head


@pytest.mark.parametrize(
    "text",
    [
        "The decision to close the Eastport plant was criticised by the union on Monday.",
        "The result of the vote was announced on Monday by the electoral commission.",
        "The announcement that the bank will buy the wholesaler surprised the markets.",
        "The research led by the Johns Hopkins School of Public Health suggests a link.",
        "The products of the Eastport plant are sold across the north of the country.",
    ],
)
def test_a_taken_up_kind_that_says_what_it_was_stands(text: str) -> None:
    assert points_back(text, ["Doctors prescribed stimulants to millions of children."]) is None
