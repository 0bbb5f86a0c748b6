"""Currency: when the day's articles span several dates, an item says what is true now.

An older article's expectation is overtaken once a newer one reports on the same event: "the
vote is expected Friday" beside the next week's "the Senate voted", "is scheduled to take the
stand Monday" beside "was the first to testify". Two passes, after merging (which sees every
sentence with its article's date) and before selection (which must never choose a stale one):

- ``settled``: an item whose wording is an older article's expectation, while a newer article
  among its own sentences states it settled, shows the newer wording (merged sentences state
  the same thing, so the credits stay honest: ``redundancy.showing`` recomputes them).
- ``overtaken``: an item whose expectation falls due on a day (``timing.due``) before a newer
  item on the same subject (a name and key words in common) was written is left out; the
  newer item is among the day's items by construction, so the reader gets the later state.

Figures that grew ("at least 50 dead", then "231 dead") are settled in ``redundancy``: of rival
figures, the newest report's is shown. A running toll of lives told in other words than the
newer one (``outcounted``: "the death toll has risen to 7,085" on Friday, "at least 10,059
people have been killed" on Saturday) is left out once a newer item on the same subject counts
more lives. Everything else an older article says stays, dated by
``compose``: a cluster that spans years keeps its history.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence

from summarizer.merging.corrections import without_withdrawn
from summarizer.merging.redundancy import showing
from summarizer.models import Article, Item, Sentence
from summarizer.text.statements import statement, supports
from summarizer.text.timing import due, expects, time_terms
from summarizer.text.tolls import Toll, toll
from summarizer.text.words import content_terms

# Terms two statements about one event share besides any name (key words, names included):
# "IBM", "Microsoft" and "negotiated", "personal computer business".
MIN_SHARED = 3
# How far a running toll grows from one day's reports to the next ("at least 4" to "27"); a
# count far larger is another count (a war's dead beside one attack's), not the same one gone on.
GREW = 10
# A capitalised word: a name (of a person, body, place or thing), or a sentence's first word,
# which as a stop word ("The") has no term.
_CAPITALISED = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]*")


def current(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The items with settled wordings, without those a newer item overtook, and without
    those stating a figure a report withdrew (``corrections``)."""
    fresh = overtaken([settled(item, articles) for item in items], articles)
    return without_withdrawn(outcounted(fresh, articles), articles)


def settled(item: Item, articles: Mapping[int, Article]) -> Item:
    """The item in the newest wording that states it settled, when the wording shown is an
    expectation in its own voice (``timing.expects``) due on a day (``timing.due``) on or
    after which the newer one was written, and the newer one backs it (its outlet is credited
    for it, ``statements.supports``); else the item as it is."""
    if len({articles[s.article].date for s in item.sentences}) < 2:
        return item  # one date (or none): nothing newer to settle it
    shown = item.sentences[0]
    written = articles[shown.article].date
    when = due(shown.text, written) if written and expects(shown.text) else None
    if when is None:
        return item
    core = statement(shown.text)
    newer = [
        s
        for s in item.sentences[1:]
        if s.eligible
        and _on_or_after(articles[s.article].date, when)
        and not expects(s.text, reported=True)
        and supports(core, statement(s.text))
    ]
    if not newer:
        return item
    return showing(item, max(newer, key=lambda s: _newness(s, articles)), articles)


