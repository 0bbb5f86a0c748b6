"""Whose words a sentence gives: a quotation's speaker, an interview's "I", a "he" or "she".

Out of its article a sentence has to say who speaks and who it is about. These are the ways a
news sentence leaves that to the sentences around it:

- a quotation that is most of the sentence, with nobody named outside it ("“By its chemical
  composition, it is an anabolic steroid.”", "“…,” the report said.");
- first person outside quotation marks ("We are confident that our cause will prevail"): an
  interview answer, a column or a letter, whose "I" or "we" the sentence does not name;
- the questions and answers of an interview printed as "Q: …" and "A: …";
- "he", "him", "his", "she" or "her" in a sentence that names no one they could be ("Police
  said he was shot twice").

Names are recognised leniently (any capitalised word outside the quotation, after the first,
or a first word the article never writes in lower case): a sentence is refused only when it
plainly names nobody.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.text.names import CALENDAR
from summarizer.text.quotes import QUOTATION, may_quote, outside_quotations
from summarizer.text.words import STOP_WORDS

# A quotation this much of the sentence is what the sentence says.
QUOTED_SHARE = 0.5
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")  # a letter of _LETTER past ASCII
NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())  # ASCII, as bytes
# "he", "him", "his", "himself", "she", "her", "hers", "herself", in any case: written to open
# on the first letter, every character that letter matches in any case spelled out ("ſ" is an
# "s" under re.I), and the start of the word looked back at after it, so that ``re`` skips to
# those letters instead of trying the pattern at every position (a third of the time).
_PERSONAL = re.compile(
    r"[HhSsſ](?<!\w[HhSsſ])(?:(?<=[Hh])(?i:e|im|is|imself|er|ers|erself)|(?<=[Ssſ])(?i:he))\b"
)
_FIRST_PERSON = frozenset({"my", "me", "myself", "we", "us", "our", "ours", "ourselves"})
_PUNCTUATION = "“”\"‘’'()[],.;:!?—-"
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|recalled|according to)\b"
)
# Every first-person word ``_is_first_person`` accepts, between word boundaries: a text
# without any of them is not in the first person. Each word opens on its first letter and
# looks back at the start of the word after it ("I(?<!\wI)"), so that ``re`` skips to those
# letters (half the time of "\b" first, the same matches).
_MAY_SPEAK = re.compile(
    r"(?:I(?<!\wI)|M(?<!\wM)y|m(?<!\wm)(?:y|e|yself)|W(?<!\wW)e|w(?<!\ww)e|u(?<!\wu)s|O(?<!\wO)ur"
    r"|o(?<!\wo)(?:ur|urs|urselves))\b"
)
_INTERVIEW_MARK = re.compile(r"^\s*(?:Q|A|Question|Answer)\s*[:.](?:\s|$)")


def unnamed_quotation(text: str, ordinary: frozenset[str]) -> bool:
    """Whether ``text`` is mostly a quotation and names nobody outside it who said it."""
    if not may_quote(text):
        return False  # counting the letters of a sentence without quotation is the cost
    quoted = sum(_letters(m.group(0)) for m in QUOTATION.finditer(text))
    letters = _letters(text)
    if not letters or quoted < letters * QUOTED_SHARE:
        return False
    return not names_anyone(outside_quotations(text), ordinary)


def _letters(text: str) -> int:
    """How many letters ``text`` has: where they are all ASCII (most), the bytes left when all
    else is deleted, at C speed, instead of a list of every letter found."""
    raw = ascii_letters(text)
    if raw is not None:
        return len(raw.translate(None, NOT_LETTERS))
    return len(_LETTER.findall(text))


def ascii_letters(text: str) -> bytes | None:
    """``text`` as ASCII bytes, when every letter in it is ASCII (what that drops, curly quotes
    and dashes, is no letter), so that its letters can be counted as bytes; else None."""
    if text.isascii() or not _NON_ASCII_LETTER.search(text):
        return text.encode("ascii", "ignore")
    return None


def unnamed_person(text: str, ordinary: frozenset[str]) -> bool:
    """Whether ``text`` says "he", "his", "she" or "her" outside quotations and names nobody
    outside them whom the pronoun could mean."""
    outside = outside_quotations(text)
    return _PERSONAL.search(outside) is not None and not names_anyone(outside, ordinary)


def first_person(text: str) -> bool:
    """Whether ``text`` speaks in the first person outside quotation marks and reports
    nobody's words ("Smith told us…" reports someone's)."""
    if not _MAY_SPEAK.search(text):
        return False  # none of the words at all (most sentences): no need to read each one
    outside = outside_quotations(text)
    return _REPORTED.search(outside) is None and any(
        _is_first_person(tokens, i) for tokens in [outside.split()] for i in range(len(tokens))
    )


def _is_first_person(tokens: Sequence[str], i: int) -> bool:
    """Whether the ``i``th word is in the first person: "I" (not "World War I"), "my" (not
    "Tra My"), "we", "us" (not "US"), "our"."""
    word = tokens[i].strip(_PUNCTUATION)
    if word == "I":
        return i == 0 or not tokens[i - 1][:1].isupper()
    if i == 0 and word in {"My", "We", "Our"}:
        return True
    return word in _FIRST_PERSON


def names_anyone(outside: str, ordinary: frozenset[str]) -> bool:
    """Whether a text (outside quotations) has a name: a capitalised word after the first,
    no day or month, or a first word the article (``ordinary``: its lower-case words) never
    writes in lower case ("Arafat said…", not "Police said…")."""
    tokens = outside.split()
    for i, token in enumerate(tokens):
        word = token.strip(_PUNCTUATION)
        if not word[:1].isupper() or word in CALENDAR or word == "I":
            continue
        low = word.lower()
        if i > 0 or (low not in ordinary and low not in STOP_WORDS and len(word) > 1):
            return True
    return False


def interview_paragraphs(paragraphs: Sequence[str]) -> frozenset[int]:
    """The paragraphs of an interview printed as questions and answers ("Q: …", "A. …"), when
    two paragraphs or more carry the marks: from the first mark to the last. Each is half of
    an exchange, whose "it" or "yes" is the other half's; an article around the exchange goes
    on after it, and an answer left unmarked after the last question speaks in the first
    person (``first_person``)."""
    marked = [i for i, p in enumerate(paragraphs) if _INTERVIEW_MARK.match(p)]
    if len(marked) < 2:
        return frozenset()
    return frozenset(range(marked[0], marked[-1] + 1))
