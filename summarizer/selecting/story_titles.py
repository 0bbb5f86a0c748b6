"""A story section's title: what the section's items say, not only what one report says.

A story of many reports (a DUC topic is a subject followed for years) can show items from
several of them; the headline of one report then names one event over items about others.
So the title is the first of the story's headlines (the first item's reports' first) that
fits the shown items: it tells more than half of them, or half and shares a word with every
one, an item being told by a headline when it comes from that headline's report or shares
``SHARED`` content words with it. When none fits, the title is a phrase the items print
(``shared_phrase``): a noun phrase of two words or more whose content words the items hold
(half of them or more) and that an editor would print (``themes.headings.printable``: no
unit, bare place, surname or name's fragment, nor a name alone: "United Nations" over a
quake's toll). When no phrase fits either, the headline sharing words with most items heads
the section, and a story whose reports have no usable headline is named as ``brief
stories`` names it. Notices (a news service's list, an
advisory, a caption) never head a section (``stories.headlines``).

A section's items are first made to agree with its title (``stories._told_items``): the
headline of a report its main fact comes from (``main_fact_headlines``) tells every shown item
(``told_by``), or the section shows only items the main fact's own headline tells.
The rule above is for the sections that headline cannot head (a main fact from a report
with no usable headline, or a headline that tells no item but the main fact).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from summarizer.models import Article, Item, Story
from summarizer.stories.headlines import headline, story_title
from summarizer.text.words import content_terms
from summarizer.themes.headings import DayNames, day_names, printable
from summarizer.themes.titles import as_heading, noun_phrases

# Content words an item shares with a headline, at least, to be told by it.
SHARED = 2
# A phrase made from the items has at least this many words: never one word.
PHRASE_WORDS = 2
# A headline tells another report's item only when that report is this many days from its own.
WEEK = 7


def section_title(story: Story, items: Sequence[Item], articles: Mapping[int, Article]) -> str:
    """The section's title (module docstring): the first of the story's headlines that fits
    ``items`` (the first item's reports' first), else a phrase most of them print, else the
    headline sharing words with most of them, else the story's title."""
    heads = _headlines(story, items, articles)
    said = [frozenset(content_terms(item.text)) for item in items]
    sources = [{s.article for s in item.sentences} for item in items]
    told = {text: _telling(text, ids, said, sources) for text, ids in heads.items()}
    fit = next((text for text, (n, touched) in told.items() if _fits(n, touched, len(items))), None)
    if fit is None:
        leads = [
            articles[a].paragraphs[0]
            for a in story.articles
            if a in articles and articles[a].paragraphs
        ]
        fit = shared_phrase([item.text for item in items], leads)
    if fit is None and told:
        fit = max(told, key=lambda text: told[text][1])  # the first of the best
    return fit or story_title([articles[a] for a in story.articles if a in articles])


def shared_phrase(texts: Sequence[str], leads: Sequence[str] = ()) -> str | None:
    """A noun phrase of ``PHRASE_WORDS`` words or more that ``texts`` (the items) or the
    story's ``leads`` print, whose content words occur in half of ``texts`` or more (a word's
    share of the items, averaged over the phrase's words) and that an editor would print; the
    one whose words the items hold most, then printed most often, then the first printed.
    None when no phrase fits."""
    said = [frozenset(content_terms(text)) for text in texts]
    printed: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}
    for text in [*texts, *leads]:
        for phrase in noun_phrases(text):
            if len(phrase.words) >= PHRASE_WORDS:
                printed.setdefault(phrase.key, Counter())[phrase.words] += 1
    held = {key: sum(len(s.intersection(key)) / len(key) for s in said) for key in printed}
    day = day_names([*texts, *leads])
    for key in sorted(printed, key=lambda key: (-held[key], -printed[key].total())):
        if 2 * held[key] < len(texts):
            return None
        words = printed[key].most_common(1)[0][0]
        if printable(words, day) and not _a_name(words, day):
            return as_heading(words, day.cases)
    return None


def _a_name(words: Sequence[str], day: DayNames) -> bool:
    """A name alone, every word one the day prints capitalised (``DayNames.proper``, as
    ``printable`` reads it): "United Nations" tells who is in the story, not what happened;
    TAC's Haiti quake under it read as another story."""
    return all(map(day.proper, words))


def _headlines(
    story: Story, items: Sequence[Item], articles: Mapping[int, Article]
) -> dict[str, set[int]]:
    """Each usable headline (``headlines.headline``) of the reports the items come from, in
    the items' order, then of the story's other reports, with the reports it heads."""
    ids = [s.article for item in items for s in item.sentences] + list(story.articles)
    heads: dict[str, set[int]] = {}
    for number in ids:
        if number in articles and (text := headline(articles[number])):
            heads.setdefault(text, set()).add(number)
    return heads


def main_fact_headlines(
    story: Story, items: Sequence[Item], articles: Mapping[int, Article]
) -> list[tuple[str, frozenset[int]]]:
    """The usable headlines of the reports the main fact (``items[0]``) is credited to, the
    one it is printed from first, each with the reports it heads."""
    if not items:
        return []
    first = {s.article for s in items[0].sentences}
    heads = _headlines(story, items[:1], articles)
    return [(t, frozenset(ids)) for t, ids in heads.items() if ids & first]


def told_by(
    text: str, reports: frozenset[int], items: Sequence[Item], articles: Mapping[int, Article]
) -> list[bool]:
    """For each item, whether the headline ``text`` of ``reports`` tells it: it comes from one
    of those reports, or shares ``SHARED`` content words with the headline and was reported
    within ``WEEK`` days of it. A headline tells its week's news: a story followed for
    months holds other events in the same words (a law "passed" in Burma's sanctions
    debate is not the crackdown anniversary that "passes quietly")."""
    terms = set(content_terms(text))
    dates = {articles[a].date for a in reports if a in articles}
    told = []
    for item in items:
        ids = {s.article for s in item.sentences}
        near = any(_near(articles[a].date, dates) for a in ids if a in articles)
        shared = len(terms.intersection(content_terms(item.text)))
        told.append(bool(reports & ids) or (near and shared >= SHARED))
    return told


def _near(date: dt.date | None, dates: set[dt.date | None]) -> bool:
    """Whether ``date`` is within ``WEEK`` days of one of ``dates``; an undated report is."""
    if date is None or None in dates:
        return True
    return any(abs((date - d).days) <= WEEK for d in dates if d is not None)


def _telling(
    text: str, reports: set[int], said: Sequence[frozenset[str]], sources: Sequence[set[int]]
) -> tuple[int, int]:
    """How many items the headline tells (from its reports, or sharing ``SHARED`` words), and
    how many share at least one word with it."""
    terms = set(content_terms(text))
    shared = [
        (bool(ids & reports), len(terms & words)) for words, ids in zip(said, sources, strict=True)
    ]
    told = sum(1 for own, n in shared if own or n >= SHARED)
    return told, sum(1 for own, n in shared if own or n)


def _fits(told: int, touched: int, total: int) -> bool:
    """A headline fits the items when it tells more than half of them, or half of them and
    shares a word with every one ("Norland central bank raises interest rate" over two items
    on the rise and two on inflation in Norland)."""
    return _most(told, total) or (2 * told == total and touched == total)


def _most(count: int, total: int) -> bool:
    """More than half."""
    return 2 * count > total
