"""The day's news before earlier days': which items a brief of one date may lead with or show.

A folder of articles often spans weeks: a story's first reports and its latest. An editor's
brief for the newest day leads with what that day's reports say (the sentence "the quake
killed 7,085" of a week ago is not the news when today's reports count 12,018), and prints
older reports as background, dated. So:

- the **lead** is chosen from items an article of the brief's own day, or the day before,
  states (``FRESH_DAYS``; an undated article counts as fresh: nothing says it is old);
- when no item is of the brief's own day (its one report there is a view, left out of the
  news, or says nothing that stands alone), the lead is of the newest day an item is of
  (``news_day``), printed with that day's date;
- an item only older articles state, whose words place it by its own day ("today", "on
  Monday", "this week", "last December", "two weeks ago"; ``timing.day_bound``), is left
  out: the date printed beside it does not undo "today", and a reader takes it for this
  morning's news, or counts "two weeks ago" from the brief's date;
- so is one whose wording, in its own voice, tells of what was still to come or of a state
  news ends ("the number of casualties may still increase", "is in a coma", "will stand
  trial"; ``timing.expects``): the newer reports have the outcome, or have not said, and an
  editor does not print last week's forecast beside today's news. (``currency`` drops such an
  item when a newer one reports its subject after the day it named; this leaves out the rest.)
  A state that lasts until news ends it counts so too ("has frozen all deals with Iran until
  the 15 sailors are released", ``_UNTIL``): the newer reports may have the release.
- and so is an item that opens on a year two or more before the brief's ("In 1954, Holt, a
  nurse, and her husband ...", "In 1966, President Johnson named Holt ...", a chronology's
  "1939: In April, ..."; ``_HISTORY``):
  an obituary's or a feature's history, whatever day's report tells it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from operator import attrgetter

from summarizer.models import Article, Item
from summarizer.runtime.gated import Gated
from summarizer.text.quotes import outside_quotations
from summarizer.text.timing import day_bound, expects

# Days before the brief's date whose reports are still the day's news (a morning brief
# reports yesterday's events).
FRESH_DAYS = 1
# A state that lasts until an event still to come: "until all 15 … are released", "until
# further notice". Not "until 1998" nor "until he died" (a past that is told whole).
# Asked only of a wording that holds "until" or "till" (``gated.py``): most hold neither, and
# the pattern, tried at every position of the writer's words, was a fifth of a large day's
# selection with the quotations taken out first.
_UNTIL = Gated(
    re.compile(
        r"\b(?:until|till)\b(?:\s+further notice|[^.;:]{0,120}?\b(?:is|are|has|have|agrees?|"
        r"returns?|ends?|pays?|gets?)\b)"
    ),
    *("until", "till"),
)


# An opening that places the sentence in a past year or decade: "In 1954, ...", "Back in March
# 1998, ...", "In the 1950s, ...", or a chronology's entry, "1939: In April, regularly
# scheduled network TV is born when NBC airs ..." (a critic's list of the century's moments).
_HISTORY = re.compile(
    r"^(?:(?:In|Back in|As early as)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},\s+)?)?"
    r"(?:(?P<year>(?:19|20)\d\d)\b(?!\s*(?:percent|%))|the\s+(?P<decade>(?:19|20)\d0)s\b)"
    r"|(?P<entry>(?:19|20)\d\d)\s*:\s)"
)
HISTORY_YEARS = 2  # a year this many before the brief's, or more, is history


def is_fresh(
    item: Item, articles: Mapping[int, Article], date: dt.date | None, days: int = FRESH_DAYS
) -> bool:
    """Some article of the brief's day (or the ``days`` before it, or undated) states the
    item."""
    if date is None:
        return True
    own = {s.article: articles[s.article] for s in item.sentences}  # its own articles only
    return _told_by(item, _fresh_articles(own, date, days))


def fresh(
    items: Sequence[Item],
    articles: Mapping[int, Article],
    date: dt.date | None,
    days: int = FRESH_DAYS,
) -> list[Item]:
    """The items the brief's own day (and the ``days`` before it) reports, in the order
    given."""
    if date is None:
        return list(items)
    ids = _fresh_articles(articles, date, days)
    return [item for item in items if _told_by(item, ids)]


def showable(
    items: Sequence[Item], articles: Mapping[int, Article], date: dt.date | None
) -> list[Item]:
    """Every item but an older report's that names its own day or tells of what was still to
    come, and any that opens on a past year (module docstring)."""
    if date is None:
        return list(items)
    ids = _fresh_articles(articles, date, FRESH_DAYS)
    return [
        item
        for item in items
        if (_told_by(item, ids) or not _of_its_day(item)) and not _history(item, date)
    ]


def _history(item: Item, date: dt.date) -> bool:
    """Whether a wording of the item (any may be shown: ``redundancy.wordings``) opens on a
    year ``HISTORY_YEARS`` or more before ``date``: the fact is that year's."""
    texts = (item.text, *(s.text for s in item.sentences))
    return any(_opens_on_past_year(text, date) for text in texts)


def _opens_on_past_year(text: str, date: dt.date) -> bool:
    m = _HISTORY.match(text)
    if m is None:
        return False
    year = m["year"] or m["entry"]
    last = int(year) if year else int(m["decade"]) + 9  # a decade's last year
    return last <= date.year - HISTORY_YEARS


def _fresh_articles(articles: Mapping[int, Article], date: dt.date, days: int) -> set[int]:
    """The articles of ``date`` and the ``days`` before it, and the undated: found once for
    a day's items, not once for each of its tens of thousands."""
    since = dt.date.fromordinal(max(1, date.toordinal() - days))  # year 1 has no before
    return {i for i, a in articles.items() if a.date is None or a.date >= since}


def _told_by(item: Item, ids: set[int]) -> bool:
    """Whether a sentence of the item is from one of the articles ``ids``."""
    return not ids.isdisjoint(map(_ARTICLE, item.sentences))


_ARTICLE = attrgetter("article")


def _of_its_day(item: Item) -> bool:
    """Whether the item reads true only on the day it was written: a sentence of it places
    itself by that day, or the wording shown expects what later news settles."""
    text = item.text
    if expects(text) or (_UNTIL.holds(text) and _UNTIL.pattern.search(outside_quotations(text))):
        return True
    return any(day_bound(s.text) for s in item.sentences)


def news_day(
    items: Sequence[Item], articles: Mapping[int, Article], date: dt.date | None
) -> dt.date | None:
    """The day the brief's news is of: ``date``, unless no item that can be shown is fresh
    on it; then the newest day (up to ``date``) such an item is reported. A brief of 22 May
    whose one 22 May report is a motoring column leads with 5 May's news, and one of 11 March
    whose 11 March report is a list of nominees (lines that cannot stand alone) with 1 March's
    news, not with every year's reports."""
    if date is None:
        return date
    items = [item for item in items if item.stands_alone]
    ids = _fresh_articles(articles, date, FRESH_DAYS)
    if any(_told_by(item, ids) for item in items):
        return date
    written = (articles[s.article].date for item in items for s in item.sentences)
    return max((d for d in written if d is not None and d <= date), default=date)
