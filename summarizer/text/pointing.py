"""Things a sentence calls "the park", "the complaint", "the aftershock" after its article
named them: out of the article, the reader asks which.

``descriptions.py`` judges a sentence's subject and repairs it where it can ("The
[Environmental Protection] agency said…"). Readers of the briefs found the same gap anywhere
else in a sentence: "About 200,000 tourists visit the park every year" (the article named
Kakadu National Park before), "Just four areas in the state harbor…", "…as a plaintiff in
the complaint against the agency", "University of Chile measured the aftershock's magnitude as
6.6" (which aftershock?). Each names a place, a body, an event or a document by its kind alone,
after the article has introduced it.

A description points back when all of these hold:

- it is "the" and a head noun of ``KINDS``, no modifier between (a modifier often says which:
  "the 55-page report", "the Turkish quake");
- no name or place follows to say which ("the state of California", "the quake in Turkey",
  "the park, Kakadu");
- the sentence itself does not name one of that kind ("Kakadu National Park … the park"), nor,
  for an event, the place it happened ("Hospitals in Vessa treated 900 people injured in the
  earthquake");
- an earlier sentence of the article has the word: the writer is referring back to it, not
  introducing it. The headline is not counted: a report's opening is written to stand without
  it ("The storm tore the roof off the Millbrook town hall" under "Storm tears through
  Millbrook"), and an editor reads it so.

A sentence's subject is judged so whatever its noun ("The torch was extinguished…", "The
law is intended…", "The burners are needed…"), when one of the ``WINDOW`` sentences just
before it has the noun: read alone, the reader asks which torch, which law. A subject that
takes up what came before by its kind ("The result", "The announcement": ``TAKEN_UP``) or
its class ("The products", "The device": ``CLASS_NOUNS``) points back wherever the article
named it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarizer.runtime.workers import item_cache
from summarizer.text.descriptions import ARTIFACTS, BODIES, verb_like, word_set
from summarizer.text.names import CALENDAR
from summarizer.text.quotes import quotations_blanked
from summarizer.text.words import STOP_WORDS

# Places, events and proceedings a story names once and then by their kind.
PLACES = word_set(
    """park state city country province county island region town village capital reservoir
    reservoirs river lake mountain airport prison camp mine site plant school university
    hospital ship plane aircraft vessel"""
)
EVENTS = word_set(
    """earthquake quake aftershock aftershocks tremor tremors crash attack attacks explosion
    blast fire storm hurricane flood march rally protest strike walkout walkouts election trial
    hearing case lawsuit suit complaint inquiry investigation probe virus disease outbreak bombing
    bombings shooting shootings killing killings massacre riot riots raid raids coup"""
)
KINDS = PLACES | EVENTS | BODIES | ARTIFACTS
# What a writer calls what the sentences before told, by the kind of thing it was: "The
# result was a skyrocketing increase…", "The announcement comes 10 weeks before…", "The vote
# was 417 to 0." As a sentence's subject, unless words after it say which ("The decision to
# close…", "The result of the vote…"), it points back wherever the article said it.
TAKEN_UP = word_set(
    """result results outcome upshot effect effects consequence consequences reason answer
    response reaction situation move step decision announcement disclosure disclosures change
    changes development developments news finding findings incident episode problem issue
    idea remarks comments statement verdict ruling vote total increase decline rise drop
    effort efforts process"""
)
# What a writer calls the things the sentences before named by their make or name: "The
# products are well sold in …" after "… makes 400,000 square metres of solar water heaters a
# year". As a subject these point back as ``TAKEN_UP`` does.
CLASS_NOUNS = word_set(
    """product products goods item items device devices equipment system systems technology
    machine machines material materials facility facilities"""
)
_POINTING_SUBJECTS = TAKEN_UP | CLASS_NOUNS
_SAYS_WHAT = re.compile(r",?\s+(?:to|of|that|about|over|for|against|by|from|on|in|at|with)\b")
_THE = re.compile(r"\b[Tt]he\s+([a-z]+)(?![\w-])")  # a head of ``KINDS``: tested after
# What may follow the head and say which: a preposition and a name, a comma and a name, a
# name in apposition.
_SAYS_WHICH = re.compile(r"(?:['’]s)?\s*(?:(?:of|in|at|on|near|off|from|for|against|by),?\s+"
                         r"(?:the\s+)?[A-Z0-9]|,[^,]*?\s[A-Z]|\s+[A-Z])")  # fmt: skip
# "The" and up to three lower-case words, each followed by what comes next: the subject's
# noun is the last word before a verb, a comma or a possessive ("The predicted warming will…",
# "The reservation's unemployment rate").
_SUBJECT = re.compile(r"^The((?:\s+[a-z][\w-]*(?:['’]s\b|,)?){1,4})")
_TOKEN = re.compile(r"\s+([a-z][\w-]*)(['’]s\b|,)?")
# A place named in the sentence: "in Vessa", "across Turkey", "off Sumatra".
_PLACED = re.compile(r"\b(?:in|across|near|off|at|on|outside)\s+(?:the\s+)?([A-Z][\w-]*)")
# A capitalised word and, looked ahead at, the word after it ("Kakadu National Park": the
# word after each of "Kakadu" and "National"): one pattern for every kind of name asked.
_AFTER_CAPITAL = re.compile(r"\b(?!The\b)[A-Z][\w.'’-]*\s+(?=(\w+))")
_RUN = re.compile(r"\w+")
# How far back the subject's noun is looked for: the sentences a reader had just read.
WINDOW = 3


def points_back(text: str, earlier: Sequence[str], skip: str | None = None) -> str | None:
    """The head noun of the first description in ``text`` that points back to what the
    ``earlier`` sentences of its article named (module docstring; no headline among them);
    None when none does. ``skip``: a head the brief repairs already (the subject
    ``descriptions.judge`` names)."""
    outside = quotations_blanked(text)
    subject = _subject(outside)
    if subject and subject[0] not in STOP_WORDS and subject[0] != skip:
        head, end = subject
        if not _SAYS_WHICH.match(outside, end) and (
            (head in _POINTING_SUBJECTS and not _SAYS_WHAT.match(outside, end))
            or _said_before(head, earlier[-WINDOW:], plural=True)
        ):
            return head
    for m in _THE.finditer(outside):
        head = m.group(1)
        if head not in KINDS or head == skip or _SAYS_WHICH.match(outside, m.end()):
            continue
        if _named_here(head, outside) or (head in EVENTS and _placed(outside)):
            continue
        if not _said_before(head, earlier):
            continue
        return head
    return None


def _subject(outside: str) -> tuple[str, int] | None:
    """The noun of a sentence's opening "The …" subject and where it ends, if it has one."""
    m = _SUBJECT.match(outside)
    if m is None:
        return None
    words = list(_TOKEN.finditer(outside, m.start(1), m.end(1)))
    for n, word in enumerate(words):
        ends = word.group(2) or (n + 1 < len(words) and verb_like(words[n + 1].group(1)))
        if ends:
            head = word.group(1)
            return (head, word.end(1)) if len(head) > 2 else None
    return None


