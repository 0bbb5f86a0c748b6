"""The editor's brief: the day's main news first, then its sections, sized to the day.

An editor keeps five to eight items of a ten-article story and puts the news first. So the
brief is built in two parts from the ranked, merged items:

- the **lead**: the day's main fact (``news.main_fact``: the newest report's opening, or
  past a feature's hook its news: ``hooks``), then
  the best summary in ``LEAD_WORDS`` words, chosen as ``brief summarize --words`` chooses it
  (the concepts the day's outlets carry most, covered once each), of what the brief's own day
  reports (``fresh.py``), each line news an editor would keep, a mark of an event in it
  (``budget.LEAD``); the last week's reports complete it when the day says too little
  (``RECENT_DAYS``). Read side by side on 12 unseen stories, editors preferred this lead to
  one summarising every day's reports in 11 of 11 that differed (docs/evaluation.md), though
  the latter scores higher ROUGE against the DUC summaries, which summarise all the days;
- the **sections**: in themes learned from the day, the lines that add most of what the
  lead did not say, as many as the day holds (``day_size``), only while a line adds enough
  to be worth it and reports an event (``budget.SECTIONS``), and only from the brief's own
  day (read on 12 unseen stories, no reader kept any of nine lines older reports added to a
  short lead); the day's best further lines bring a brief to ``FEWEST`` items where it has
  them, and when it has none the lead's last line opens the sections. In the user's themes (a
  themes file), at least one section's worth, and each theme the items it needs to stand,
  chosen from the whole day as a summary would choose them. Each section is ordered by
  importance, sections by their best item; a theme whose items are too few to stand as a
  section gives them to the fallback section ("Other").

Across both, each fact is told once, in whatever words (``once.py``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from summarizer.models import Article, Item, Section
from summarizer.ranking.concepts import ConceptModel
from summarizer.selecting import fresh, hooks, news, once
from summarizer.selecting.budget import (
    LEAD,
    SECTIONS,
    SUMMARY,
    THEMED_LEAD,
    Worth,
    select_budget,
)
from summarizer.selecting.sections import select_summary
from summarizer.text.words import word_count
from summarizer.themes.model import ThemeModel
from summarizer.themes.themefile import Theme, fallback

# The lead is the day's summary in this many words: what an editor's first paragraph holds,
# and the length the summaries it is measured against have.
LEAD_WORDS = 100
# A section stands with this many items; fewer join the fallback section.
MIN_SECTION = 2
# The lead draws on reports of the brief's last week when its day says too little: an older
# report's line read as trivia or stale to editors (docs/evaluation.md).
RECENT_DAYS = 7
# Words an item takes on average, for a budget of items.
WORDS_PER_ITEM = 30
# What the week or older reports add to a lead of one line: one line.
LONE = 1
# The fewest items a brief of a day that has them holds.
FEWEST = 3


@dataclass(frozen=True)
class Size:
    """How long a brief may be: at most ``items`` items and about ``words`` words; None for
    either: as long as the day calls for (``day_size``)."""

    items: int | None = None
    words: int | None = None


AS_THE_DAY_HOLDS = Size()


def day_size(articles: int, asked: Size = AS_THE_DAY_HOLDS) -> tuple[int, int]:
    """Items and words for a day of ``articles`` articles: about six for ten articles, eight
    for twenty-five, twelve at most for a story of hundreds, unless asked otherwise."""
    grown = round(6 + 4 * math.log10(max(articles, 1) / 10))
    items = asked.items or min(max(grown, 4), 12)
    words = asked.words or items * WORDS_PER_ITEM
    return items, words


@dataclass(frozen=True)
class Chosen:
    """The brief's items: the lead, then the sections."""

    lead: tuple[Item, ...]
    sections: tuple[Section, ...]


def select_brief(
    items: Sequence[Item],
    model: ConceptModel | None,
    themes: Sequence[Theme],
    placer: ThemeModel,
    articles: Mapping[int, Article],
    size: Size = AS_THE_DAY_HOLDS,
    keep_themes: bool = False,
    date: dt.date | None = None,
) -> Chosen:
    """The lead and the sections of the brief of ``date`` (module docstring). ``keep_themes``:
    the themes are the user's (a themes file), so each gets the items it needs to stand as a
    section where the day has them, beyond the day's size if need be."""
    most, words = day_size(len(articles), size)
    date = fresh.news_day(items, articles, date)  # the day whose news leads the brief
    items = hooks.without_hooks(fresh.showable(items, articles, date), articles)
    # A themes file's brief keeps the lead it had, lines of every score: the user's themes
    # stand on the day's lesser lines as well, and a lead that took their better ones would
    # leave them too few (``_stand``).
    worth = THEMED_LEAD if keep_themes else LEAD
    lead = lead_items(items, model, articles, min(words, LEAD_WORDS), most, date, worth=worth)
    lead, _ = once.one_each(lead, [], items, articles)  # what is left of it decides the rest
    budget = _Budget(model, articles, most, words)
    if keep_themes:
        body = _themed_body(items, lead, themes, placer, size, budget)
    else:
        body = _day_body(items, lead, size, date, budget)
    lead, body = once.one_each(lead, body, items, articles)
    if size == AS_THE_DAY_HOLDS and not body and len(lead) > 1:
        # A brief is more than its lead: the lead's last item opens the sections.
        *lead, last = order_lead(lead, articles)
        body = [last]
    return Chosen(order_lead(lead, articles), _sections(body, themes, placer))


