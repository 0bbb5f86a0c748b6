"""The day's main fact: the newest report's opening, or the sentence after a hook."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Item, Sentence
from summarizer.selecting.news import main_fact

DAY = dt.date(2000, 9, 26)
ARTICLES = {
    0: Article(0, "0.txt", "Times", "Remedy", DAY, None, ("x",)),
    1: Article(1, "1.txt", "Wire", "Study", DAY - dt.timedelta(days=3), None, ("x",)),
}
HOOKED = "A remedy used to treat creaky bones in horses works so well that humans take it."
BACKGROUND = "The Food and Drug Administration does not regulate dietary supplements."
OLDER = "A study of 93 patients found the supplement eased the pain of arthritic knees."


def _item(article: int, position: int, text: str, score: float) -> Item:
    return Item(text=text, score=score, sources=(), sentences=(Sentence(article, position, text),))


def test_after_a_hook_that_cannot_stand_alone_the_next_sentence_is_the_main_fact() -> None:
    """The newest report opens "This isn't the way medical science is supposed to work.": no
    item; its second sentence is the news, not a later line that scores higher."""
    items = [_item(0, 7, BACKGROUND, 0.9), _item(0, 1, HOOKED, 0.4), _item(1, 0, OLDER, 1.0)]
    found = main_fact(items, ARTICLES)
    assert found is not None and found.text == HOOKED


def test_after_a_photo_caption_and_its_line_the_report_s_lead_is_the_main_fact() -> None:
    """ "Air France A330-200 F-GZCP lands at Paris… on March 28, 2007. The aircraft was
    destroyed in…": neither stands alone; the third sentence is the report's lead."""
    items = [_item(0, 5, BACKGROUND, 0.9), _item(0, 2, HOOKED, 0.3)]
    found = main_fact(items, ARTICLES)
    assert found is not None and found.text == HOOKED
    assert main_fact([_item(0, 3, HOOKED, 0.3)], ARTICLES) is None


def test_the_opening_comes_before_the_sentence_after_it() -> None:
    opening = "Doctors began the largest study yet of the supplement on Tuesday."
    items = [_item(0, 1, HOOKED, 0.9), _item(0, 0, opening, 0.2)]
    found = main_fact(items, ARTICLES)
    assert found is not None and found.text == opening


def test_no_opening_of_the_newest_report_no_main_fact() -> None:
    assert main_fact([_item(0, 7, BACKGROUND, 0.9), _item(1, 0, OLDER, 1.0)], ARTICLES) is None
