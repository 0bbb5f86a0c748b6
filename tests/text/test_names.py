"""People named in full, and later by surname alone."""

from __future__ import annotations

import pytest

from summarizer.text.names import (
    article_people,
    bracketed,
    full_mentions,
    insert,
    spelled_otherwise,
    surname_only,
)

# The article's lower-case words: a surname is never one of them.
ORDINARY = frozenset(
    {"the", "said", "met", "in", "and", "of", "a", "was", "for", "times", "county", "forces",
     "software", "were", "cited", "by"}
)  # fmt: skip


def test_full_mentions_keep_an_abbreviated_title_and_middle_names() -> None:
    text = (
        "NATO Secretary-General Mark Rutte said Sen. Chuck Hagel and Hillary Rodham Clinton "
        "met Russian President Vladimir Putin."
    )
    assert [(m.words, m.surname) for m in full_mentions(text, ORDINARY)] == [
        ("Mark", "Rutte"),
        ("Sen. Chuck", "Hagel"),
        ("Hillary Rodham", "Clinton"),
        ("Vladimir", "Putin"),
    ]


def test_places_papers_and_days_are_nobody() -> None:
    text = (
        "The New York Times said Los Angeles-Orange County and Israel Defense Forces and "
        "Sun's Internet software were cited by Roger Salazar Wednesday."
    )
    assert [m.full for m in full_mentions(text, ORDINARY)] == ["Roger Salazar"]


def test_a_country_or_a_body_is_no_surname() -> None:
    """Given names that open other names: a city, a faith, a university, a slogan."""
    text = (
        "Santiago de Chile shook as Tom Beaudoin of the Roman Catholic ministry at Cornell "
        "University chanted Viva Venezuela with Vernon Jordan and Michael Rasmussen."
    )
    assert [m.full for m in full_mentions(text, ORDINARY)] == [
        "Tom Beaudoin",
        "Vernon Jordan",  # a country that is also a given name may be a surname
        "Michael Rasmussen",
    ]


def test_a_sentence_s_capitalised_first_word_is_no_part_of_a_name() -> None:
    """ "When Judd Levy retired ...": the article goes on "Last week, Levy ...", which the
    brief restores only if the opening named him."""
    text = "When Judd Levy retired in 1988, he ran an inn; but Gov. Ann Rees said no."
    assert [m.full for m in full_mentions(text, ORDINARY)] == ["Judd Levy", "Gov. Ann Rees"]
    people, _ = article_people([text, "Last week, Levy opened a trust."], ORDINARY)
    assert people["Levy"].words == "Judd"
    # "Former" opens an office, and "After" no name of a paper.
    after = "After New York Times editor Max Frankel and Former President George Bush met."
    found = [(m.role, m.full) for m in full_mentions(after, ORDINARY)]
    assert found == [("", "Max Frankel"), ("Former President", "George Bush")]


def test_a_surname_after_the_is_a_family_not_a_person() -> None:
    people = ["Shepard", "Gingrich"]
    text = "The stress on the Shepard family grew. The Gingrich divorce was settled by Gingrich."
    assert surname_only(text, people) == ["Gingrich"]
    assert surname_only("The Gingrich divorce was settled.", people) == []


def test_a_surname_that_is_a_whole_quotation_is_a_title() -> None:
    assert surname_only("The success of “Donahue” made room for Winfrey.", ["Donahue"]) == []
    assert surname_only("“Donahue is leaving,” she said.", ["Donahue"]) == ["Donahue"]


def test_surname_only_uses_need_no_other_name_before_them() -> None:
    people = ["Putin", "Rutte", "Hagel", "Laden", "Venezuela", "Riggs"]
    text = "On Putin, Rutte said Mr. Hagel met bin Laden in Venezuela, and Rep. Frank Riggs agreed."
    assert surname_only(text, people) == ["Putin", "Rutte", "Hagel"]


def test_an_insertion_goes_before_the_first_use_and_does_not_repeat_a_title() -> None:
    assert insert("Hagel lambasted the leaders.", "Hagel", "Sen. Chuck") == (
        "[Sen. Chuck] Hagel lambasted the leaders."
    )
    assert insert("He agreed with Rep. Linder.", "Linder", "Rep. John") == (
        "He agreed with Rep. [John] Linder."
    )
    assert insert("Hagelstein spoke.", "Hagel", "Chuck") == "Hagelstein spoke."


def test_a_shared_surname_means_the_person_named_first() -> None:
    people, shared = article_people(
        ["Newt Gingrich filed for divorce.", "Marianne Gingrich asked for the assets."], ORDINARY
    )
    assert people["Gingrich"].full == "Newt Gingrich"
    assert shared == {"Gingrich"}
    same, none = article_people(["Chuck Hagel spoke.", "Sen. Chuck Hagel left."], ORDINARY)
    assert same["Hagel"].words == "Chuck" and none == frozenset()