class _Budget(NamedTuple):
    """What a brief's body is chosen with: the concepts, the day's articles, its size."""

    model: ConceptModel | None
    articles: Mapping[int, Article]
    most: int
    words: int


def _words(items: Iterable[Item]) -> int:
    """The words the items take, as a reader counts them."""
    return sum(word_count(it.text) for it in items)


def _day_body(
    items: Sequence[Item],
    lead: Sequence[Item],
    size: Size,
    date: dt.date | None,
    budget: _Budget,
) -> list[Item]:
    """The sections of a brief in themes learned from the day: what the brief's own day
    reports beyond the lead, each line an event worth its line (``budget.SECTIONS``), and
    nothing more when it reports no more, but at least ``FEWEST`` items where the day has
    them; to the length the user set, as a summary fills it. Read on 12 unseen stories
    (reading 18), the lines older reports added to a short lead were kept by no reader
    (none of 9), the day's own three in eight; only a lead of one line takes one from
    them."""
    model, articles, most, words = budget
    asked = bool(size.items or size.words)  # a length the user set is filled, as a summary
    left = max(words - _words(lead), 0)
    room = max(most - len(lead), 0)
    if not room:
        return []
    day = fresh.fresh(items, articles, date)
    body = _body(day, model, articles, lead, left, room, SUMMARY if asked else SECTIONS)
    if asked:
        return body
    # A brief of one or two lines leaves out what its reader needs (paired reading: the
    # Sumatra quake's length, Haiti's appeal to donors): the day's best further lines, plain
    # statements too, bring it to ``FEWEST``.
    short = min(FEWEST, most) - len(lead) - len(body)
    if short > 0:
        taken = [*lead, *body]
        body += _body(day, model, articles, taken, short * WORDS_PER_ITEM, short, THEMED_LEAD)
    if body or len(lead) > 1:
        return body  # a lead of two or more gives its last line to the sections
    # A lead of one line is no brief: the week's best event opens the sections, else an
    # older report's, dated (``LONE``).
    for earlier in (fresh.fresh(items, articles, date, days=RECENT_DAYS), items):
        body = _body(earlier, model, articles, lead, left or WORDS_PER_ITEM, LONE, SECTIONS)
        if body:
            break
    return body


def _themed_body(
    items: Sequence[Item],
    lead: Sequence[Item],
    themes: Sequence[Theme],
    placer: ThemeModel,
    size: Size,
    budget: _Budget,
) -> list[Item]:
    """The sections of a brief in the user's themes: at least one section's worth unless the
    user set the length, from the whole day, and each theme the items it needs to stand
    (``_stand``), chosen as a summary would choose them."""
    model, articles, most, words = budget
    least = 0 if size.items or size.words else MIN_SECTION
    left = max(words - _words(lead), least * WORDS_PER_ITEM)
    room = max(most - len(lead), least)
    body = _body(items, model, articles, lead, left, room, SUMMARY) if room else []
    if size == AS_THE_DAY_HOLDS:
        body += _stand(items, model, articles, lead, body, themes, placer)
    return body


def order_lead(lead: Sequence[Item], articles: Mapping[int, Article]) -> tuple[Item, ...]:
    """The day's main fact first (``lead_items``), the rest by ``news.lead_order``; but an item the
    budget added past ``LEAD_WORDS`` for its opening words (``budget._fill``) stays last,
    where it was chosen to be, so the lead's first ``LEAD_WORDS`` words are a summary."""
    if len(lead) < 3:
        return tuple(lead)
    first, *rest = lead
    if _words(lead) <= LEAD_WORDS:
        return (first, *news.lead_order(rest, articles))
    return (first, *news.lead_order(rest[:-1], articles), rest[-1])


