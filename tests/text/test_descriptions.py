"""Descriptions that point back ("the agency", "the two men"): found, and repaired or refused."""

from __future__ import annotations

import pytest

from summarizer.text.descriptions import judge, subject_description

ORDINARY = frozenset(
    {"today", "the", "drug", "company", "agency", "board", "said", "police", "federal", "up"}
)


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("The agency is responsible for issuing permits for small wetlands.", "agency"),
        ("The company's move follows a recommendation by the safety board.", "company"),
        ("Today, the board will hear public comment on the standards.", "board"),
        ("On Tuesday, the board will hear public comment on the standards.", "board"),
        ("Up to 17 states could be at risk, the agency said in a report.", "agency"),
        ("Federal troops blocked off 23 villages near the border, said the group.", "group"),
        ("The two men were arrested on Tuesday and charged with murder.", "two"),
        ("The six were charged with causing bodily harm to young swimmers.", "six"),
        ("According to witnesses, the 15-year-old had a gun in his backpack.", "15-year-old"),
        # a name in the sentence does not say which official
        ("The euro will cut Thailand's trade with other countries, the official said.", "official"),
    ],
)
def test_a_description_as_subject_or_speaker_is_found(text: str, head: str) -> None:
    found = subject_description(text, ORDINARY)
    assert found is not None and found.head == head


@pytest.mark.parametrize(
    "text",
    [
        # the noun phrase goes on: the description names or identifies its body
        "The company Microsoft said it would appeal the ruling next week.",
        "The team, from Yale University and the University of Rouen, tested the drug.",
        "The company's chairman, Bill Gates, said the ruling was an intrusion.",
        "The group of seven nations agreed to cut the debts of poor countries.",
        # not the subject: after a name, or the subject of what someone said
        "Merck, the world's largest drug company, will be playing catch-up to Monsanto.",
        "In Lake County, the school board said dogs would roam the school hallways.",
        "Chet Moore, an entomologist for the CDC, said the agency will look for mosquitoes.",
        # not a description of something named before
        "The rate among teen-age boys has continued to rise, to about 325,000.",
        "The incident involved four boys arrested last week for plotting a shooting.",
        "The two-week summit was expected to end on Friday with a framework.",
        # the sentence says who they are
        "The five convicted are Omar Khyam, Waheed Mahmood and Jawad Akbar, all from Crawley.",
        "The other submarine was the Memphis, a nuclear-powered attack submarine.",
        "Police said the company had dumped waste in the river for years.",
        # a speaker put last after the sentence named its body: the usual wire lead
        "NASA's Cassini spacecraft has spied two new moons around Saturn, the space agency said.",
        "General Motors Corp. has withdrawn a Corvette commercial, the company said yesterday.",
    ],
)
def test_other_uses_of_the_words_are_left_alone(text: str) -> None:
    assert subject_description(text, ORDINARY) is None


def test_a_body_the_sentences_before_name_once_is_named_in_brackets() -> None:
    earlier = [
        "Wetlands are shrinking",
        "The U.S. Environmental Protection Agency on Friday ordered Vail Resorts to restore "
        "a half-acre of wetlands.",
        "Vail Resorts said it would comply.",
    ]
    verdict = judge("The agency is responsible for issuing permits.", earlier, ORDINARY)
    assert verdict.clear
    assert verdict.insertion == ("agency", "U.S. Environmental Protection")


def test_the_longest_name_the_article_gave_is_used() -> None:
    earlier = [
        "The National Transportation Safety Board opened hearings on the crash.",
        "Investigators spoke for hours.",
        "Airlines objected.",
        "The Safety Board asked for video recorders in cockpits.",
    ]
    verdict = judge("The board voted unanimously on Tuesday.", earlier, ORDINARY)
    assert verdict.insertion == ("board", "National Transportation Safety")


def test_a_company_is_named_from_its_corporate_suffix() -> None:
    earlier = ["Repligen Corp. of Needham said it had finished the first trial of secretin."]
    verdict = judge(
        "The company is testing a hormone as a treatment for autism.", earlier, ORDINARY
    )
    assert verdict.insertion == ("company", "Repligen")


@pytest.mark.parametrize(
    "earlier",
    [
        # two agencies: which one?
        [
            "The Environmental Protection Agency and the Federal Emergency Management Agency "
            "met on Monday."
        ],
        # none named, or only long ago
        ["Wetlands are shrinking fast across the country."],
        [
            "The Environmental Protection Agency met on Monday.",
            "Rain fell.",
            "Rivers rose.",
            "Farmers worried.",
        ],
        # a name that goes on after the word, or a word before a lower-case one
        ["The Intergovernmental Panel on Climate Change met on Monday."],
        ["A tiny Indian agency in Nebraska met on Monday."],
    ],
)
def test_without_one_named_body_just_before_the_sentence_is_refused(earlier: list[str]) -> None:
    verdict = judge("The agency is responsible for issuing permits.", earlier, ORDINARY)
    assert verdict == judge("The panel is responsible for issuing permits.", earlier, ORDINARY)
    assert not verdict.clear and verdict.insertion is None


def test_people_and_groups_are_never_repaired() -> None:
    earlier = ["John Smith and Bob Doe were seen at the scene by Human Rights Group staff."]
    assert not judge("The two men were arrested on Tuesday.", earlier, ORDINARY).clear
    assert not judge("The group said the army had fired first.", earlier, ORDINARY).clear


def test_a_description_that_already_carries_the_name_needs_nothing() -> None:
    earlier = ["The Justice Department sued Microsoft Corp. on Monday."]
    verdict = judge("The justice department said the case was strong.", earlier, ORDINARY)
    assert verdict.clear and verdict.insertion is None


def test_a_sentence_without_a_description_is_clear() -> None:
    verdict = judge("Vail Resorts said it would restore the wetlands.", [], ORDINARY)
    assert verdict.clear and verdict.insertion is None


@pytest.mark.parametrize(
    "text",
    [
        "The report found that 40 percent of the children were at risk.",
        "The study shows a clear link between the drug and heart attacks.",
        "The decision was made at the conference in Bali on Saturday.",
        "The statement added that the sailors were on a routine patrol.",
    ],
)
def test_a_bare_document_or_decision_as_subject_cannot_stand_alone(text: str) -> None:
    found = subject_description(text, frozenset())
    assert found is not None and not found.nameable


@pytest.mark.parametrize(
    "text",
    [
        "The report, released Tuesday by the GAO, found waste in every agency.",
        "The 55-page report titled No Blood, No Foul describes abuse in Iraq.",
        "Officials said the report was incomplete.",
    ],
)
def test_a_document_its_sentence_names_stands(text: str) -> None:
    assert subject_description(text, frozenset()) is None
