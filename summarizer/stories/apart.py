"""Two stories of one kind, told apart by when and where they happened.

Two earthquakes weeks or years and an ocean apart share what any quake's reports say
("magnitude", "aftershock", "relief", "donations"); on a day of few articles a story of ten
has more neighbours (``grouping.NEIGHBOURS``) outside it than in it, and those of two such
stories are the same articles: average link joined TAC 2011's Sumatra tsunami (2004-05) and
Haiti earthquake (2010) into one story, and, those two held apart, Haiti's with Chile's six
weeks later. Two groups are kept apart when both are stories told by ``LEAST`` articles or
more, the later one's first report came more than ``GAP_DAYS`` after the earlier one's, and
each has a place the other hardly names (in ``ELSEWHERE`` of its articles or fewer). A
group's place is the countries half its articles or more name ("Haiti"; pycountry's list,
``name_lists.countries``), else, naming none so often, the names half of them write ("Asia"):
without one, a group is not held apart. Wire copies and rewrites of one event come the same
days; a follow-up of one story, even years on, names its place again. One article's names
are not its story's place (every person and body it mentions in passing), so a stray or a
pair is never held apart: DUC 2006's topics, each a subject followed for years, join such
articles from other places and times. Names are read from the whole text, as written: a
generic name ("United States", "I") that both groups write keeps them together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from summarizer.models import Article
from summarizer.stories.vectors import IntArray, name_words
from summarizer.text.name_lists import countries
from summarizer.text.names import CALENDAR, POSSESSIVE

LEAST = 3  # articles a group needs for its times and names to be a story's
GAP_DAYS = 30  # the least time between the first reports of two stories held apart
PLACE_SHARE = 0.5  # a name at least this share of a story's articles write is its place
ELSEWHERE = 0.1  # a place at most this share of the other group's articles name is not theirs
UNDATED = -1


class Apart:
    """Whether two groups of the day's articles (row numbers) are different stories of one
    kind (see the module's docstring). An article's names are read when first asked for:
    most joins are of strays, which never need them."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self.dates: IntArray = np.asarray(
            [a.date.toordinal() if a.date else UNDATED for a in articles], dtype=np.int64
        )
        self.names: dict[int, frozenset[str]] = {}

    def __call__(self, first: Sequence[int], second: Sequence[int]) -> bool:
        if min(len(first), len(second)) < LEAST or not self._far_in_time(first, second):
            return False
        one, other = self._written(first), self._written(second)
        return self._elsewhere(one, len(first), other, len(second)) and self._elsewhere(
            other, len(second), one, len(first)
        )

    def _far_in_time(self, first: Sequence[int], second: Sequence[int]) -> bool:
        """Whether the two groups' first reports (of their dated articles) are more than
        ``GAP_DAYS`` apart; a group with no date is not."""
        one, other = self._dated(first), self._dated(second)
        return bool(one.size and other.size and abs(one.min() - other.min()) > GAP_DAYS)

    def _dated(self, rows: Sequence[int]) -> IntArray:
        dated = self.dates[np.asarray(rows, dtype=np.int64)]
        return np.asarray(dated[dated != UNDATED], dtype=np.int64)

    def _elsewhere(self, own: Counter[str], size: int, other: Counter[str], others: int) -> bool:
        """Whether a group (its names, ``own``, of ``size`` articles) has a place that the
        other group's articles (``other``, of ``others``) hardly name."""
        place = self._place(own, size)
        return bool(place) and all(other[name] <= ELSEWHERE * others for name in place)

    @staticmethod
    def _place(written: Counter[str], size: int) -> set[str]:
        """The countries ``PLACE_SHARE`` of a group's articles name, else its names."""
        often = {name for name, count in written.items() if count >= PLACE_SHARE * size}
        return (often & countries()) or often

    def _written(self, rows: Sequence[int]) -> Counter[str]:
        """How many of the group's articles write each name."""
        return Counter(name for row in rows for name in self._names(row))

    def _names(self, row: int) -> frozenset[str]:
        if row not in self.names:
            found = {POSSESSIVE.sub("", w) for w in name_words(self.articles[row].paragraphs)}
            self.names[row] = frozenset(found - CALENDAR)
        return self.names[row]