def overtaken(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The items less those whose expectation fell due before a newer item on the same
    subject was written (module docstring). Nothing changes on a day of one date."""
    if len({a.date for a in articles.values() if a.date}) < 2:
        return list(items)
    dues = {i: when for i, item in enumerate(items) if (when := _due(item, articles))}
    if not dues:
        return list(items)
    names = {i: _names(items[i].text) for i in dues}
    posted = _newest_first(items, articles, frozenset().union(*names.values()))
    stale = set()
    for i, when in dues.items():
        later: set[int] = set()
        for days, found in (posted[name] for name in names[i] if name in posted):
            later.update(found[: bisect_left(days, -when.toordinal())])  # newer than ``when``
        later.discard(i)
        if any(_reports(items[j], items[i], names[i]) for j in sorted(later)):
            stale.add(i)
    return [item for i, item in enumerate(items) if i not in stale]


def outcounted(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The items less each running toll of lives (``tolls.toll``) that an item from a later
    day on the same subject (``_reports``) gives a larger count than: the count went on. Each
    running toll is compared only with the tolls that share one of its names."""
    counts: dict[int, tuple[Toll, dt.date, frozenset[str]]] = {}
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        if not item.stands_alone or (count := toll(item.text)) is None:
            continue
        if (day := _newest(item.sentences, articles)) is None:
            continue
        counts[i] = (count, day, names := _names(item.text))
        for name in names:
            by_name[name].append(i)
    stale = set()
    for i, (count, day, names) in counts.items():
        if not count.running:
            continue
        near = sorted({j for name in names for j in by_name[name]})
        if any(
            _outcounts(counts[j], count, day) and _reports(items[j], items[i], names) for j in near
        ):
            stale.add(i)
    return [item for i, item in enumerate(items) if i not in stale]


def _outcounts(later: tuple[Toll, dt.date, frozenset[str]], count: Toll, day: dt.date) -> bool:
    """Whether a toll from a later day counts more lives than ``count``, though not so many
    more that it counts something else (``GREW``)."""
    more, when, _ = later
    return when > day and count.lives < more.lives <= GREW * count.lives


def _newest_first(
    items: Sequence[Item], articles: Mapping[int, Article], wanted: frozenset[str]
) -> dict[str, tuple[list[int], list[int]]]:
    """For each wanted name, the items shown that have it among their terms, newest first (an
    item's newest article; undated items left out), with their days as minus ordinals: the
    items newer than a day are a prefix, found by bisection, so an expectation is compared
    with the newer items only, not with every item naming one of its names."""
    by_name: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for j, item in enumerate(items):
        if not item.stands_alone:
            continue
        shared = statement(item.text).terms & wanted
        day = _newest(item.sentences, articles) if shared else None
        if day is not None:
            for name in shared:
                by_name[name].append((-day.toordinal(), j))
    return {
        name: ([d for d, _ in found], [j for _, j in found])
        for name, found in ((name, sorted(found)) for name, found in by_name.items())
    }


def _reports(newer: Item, older: Item, names: frozenset[str]) -> bool:
    """Whether ``newer`` is about the subject of ``older`` (whose ``names`` are given): a name
    and ``MIN_SHARED`` terms (names included, time words not) in common."""
    shared = statement(newer.text).terms & statement(older.text).terms
    return len(shared - time_terms()) >= MIN_SHARED and bool(_names(newer.text) & names)


def _due(item: Item, articles: Mapping[int, Article]) -> dt.date | None:
    """The day the wording shown expects its event on, or the latest day any other of the
    item's sentences does (each read from its own article's date): the item is overtaken only
    once all of them have passed. None when the wording pins no expectation."""
    if not item.sentences:
        return None
    shown = articles[item.sentences[0].article].date
    first = due(item.text, shown) if shown else None
    if first is None:
        return None
    days = [
        due(s.text, written)
        for s in item.sentences[1:]
        if (written := articles[s.article].date) is not None
    ]
    return max([first, *(d for d in days if d is not None)])


def _names(text: str) -> frozenset[str]:
    """The terms of the capitalised words, less time words."""
    return frozenset(content_terms(" ".join(_CAPITALISED.findall(text)))) - time_terms()


def _newest(sentences: Sequence[Sentence], articles: Mapping[int, Article]) -> dt.date | None:
    return max(filter(None, (articles[s.article].date for s in sentences)), default=None)


def _on_or_after(day: dt.date | None, when: dt.date) -> bool:
    return day is not None and day >= when


def _newness(s: Sentence, articles: Mapping[int, Article]) -> tuple[dt.date, dt.datetime, int]:
    a = articles[s.article]
    stamp = a.published or dt.datetime.min.replace(tzinfo=dt.UTC)
    return (a.date or dt.date.min, stamp, -s.article)
