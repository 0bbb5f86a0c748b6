"""The figures a sentence states, each with what it counts: ("kill", "17") of "17 people were
killed", ("$", "2 billion") of "$2 billion".

Two reports of one event may give different counts of one thing ("17 killed" / "15 killed"):
an outlet whose sentence gives another figure for the same count does not state the item
(``statements.counted_apart``). A year, a date's day ("Aug. 7") and an identifier ("Flight
990") are no quantity.
"""

from __future__ import annotations

import re
from itertools import compress, count

from summarizer.runtime.memo import Memo
from summarizer.text.words import NUMBER_WORDS, STOP_WORDS, normalise, stem, word_tuple

_MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec"}
)  # fmt: skip
_YEAR_VALUE = re.compile(r"(?:19|20)\d\d")
# A number as printed: 17, 1,250, 2.5, with any thousands separators.
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_TOKEN = re.compile(r"[$€£]?\d[\d,.]*\d|[$€£]?\d|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")
# A digit, or a letter or digit outside ASCII (which ``str.isdigit`` may read as a digit, or
# ``lower`` may change): where ``_may_count`` cannot go by the words alone.
_MAY_DIGIT = re.compile(r"[^\W_a-zA-Z]")  # a word character but "_" and ASCII letters


def figures(text: str) -> frozenset[tuple[str, str]]:
    """(unit, value) for each quantity: the unit is the first content word after the number
    (after "million" and the like), else the one before it ("killed 17.")."""
    if not _may_count(text):
        return frozenset()  # no digit and no number word: no quantity (most sentences)
    tokens = _TOKEN.findall(text.replace("%", " percent"))
    found: set[tuple[str, str]] = set()
    for i in compress(count(), map(_may_be_quantity, tokens)):  # the few that may be
        value = _quantity(tokens, i)
        if value is None:
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].lower() in _MULTIPLIERS:
            value = f"{value} {tokens[j].lower()}"
            j += 1
        money = tokens[i][:1] if tokens[i][:1] in "$€£" else None
        unit = money or _content_stem(tokens[j : j + 3]) or _content_stem(tokens[i - 3 : i][::-1])
        found.add((unit or "", value))
    return frozenset(found)


def _may_count(text: str) -> bool:
    """What any quantity needs: a digit, or a number word among the words. Where every letter
    and digit is ASCII and none is a digit, ``_TOKEN``'s words are the sentence's words
    (``word_tuple``, read already for its terms) but for "%" split off: one search and a set
    lookup, where the tokens took 36 µs a sentence."""
    return _MAY_DIGIT.search(text) is not None or not NUMBER_WORDS.isdisjoint(word_tuple(text))


def _quantity_like(token: str) -> bool:
    bare = token.lstrip("$€£")
    return bare[:1].isdigit() or bare.lower() in NUMBER_WORDS


# Whether a token can be a quantity, as ``_quantity`` asks first (kept per token, ``memo.py``:
# a sentence's tokens are sifted at C speed, where a Python loop over them took 30 µs).
_may_be_quantity = Memo(_quantity_like, 200_000).__getitem__


def _quantity(tokens: list[str], i: int) -> str | None:
    """The value of token ``i`` when it is a quantity, else None."""
    token = tokens[i].lstrip("$€£")
    low = token.lower()
    if _DIGITS.match(token):
        value = token.replace(",", "")
    elif normalise(low).isdigit() and low not in {"one", "zero"}:
        value = normalise(low)
    else:
        return None
    back = i - 2 if i > 1 and tokens[i - 1] == "." else i - 1  # "Aug. 7"
    before = tokens[back] if back >= 0 else ""
    named = before[:1].isupper() and before.isalpha() and before.lower() not in STOP_WORDS
    if before.lower() in MONTHS or named:
        return None  # a date ("Aug. 7") or an identifier ("Flight 990", "Boeing 767")
    if _YEAR_VALUE.fullmatch(value):
        return None  # a year
    return value


def _content_stem(tokens: list[str]) -> str | None:
    for token in tokens:
        low = token.lower()
        if low.isalpha() and low not in STOP_WORDS and len(low) > 1:
            return stem(normalise(low))
    return None
