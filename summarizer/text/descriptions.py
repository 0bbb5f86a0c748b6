"""Descriptions that point back: "the company", "the agency", "the two men".

News names a body or a person once and describes it after: "The Environmental Protection
Agency ordered…", then "The agency said…". Out of its article, "The agency said…" leaves the
reader asking which. A sentence whose subject or speaker is such a description is shown only
when the brief can repair it with certainty, as it restores people's names: the sentences just
before it name exactly one body of that kind, in a name that ends in the word ("… Protection
Agency"; "Ford Motor Co." for "the company"), and the brief shows "The [Environmental
Protection] agency said…". A name that goes on after the word ("Panel on Climate Change") is
not used, nor a word before a lower-case one ("the Indian tribe": a name or an adjective?). A
description of people ("the two men", "the victim", "the 38-year-old"), of a body too
various to tell from its word ("the group") or of a document or decision ("the report", "the
study", "the decision") is never repaired.

A description counts when it is the sentence's subject: its first words ("The agency's
rules…"), the subject after an opening phrase that names nobody ("Today, the agency…"), or the
speaker put last ("…, the group said.", "…, said the agency."). It must end its noun phrase:
the next word is verb-like ("is", "said", "plans", "recently"), a comma or a possessive; "The
agency of the future", "The company Microsoft" and "The tribe in Arizona" are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from summarizer.text import voices
from summarizer.text.names import CALENDAR
from summarizer.text.quotes import blanked, quotations_blanked
from summarizer.text.words import STOP_WORDS


def word_set(block: str) -> frozenset[str]:
    """The white-space separated words of a block: long lists stay readable."""
    return frozenset(block.split())


# Bodies whose name the article gives in a form the brief can find: "the agency" after
# "… Agency".
BODIES = word_set(
    """agency authority board bureau commission committee company corporation council court
    department federation firm foundation institute league ministry organization organisation
    panel party tribe union"""
)
# Kinds of body whose names end in a corporate suffix rather than in the word itself.
_CORPORATE = word_set("company corporation firm")
_SUFFIXES = word_set("Inc Corp Co Ltd LLC Corporation Company plc AG SA Group")
# Bodies too various to name from the word: "the group" may be Human Rights Watch.
_UNNAMEABLE = word_set(
    """airline alliance automaker bank carrier chain club coalition companies firms group maker
    manufacturer network newspaper publisher retailer studio team"""
)
# Documents, findings and decisions: "The report found…", "The study shows…", "The decision
# was made…". Out of their article the reader asks which; the word never says whose, so they
# are never repaired. Only the bare word counts: "The report, released by the GAO, found…" and
# "The 55-page report…" say which.
ARTIFACTS = word_set(
    """report reports study studies survey surveys poll polls findings decision move plan
    proposal deal agreement measure ruling statement letter document documents material
    program programme project bill order treaty list figures data results memo"""
)
PEOPLE = word_set(
    """man woman men women boy boys girl girls couple pair victim victims suspect suspects
    gunman gunmen attacker attackers defendant defendants plaintiff plaintiffs widow father
    mother son daughter teenager teen-ager driver pilot spokesman spokeswoman source sources
    official officials researchers scientists investigators leader leaders"""
)
# Speakers a name in the sentence does not say: "…reduce Thailand's trade, the official said"
# (which official?), where "…, the space agency said" after "NASA's probe" is NASA.
_ANONYMOUS = word_set("official officials source sources")
# "The two", "the other five": a count of people or things named before.
COUNTS = word_set("two three four five six seven eight nine ten other others")
_AGE = r"\d+-year-old"
# "The" and up to two lower-case modifiers ("the federal", "the small Paramus-based"), then
# the head noun, which no hyphen or letter continues ("company-owned").
_DESCRIPTION = re.compile(
    rf"\b[Tt]he\s+(?P<mods>(?:[a-z0-9][\w’'-]*\s+){{0,2}}?)"
    rf"(?P<head>{'|'.join(sorted(BODIES | _UNNAMEABLE | PEOPLE | COUNTS | ARTIFACTS))}|{_AGE})"
    r"(?![\w\-])(?P<poss>['’]s\b)?"
)
# Words after the noun that show it ended the subject: auxiliaries, reporting verbs, adverbs.
_VERBS = word_set(
    """is was are were has had have will would can could may might must should shall did does
    do said says told added also still now then already never later recently once first alone
    itself themselves became began brought came found gave got held kept knew led left lost
    made met paid put ran rose saw sent set sold spent stood struck took went won wrote"""
)
_VERB_LIKE = re.compile(r"[a-z]+(?:ed|ly|[^su]s)$")
_SPEECH = r"(?:said|says|added|adds|told|tells|noted|wrote|writes|reported|reports|announced)"
_OPENER = re.compile(r"^[^,“\"]{0,80},\s+")
_NEXT_WORD = re.compile(r"\s*(,?)\s*([\w’'-]+)")
# After a speaker put last ("…, said the agency"): the sentence ends, or a phrase follows.
_AFTER_SPEAKER = re.compile(r"\s*(?:[.,;!]|\b(?:in|on|at|last|this|who|which)\b)")
# A possessive description followed by a name: "The company's chairman, Bill Gates, said".
_NAMED_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,2},?\s+[A-Z]")
# "… are Omar Khyam", "… was the Memphis": the description's own sentence names it.
_NAMES_THEM = re.compile(r"(?:\s+[a-z][\w’'-]*){0,3}?\s+(?:are|were|is|was)\s+(?:the\s+)?[A-Z]")
# How far back a repair looks for the name: the sentences a reader had just read.
WINDOW = 3
# Words that join the parts of a body's name: "Bureau of Indian Affairs".
_INNER = word_set("of and for on &")
_TRAILING = ".,;:)”\"'’"


@dataclass(frozen=True)
class Description:
    """A description as the subject of a sentence: its head noun ("agency"), the words before
    it ("federal"), and whether the brief may name it (a body) or not (people, "the group")."""

    head: str
    modifiers: tuple[str, ...]
    nameable: bool


@dataclass(frozen=True)
class Verdict:
    """Whether a sentence's subject is clear, and the name that makes it so: ("agency",
    "Environmental Protection") for "The [Environmental Protection] agency said…"."""

    clear: bool
    insertion: tuple[str, str] | None = None


def judge(text: str, earlier: Sequence[str], ordinary: frozenset[str]) -> Verdict:
    """Whether ``text`` says what its subject is, given the ``earlier`` sentences of its
    article (its title first) and ``ordinary``, the article's lower-case words."""
    described = subject_description(text, ordinary)
    if described is None:
        return Verdict(True)
    if not described.nameable:
        return Verdict(False)
    name = antecedent(described.head, earlier)
    if name is None:
        return Verdict(False)
    if {w.lower() for w in name.split()} & set(described.modifiers):
        return Verdict(True)  # "the justice department": named already
    return Verdict(True, (described.head, name))