def test_the_office_before_a_full_name_is_kept_for_the_insertion() -> None:
    text = (
        "U.S. Defense Secretary William Cohen met Secretary of State Madeleine Albright, "
        "Former President George Bush and, on Monday, President Bill Clinton."
    )
    assert [(m.role, m.restored) for m in full_mentions(text, ORDINARY)] == [
        ("U.S. Defense Secretary", "U.S. Defense Secretary William"),
        ("Secretary of State", "Secretary of State Madeleine"),
        ("Former President", "Former President George"),
        ("President", "President Bill"),
    ]


def test_an_office_news_uses_but_nameparser_lacks_opens_a_full_mention() -> None:
    """Without the office, "Herb" reads as inside another name and "Conaway said" is never
    restored."""
    text = "Assemblyman Herb Conaway and NTSB Chairman Jim Hall met Chairwoman Linda Holloway."
    assert [(m.restored, m.surname) for m in full_mentions(text, ORDINARY)] == [
        ("Assemblyman Herb", "Conaway"),
        ("Chairman Jim", "Hall"),
        ("Chairwoman Linda", "Holloway"),
    ]


def test_a_name_written_family_name_first_is_restored_after_it() -> None:
    """ "Lin Chong-pin … said", then "War, Lin said": the given name goes in after "Lin"."""
    people, _ = article_people(
        ["Lin Chong-pin, a defense analyst, said Beijing was bluffing.", "War, Lin said."],
        ORDINARY,
    )
    lin = people["Lin"]
    assert (lin.full, lin.restored) == ("Lin Chong-pin", "Lin Chong-pin")
    assert surname_only("War, Lin said.", people) == ["Lin"]
    assert insert("War, Lin said.", "Lin", lin.restored) == "War, Lin [Chong-pin] said."
    assert bracketed("Lin", lin.restored) == ("Chong-pin", "Lin Chong-pin")
    assert bracketed("Hagel", "Sen. Chuck") == ("Sen. Chuck", "Sen. Chuck Hagel")


def test_the_first_office_the_article_gives_is_remembered() -> None:
    people, _ = article_people(
        ["William Cohen toured the base.", "Defense Secretary William Cohen spoke."], ORDINARY
    )
    assert people["Cohen"].restored == "Defense Secretary William"


def test_an_insertion_after_a_title_in_the_text_gives_only_the_given_names() -> None:
    assert insert("Cohen left.", "Cohen", "Defense Secretary William") == (
        "[Defense Secretary William] Cohen left."
    )
    assert insert("Secretary Cohen left.", "Cohen", "Defense Secretary William") == (
        "Secretary [William] Cohen left."
    )
    assert insert("Mr. Cohen left.", "Cohen", "Defense Secretary William") == (
        "Mr. [William] Cohen left."
    )
    assert insert("He said St. Clair saw them.", "Clair", "Michael St.") == (
        "He said [Michael] St. Clair saw them."
    )
    assert insert("St. Clair told jurors.", "Clair", "Michael St.") == (
        "[Michael] St. Clair told jurors."
    )


@pytest.mark.parametrize(
    ("surname", "words", "named", "otherwise"),
    [
        ("Zelensky", "Volodymyr", {"Zelenskyy": "Volodymyr"}, True),
        ("Kadafi", "Moammar", {"Qaddafi": "Muammar"}, True),
        ("Gadhafi", "Col. Moammar", {"Qaddafi": "Muammar"}, True),
        ("Chan", "Anson", {"Chen": "Anson"}, False),  # two names, not two spellings
        ("Clinton", "Hillary", {"Clifton": "Bill"}, False),  # another person
        ("Zelensky", "Volodymyr", {"Zelensky": "Volodymyr"}, False),  # the same spelling
    ],
)
def test_a_second_spelling_of_someone_named_is_recognised(
    surname: str, words: str, named: dict[str, str], otherwise: bool
) -> None:
    assert spelled_otherwise(surname, words, named) is otherwise


def test_a_surname_used_alone_before_anyone_is_named_by_it_is_no_ones() -> None:
    """A report's second part calls its cyclist "Freedman" throughout, then names her parents
    in full: "says Freedman" is not "[Corey] Freedman"."""
    texts = [
        "Hence the minimalist lifestyle that Freedman regards as imperative.",
        "Freedman prefers New England and intends to settle there.",
        "Marvin and Corey Freedman never envisioned such a life for their daughter.",
        "I found myself riding 200 miles a week, says Freedman.",
    ]
    people, _ = article_people(texts, ORDINARY)
    assert "Freedman" not in people
    named_first, _ = article_people(["Corey Freedman rode to Boston.", *texts[3:]], ORDINARY)
    assert named_first["Freedman"].words == "Corey"
