"""What a sentence states, and the two tests built on it: *states* and *repeats*.

Two questions are asked of a pair of sentences, and they need different answers:

- ``states(a, b)``: may ``b``'s outlet be credited for item ``a``? Strict, because a wrong
  credit is a claim in an outlet's name: enough shared content words (never one topic word),
  not opposite polarity ("want talks" / "refused talks"), not a different figure for the same
  count ("17 killed" / "15 killed"). Thresholds tuned on MSRP (``benchmarks/paraphrase.py``).
- ``repeats(a, b)``: would a reader of ``a`` learn nothing new from ``b``? Loose, because
  showing the same fact twice is the cost here: the overlap rule, plus two sentences that share
  a key figure and what it is about ("all 217 passengers" / "All 217 people on board died in
  the crash"), or the same number as printed and two more words ("15-year-old position" /
  "15 billion years": what the reader, and the brief linter, sees as told twice).

Everything is computed once per wording (``statement`` is cached), from the same tokens and
stems ranking and themes use (``text.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, islice
from operator import itemgetter, sub
from typing import Any

from summarizer.runtime.gated import Gated
from summarizer.runtime.workers import SharedCache
from summarizer.text.figures import MONTHS, figures
from summarizer.text.quotes import may_quote
from summarizer.text.words import (
    first_term,
    term_tuple,
    word_tokens,
    word_tuple,
)

# Merging (``states``): term-set overlap as Jaccard with at least MIN_SHARED content words in
# common, or as containment of the smaller set (a shortened wire copy) with at least
# MIN_CONTAINED, never one topic word; two with the very same words always. Tuned on MSRP
# train: see docs/evaluation.md.
JACCARD_STATES = 0.45
CONTAINED_STATES = 0.7
MIN_SHARED = 3
MIN_CONTAINED = 4
# Repeats (``repeats``): the looser overlap that "already said" has always used.
JACCARD_REPEATS = 0.4
CONTAINED_REPEATS = 0.6
# ``same_fact``: what is said of the names, not the names, must be shared: at least ACTS
# terms that are not names; and a shortened copy (containment without the Jaccard overlap)
# must keep a phrase of the wording (``Statement.phrases``) or FACT_JACCARD of all terms.
# Tuned on DUC 2006 credits; on MSRP train precision 0.800 -> 0.810, recall 0.752 -> 0.723.
ACTS = 2
FACT_JACCARD = 0.35
COPY_RUN = 4
# ``same_phrase``: content words in a row two wordings share, and in all.
PHRASE = 3
PHRASE_SHARED = 4
PHRASE_JACCARD = 0.33

Signature = frozenset[str]

_NEGATORS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"}
)
# A word ending "n't", or one longer than four letters starting "refus", "deni", "deny" or
# "reject", among the words joined by spaces.
_NEGATING = Gated(
    re.compile(r"n't(?: |$)|(?:^| )(?:refus|reject|den[iy]\S)"),
    *("n't", "refus", "reject", "deni", "deny"),
)
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_TIME_WORDS = _WEEKDAYS | MONTHS
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
QUOTE_WORDS = 4
# A quotation that is someone's whole sentence or clause ends in punctuation inside the marks.
_SPOKEN = re.compile(r"[,.?!…]\W?$")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FIRST = itemgetter(0)
# One empty set for every statement's empty parts (most sentences have no figure, time or
# quotation): since Python 3.10 each ``frozenset()`` is an object of its own, 216 bytes, and a
# day of 10,000 articles held a million of them (about 250 MB).
_NONE: frozenset[Any] = frozenset()


@dataclass(frozen=True)
class Statement:
    """The parts of a wording the tests compare.

    ``terms``: stemmed content words. ``figures``: (what is counted, the value) for each
    number that is a quantity (years, dates and identifiers such as "Flight 990" are not).
    ``negated``: whether it states something did not happen or was refused. ``names``: the
    terms written capitalised past the first word (who or where: "George Lucas", "Star Wars"),
    told apart from what is said of them. ``ordered``: its content terms in order, whence its
    ``phrases``: each ``COPY_RUN`` terms in a row with two not names (the wording of an action:
    "109 people aboard", "bone rubs bone"), made only when asked: ``same_fact`` asks for them
    of few statements (a 5,000-article day: under 600 of 134,000). ``times``: the
    weekdays, months and years it names. ``claim``: the terms of what it quotes, when it
    quotes someone (what was said, not who said it: "..., said Dana Whitfield, director of
    the Harbour Board"); else all its terms.
    """

    terms: Signature
    figures: frozenset[tuple[str, str]]
    negated: bool
    names: Signature = _NONE
    ordered: tuple[str, ...] = ()
    times: Signature = _NONE
    claim: Signature = _NONE

    def __reduce__(self) -> tuple[Callable[..., Statement], tuple[Any, ...]]:
        """Pickled as its fields: worker processes send a large day's statements back
        (``workers.SharedCache``), and this loads in half the time of the generic way."""
        fields = (
            self.terms, self.figures, self.negated, self.names, self.ordered, self.times,
            self.claim,
        )  # fmt: skip
        return (_loaded, fields)

    @property
    def phrases(self) -> frozenset[tuple[str, ...]]:
        return _phrases(self.ordered, self.names)

    @property
    def values(self) -> frozenset[str]:
        return frozenset(value for _, value in self.figures)


_STATEMENTS: SharedCache[str, Statement] = SharedCache("statements", 100_000, per_item=True)


def statement(text: str) -> Statement:
    """The statement a wording makes (cached: every stage asks about the same sentences; and
    shared, so that sentences split in worker processes arrive with theirs, ``workers.py``)."""
    return _STATEMENTS.get(text, _statement)


def _statement(text: str) -> Statement:
    """Each part from the words read once; the words' terms and capitals are sifted with
    ``map`` and ``compress``, at C speed, where a loop over the words took 12 µs a sentence."""
    read = word_tokens(text)  # once: the terms and the times both go by the words
    found = list(map(first_term, read))  # a non-empty term, or None
    capital = list(map(str.isupper, map(_FIRST, read)))  # each word's w[:1].isupper()
    ordered = list(filter(None, found))  # each content word's term, in order
    # The terms of the content words written capitalised, past the first.
    names = frozenset(compress(ordered[1:], islice(compress(capital, found), 1, None)))
    return _loaded(
        signature(text),
        figures(text),
        _negated(text),
        names,
        tuple(ordered),
        _times(text, compress(read, capital)),
        _claim(text),
    )


def _loaded(
    terms: Signature,
    found: frozenset[tuple[str, str]],
    negated: bool,
    names: Signature,
    ordered: tuple[str, ...],
    times: Signature,
    claim: Signature,
) -> Statement:
    """A statement of these parts, each empty one the shared ``_NONE`` (made here, and loaded
    from a worker's results)."""
    return Statement(
        terms or _NONE, found or _NONE, negated, names or _NONE, ordered,
        times or _NONE, claim or _NONE,
    )  # fmt: skip


def signature(text: str) -> Signature:
    """The stemmed content words of a sentence: what it talks about, not how it is worded."""
    return frozenset(term_tuple(text))


def overlaps(a: Signature, b: Signature, jaccard: float, contained: float) -> bool:
    """Whether two term sets overlap by either measure."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= jaccard * len(a | b) or shared >= contained * min(len(a), len(b))


def same_words(a: Signature, b: Signature) -> bool:
    """The merging overlap alone: what the candidate search looks for."""
    if a == b:
        return bool(a)
    shared = len(a & b)
    return (shared >= MIN_SHARED and shared >= JACCARD_STATES * len(a | b)) or (
        shared >= MIN_CONTAINED and shared >= CONTAINED_STATES * min(len(a), len(b))
    )


def same_fact(a: Statement, b: Statement) -> bool:
    """Whether the two say the same of the same, judged on what is said, not on who is named:
    enough overlap (``same_words``) of which at least ``ACTS`` terms are not names ("Which is a
    good thing for Star Wars creator George Lucas" shares five words with "Star Wars creator
    George Lucas is credited with founding the film merchandising industry", one of them not
    a name), in what is said when one quotes someone (two quotes of one speaker share the
    speaker's name and office, not the fact); and a sentence that shares most of the other's
    words without ``FACT_JACCARD`` of all (one states a part of a longer one) keeps a phrase of
    it, as a copy does."""
    if a.terms == b.terms:
        return bool(a.terms)
    shared = a.terms & b.terms
    said = (a.claim or a.terms) & (b.claim or b.terms)
    acts = [t for t in said - a.names - b.names if not t.isdigit()]  # a date is no action
    if len(acts) < ACTS or not same_words(a.terms, b.terms):
        return False
    if len(shared) >= FACT_JACCARD * len(a.terms | b.terms):
        return True
    names = a.names | b.names  # a sentence's first word is a name when the other says so
    return any(sum(t not in names for t in run) >= COPY_RUN - 1 for run in a.phrases & b.phrases)


def states(a: Statement, b: Statement) -> bool:
    """Whether one wording states what the other does: an outlet may be credited for it."""
    return same_fact(a, b) and a.negated == b.negated and not differ(a, b)


def supports(shown: Statement, other: Statement) -> bool:
    """Whether an outlet's sentence ``other`` backs the wording ``shown`` enough to be credited
    for it: it states the same, and gives each figure the wording gives for what they both
    name ("Eight states have no hate-crimes laws" is not backed by "Neither state had a
    hate-crimes statute")."""
    if not states(shown, other):
        return False
    return all(v in other.values or u not in other.terms for u, v in shown.figures)


def disagrees(a: Statement, b: Statement) -> bool:
    """The same statement about the same thing, except for a figure: reported apart, never
    merged silently ("17 killed" by two outlets, "15 killed" by a third)."""
    return same_fact(a, b) and a.negated == b.negated and differ(a, b)


def counted_apart(a: Statement, b: Statement) -> frozenset[tuple[str, str]]:
    """The figures ``b`` gives for what ``a`` counts, where they are not ``a``'s: the same unit
    ("109 aboard and four on the ground" / "five on the ground"), at the same time (no two
    different days or years named). Empty when the two count different things, so a reader is
    never told two outlets disagree over figures that do not measure one thing."""
    if a.times and b.times and not a.times & b.times:
        return frozenset()
    found: set[tuple[str, str]] = set()
    for unit in {u for u, _ in a.figures if u} & {u for u, _ in b.figures}:
        va = {v for u, v in a.figures if u == unit}
        vb = {v for u, v in b.figures if u == unit}
        if not (va <= vb or vb <= va):
            found.update((unit, v) for v in vb - va)
    return frozenset(found)


def differ(a: Statement, b: Statement) -> bool:
    """Whether the two give different figures for the same count."""
    if not a.figures or not b.figures:
        return False
    units_a = {unit for unit, _ in a.figures}
    for unit in units_a & {unit for unit, _ in b.figures}:
        va = {v for u, v in a.figures if u == unit}
        vb = {v for u, v in b.figures if u == unit}
        if not (va <= vb or vb <= va):
            return True
    # One figure each, counted under other words ("killed 17 people" / "15 dead"): differ
    # when the numbers do.
    return len(a.figures) == 1 == len(b.figures) and a.values != b.values


def repeats(a: Statement, b: Statement) -> bool:
    """Whether a reader who has read one learns nothing new from the other."""
    if overlaps(a.terms, b.terms, JACCARD_REPEATS, CONTAINED_REPEATS):
        return True
    if not (a.figures and b.figures):
        return False  # no figure in one: none in common, printed or key (most pairs)
    key = {v for v in a.values & b.values if is_key(v)}
    if key:
        # The same distinctive figure about the same thing: one more content word in common
        # besides the figure itself.
        return len((a.terms & b.terms) - key) >= 1
    # A number printed the same in both, of two or more digits ("15" of "15-year-old" and of
    # "15 billion years", "05" of 05:19 and of 05:21 UTC), and two more content words: a
    # reader (and the brief linter) takes the pair for one thing told twice.
    printed = _printed(a) & _printed(b)
    return bool(printed) and len((a.terms & b.terms) - printed) >= 2


def same_phrase(a: str, b: str) -> bool:
    """Whether two wordings say one thing in one phrase: ``PHRASE`` content words in a row in
    both, two of them not capitalised (a name such as "West Bank and Gaza" is a subject, not a
    statement), and ``PHRASE_SHARED`` content words and ``PHRASE_JACCARD`` of all in common:
    "Traffic crashes are the leading cause of death for children older than 5" / "Traffic
    accidents are the leading cause of death for children 14 and younger", where a stop word,
    "cause", keeps the overlap under ``repeats``'."""
    ta, tb = _phrase_terms(a), _phrase_terms(b)
    sa, sb = {t for t, _ in ta}, {t for t, _ in tb}
    shared = len(sa & sb)
    if shared < PHRASE_SHARED or shared < PHRASE_JACCARD * len(sa | sb):
        return False
    runs = {
        tuple(t for t, _ in ta[i : i + PHRASE])
        for i in range(len(ta) - PHRASE + 1)
        if sum(lower for _, lower in ta[i : i + PHRASE]) >= 2
    }
    return any(tuple(t for t, _ in tb[i : i + PHRASE]) in runs for i in range(len(tb) - PHRASE + 1))


def _phrase_terms(text: str) -> list[tuple[str, bool]]:
    """Each content word's term, in order, and whether the word was written in lower case."""
    return [
        (term, word[:1].islower())
        for word in word_tokens(text)
        if (term := first_term(word)) is not None
    ]


@lru_cache(maxsize=4096)
def _phrases(ordered: tuple[str, ...], names: Signature) -> frozenset[tuple[str, ...]]:
    """Every ``COPY_RUN`` terms in a row of which two or more are not names (``same_fact``
    asks for all but one, once it knows the other wording's names too). Built with ``zip``
    and ``compress``, no Python frame per term: three quarters of the time of a loop."""
    # Each COPY_RUN terms in a row, in order: the shorter slices end the runs.
    runs = zip(*[ordered[k:] for k in range(COPY_RUN)], strict=False)
    # How many of the first i terms are names, for every i: a run's count is a difference.
    named = [0, *accumulate(map(names.__contains__, ordered))]
    if named[-1] <= COPY_RUN - 2:
        return frozenset(runs)  # too few names in all to make any run mostly names
    few = map((COPY_RUN - 2).__ge__, map(sub, named[COPY_RUN:], named))
    return frozenset(compress(runs, few))


def _claim(text: str) -> Signature:
    """The terms of the quoted sentences or clauses (not of a phrase quoted in the reporter's
    own sentence, "called the plan “dead on arrival”"), when they hold ``QUOTE_WORDS`` words."""
    if not may_quote(text):
        return _NONE  # no quotation (most sentences)
    quoted = " ".join(q for q in _QUOTED.findall(text) if _SPOKEN.search(q))
    found = quoted.split()
    if len(found) < QUOTE_WORDS or sum(w[:1].islower() for w in found) < 2:  # not a title
        return _NONE  # a phrase quoted inside a reporter's sentence: the sentence says it
    return signature(quoted)


def _times(text: str, capitalised: Iterable[str]) -> Signature:
    """The weekdays, months (as their first three letters) and years a wording names
    (``capitalised``: its capitalised words, ``word_tokens``)."""
    found = {w[:3] for w in _TIME_WORDS.intersection(map(str.lower, capitalised))}
    if "19" in text or "20" in text:  # what every year holds (most sentences hold neither)
        found.update(_YEAR.findall(text))
    return frozenset(found)


def _printed(found: Statement) -> set[str]:
    """The numbers as printed (no multiplier) with two or more digits."""
    return {n for n in (v.split()[0] for v in found.values) if len(n) > 1}


def is_key(value: str) -> bool:
    """A figure distinctive enough to identify a fact: not a small count like 2 or 5."""
    try:
        return float(value.split()[0]) >= 10 or " " in value or "." in value
    except ValueError:
        return False


def _negated(text: str) -> bool:
    found = word_tuple(text)
    return not _NEGATORS.isdisjoint(found) or _NEGATING.search(" ".join(found))
