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
# A count of lives told before its death word, hedged ("at least 50 people were killed": a
# running count) or not ("3,261 people were killed"); asked only of a text that holds one of
# the death words, lower-cased (``gated.py``).
_COUNTED = Gated(
    re.compile(
        rf"\b(?:({_HEDGE}) )?{_NUMBER} {_WORDS}(?:(?:were|have been|had been|are|was) )?{_DEAD}\b"
    ),
    *("kill", "dead", "died", "deaths", "perished"),
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
    if _TOLL_PHRASE.holds(lower):  # a death toll is a running count
        numbers = (m.group(1) for m in _TOLL_PHRASE.pattern.finditer(lower))
        found.extend(Toll(n, True) for n in map(_count, numbers) if n is not None)
    for gated in (_COUNTED, _KILLING):
        if gated.holds(lower):
            for m in gated.pattern.finditer(lower):
                hedge, number = _hedged(m)
                if (n := _count(number)) is not None:
                    found.append(Toll(n, hedge is not None))
    if not found:
        return None
    lives = max(t.lives for t in found)
    return Toll(lives, any(t.running for t in found if t.lives == lives))


def _hedged(m: re.Match[str]) -> tuple[str | None, str]:
    """A count's hedge ("at least"; None without one) and number: its match's first pair of
    groups that holds a number (``_KILLING`` has two alternatives, a pair each)."""
    groups = m.groups()
    return (groups[0], groups[1]) if groups[1] else (groups[2], groups[3])


def _count(number: str) -> int | None:
    """The number, unless it reads as a year ("killed in 1999" is no count)."""
    if _YEAR.fullmatch(number):
        return None
    return int(number.replace(",", ""))
