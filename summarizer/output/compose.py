"""Compose stage: put the selected sections and the run's bookkeeping into one ``Brief``.

The items are read here in the order the reader meets them, which is what the last edits need:
a person an item calls by surname only is named in full, in square brackets, unless an item
above already did ("[Sen. Chuck] Hagel lambasted…"); and an item from an article dated before
the brief carries that date, so its "on Wednesday" is not read as this week's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from summarizer.models import Article, Brief, Insertion, Item, Skipped, SourceRef, ThemesUsed
from summarizer.selecting.brief import Chosen
from summarizer.text import names


def brief_date(
    articles: Sequence[Article], override: dt.date | None = None, today: dt.date | None = None
) -> dt.date:
    """The date a brief is for: as asked, else the newest article's, else today.

    An article dated after tomorrow is not believed here: a typo ("2062"), or the 9999-12-31
    some systems write for "no date", would otherwise date the whole brief and mark every other
    item as older news. Tomorrow is still believed: somewhere it already is.
    """
    if override:
        return override
    today = today or dt.date.today()
    latest = today + dt.timedelta(days=1)
    dates = [a.date for a in articles if a.date and a.date <= latest]
    return max(dates) if dates else today


def compose(
    title: str,
    date: dt.date,
    chosen: Chosen,
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
    themes: ThemesUsed | None = None,
    since: dt.date | None = None,
) -> Brief:
    """The brief value the templates render: nothing else reaches them. ``since``: the newest
    earlier brief the items were compared with (``history.py``), None for a first brief."""
    sources = tuple(SourceRef(a.outlet, a.title, a.path, a.url, a.date) for a in articles)
    by_id = {a.id: a for a in articles}
    named: dict[str, str] = {}
    return Brief(
        title=title,
        date=date,
        lead=edit(chosen.lead, date, by_id, named),
        sections=tuple(
            replace(s, items=edit(s.items, date, by_id, named)) for s in chosen.sections
        ),
        sources=sources,
        skipped=tuple(skipped),
        themes=themes,
        since=since,
    )


def edit(
    items: Sequence[Item], date: dt.date, articles: dict[int, Article], named: dict[str, str]
) -> tuple[Item, ...]:
    """The items, read in order after what ``named`` holds, each readable on its own (module
    docstring); ``named`` grows by the people they name."""
    return tuple(_dated(restore_names(item, named), date, articles) for item in items)


def restore_names(item: Item, named: dict[str, str]) -> Item:
    """``item`` with the full mention of each person it calls by surname only restored in
    brackets, unless ``named`` (surname: given names, of the people named in full above, the
    last one of each surname) has them, under this spelling or another ("Zelenskyy" above,
    "Zelensky" here: an insertion would print the person's name a second way); ``named``
    grows by the people this item names. With two people of one surname above, the bare
    surname is the last one named's: "Smith" after Richard Smith, then David L. Smith, is
    restored "[Richard] Smith" where it is he. A description's name ("The [Environmental
    Protection] agency") always goes in."""
    if not item.sentences:
        return item
    text = item.text
    inserted = []
    for anchor, words in item.sentences[0].names:
        person = anchor[:1].isupper()
        if person and _named(anchor, words, named):
            continue
        edited = names.insert(text, anchor, words)
        if edited != text:
            text = edited
            added, full = names.bracketed(anchor, words)
            inserted.append(Insertion(added, anchor, full))
            if person:
                named[anchor] = words
    for mention in names.full_mentions(item.text, frozenset()):
        named[mention.surname] = mention.words
    if not inserted:
        return item
    return replace(item, text=text, insertions=tuple(inserted))


def _named(surname: str, words: str, named: dict[str, str]) -> bool:
    """Whether an item above named this person in full, last of the people of that surname,
    or under another spelling."""
    if surname in named:
        return names.same_given(named[surname], words)
    return names.spelled_otherwise(surname, words, named)


def _dated(item: Item, date: dt.date, articles: dict[int, Article]) -> Item:
    """The item with its wording's article date when that is before the brief's date."""
    if not item.sentences:
        return item
    article = articles.get(item.sentences[0].article)
    if article is None or article.date is None or article.date >= date:
        return item
    return replace(item, dated=article.date)
