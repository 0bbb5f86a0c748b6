"""People named in full, and later by surname alone.

News names a person in full once ("Sen. Chuck Hagel") and by surname after ("Hagel
lambasted…"). Out of its article, "Hagel lambasted…" leaves the reader asking who; the brief
restores the article's full mention in square brackets ("[Sen. Chuck] Hagel lambasted…"),
unless an item above it already named the person in full.

A full mention is a run of capitalised words in which a known given name (from the name list
gender-guesser ships, read once) is followed by a surname: a capitalised word the article
never uses in lower case (so "Israel Defense Forces" names nobody). The given name opens the
run or follows a title (nameparser's list: "President", "Sen."), so "New York Times" names
nobody either. An abbreviated title just before the given name ("Sen.", "Gen.", "Dr.") is part
of what is restored.

A later use counts as the surname alone when it ends its run of capitalised words with only
titles or small words before it ("Mr. Hagel", "On Putin"), and does not follow a particle, a
preposition of place or "the" ("bin Laden", "born in Venezuela", "the Shepard family"): those
name something else.
When unsure, nothing is inserted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from summarizer.runtime.workers import item_cache
from summarizer.text import name_lists, places, romanised
from summarizer.text.words import STOP_WORDS

# A word as a name part: capitalised, maybe hyphenated or with an apostrophe ("O'Brien").
_TOKEN = re.compile(r"[A-Z][\w’'\-]*\.?|[a-z][\w’'\-]*|\S")
_INITIAL = re.compile(r"^[A-Z]\.$")
_TITLE = re.compile(r"^[A-Z][a-z]{1,4}\.$")  # Sen. Gen. Dr. Rep. Gov. Lt. Col.
_PARTICLES = frozenset({"de", "van", "von", "der", "bin", "al", "da", "del", "la", "le"})
_PLACE_WORDS = frozenset({"in", "at", "from", "into", "across", "throughout"})
# Days and months follow names in news ("Roger Salazar Wednesday") but are nobody's surname.
CALENDAR = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
     "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"}
)  # fmt: skip
# Words that end the name of a body, a faith or a place, never a person's: "Cornell
# University", "Roman Catholic" ("Roman" and "Cornell" are given names too).
BODIES = frozenset(
    {"University", "College", "Institute", "School", "Academy", "Church", "Catholic",
     "Catholics", "Protestant", "Orthodox", "Party", "Airlines", "Airways", "Bank", "Group",
     "Foundation", "Association", "Council", "Committee", "Agency", "Ministry", "Hospital",
     "Center", "Centre", "Museum", "Corporation", "Company", "Street", "Avenue", "Square",
     "River", "Island", "Islands", "Mountains", "County", "City", "Province", "Region"}
)  # fmt: skip
# A name's possessive ending: "Haiti's" names Haiti.
POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Mention:
    """A person as an article first names them: ``words`` are the given names before the
    surname ("Sen. Chuck"), ``surname`` is how the article goes on to call them, and ``role``
    the office the article puts before the name ("Defense Secretary"), if any."""

    words: str
    surname: str
    role: str = ""
    given_after: bool = False  # "Chen Shui-bian": the family name first (``romanised``)

    @property
    def full(self) -> str:
        if self.given_after:
            return f"{self.surname} {self.words}"
        return f"{self.words} {self.surname}"

    @property
    def restored(self) -> str:
        """What the brief puts before a bare surname: "Defense Secretary William"; for a
        family name first, the full name, which ``insert`` puts in after it."""
        if self.given_after:
            return self.full
        return f"{self.role} {self.words}".strip()


def full_mentions(text: str, ordinary: frozenset[str]) -> list[Mention]:
    """The people ``text`` names in full, in order. ``ordinary``: the article's lower-case
    words, which a surname is not."""
    return list(_full_mentions(text, ordinary))


@item_cache
@lru_cache(maxsize=100_000)
def _full_mentions(text: str, ordinary: frozenset[str]) -> tuple[Mention, ...]:
    """Cached: an article's people and each of its sentences ask about the same texts."""
    found = []
    tokens = _tokens(text)
    for start, run in _runs_in(text):
        mention = _family_first(run, ordinary) or _mention(run, ordinary)
        if mention is not None:
            found.append(_office_of(mention, tokens[max(0, start - 2) : start]))
    return tuple(found)


def _office_of(mention: Mention, before: Sequence[str]) -> Mention:
    """The mention with the office that "of" cut from its run: "Secretary of" before "State
    Madeleine Albright"; without a title before the "of", the run's "State" is no office."""
    if not mention.role or len(before) < 2 or before[1] != "of":
        return mention
    if _is_title(before[0]):
        return replace(mention, role=f"{before[0]} of {mention.role}")
    return replace(mention, role="")


