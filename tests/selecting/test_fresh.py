"""The day's news before earlier days': the lead comes from the brief's own day, and an older
report that names its own day ("today", "on Monday") never reads as this morning's news."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Item, Sentence
from summarizer.selecting.fresh import fresh, is_fresh, news_day, showable

DAY = dt.date(1999, 8, 21)
ARTICLES = {
    0: Article(0, "0.txt", "Wire", "Toll rises", DAY, None, ("x",)),
    1: Article(1, "1.txt", "Wire", "Quake", DAY - dt.timedelta(days=1), None, ("x",)),
    2: Article(2, "2.txt", "Post", "Quake hits", DAY - dt.timedelta(days=4), None, ("x",)),
    3: Article(3, "3.txt", "Post", "Undated", None, None, ("x",)),
}
TOLL = "The death toll from the earthquake in Turkey rose to 12,018, the crisis centre said."
EVE = "Rescue teams from 19 countries worked through the night in the town of Golcuk."
OLD_TODAY = "An earthquake struck northwestern Turkey today, killing at least 2,000 people."
OLD_PLAIN = "The quake's epicentre was near the industrial city of Izmit, east of Istanbul."
UNDATED = "Aid agencies appealed for tents and blankets for the homeless."


def _item(article: int, text: str, *also: int) -> Item:
    sents = (Sentence(article, 0, text), *(Sentence(a, 5, text) for a in also))
    return Item(text=text, score=1.0, sources=(), sentences=sents)


ITEMS = [
    _item(2, OLD_TODAY),
    _item(2, OLD_PLAIN),
    _item(0, TOLL),
    _item(1, EVE),
    _item(3, UNDATED),
]


def test_the_day_and_the_day_before_are_fresh_an_undated_report_too() -> None:
    assert [it.text for it in fresh(ITEMS, ARTICLES, DAY)] == [TOLL, EVE, UNDATED]


def test_an_old_statement_a_fresh_report_repeats_is_fresh() -> None:
    assert is_fresh(_item(2, OLD_PLAIN, 0), ARTICLES, DAY)
    assert not is_fresh(_item(2, OLD_PLAIN), ARTICLES, DAY)


def test_an_old_report_naming_its_own_day_is_left_out_but_dated_background_stays() -> None:
    shown = [it.text for it in showable(ITEMS, ARTICLES, DAY)]
    assert OLD_TODAY not in shown
    assert shown == [OLD_PLAIN, TOLL, EVE, UNDATED]
    # On the day it was written, "today" is true.
    assert OLD_TODAY in [it.text for it in showable(ITEMS, ARTICLES, DAY - dt.timedelta(4))]


OLD_FORECAST = "The number of casualties may still increase as rescuers search the rubble."
OLD_REPORTED = "The governor said the number of casualties would rise, as rescuers dug on."


def test_an_old_report_of_what_was_still_to_come_is_left_out() -> None:
    """Four days on, the forecast is settled by the day's toll; words a speaker said are a
    dated record of what was said, and stay."""
    items = [_item(2, OLD_FORECAST), _item(2, OLD_REPORTED), _item(0, TOLL)]
    assert [it.text for it in showable(items, ARTICLES, DAY)] == [OLD_REPORTED, TOLL]
    # On its own day the forecast is the news.
    assert len(showable(items, ARTICLES, DAY - dt.timedelta(4))) == 3


OLD_UNTIL = "Turkey closed the border crossing until all 40 missing climbers are found."
OLD_PAST = "The border crossing stayed closed until 1998, when the treaty was signed."


def test_an_old_report_of_a_state_that_lasts_until_news_ends_it_is_left_out() -> None:
    """Four days on, the newer reports may have the climbers found; a state told whole in
    the past stays."""
    items = [_item(2, OLD_UNTIL), _item(2, OLD_PAST), _item(0, TOLL)]
    assert [it.text for it in showable(items, ARTICLES, DAY)] == [OLD_PAST, TOLL]


def test_without_a_date_everything_is_the_day_s() -> None:
    assert fresh(ITEMS, ARTICLES, None) == ITEMS == showable(ITEMS, ARTICLES, None)


def test_the_calendars_first_day_has_no_day_before_to_look_at() -> None:
    first = {0: Article(0, "0.txt", "Wire", "Toll rises", dt.date.min, None, ("x",))}
    assert fresh([_item(0, TOLL)], first, dt.date.min) == [_item(0, TOLL)]


def test_when_no_item_is_the_brief_s_day_the_news_is_the_newest_day_an_item_is() -> None:
    """The brief's date is its newest article's, a column whose lines are no news: the lead
    is of the newest day the news items are of, its report naming its own day included."""
    column_day = DAY + dt.timedelta(days=17)
    older = [_item(2, OLD_TODAY), _item(2, OLD_PLAIN), _item(1, EVE)]
    assert news_day(older, ARTICLES, column_day) == DAY - dt.timedelta(days=1)
    assert news_day(older, ARTICLES, DAY) == DAY  # the day before is the day's news
    assert news_day(ITEMS, ARTICLES, column_day) == column_day  # an undated item is fresh
    assert news_day([], ARTICLES, column_day) == column_day


def test_a_day_whose_only_lines_cannot_stand_alone_is_not_the_news_day() -> None:
    """D0736H-A: the newest report was a list of Emmy nominees, whose lines no brief shows;
    the brief led with every report's best lines instead of the news of 1 March."""
    nominees = Item(
        text="Talk show: Leeza, NBC; The View, ABC.",
        score=1.0,
        sources=(),
        sentences=(Sentence(0, 4, "Talk show: Leeza, NBC; The View, ABC.", eligible=False),),
    )
    older = [nominees, _item(2, OLD_PLAIN)]
    assert news_day(older, ARTICLES, DAY) == DAY - dt.timedelta(days=4)
    assert news_day([*older, _item(1, EVE)], ARTICLES, DAY) == DAY