def subject_description(text: str, ordinary: frozenset[str]) -> Description | None:
    """The description that is the subject or the speaker of ``text``, if any (module
    docstring). A quotation counts as a name ("the “East African” weekly newspaper") and is no
    antecedent: its words are the speaker's. ``ordinary``: the article's lower-case words, to
    tell a name ("Merck, the drug company, …") from an opening phrase ("Today, the board …")."""
    outside, blank = blanked(text, "Q"), quotations_blanked(text)  # the offsets of ``text``
    for m in _DESCRIPTION.finditer(outside):
        if m.group("head") in ARTIFACTS and m.group("mods").strip():
            continue  # "the 55-page report", "the damages report": it says which
        if _modifiers_describe(m) and _is_subject(outside, blank, m, ordinary):
            head = m.group("head")
            return Description(head, tuple(m.group("mods").split()), head in BODIES)
    return None


def _modifiers_describe(m: re.Match[str]) -> bool:
    """Whether the words between "the" and the noun modify the noun: no small words ("the
    rate among teen-age boys") and no possessive ("the plane's two engines"); before a
    number, only "other" ("the other two", not "the incident involved four boys")."""
    mods = m.group("mods").split()
    if m.group("head") in COUNTS:
        return set(mods) <= {"other"}
    return not any(w in STOP_WORDS or w.endswith(("'s", "’s")) for w in mods)


def _is_subject(outside: str, blank: str, m: re.Match[str], ordinary: frozenset[str]) -> bool:
    """At the start, after an opening phrase that names nobody, or a speaker put last
    ("…, the agency said." or "…, said the agency.") after words that name nobody either
    ("NASA's probe found two moons, the space agency said" names its agency). ``blank``:
    ``outside`` with the quotations blanked."""
    before, after = outside[: m.start()], outside[m.end() :]
    if not before.strip():
        return _ends_phrase(outside, m)
    anonymous = m.group("head") in _ANONYMOUS
    opener = _OPENER.match(outside)
    if opener and opener.end() == m.start():
        named = voices.names_anyone(before, ordinary) and not anonymous
        return not named and _ends_phrase(outside, m)
    if voices.names_anyone(blank[: m.start()], ordinary) and not anonymous:
        return False
    if re.search(r"[,”\"Q]\s*$", before) and re.match(rf"\s+{_SPEECH}\b", after):
        return True
    inverted = re.search(rf"(?:[,”\"Q]\s*{_SPEECH}|\baccording to)\s+$", before)
    return inverted is not None and _AFTER_SPEAKER.match(after) is not None


