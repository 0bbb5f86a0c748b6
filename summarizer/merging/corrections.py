"""Corrections: a figure a report withdrew is not printed as the day's.

Officials revise figures, and a report says so: "The government on Tuesday said the death
toll rose to 17,997, but revised that figure down to 12,514 early today", "a mistake had
been made while entering data into a computer, resulting in the erroneous report that
nearly 18,000 people had died". Another outlet's report of the same day still reads "The
death toll … reached 17,997", and a brief that leads with it prints a withdrawn figure as
the news (an editor's reading of the Turkish earthquake's brief, docs/evaluation.md).

A sentence **withdraws** the figures it calls erroneous, mistaken or incorrect, and the ones
it says were revised or corrected ("revised that figure down to 12,514": every figure of the
sentence but the one it was revised to). An item is left out when its wording states a
withdrawn figure (within ``SAME_FIGURE``: "nearly 18,000" is 17,997) and shares a word with
the withdrawing sentence besides figures and days (the toll, the dead), and no article of
its own is newer than the withdrawing sentence's: a later report that states the figure
again has the last word. The withdrawing sentences themselves stay.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from summarizer.models import Article, Item, Sentence
from summarizer.text.statements import statement
from summarizer.text.timing import time_terms

# How close two figures must be to be one: "nearly 18,000" and 17,997.
SAME_FIGURE = 0.01
# "the erroneous report", "a mistaken figure": a figure called wrong, not anything else
# ("incorrectly installed child seats").
_COUNTS = r"(?:report|reports|figure|figures|number|numbers|count|toll|total|estimate|tally)"
_ERRONEOUS = re.compile(rf"\b(?:erroneous|mistaken|incorrect|wrong)\s+(?:\w+\s+)?{_COUNTS}\b", re.I)
# "revised that figure down to 12,514", "corrected the toll to 212".
_REVISED = re.compile(
    rf"\b(?:revised|corrected)\s+(?:(?:that|the|its|this|their)\s+(?:\w+\s+)?{_COUNTS}\s+)?"
    r"(?:down|up|downward|upward)?\s*to\s+(?:about\s+|nearly\s+)?(\d[\d,.]*\d|\d)",
    re.I,
)


# A word one of the two patterns needs.
_SIGNS = ("erroneous", "mistaken", "incorrect", "wrong", "revised", "corrected")


def without_withdrawn(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The items less those stating a figure a report of the same day or later withdrew."""
    withdrawals = [
        (s, figures) for item in items for s in item.sentences if (figures := _withdrawn(s.text))
    ]
    if not withdrawals:
        return list(items)
    return [item for item in items if not _states_withdrawn(item, withdrawals, articles)]


def _withdrawn(text: str) -> frozenset[float]:
    """The figures ``text`` withdraws (module docstring); none for most sentences."""
    lower = text.lower()
    if not any(word in lower for word in _SIGNS):  # most sentences: no pattern can match
        return frozenset()
    revised = _REVISED.search(text)
    if not revised and not _ERRONEOUS.search(text):
        return frozenset()
    values = {_number(v) for v in statement(text).values}
    if revised:
        values.discard(_number(revised.group(1)))
    return frozenset(v for v in values if v is not None)


def _states_withdrawn(
    item: Item,
    withdrawals: Sequence[tuple[Sentence, frozenset[float]]],
    articles: Mapping[int, Article],
) -> bool:
    if not item.sentences or _withdrawn(item.text):
        return False
    said = statement(item.text)
    values = {v for v in map(_number, said.values) if v is not None}
    newest = max((d for s in item.sentences if (d := articles[s.article].date)), default=None)
    for sentence, figures in withdrawals:
        when = articles[sentence.article].date
        if newest is not None and when is not None and newest > when:
            continue  # a later report states it again
        close = any(abs(v - f) <= SAME_FIGURE * f for v in values for f in figures)
        shared = said.terms & statement(sentence.text).terms - time_terms()
        if close and any(not t[:1].isdigit() for t in shared):
            return True
    return False


def _number(value: str) -> float | None:
    try:
        return float(value.replace(",", ""))
    except ValueError:
        return None