def lead_items(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    words: int,
    most: int,
    date: dt.date | None,
    first: Item | None = None,
    older: bool = False,
    worth: Worth = LEAD,
) -> list[Item]:
    """The day's summary in ``words`` words, opening with the main fact of what the brief's
    own day reports (``fresh``): the rest is the best summary of everything the day's
    articles tell, what the opening said counting for nothing. ``first``: the main fact when
    it is already chosen (a story section choosing its other items again, ``stories``);
    ``older``: reports older than the week may complete it; ``worth``: how news value counts
    in its further lines."""
    new = fresh.fresh(items, articles, date)
    if first is None:
        today = _summary(new, model, articles, words, most)
        if not today:
            return _summary(items, model, articles, words, most)
        first = news.main_fact(new, articles) or news.lead_order(today, articles)[0]
    left = words - word_count(first.text)
    if left <= 0 or most <= 1:
        return [first]
    rest = _more(new, model, articles, [first], left, most - 1, worth)
    # The day said too little: the week's reports complete it; older ones only a story's
    # section (``older``), which would otherwise be one line. In a brief's lead an older
    # report's line beside the day's news read as stale ("…frozen all deals with Iran until
    # the 15 sailors are released", under the inquiries into their capture, TAC M002).
    week = fresh.fresh(items, articles, date, days=RECENT_DAYS)
    for earlier in (week, items) if older else (week,):
        said = _words((first, *rest))
        if said * 2 < words and len(rest) + 1 < most:
            taken = [first, *rest]
            more = most - 1 - len(rest)
            rest += _more(earlier, model, articles, taken, words - said, more, worth)
    return [first, *rest]


def _more(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    taken: Sequence[Item],
    words: int,
    most: int,
    worth: Worth = LEAD,
) -> list[Item]:
    if model is not None:
        return select_budget(items, model, words, articles, taken=taken, most=most, worth=worth)
    return select_summary([*taken, *items], words=words)[len(taken) : len(taken) + most]


def _summary(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    words: int,
    most: int,
) -> list[Item]:
    if model is not None:
        chosen = select_budget(items, model, words, articles)
        if chosen:
            return chosen[:most]
    return select_summary(items, words=words)[:most]


def _body(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    lead: Sequence[Item],
    words: int,
    room: int,
    worth: Worth = SECTIONS,
) -> list[Item]:
    """What the day adds to the lead, each item worth its line: it adds enough (``strong``)
    and, unless ``worth`` says otherwise, reports an event (``SECTIONS``)."""
    if model is not None:
        return select_budget(
            items,
            model,
            words,
            articles,
            taken=lead,
            most=room,
            fill=False,
            strong=True,
            worth=worth,
        )
    rest = select_summary([*lead, *items], sentences=len(lead) + room, words=None)
    return rest[len(lead) :]


def _stand(
    items: Sequence[Item],
    model: ConceptModel | None,
    articles: Mapping[int, Article],
    lead: Sequence[Item],
    body: Sequence[Item],
    themes: Sequence[Theme],
    placer: ThemeModel,
) -> list[Item]:
    """For each theme short of a section, its best further items (each adding what the brief
    did not say), so the user's themes stand where the day has them."""
    theme_of = {id(it): placer.place(it).theme for it in (*items, *body)}
    added: list[Item] = []
    for theme in themes:
        need = MIN_SECTION - sum(1 for it in body if theme_of[id(it)] == theme.key)
        if theme.fallback or need <= 0:
            continue
        own = [it for it in items if theme_of[id(it)] == theme.key]
        taken = [*lead, *body, *added]
        # the user's theme stands on what the day has of it, as a summary would choose it
        room = need * WORDS_PER_ITEM * 2
        added += _body(own, model, articles, taken, room, need, SUMMARY)[:need]
    return added


def _sections(
    body: Sequence[Item], themes: Sequence[Theme], placer: ThemeModel
) -> tuple[Section, ...]:
    """The body items in their themes: a theme with too few for a section gives them to the
    fallback; sections in the order of their best item, the fallback last."""
    placed = [replace(item, placement=placer.place(item)) for item in body]
    by_theme: dict[str, list[Item]] = {}
    for item in placed:
        assert item.placement is not None
        by_theme.setdefault(item.placement.theme, []).append(item)
    other = fallback(themes)
    for key in [k for k, members in by_theme.items() if len(members) < MIN_SECTION]:
        if key != other.key:
            by_theme.setdefault(other.key, []).extend(by_theme.pop(key))
    titles = {t.key: t.title for t in themes}
    sections = [
        Section(key, titles[key], tuple(news.by_importance(members)))
        for key, members in by_theme.items()
    ]
    return tuple(
        sorted(sections, key=lambda s: (s.theme == other.key, -news.importance(s.items[0])))
    )
