"""A wire report's "here": the dateline's city, in brackets, so the sentence stands alone."""

from __future__ import annotations

from summarizer.models import Article
from summarizer.text import names
from summarizer.text.sentences import split_article

LEAD = (
    "Six health ministers from the Horn of Africa started here today a four-day meeting on "
    "fighting malaria and cholera in the region."
)
QUOTED = "“We are here today to stop malaria,” said Health Minister Amina Yusuf of Somalia."


def _sentences(place: str | None, *paragraphs: str) -> list[tuple[bool, str]]:
    article = Article(0, "a.txt", "Xinhua", "Title", None, None, paragraphs, place=place)
    shown = []
    for s in split_article(article):
        text = s.text
        for anchor, words in s.names:
            text = names.insert(text, anchor, words)
        shown.append((s.eligible, text))
    return shown


def test_here_is_the_datelines_city_in_brackets() -> None:
    [(eligible, text)] = _sentences("Addis Ababa", LEAD)
    assert eligible
    assert text.startswith("Six health ministers from the Horn of Africa started here [in Addis")


def test_without_a_dateline_here_says_nowhere() -> None:
    assert _sentences(None, LEAD) == [(False, LEAD)]


def test_here_inside_a_quotation_is_the_speakers_and_left_as_it_is() -> None:
    assert _sentences("Addis Ababa", QUOTED) == [(True, QUOTED)]


def test_a_sentence_that_fails_for_another_reason_still_fails() -> None:
    dangling = "But the ministers said here today that the plan needs more money from donors."
    assert _sentences("Addis Ababa", dangling) == [(False, dangling)]


def test_here_before_a_weekday_or_what_was_said_is_the_datelines_city() -> None:
    issued = "The fund said in a report issued here Thursday that many species could die out."
    [(eligible, text)] = _sentences("London", issued)
    assert eligible and "issued here [in London] Thursday" in text
    warned = "Numerous experts had issued warnings here that nobody should open the attachment."
    assert _sentences(None, warned) == [(False, warned)]
