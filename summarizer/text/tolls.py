"""A count of lives lost, and whether it is a running count that later reports will raise.

"The death toll ... has risen to 7,085", "at least 50 people were killed", "killing more than
200": a toll told as it stands (a death toll, or a count hedged with "at least", "more than",
"nearly") is the state of a count on the day it was written. A newer report on the same event
with a larger count has overtaken it (``merging.currency.outcounted``); a plain "3,261 people
were killed in Izmit" is no running count and stays.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.runtime.gated import Gated

_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+)(?![\d,.]*\d)"
_HEDGE = r"(?:at least|more than|nearly|almost|over|about|around|some|up to|roughly)"
_DEAD = r"(?:killed|dead|died|deaths|perished)"
_WORDS = r"(?:[a-z-]+ ){0,3}?"
_TOLL_PHRASE = Gated(
    re.compile(
        rf"\b(?:death toll|toll of (?:dead|deaths|lives)|number of (?:dead|deaths|people killed|"
        rf"victims))\b[^.;]{{0,100}}?\b(?:to|at|of|reached|hit|passed|topped|exceeded|is|was|"
        rf"stood at|now)\s+(?:{_HEDGE}\s+)?{_NUMBER}\b"
    ),
    "toll",
    "number of",
)
# What a count of lives needs: one of these words, lower-cased (``gated.py``).
_LIVES_WORDS = ("kill", "dead", "died", "deaths", "perished")
_HEDGED = Gated(
    re.compile(rf"\b{_HEDGE} {_NUMBER} {_WORDS}(?:(?:were|have been|had been|are|was) )?{_DEAD}\b"),
    *_LIVES_WORDS,
)
_PLAIN = Gated(
    re.compile(rf"\b{_NUMBER} {_WORDS}(?:(?:were|have been|had been|are|was) )?{_DEAD}\b"),
    *_LIVES_WORDS,
)
# A count before its verb's object: "killing at least 12", "claimed 1,970 lives" (not "saved 20
# lives": lives counted lost only).
_KILLING = Gated(
    re.compile(
        rf"\b(?:killed|killing|kills) (?:({_HEDGE}) |all )?{_NUMBER}\b"
        rf"|\b(?:claimed|claiming|cost|costing) (?:({_HEDGE}) )?{_NUMBER} (?:[a-z-]+ )?lives\b"
    ),
    "kill",
    "lives",
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


class Toll(NamedTuple):
    """The largest count of lives lost a sentence gives, and whether it is a running count."""

    lives: int
    running: bool


def toll(text: str) -> Toll | None:
    """The sentence's count of lives lost, or None where it gives none."""
    if _DIGIT.search(text) is None:
        return None  # every count here is in digits: most sentences have none
    lower = text.lower()
    found: list[Toll] = []
    for gated, running in ((_TOLL_PHRASE, True), (_HEDGED, True), (_PLAIN, False)):
        if gated.holds(lower):
            found.extend(Toll(n, running) for n in _counts(gated.pattern, lower, group=1))
    if _KILLING.holds(lower):
        for m in _KILLING.pattern.finditer(lower):
            hedge, number = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
            if (n := _count(number)) is not None:
                found.append(Toll(n, hedge is not None))
    if not found:
        return None
    lives = max(t.lives for t in found)
    return Toll(lives, any(t.running for t in found if t.lives == lives))


def _counts(pattern: re.Pattern[str], lower: str, group: int) -> list[int]:
    return [n for m in pattern.finditer(lower) if (n := _count(m.group(group))) is not None]


def _count(number: str) -> int | None:
    """The number, unless it reads as a year ("killed in 1999" is no count)."""
    if _YEAR.fullmatch(number):
        return None
    return int(number.replace(",", ""))
