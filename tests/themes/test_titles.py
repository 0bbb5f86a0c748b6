"""Section titles: noun phrases the group's statements print, distinct across sections."""

from __future__ import annotations

from summarizer.text.words import content_terms
from summarizer.themes.titles import choose_titles, noun_phrases


def printed(text: str) -> list[str]:
    return [" ".join(p.words) for p in noun_phrases(text)]


def test_noun_phrases_are_cut_to_nouns_and_adjectives_ending_on_a_noun() -> None:
    found = printed("The black box of the EgyptAir flight was recovered by Navy divers.")
    assert "black box" in found and "Navy divers" in found
    assert printed("Hurricane relief efforts continued in Honduras.") == [
        "Hurricane relief efforts",
        "Honduras",
    ]
    # No determiner, figure or verb in a phrase.
    assert printed("Oil prices rose to 45 dollars on Tuesday.") == [
        "Oil prices",
        "dollars",
        "Tuesday",
    ]


def test_titles_are_printed_phrases_of_the_group_distinct_and_capitalised() -> None:
    texts = [
        "Oil prices rose again in London.",
        "Traders said oil prices would keep rising.",
        "The black box was recovered by divers.",
        "Investigators studied the black box.",
        "Divers searched for the second black box.",
    ]
    owner = [0, 0, 1, 1, 1]
    vocabulary = {t for text in texts for t in content_terms(text)}
    telling = [list(content_terms("oil prices")), list(content_terms("black box"))]
    assert choose_titles(texts, owner, telling, vocabulary) == ["Oil prices", "Black box"]
    # The same phrase never titles two groups; a group with nothing printed twice has none.
    twice = choose_titles(texts, [1, 1, 0, 0, 0], [telling[1], telling[1]], vocabulary)
    assert twice == ["Black box", None]


def test_a_title_keeps_the_case_its_phrase_is_printed_in() -> None:
    # "states" is mostly printed lower-case ("several states"), but the phrase is a name.
    texts = [
        "The United States beat Brazil in the final.",
        "Argentina defeated the United States in the semi-final.",
        "Several states held primaries, and the states counted late.",
        "Officials in three states said the states would appeal.",
    ]
    vocabulary = {t for text in texts for t in content_terms(text)}
    telling = [list(content_terms("united states")), list(content_terms("officials"))]
    assert choose_titles(texts, [0, 0, 1, 1], telling, vocabulary)[0] == "United States"


# A day of my own on a ferry fire: the first group's commonest phrases are a unit and a person.
FERRY = [
    "Captain Ivo Marsh said the ferry fire spread forty feet in minutes.",
    "Marsh said the ferry fire began in the engine room.",
    "Passengers said the ferry fire filled the deck with smoke.",
    "Forty feet of the deck burned before the ferry fire was out.",
    "Rescue boats picked up passengers from the water.",
    "The coast guard said rescue boats saved all passengers.",
    "Rescue boats from two towns reached the ferry.",
]


def test_a_title_is_a_descriptive_phrase_not_a_unit_a_person_or_a_lone_noun() -> None:
    vocabulary = {t for text in FERRY for t in content_terms(text)}
    telling = [list(content_terms("feet marsh ferry fire")), list(content_terms("rescue boats"))]
    titles = choose_titles(FERRY, [0, 0, 0, 0, 1, 1, 1], telling, vocabulary)
    assert titles == ["Ferry fire", "Rescue boats"]
    # Given only a unit, a surname and a lone noun to choose from, a group gets no title.
    bare = [list(content_terms("feet marsh passengers")), telling[1]]
    assert choose_titles(FERRY, [0, 0, 0, 0, 1, 1, 1], bare, vocabulary)[0] is None


def test_a_title_its_statements_do_not_share_is_refused() -> None:
    # "Rescue boats" is printed twice, but the group's other four statements are on the fire.
    owner = [0, 0, 0, 0, 0, 0, 1]
    vocabulary = {t for text in FERRY for t in content_terms(text)}
    telling = [list(content_terms("rescue boats")), list(content_terms("ferry"))]
    assert choose_titles(FERRY, owner, telling, vocabulary)[0] is None


def test_groups_on_one_thing_share_one_title() -> None:
    texts = [
        "Oil prices rose again in London.",
        "Traders said oil prices would keep rising.",
        "Crude oil prices fell in New York.",
        "Analysts expect crude oil prices to climb.",
    ]
    vocabulary = {t for text in texts for t in content_terms(text)}
    telling = [list(content_terms("oil prices")), list(content_terms("crude oil"))]
    assert choose_titles(texts, [0, 0, 1, 1], telling, vocabulary) == ["Oil prices"] * 2