def surname_only(text: str, surnames: Iterable[str]) -> list[str]:
    """The surnames ``text`` uses alone (module docstring), first use first."""
    wanted = set(surnames)
    out: list[str] = []
    tokens = _tokens(text)
    for start, run in _runs_in(text):
        name = _bare(run[-1])
        before = tokens[start - 1].lower() if start else ""
        if name not in wanted or name in out or before in _PARTICLES | _PLACE_WORDS:
            continue
        if (run[-2] if len(run) > 1 else before).lower() == "the":
            continue  # "the Shepard family", "The Gingrich divorce": a family, not a person
        after = tokens[start + len(run)] if start + len(run) < len(tokens) else ""
        if before in _OPEN_QUOTES and after in _CLOSE_QUOTES:
            continue  # "The success of “Donahue”": a show's title, not the man
        if all(_is_title(t) or t.lower() in STOP_WORDS for t in run[:-1]):
            out.append(name)
    return out


def people_named(text: str, bare: Iterable[str] = ()) -> frozenset[str]:
    """The surnames of the people ``text`` names: in full (read leniently: any listed given
    name before a surname), and ``bare``, the surnames it uses alone (``Sentence.names``)."""
    return frozenset(m.surname for m in full_mentions(text, frozenset())).union(bare)


def names_each(text: str, surnames: Iterable[str]) -> bool:
    """Whether ``text`` uses each of ``surnames`` as a whole word."""
    return all(_whole_word(surname).search(text) for surname in surnames)


