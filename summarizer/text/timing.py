"""What a sentence says about time: whether it tells of something still to come, and by when.

A brief made of several days' articles must not print Monday's "the vote is expected Friday"
as news on Saturday. Two questions are asked of a sentence, outside its quotations (a speaker's
"we will win" is what they said, not what the outlet expects):

- ``expects``: is the statement open, told in a form a later report settles? A future or
  modal verb ("will", "would", "could"), an expectation ("is expected to", "is scheduled to",
  "plans to", "is to"), or a state that lasts until news ends it ("remains", "is in a coma",
  "in critical condition", "pending"). These are English's closed classes of future and
  modality, not words of any one story.
- ``due``: the day such an expectation falls due, when the sentence pins it after the verb
  ("will vote Thursday", "is scheduled for Feb. 22", "next week", "in May"), read from the
  day the article was written; always the latest day the words can mean, so that a statement
  is never taken for past before its time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache

from summarizer.runtime.gated import Gated
from summarizer.runtime.workers import SharedCache
from summarizer.text.quotes import may_quote
from summarizer.text.words import content_terms


@cache
def time_terms() -> frozenset[str]:
    """The terms of words about time, which share nothing about an event: "Friday", "next
    week", "August". Stemmed at first use, not at import (nltk loads then)."""
    return frozenset(
        content_terms(
            "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow "
            "week weeks month months year years day days january february march april june "
            "july august september october november december jan feb mar apr jun jul aug sep "
            "sept oct nov dec"
        )
    )


# Outside quotations only. A quotation left open runs to the end (a quoted paragraph).
_QUOTED = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")
# Future and modal verbs, expectations, and states that last until news ends them. Not after
# "that", "which" or "who": "the city that will be Clinton's first stop" tells of a protest.
# Not a modal's perfect ("may have been Monday night") nor "could not" ("could not be reached
# Wednesday"): both tell of the past.
_OPEN = Gated(
    re.compile(
        r"\b(?:(?:will|shall|would|could(?! not\b)|may|might|won't|wouldn't)\b"
        r"(?! (?:not )?have\b)|"
        r"(?:is|are|was|were|be|been|being) (?:(?:expected|scheduled|due|slated)\b|"
        r"set (?:to|for)\b|(?:poised|likely|planning|preparing|going) to\b)|"
        r"(?:is|are) to (?=[a-z]+\b)|(?:plans?|planned|intends?|intended|expects?) to|"
        r"remains?|pending|awaiting|upcoming|in a coma|in (?:critical|serious|grave) condition|"
        r"on life support)\b"
    ),
    *("will", "shall", "would", "could", "may", "might", "won't", "expect", "scheduled"),
    *("due", "slated", "set to", "set for", "poised", "likely", "plan", "preparing"),
    *("going to", "is to", "are to", "intend", "remain", "pending", "awaiting", "upcoming"),
    *("in a coma", "condition", "on life support"),  # one in four sentences holds one
)
_RELATIVE = re.compile(r"\b(?:that|which|who) $")
# A verb of saying: an expectation after it is someone's reported words, and a time after it
# ("…, the bank announced Friday") is when they were said, not when the event is due.
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|announced|announces|reported|reports|stated|added|"
    r"confirmed|disclosed|declared|noted|wrote|quoted|published|released)\b"
)
# Where the verb's clause ends for a time expression: an attribution, a clause of its own
# (", which won approval on Dec. 31"), or a past verb or participle that is not passive after
# "be" ("would nullify an order issued in May", "after the evidence ended Tuesday"; but "will
# be released Thursday"). "Was told Wednesday" is an attribution all the same.
_CLAUSE_END = re.compile(
    r", (?:which|who|whose|where|when)\b|"
    rf"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?:{_REPORTING.pattern}|"
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )\b[a-z]{2,}ed\b)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# A time after the verb: a weekday (not "last Friday", nor the "Sunday Times"), a month's day
# (with its year), "in May", "in 1999", "this week" (not "earlier this week"), "next month",
# "later this year", "tomorrow".
_WHEN = re.compile(
    r"(?<!\blast )(?<!\bearlier )(?<!\bpast )"
    rf"\b(?:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?! [A-Z])|"
    rf"(?P<month>{_MONTH}) (?P<day>\d{{1,2}})\b(?:,? (?P<year>(?:19|20)\d\d))?|"
    rf"(?:in|by|until|before|early|mid|late)[ -](?P<whole>{_MONTH})(?! \d)|"
    r"(?:in|by|until|before|of) (?P<whole_year>(?:19|20)\d\d)|"
    r"(?:(?P<span>this|next)|later this) (?P<unit>week|month|year)|(?P<tomorrow>tomorrow))\b"
)
# A month's day without a year up to this many days before the article is past ("released
# June 29" in July); further back, it is next year's ("scheduled for Feb. 22" in November).
_RECENT_DAYS = 60