def _placed(text: str) -> bool:
    """Whether the sentence says where: a name after "in", "across"… that is not a date."""
    return any(m.group(1) not in CALENDAR for m in _PLACED.finditer(text))


def _named_here(head: str, text: str) -> bool:
    """A name of that kind in the sentence itself: "Kakadu National Park", "Kakadu park"."""
    kinds = (head, head.capitalize())
    return any(m.group(1) in kinds for m in _AFTER_CAPITAL.finditer(text))


def _said_before(head: str, earlier: Sequence[str], plural: bool = False) -> bool:
    """Whether an earlier sentence has the word (or, with ``plural``, its plural), in any
    case."""
    if not head.isalnum():  # "co-founder": a word of more than one run of letters
        pattern = re.compile(rf"\b{head}{'s?' if plural else ''}\b", re.IGNORECASE)
        return any(pattern.search(sentence) for sentence in earlier)
    wanted = {head.lower(), f"{head.lower()}s"} if plural else {head.lower()}
    return any(not wanted.isdisjoint(_lower_words(sentence)) for sentence in earlier)


@item_cache
@lru_cache(maxsize=20_000)
def _lower_words(sentence: str) -> frozenset[str]:
    """A sentence's runs of letters and digits, lower-cased (every earlier sentence of an
    article is asked about each description after it)."""
    return frozenset(_RUN.findall(sentence.lower()))
