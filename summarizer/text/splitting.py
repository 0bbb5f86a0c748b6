"""Split one paragraph of news text into sentences.

Why Punkt plus rules: NLTK's trained English Punkt model has to be downloaded, which we never do,
and an untrained Punkt knows no abbreviations. So we hand Punkt parameters built here (known
abbreviations, frequent sentence starters, "No. 5"-style collocations) and correct what a
period-by-period classifier cannot see with a few rules over the whole paragraph: quotations and
brackets stay whole, ellipses and lists get their own boundary rules, and a boundary is never
placed before a lower-case word. Every rule works on character offsets of the original
paragraph, so sentences are exact slices of the input, only stripped at the edges.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.text.punkt import Punkt

__all__ = ["split_sentences"]


def _word_set(words: str) -> frozenset[str]:
    """The white-space separated words of a block: long lists stay readable in the source."""
    return frozenset(words.split())


# Lower case, without the final period, as Punkt looks them up. Dotted initialisms such as
# "n.y" or "u.s.a" need no entry: _AbbreviationSet accepts any of them. The last line holds
# ranks, offices and old given-name abbreviations printed inside names ("Army Spc. Charles
# Graner", "Del. Eleanor Holmes Norton", "Alex. Brown & Sons"): a cut there halves a name.
_ABBREVIATIONS = _word_set(
    """
    mr mrs ms messrs mme dr prof gen lt col sgt capt cmdr adm maj brig pvt cpl gov sen sens rep
    reps pres rev fr hon supt atty jr sr st mt ft ave blvd rd hwy
    jan feb mar apr jun jul aug sep sept oct nov dec
    a.m p.m e.g i.e ph.d etc vs approx co corp inc ltd llc plc bros dept govt intl univ assn fig
    figs ca cf al u.s u.k u.n e.u u.s.a
    spc pfc sgts msgr del ste alex wm chas jas geo thos
    """
)
# Words that, capitalised after an abbreviation or an initial, begin a new sentence. No names,
# months or modal verbs that double as names ("May", "Will", "Bill").
_STARTERS = _word_set(
    """
    a about according after again against all also although among an and another any are as at
    because before both but by can could despite did do does during each earlier even every few
    for from had has have he her here his how however i if in instead into is it its just last
    later many meanwhile more most much my neither never next no none nor not now of often on
    once one only or other others our over perhaps please several she should since so some still
    such that the their then there these they this those though thus to today two under unless
    until was we were what when whenever where whether which while who whose why with within
    without would yesterday yet you your
    """
)
# Before a number these are labels ("No. 5", "p. 55"), not sentence ends.
_NUMBER_LABELS = ("no", "nos", "n°", "p", "pp", "fig", "figs", "vol", "art", "ch", "sec", "para")
# Never end a sentence, even before a starter ("Sen. Will Hurd", "e.g. The Times").
_NEVER_FINAL = _word_set(
    """
    Mr. Mrs. Ms. Messrs. Dr. Prof. Gen. Lt. Col. Sgt. Capt. Cmdr. Adm. Maj. Brig. Gov. Sen. Sens.
    Rep. Reps. Pres. Rev. Hon. Mt. e.g. i.e. E.g. I.e. vs. cf. Cf.
    """
)
# Names that end in "!" but rarely end a sentence: break after them only before a starter.
_BANG_NAMES = frozenset({"Yahoo!", "Jeopardy!"})

_OPENERS = "“‘«\"'`(["
_CLOSERS = "”’»\"')]"
_QUOTE_CLOSERS = "”’»\"'"
_QUOTES = "“‘«\"'`"
# A quotation mark after white space or at the start, before a word: each mark spelled out
# first and the space looked back at after it ("(?<!\S`)": no non-space before the "`"), so
# that ``re`` skips to the marks instead of trying the pattern at every position.
_OPENING_QUOTE = re.compile(
    r"(?:`(?<!\S`)`|'(?<!\S')'|“(?<!\S“)|‘(?<!\S‘)|«(?<!\S«)|\"(?<!\S\")|'(?<!\S'))(?=\w)"
)
_ELLIPSIS = re.compile(r"\.(?: ?\.){2,}|…\.?")
# The bullet first, the space before it looked back at: ``re`` then skips to the bullets.
_BULLET = re.compile(r"[•◦▪‣⁃●∙](?<=\s[•◦▪‣⁃●∙])")
_LIST_MARKER = re.compile(r"(?:(?<=\s)|(?<=[•◦▪‣⁃●∙])|^)(\d{1,3}|[a-z])(\.\)|\.|\))(?=\s)")
_ONLY_BULLETS = re.compile(r"[\s•◦▪‣⁃●∙]*")
_LIST_START = re.compile(r"[\s•◦▪‣⁃●∙]*(?:\d{1,3}|[a-z])(?:\.\)|\.|\))(?=\s)")
_TOKEN = re.compile(r"\S+")
_ALNUM = re.compile(r"[^\W_]")
# No sentence starts with these: "; Jonesboro", "_" or "--" after a dateline, a closing quote,
# a wire tag "(AP)".
_CANNOT_START = re.compile(r"[,;:)\]}%_—]|--|[”’»\"']+$|\([A-Z]{2,}\)")
# A quotation's attribution is no sentence of its own: '"Why?" Smith asked.'
_ATTRIBUTION = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,3}(?:said|says|asked|asks|added|adds|told|wrote|writes|recalled"
    r"|replied|explained|insisted|noted|warned|continued|shouted|declared)"
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?[.,;]"
)
_BRACKETED_WORD = re.compile(r"\(\w+\.\)")
_INITIAL = re.compile(r"[A-Z]\.")
_BRACKET = re.compile(r"[()\[\]]")


@cache
def tokenizer() -> Punkt:
    """Punkt with this module's parameters, built at its first use (nltk loads then: a
    process about to split asks for it early, ``sentences.prepare_split``)."""
    from summarizer.text.punkt import build

    return build(_ABBREVIATIONS, _STARTERS, _NUMBER_LABELS)


def _mask(text: str, ellipses: Sequence[re.Match[str]]) -> str:
    """Same-length copy for Punkt: ellipses hidden (our rules decide them), and opening quotes
    blanked so that Punkt judges the quoted word itself, e.g. after "U.S." in `U.S. "The`.
    ``ellipses``: the text's ``_ELLIPSIS`` matches (``_ellipsis_breaks`` reads the same)."""
    quotes = list(_OPENING_QUOTE.finditer(text))
    if not ellipses and not quotes:
        return text
    chars = list(text)
    for m in ellipses:
        for i in range(m.start(), m.end()):
            if chars[i] == ".":
                chars[i] = "_"
    for m in quotes:
        chars[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(chars)


def _punkt_breaks(text: str, masked: str) -> list[int]:
    """Offsets where Punkt starts a sentence, after any closing quotes or brackets.

    Each candidate is judged on its own token (as `debug_decisions` does): `span_tokenize`
    also counts a break on the token after it, and so cuts "Berkley Springs, W. Va., also saw".
    """
    breaks = []
    for period in tokenizer().break_periods(masked):
        j = period + 1
        while j < len(text) and (text[j] in _CLOSERS or text[j] in "?!"):
            j += 1
        b = _next_start(text, j)
        if b > j:  # "end.(Next" is no boundary
            breaks.append(b)
    return breaks


def _next_start(text: str, i: int) -> int:
    """First non-space offset at or after i."""
    m = _TOKEN.search(text, i)
    return m.start() if m else len(text)


def _ellipsis_breaks(text: str, ellipses: Iterable[re.Match[str]]) -> list[int]:
    """Ellipsis rules: "...", "…" and ". . ." run on inside a sentence; four dots ("that....",
    "end . . . .") or an ellipsis closing a quotation end one when a capital follows; and in
    "word. . . . Next" the period ends the sentence and the ellipsis opens the next one.
    ``ellipses``: the text's ``_ELLIPSIS`` matches (``_mask`` hides the same)."""
    breaks = []
    for m in ellipses:
        j = m.end()
        while j < len(text) and text[j] in _QUOTE_CLOSERS:
            j += 1
        nxt = _next_start(text, j)
        if nxt == j or nxt >= len(text) or not (text[nxt].isupper() or text[nxt] in _QUOTES):
            continue
        dots = m.group().count(".") + 3 * m.group().count("…")
        attached = m.start() > 0 and not text[m.start() - 1].isspace()
        if j == m.end() and dots >= 4 and attached and m.group()[1] == " ":
            breaks.append(m.start() + 2)
        elif dots >= 4 or j > m.end():
            breaks.append(nxt)
    return breaks


def _list_items(text: str) -> list[tuple[int, int]]:
    """(item start, text start) of each item when the paragraph is a run-in list: it opens with
    a marker ("1.", "2.)", "a)") and the following markers continue the sequence."""
    if not _LIST_START.match(text):
        return []  # the first marker opens the paragraph, or it is no list (most are not)
    markers = list(_LIST_MARKER.finditer(text))
    if not markers or not _ONLY_BULLETS.fullmatch(text, 0, markers[0].start()):
        return []
    items: list[tuple[int, int]] = []
    label, style = markers[0].group(1), markers[0].group(2)
    for m in markers:
        if m is not markers[0] and (m.group(2) != style or m.group(1) != _successor(label)):
            continue
        label = m.group(1)
        start = m.start()
        while start > 0 and (text[start - 1] in "•◦▪‣⁃●∙" or text[start - 1] == " "):
            start -= 1
        items.append((_next_start(text, start), _next_start(text, m.end())))
    return items


def _successor(label: str) -> str:
    """The list label after `label`: "9" -> "10", "a" -> "b"."""
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _starts_lowercase(token: str) -> bool:
    """True for an all-lower-case word ("she"), not for "iPhone" or "eBay"."""
    word = token.lstrip(_OPENERS)
    return bool(word) and word[0].islower() and not any(c.isupper() for c in word)


def _is_starter(token: str) -> bool:
    """Capitalised frequent sentence starter ("The", "He"), opening quotes ignored."""
    word = token.lstrip(_OPENERS).rstrip(".,;:!?")
    return word[:1].isupper() and word.lower() in _STARTERS


def _keep_break(text: str, b: int, after_markers: frozenset[int]) -> bool:
    """Veto the Punkt boundaries that news text shows to be wrong."""
    nxt = _TOKEN.match(text, b)
    before = text[max(0, b - 60) : b].rsplit(None, 1)  # the last word, no pattern scanning
    if nxt is None or not before or b in after_markers:
        return False
    word, last = nxt.group(), before[-1]
    if _starts_lowercase(word) or _CANNOT_START.match(word):
        return False
    if last[-1] in _QUOTE_CLOSERS and _ATTRIBUTION.match(text, b):
        return False
    if _BRACKETED_WORD.fullmatch(last) or (_INITIAL.fullmatch(last) and word[0].isdigit()):
        return False  # "Lawrence (Mass.) High School", "229 W. 43rd St."
    last = last.lstrip(_OPENERS).rstrip(_CLOSERS)
    if last in _NEVER_FINAL:
        return False
    return not (last in _BANG_NAMES and not _is_starter(word))


# Double quotes. Group 1 always opens, group 2 always closes. Straight quotes, and '' which
# some wires use both ways, open after a space (group 3) and otherwise close (group 4).

_DOUBLE = re.compile(
    r"(“|``)|(”)|(?:(?<=\s)|^|(?<=[(\[—–-]))(\"|'')(?=\S)|(\"|'')(?=[\s.,;:!?)\]—–-]|$)"
)
# Single quotes: group 1 opens (never an apostrophe inside a word, nor an elision such as 'em
# or '90s), group 2 closes. Quotes nest, so a closing double mark also ends an open single
# quote: wires type ``...'' loosely as '...''.
_SINGLE = re.compile(
    r"(?:(?<=\s)|^|(?<=[“\"(\[—–-]))(‘|(?<!')'(?!'))(?=[^\W\d_])(?!(?i:em|til|cause|n|tis|twas)\b)"
    r"|(?<=\S)(''|’|'|”|\")(?=[\s.,;:!?)\]”\"—–-]|$)"
)


# Every match of _DOUBLE and _SINGLE starts on one of these.
_QUOTE_MARK = re.compile(r"[“”‘’\"'`]")


def _quote_marks(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose matches start on a quotation mark: tried
    only where there is one (its leading look-behinds make a plain scan slow)."""
    end = 0
    for mark in _QUOTE_MARK.finditer(text):
        if mark.start() < end:
            continue
        m = pattern.match(text, mark.start())
        if m:
            end = m.end()
            yield m


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations, whose inner boundaries are removed so a quote is never cut in pieces."""
    double = [
        (m.start(), m.end(), "open" if m.group(1) or m.group(3) else "close")
        for m in _quote_marks(_DOUBLE, text)
    ]
    single = [
        (m.start(), m.end(), "open" if m.group(1) else "close") for m in _quote_marks(_SINGLE, text)
    ]
    return _pair_events(double) + _pair_events(single)


def _pair_events(events: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Pair each opening mark with the next closing one (see module rules on quotes)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for begin, end, role in events:
        if role == "open":
            start = begin
        elif start is not None:
            spans.append((start, end))
            start = None
    return spans


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Outermost balanced (...) and [...] regions; stray closers ("1)") are ignored."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in "([":
            stack.append(i)
        elif stack:
            start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
    return spans


def _aside_ends(text: str, brackets: list[tuple[int, int]]) -> set[int]:
    """Offsets just after an aside that opened mid-sentence: in "Rupert (what a night!) Murdoch"
    the sentence goes on after the bracket."""
    ends = set()
    for start, end in brackets:
        before = text[max(0, start - 8) : start].rstrip().rstrip(_CLOSERS)
        if before and before[-1] not in ".?!…":
            ends.add(_next_start(text, end))
    return ends


def _inside(b: int, spans: list[tuple[int, int]]) -> bool:
    """True if offset b falls strictly inside one of the merged, sorted spans."""
    i = bisect_left(spans, b, key=lambda span: span[0]) - 1
    return i >= 0 and b < spans[i][1]


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted union of overlapping spans, so `_inside` needs one lookup."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cut(text: str, breaks: list[int]) -> list[str]:
    """Slice at the breaks; pieces without a letter or digit ("!", ". . .") join a neighbour."""
    bounds = [0, *breaks, len(text)]
    pieces: list[tuple[int, int]] = []
    for start, end in pairwise(bounds):
        if pieces and not _ALNUM.search(text, pieces[-1][0], pieces[-1][1]):
            pieces[-1] = (pieces[-1][0], end)  # a leading fragment joins the next piece
        elif pieces and not _ALNUM.search(text, start, end):
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
    return [s for s in (text[a:b].strip() for a, b in pieces) if s]


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, each an exact (stripped) slice of it, in order.

    Single newlines inside the paragraph are ordinary white space and are kept as they are.
    """
    text = paragraph.rstrip()
    if not text.strip():
        return []
    items = _list_items(text)
    after_markers = frozenset(after for _, after in items)
    ellipses = list(_ELLIPSIS.finditer(text))  # read once: masked for Punkt, then our breaks
    masked = _mask(text, ellipses)
    breaks = {b for b in _punkt_breaks(text, masked) if _keep_break(text, b, after_markers)}
    breaks.update(_ellipsis_breaks(text, ellipses))
    breaks.update(start for start, _ in items[1:])
    breaks.update(m.start() for m in _BULLET.finditer(text))
    brackets = _bracket_spans(text)
    protected = _merge_spans(_quote_spans(text) + brackets)
    breaks -= _aside_ends(text, brackets)
    final = sorted(b for b in breaks if 0 < b < len(text) and not _inside(b, protected))
    return _cut(text, final)
