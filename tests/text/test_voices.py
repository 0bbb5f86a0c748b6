"""Whose words a sentence gives: quotations without a speaker, first person, interviews, he/she."""

from __future__ import annotations

import re

import pytest

from summarizer.text.voices import (
    NOT_LETTERS,
    ascii_letters,
    first_person,
    interview_paragraphs,
    unnamed_person,
    unnamed_quotation,
)

# The article's lower-case words: "police" and "officials" are ordinary, "Arafat" is not.
ORDINARY = frozenset({"police", "officials", "the", "report", "said", "federal", "troops"})


@pytest.mark.parametrize(
    "text",
    [
        "“By its chemical composition, it is an anabolic steroid.”",
        "“If the trees died, that would ruin the place. We would have nothing left.”",
        "“Rapid rates of warming are likely to increase habitat loss,” the report says.",
        "“We found the body at three in the morning and called for help,” police said.",
    ],
)
def test_a_quotation_with_nobody_named_outside_it_is_found(text: str) -> None:
    assert unnamed_quotation(text, ORDINARY)


@pytest.mark.parametrize(
    "text",
    [
        "“Guys, it's a movie!” responded Tom Sherak, distribution head of 20th Century Fox.",
        "“Climate change is a serious threat to wildlife,” the WWF said on Thursday.",
        "“We will not negotiate under fire,” Arafat said.",
        # a short quotation inside a sentence that says what happened
        "The minister called the plan “a disaster” and said the army would withdraw by May.",
    ],
)
def test_a_named_speaker_or_a_short_quotation_is_fine(text: str) -> None:
    assert not unnamed_quotation(text, ORDINARY)


@pytest.mark.parametrize(
    "text",
    [
        "We are confident that our cause will prevail in the end.",
        "I take a lot of Tylenol and have tried cortisone injections.",
        "In my garden, the cabbage-eaters are more numerous this year.",
        "The true challenge of diplomacy does not reside in the beauty of our goals.",
    ],
)
def test_first_person_outside_quotation_marks_is_found(text: str) -> None:
    assert first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "The treaty ending World War I was signed in 1919 at Versailles.",
        "Thirty villages in Tra My district had outbreaks of malaria this year.",
        "The US and Britain sent 3,500 tents to the region, officials said.",
        "“We will win,” said the coach, whose team has lost twice this season.",
        "As one 17-year-old told us, parents work too much to help with homework.",
    ],
)
def test_names_quotations_and_reported_words_are_not_first_person(text: str) -> None:
    assert not first_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police said he was shot twice in the chest on Tuesday night.",
        "After third grade, her parents decided to teach her at home.",
        "The shapes of words elude him, and he struggles with abstractions.",
    ],
)
def test_he_or_she_with_nobody_named_is_found(text: str) -> None:
    assert unnamed_person(text, ORDINARY)


@pytest.mark.parametrize(
    "text",
    [
        "Arafat said he would not attend the summit in Washington.",
        "Police said Jerome Marcus was shot twice in the chest on Tuesday night.",
        "“He is a liar,” Netanyahu said of the Palestinian leader.",  # the quote's "he"
        "Officials said the bridge would reopen on Monday.",
    ],
)
def test_a_pronoun_beside_a_name_or_none_at_all_is_fine(text: str) -> None:
    assert not unnamed_person(text, ORDINARY)


def test_the_paragraphs_of_an_interview_are_marked_from_first_to_last_mark() -> None:
    paragraphs = [
        "Aung San Suu Kyi spoke to our reporter in Rangoon.",
        "Q: There is an AIDS epidemic in Burma. Have you heard about it?",
        "It is on the increase, and the authorities never attack problems at their source.",
        "Q: What do you tell people when they get discouraged?",
        "A: Our cause will prevail.",
        "The interview was recorded on Sunday and translated from Burmese.",
    ]
    assert interview_paragraphs(paragraphs) == frozenset({1, 2, 3, 4})


def test_one_marked_paragraph_is_no_interview() -> None:
    paragraphs = ["Q: Who pays?", "Nobody knows who will pay for the new bridge."]
    assert interview_paragraphs(paragraphs) == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII, 42 of it.",
        "“Curly quotes” and dashes — no letters…",
        "Café São Paulo",
        "İstanbul ß",
    ],
)
def test_ascii_letters_count_as_the_letter_pattern_does(text: str) -> None:
    raw = ascii_letters(text)
    letters = re.findall(r"[^\W\d_]", text)
    if raw is None:  # a letter past ASCII: counted by the pattern
        assert not all(c.isascii() for c in letters)
    else:
        assert len(raw.translate(None, NOT_LETTERS)) == len(letters)


# Words that open on the patterns' letters inside other words, in any case, beside the words
# themselves: the patterns written to open on a letter find what "\b…\b" finds.
_WORDS_AND_LOOKALIKES = [
    "He", "she", "SHE", "ſhe", "hers", "Herself", "hİm", "hıs", "the", "shelf", "ushers",
    "I", "My", "my", "myself", "We", "we", "us", "Our", "ours", "US", "mI", "Muse", "bus",
    "_he", "1we", "her_", "ourselves.", "Fourth", "I'm", "(we)", "“he”",
]  # fmt: skip


@pytest.mark.parametrize("word", _WORDS_AND_LOOKALIKES)
@pytest.mark.parametrize("before", ["", " ", "x", "é"])
def test_the_word_patterns_find_what_word_boundaries_find(before: str, word: str) -> None:
    from summarizer.text import voices

    text = f"{before}{word} later"
    personal = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
    speaking = re.compile(r"\b(?:I|[Mm]y|me|myself|[Ww]e|us|[Oo]ur|ours|ourselves)\b")
    assert bool(voices._PERSONAL.search(text)) == bool(personal.search(text))
    assert bool(voices._MAY_SPEAK.search(text)) == bool(speaking.search(text))
