"""News value: which of the chosen items a reader needs first.

An item's ``score`` already says how much of what the day's outlets carry it states, and by
how many of them (``merging.redundancy``). The main fact of the day is also how a report
opens: the lead sentence of an article, and of the newest articles most of all, is written to
say who did what and when. So the lead block opens with the item that is both widely carried
and an article's opening; the rest go by score.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from summarizer.models import Article, Item, Sentence
from summarizer.selecting import hooks

# Sentences at these positions of their article are its lead: what a reporter put first.
LEAD_POSITIONS = 2
# How far into the newest report its main fact may be: past a photo's caption and the line that
# goes on about the photo, or a feature's hook, that cannot stand alone.
MAIN_FACT_POSITIONS = 3
# How much an article's lead counts over its other sentences, and the newest articles' over
# older ones, when the lead block is ordered.
OPENING = 0.5
RECENT = 0.25


def importance(item: Item) -> float:
    """What an item is worth to the reader: its score (coverage and support)."""
    return item.score


def by_importance(items: Sequence[Item]) -> list[Item]:
    """Most important first; equal ones in the order given."""
    return sorted(items, key=lambda it: -importance(it))


def main_fact(items: Sequence[Item], articles: Mapping[int, Article]) -> Item | None:
    """The day's main fact as a reporter puts it: the opening sentence of the newest report
    ``items`` come from (a newer one may be a view, left out of the news), the most widely
    carried of them when several outlets reported that day; when no newest report's opening
    stands alone (a feature's hook, "This isn't the way medical science is supposed to
    work.", a photo's caption), the first sentence after it that does, within
    ``MAIN_FACT_POSITIONS``. A report that opens on a feature's hook has its news further
    in (``hooks.nuts``): that line, where no other report of the day opens on its news. None
    when none is among ``items``."""
    written = (
        articles[s.article].date for it in items for s in it.sentences if s.article in articles
    )
    newest = max((d for d in written if d is not None), default=None)

    led = hooks.opens_on_news(articles)

    def of_newest(s: Sentence) -> bool:
        return s.article in articles and articles[s.article].date == newest and led(s.article)

    for position in range(MAIN_FACT_POSITIONS):
        found = openings(items, of_newest, position)
        if found:
            return by_importance(found)[0]
    features = [it for a, it in hooks.nuts(items, articles).items() if articles[a].date == newest]
    return by_importance(features)[0] if features else None


def openings(
    items: Sequence[Item], of: Callable[[Sentence], bool] = lambda _: True, position: int = 0
) -> list[Item]:
    """The items that can stand alone and that a report opens with (one whose opening
    sentence, or the one at ``position``, passes ``of``), in the order given."""
    return [
        item
        for item in items
        if item.stands_alone and any(s.position == position and of(s) for s in item.sentences)
    ]


def lead_order(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The lead block's items, the main fact first: importance, raised for an item some
    article opens with (on its news, not on a feature's hook: ``hooks``), and more for one
    the newest articles open with."""
    if not items:
        return []
    dates = sorted({a.date for a in articles.values() if a.date is not None})
    newest = dates[-1] if dates else None
    top = max(importance(it) for it in items) or 1.0
    led = hooks.opens_on_news(articles)

    def weight(item: Item) -> float:
        value = importance(item) / top
        openings = [
            s
            for s in item.sentences
            if s.position < LEAD_POSITIONS and s.article in articles and led(s.article)
        ]
        if openings:
            value += OPENING
            if newest is not None and any(articles[s.article].date == newest for s in openings):
                value += RECENT
        return value

    return sorted(items, key=lambda it: -weight(it))