@lru_cache(maxsize=10_000)
def _whole_word(surname: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w’'\-]){re.escape(surname)}(?![\w\-])")


def insert(text: str, surname: str, words: str) -> str:
    """``text`` with "[words] " before the first use of ``surname`` as a whole word; where the
    text has a title there already, only the given names go in ("Rep. [John] Linder",
    "Secretary [William] Cohen", "Mr. [William] Cohen" for "Defense Secretary William"), and
    words the text has before the surname stay after the insertion ("[Michael] St. Clair")."""
    if surname == places.HERE:
        return places.insert(text, words)
    m = _whole_word(surname).search(text)
    if not m:
        return text
    given = romanised.given_of(surname, words)
    if given is not None:
        return romanised.insert_after(text, m.end(), given)
    head, tail = text[: m.start()], text[m.start() :]
    tokens = words.split()
    # (at the text's start too: "St. Clair told jurors" gives "[Michael] St. Clair told")
    while len(tokens) > 1 and f" {head.rstrip()}".endswith(f" {tokens[-1]}"):
        cut = head.rstrip()[: -len(tokens[-1])]
        head, tail, tokens = cut, head[len(cut) :] + tail, tokens[:-1]
    before = head.split()
    titles = [i for i, token in enumerate(tokens) if _is_title(token)]
    if before and _is_title(before[-1]) and titles and titles[-1] + 1 < len(tokens):
        tokens = tokens[titles[-1] + 1 :]
    return f"{head}[{' '.join(tokens)}] {tail}"


def bracketed(surname: str, words: str) -> tuple[str, str]:
    """The words ``insert`` puts in brackets for ``surname`` and the full name they make:
    "Sen. Chuck" and "Sen. Chuck Hagel"; "Shui-bian" and "Chen Shui-bian"."""
    given = romanised.given_of(surname, words)
    if given is not None:
        return given, words
    if surname == places.HERE:
        return words, words
    return words, f"{words} {surname}"


def article_people(
    sentences: Sequence[str], ordinary: frozenset[str]
) -> tuple[dict[str, Mention], frozenset[str]]:
    """Each surname the article names someone by in full, with its first full mention (and
    the first office the article gives them), and the surnames two people of the article
    share. A bare shared surname means the person
    named first (news gives the second one's full name or a courtesy title each time). A
    surname the article uses alone before naming anyone by it is no one's (``_used_before``)."""
    people: dict[str, Mention] = {}
    shared: set[str] = set()
    first: dict[str, int] = {}  # surname -> the sentence that names them in full first
    for i, text in enumerate(sentences):
        for mention in full_mentions(text, ordinary):
            known = people.setdefault(mention.surname, mention)
            first.setdefault(mention.surname, i)
            if not _same_person(known, mention):
                shared.add(mention.surname)
            elif mention.role and not known.role:  # the office, where the article gives it
                people[mention.surname] = replace(known, role=mention.role)
    for surname, i in first.items():
        if _used_before(surname, sentences[:i]):
            del people[surname]  # someone the article did not name: not the one named later
    return people, frozenset(shared)


def _used_before(surname: str, sentences: Sequence[str]) -> bool:
    """Whether two of ``sentences`` (those before a surname's first full mention) use the
    surname alone: a report's second part ("Freedman regards it as imperative", of a cyclist
    its first part named) that later names her parents in full ("Marvin and Corey Freedman")
    means her by it, not them; "Mrs. Gore" before "Vice President Al Gore" is not him."""
    uses = (text for text in sentences if surname in text and _whole_word(surname).search(text))
    return next(uses, None) is not None and next(uses, None) is not None  # twice: not a slip


def spelled_otherwise(surname: str, words: str, named: Mapping[str, str]) -> bool:
    """Whether ``named`` (surname: given names, as the brief has printed people so far) has
    the person ``words`` ``surname`` under another spelling ("Volodymyr Zelenskyy" for
    "Volodymyr Zelensky", "Muammar Qaddafi" for "Moammar Kadafi"): alike once folded to
    sounds, the given names too."""
    given = _given(words)
    for other, other_words in named.items():
        if other != surname and _alike(other, surname) and _alike(_given(other_words), given):
            return True
    return False


# How alike two folded spellings must be (difflib's ratio) to spell one name: "Gadhafi" and
# "Qaddafi" are 0.83, "Chen" and "Chan" 0.75.
_ALIKE = 0.8
_SOUNDS = (("q", "k"), ("gh", "g"), ("dh", "d"), ("kh", "k"), ("ph", "f"), ("y", "i"), ("j", "i"),
           ("c", "k"))  # fmt: skip
_DOUBLED = re.compile(r"(.)\1+")


def _alike(a: str, b: str) -> bool:
    return bool(a and b) and SequenceMatcher(None, _folded(a), _folded(b)).ratio() >= _ALIKE


@lru_cache(maxsize=10_000)
def _folded(name: str) -> str:
    """A name as it sounds, roughly: "Qaddafi" and "Kadafi" are both "kadafi"."""
    low = name.lower()
    for spelled, sound in _SOUNDS:
        low = low.replace(spelled, sound)
    return _DOUBLED.sub(r"\1", low)


def courtesy_titled(text: str, surname: str) -> bool:
    """Whether the first bare use of ``surname`` has "Mr.", "Mrs.", "Ms." or "Miss" before it
    (with two people of one surname, it may mean either)."""
    m = re.search(rf"\b(?:Mr|Mrs|Ms|Miss)\.?\s+{re.escape(surname)}\b", text)
    return m is not None


def after_title(word: str, texts: Sequence[str]) -> bool:
    """Whether some text prints ``word`` right after a title or an office ("Senator
    Lieberman", "Sen. Lieberman", "Mr. Lieberman"): the word is someone's surname, though
    no text names them in full."""
    before = re.compile(rf"(\S+)\s+{re.escape(word)}\b")
    return any(_is_title(m.group(1)) for text in texts for m in before.finditer(text))


def _same_person(a: Mention, b: Mention) -> bool:
    return same_given(a.words, b.words)


def same_given(words: str, other: str) -> bool:
    """Whether two full mentions' words before a surname ("Sen. Chuck", "Chuck") give one
    person's given name."""
    ga, gb = _given(words), _given(other)
    return ga == gb or ga.startswith(gb) or gb.startswith(ga)


def _given(words: str) -> str:
    """The first given name in ``words`` ("William" in "Defense Secretary William")."""
    tokens = words.split()
    listed = [w for w in tokens if w in name_lists.given_names()]
    return listed[0] if listed else next((w for w in tokens if not _is_title(w)), "")


@item_cache
@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


@item_cache
@lru_cache(maxsize=100_000)
def _runs_in(text: str) -> tuple[tuple[int, list[str]], ...]:
    """``_runs_at`` of a text's tokens, cached: an article's people and each sentence's bare
    surnames are looked up in the same sentences (callers only read the runs)."""
    return tuple(_runs_at(_tokens(text)))


def _runs_at(tokens: Sequence[str]) -> list[tuple[int, list[str]]]:
    """Maximal runs of name-like tokens (capitalised words, initials, inner particles), each
    with the index of its first token. A possessive ends a run ("Sun's Internet software")."""
    runs: list[tuple[int, list[str]]] = []
    start = 0
    current: list[str] = []
    for i, token in enumerate(tokens):
        upper = token[:1].isupper()  # else neither a name word nor an initial: most tokens
        capital = upper and (
            token != token.upper() if token.isascii() else any(c.islower() for c in token)
        )  # a capital and some lower case ("Hagel", not "NATO")
        if capital or (upper and _INITIAL.match(token)) or (current and token in _PARTICLES):
            if not current:
                start = i
            current.append(token)
            if not token.endswith(("'s", "’s")):  # a possessive ends the run
                continue
        if current:  # a fresh list only after a run, not after every small word
            if trimmed := _trim(current):
                runs.append((start, trimmed))
            current = []
    if current and (trimmed := _trim(current)):
        runs.append((start, trimmed))
    return runs


def _trim(run: list[str]) -> list[str]:
    """A run without particles or days and months at its end ("Roger Salazar Wednesday")."""
    while run and (run[-1] in _PARTICLES or _bare(run[-1]) in CALENDAR):
        run = run[:-1]
    return run


@lru_cache(maxsize=100_000)
def _bare(token: str) -> str:
    return POSSESSIVE.sub("", token.rstrip("."))


def _given_at(run: Sequence[str], ordinary: frozenset[str]) -> int | None:
    """Where the first given name in a run is: a listed name that is no ordinary word of the
    article and no stop word (the list has "The" and "Will")."""
    known = name_lists.given_names()
    for i, token in enumerate(run):
        name = _bare(token)
        if name in known and name.lower() not in ordinary and name.lower() not in STOP_WORDS:
            return i
    return None


def _family_first(run: list[str], ordinary: frozenset[str]) -> Mention | None:
    """A full mention written family name first ("Chen Shui-bian", ``romanised``)."""
    if len(run) < 2 or not romanised.is_given_after(_bare(run[-1])):
        return None
    family = run[-2]
    if not romanised.is_family(family) or _is_title(family) or family.lower() in ordinary:
        return None
    if family in BODIES or family in CALENDAR or family in name_lists.countries():
        return None
    return Mention(_bare(run[-1]), family, _role(run[:-2]), given_after=True)


_OPEN_QUOTES = frozenset({"“", '"', "‘"})
_CLOSE_QUOTES = frozenset({"”", '"', "’"})
# Words that open a sentence, capitalised there, before a name: "When Judd Levy retired ...",
# "But Gov. George Ryan said ...". (Not "Former", which opens an office.)
_OPENERS = frozenset(
    {"when", "as", "after", "before", "but", "and", "or", "for", "if", "though", "although",
     "while", "since", "until", "so", "yet", "once", "because", "with", "without", "at", "in",
     "on", "by", "from", "to", "like", "unlike", "despite", "meanwhile", "also", "even", "now",
     "then", "still", "unless", "whether", "where"}
)  # fmt: skip


def _mention(run: list[str], ordinary: frozenset[str]) -> Mention | None:
    """The full mention in one run of capitalised words, if it names a person. A sentence's
    capitalised first word is no part of the name ("When Judd Levy retired ...")."""
    if len(run) > 2 and run[0].lower() in _OPENERS:
        run = run[1:]
    if len(run) < 2:
        return None
    surname = _bare(run[-1])
    if (
        len(surname) < 2
        or surname.isupper()
        or surname.lower() in ordinary
        or _is_title(run[-1])
        or "." in surname
        or surname in BODIES
        or surname in name_lists.countries()
    ):
        return None
    start = _given_at(run[:-1], ordinary)
    if start is None or (start > 0 and not _is_title(run[start - 1])):
        return None  # no given name, or one inside another name ("New York Times")
    role = _role(run[:start])
    if start > 0 and _TITLE.match(run[start - 1]) and _is_title(run[start - 1]):
        start -= 1
        role = _role(run[:start])
    words = " ".join(run[start:-1])
    return Mention(words, surname, role)


# The most words of an office kept before a name: "Senate Majority Leader".
_ROLE_WORDS = 4


def _role(before: Sequence[str]) -> str:
    """The office in the capitalised words before a given name ("Defense Secretary" in
    "Defense Secretary William Cohen"): they end on a title; a small word or a day that
    opens the run ("But President…", "Monday President…") is no part of it, "Former" is."""
    words = list(before[-_ROLE_WORDS:])
    while words and _not_office(words[0]):
        words = words[1:]
    if not words or not _is_title(words[-1]):
        return ""
    return _INITIALS_APART.sub("", " ".join(words))  # "U. S." as printed: "U.S."


# Small words that do belong to an office: "Former President", "Acting Director".
_IN_OFFICES = frozenset({"former", "acting", "deputy", "vice"})
_INITIALS_APART = re.compile(r"(?<=\b[A-Z]\.) (?=[A-Z]\.)")


def _not_office(word: str) -> bool:
    low = word.lower()
    return (low in STOP_WORDS and low not in _IN_OFFICES) or _bare(word) in CALENDAR


@lru_cache(maxsize=100_000)
def _is_title(token: str) -> bool:
    """A title or office before a name: "Sen.", "President", "Secretary-General" (not a
    sentence's last word, "Putin.")."""
    titles = name_lists.titles()
    if _TITLE.match(token):
        return token[:-1].lower() in titles
    return any(part in titles for part in token.lower().split("-"))