# Words that place a statement by the day it was written: true that day, misleading under a
# later date ("the vote is today", "was arrested on Monday", "earlier this week", "at the
# summit last December", "two weeks ago", "this year"). A weekday before a name is the name's
# ("the Sunday Times"), unless "on" says it is a day ("On Tuesday Prime Minister Tony Blair…").
_DAY_BOUND = Gated(
    re.compile(
        r"\b(?:(?i:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening|week|"
        r"weekend)|(?:next|last) (?:night|week|weekend)|(?:this|next|last) (?:month|year|spring|"
        r"summer|fall|autumn|winter)|(?:\d+|a|an|one|two|three|four|five|six|several|few) "
        r"(?:days?|weeks?|months?|years?) ago)|[Oo]n (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
        r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?! [A-Z])|"
        rf"(?<!the )(?<!The )(?:last|next|this) {_MONTH}(?! \d))"
        r"\b"
    ),
    *("day", "tonight", "tomorrow", "this", "next", "last", "ago"),  # case-folded
)


def _outside_quotes(text: str) -> str:
    if not may_quote(text):
        return text  # no mark to open a quotation (most sentences): the text as it is
    return _QUOTED.sub(" ", text)


# Worked out where the sentence is split (in a worker process on a large day) and handed
# back with it (``workers.SharedCache``): the brief asks it of every item.
_DAY_BOUND_TEXTS: SharedCache[str, bool] = SharedCache("day bound", 100_000, per_item=True)


def day_bound(text: str) -> bool:
    """Whether the sentence, outside its quotations, places itself by the day it was written
    ("today", "on Monday", "this week", "last December", "two weeks ago"): under any later
    date it reads as current news, or counts from the wrong day."""
    return _DAY_BOUND_TEXTS.get(text, _day_bound)


def _day_bound(text: str) -> bool:
    plain = _outside_quotes(text)
    return _DAY_BOUND.search(plain, plain.casefold())


# Where each sentence's open form is: worked out where the sentence is split and handed back
# with it (``workers.SharedCache``), as the currency pass asks it of every wording twice.
_OPENINGS: SharedCache[str, tuple[int, int] | None] = SharedCache(
    "openings", 100_000, per_item=True
)


def _opened(text: str) -> tuple[str, int, int] | None:
    """The sentence outside its quotations, and where in it the first open form of a main
    clause starts and ends (none after "that", "which" or "who")."""
    span = _OPENINGS.get(text, _open_span)
    if span is None:
        return None
    return _outside_quotes(text), span[0], span[1]


def _open_span(text: str) -> tuple[int, int] | None:
    plain = _outside_quotes(text)
    if not _OPEN.holds(plain):
        return None  # no word any open form needs (most sentences)
    for found in _OPEN.pattern.finditer(plain):
        if not _RELATIVE.search(plain, max(0, found.start() - 6), found.start()):
            return found.start(), found.end()
    return None


def expects(text: str, *, reported: bool = False) -> bool:
    """Whether the sentence tells, in its own voice, of something still to come or a state
    that news will end: outside quotations, and not after a verb of saying ("said the mine
    would go ahead" reports words, which a later sentence need not settle) unless
    ``reported``."""
    opened = _opened(text)
    if opened is None:
        return False
    plain, start, _ = opened
    return reported or not _REPORTING.search(plain, 0, start)


def due(text: str, written: dt.date) -> dt.date | None:
    """The day the sentence's expectation (its own or one it reports) falls due, read from
    ``written`` (its article's date); None when it states none or pins none to a time after
    its verb, in its clause and on or after ``written``."""
    opened = _opened(text)
    if opened is None:
        return None
    plain, _, end = opened
    ends = _CLAUSE_END.search(plain, end)
    days = [
        _day(m, written)
        for m in _WHEN.finditer(plain, end, ends.start() if ends else len(plain))
        if not _REPORTING.match(plain, m.end() + 1)  # "the agency Thursday quoted…"
    ]
    found = [d for d in days if d is not None and d >= written]
    return max(found) if found else None


def _day(m: re.Match[str], written: dt.date) -> dt.date | None:
    """The latest day one time expression can mean, looking forward from ``written``."""
    if m["weekday"]:
        ahead = (_WEEKDAYS.index(m["weekday"].lower()) - written.weekday()) % 7
        return written + dt.timedelta(days=ahead)
    if m["month"]:
        return _month_day(_month(m["month"]), int(m["day"]), m["year"], written)
    if m["whole"]:
        month = _month(m["whole"])
        return _month_end(written.year + (month < written.month), month)
    if m["whole_year"]:
        return dt.date(int(m["whole_year"]), 12, 31)
    if m["tomorrow"]:
        return written + dt.timedelta(days=1)
    ahead = m["span"] == "next"
    if m["unit"] == "week":  # the latest day "this week" can mean, from any day: six ahead
        return written + dt.timedelta(days=6 + 7 * ahead)
    if m["unit"] == "year":
        return dt.date(written.year + ahead, 12, 31)
    month = written.month + ahead
    return _month_end(written.year + (month > 12), (month - 1) % 12 + 1)


def _month(name: str) -> int:
    """1 to 12 for a month's name or abbreviation ("Sept.", "September", "Sep")."""
    return _MONTHS.index(name.lower()[:3]) + 1


def _month_day(month: int, day: int, year: str | None, written: dt.date) -> dt.date | None:
    """A month's day: in the stated year; else this year's, unless that is past (a recent
    day) or the year is nearly over (then next year's)."""
    try:
        if year:
            return dt.date(int(year), month, day)
        found = dt.date(written.year, month, day)
        if found >= written:
            return found
        if (written - found).days <= _RECENT_DAYS:
            return None
        return dt.date(written.year + 1, month, day)
    except ValueError:
        return None  # "Feb. 30", or a day number that is no day


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