def _ends_phrase(outside: str, m: re.Match[str]) -> bool:
    """Whether the noun phrase ends at the head (see the module docstring); "the two" and
    "the other" take a noun of their own first ("the two men said"). A sentence that goes on
    to say who they are names them: "The five convicted are Omar Khyam, …"."""
    rest = outside[m.end() :]
    if _NAMES_THEM.match(rest):
        return False
    if m.group("poss"):
        return not _NAMED_AFTER.match(rest)
    nxt = _NEXT_WORD.match(rest)
    if nxt and m.group("head") in COUNTS and not nxt.group(1) and _a_noun(nxt.group(2)):
        nxt = _NEXT_WORD.match(rest, nxt.end())
    if nxt is None:
        return False
    comma, word = nxt.groups()
    if comma:
        clause = rest[nxt.start(2) :].split(",")[0]
        return not re.search(r"(?:^|\s)[A-Z]", clause)  # "The team, from Yale University, …"
    if word in _VERBS or (word == "who" and m.group("head") in PEOPLE | COUNTS):
        return True  # "The two men who built it were fined"
    return _VERB_LIKE.fullmatch(word) is not None and not m.group("head").endswith("year-old")


def verb_like(word: str) -> bool:
    """A word that can follow a subject's noun: an auxiliary, a reporting verb, an adverb or a
    verb's inflection ("said", "plans", "recently")."""
    return word in _VERBS or _VERB_LIKE.fullmatch(word) is not None


def _a_noun(word: str) -> bool:
    """A lower-case word after "the two" that is no verb: its noun ("men")."""
    return word[:1].islower() and word not in _VERBS


def antecedent(head: str, earlier: Sequence[str]) -> str | None:
    """The name of the one body of kind ``head`` the last ``WINDOW`` of the ``earlier``
    sentences name ("Environmental Protection" for "agency"), as the words to put before the
    head, in its longest form in all of them ("Safety Board" is "National Transportation
    Safety Board"); None when they name none or more than one."""
    recent = _bodies(head, earlier[-WINDOW:])
    if len(recent) != 1:
        return None
    forms = [n for n in _bodies(head, earlier, merge=False) if _same_body(n, recent[0])]
    longest: tuple[str, ...] = max(forms, key=len)
    return " ".join(longest)


def _bodies(head: str, texts: Sequence[str], merge: bool = True) -> list[tuple[str, ...]]:
    """The names of bodies of kind ``head`` in ``texts``, one per body when ``merge``."""
    found: list[tuple[str, ...]] = []
    for text in texts:
        for name in _names_of(head, text):
            if not (merge and any(_same_body(name, other) for other in found)):
                found.append(name)
    return found


def _names_of(head: str, text: str) -> list[tuple[str, ...]]:
    """The bodies of kind ``head`` one sentence names: a name that ends in the word, as a
    capitalised word ("… Protection Agency", not "… Panel on Climate Change") or, for a
    company, a name with a corporate suffix ("Ford Motor Co.")."""
    tokens = text.split()
    out = []
    for i, token in enumerate(tokens):
        word = token.rstrip(_TRAILING).removesuffix("'s").removesuffix("’s")
        if word != head.capitalize() and not (head in _CORPORATE and word in _SUFFIXES):
            continue
        name = () if _name_goes_on(tokens, i) else _name_before(tokens, i)
        if name:
            out.append(name)
    return out


def _name_goes_on(tokens: Sequence[str], i: int) -> bool:
    """Whether the name goes on after its ``i``th word: "Panel on Climate Change"."""
    if i + 2 >= len(tokens) or tokens[i][-1] in ",;:.)" or tokens[i + 1] not in _INNER:
        return False
    return tokens[i + 2][:1].isupper() and tokens[i + 2].strip(_TRAILING) not in CALENDAR


def _name_before(tokens: Sequence[str], i: int) -> tuple[str, ...]:
    """The capitalised words before ``tokens[i]`` ("of", "and", "for" inside a name: "Bureau
    of Indian Affairs"), without a leading "The", "His" or small word."""
    j = i
    while j > 0:
        prev = tokens[j - 1]
        if prev.endswith((",", ";", ":", ".")) and not re.fullmatch(r"(?:[A-Z]\.)+", prev):
            break  # a name does not go on past punctuation, but "U.S." is in one
        if not (prev[:1].isupper() or prev in _INNER):
            break
        j -= 1
    name = [t.strip('“"(') for t in tokens[j:i]]
    while name and (name[0] in _INNER or name[0].lower() in STOP_WORDS):
        name = name[1:]
    return tuple(name)


def _same_body(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of one body: one ends the other ("Environmental Protection" and "U.S.
    Environmental Protection")."""
    short, long = sorted((_folded(a), _folded(b)), key=len)
    return long[len(long) - len(short) :] == short


@cache
def _folded(name: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w.lower().strip(".") for w in name)