OLD_TILL = "The council froze all hiring till the new budget is approved by the state."
OLD_QUOTED = 'Officials said "we stay here until the climbers are found" and went on searching.'


def test_till_counts_as_until_and_a_quoted_until_is_the_speaker_s() -> None:
    """The words are looked for before the pattern runs (most wordings hold neither): "till"
    is one of them, and an "until" only inside a quotation is no state the writer reports."""
    items = [_item(2, OLD_TILL), _item(2, OLD_QUOTED), _item(0, TOLL)]
    assert [it.text for it in showable(items, ARTICLES, DAY)] == [OLD_QUOTED, TOLL]


def test_an_item_that_opens_on_a_past_year_is_history_whatever_day_tells_it() -> None:
    """An obituary of the brief's own day tells a life: "In 1954, ..." is no news of it; last
    year and this year are, and so is a year inside the sentence."""
    history = [
        "In 1954, Holt, a nurse, and her husband went to watch a film about Korean orphans.",
        "In March 1996, the town council voted to close the harbour to tankers.",
        "In the 1980s, the company built three plants in the north.",
        "1956: In May, the first ferry service opens between the two ports.",
    ]
    news = [
        "In 1998, the crossing handled 40,000 lorries, the customs office said.",
        "The treaty Turkey signed in 1954 was amended on Saturday.",
        "1998: The crossing handled 40,000 lorries, the customs office said.",
    ]
    items = [_item(0, text) for text in history + news]
    assert [it.text for it in showable(items, ARTICLES, DAY)] == news


def test_an_item_is_history_when_any_wording_it_may_show_opens_on_a_past_year() -> None:
    """Merged wordings state one fact, and the brief may show any of them."""
    plain = "The Supreme Court barred states from requiring the teaching of creationism."
    dated = "In 1987, the Supreme Court barred states from requiring the teaching of creationism."
    item = Item(
        text=plain, score=1.0, sources=(), sentences=(Sentence(0, 0, plain), Sentence(1, 3, dated))
    )
    assert showable([item], ARTICLES, DAY) == []
    assert showable([_item(0, plain)], ARTICLES, DAY) != []
