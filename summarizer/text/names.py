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
titles or small words before it ("Mr. Hagel", "On Putin"), and does not follow a particle or a
preposition of place ("bin Laden", "born in Venezuela"): those name something else.
When unsure, nothing is inserted.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

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
_BODIES = frozenset(
    {"University", "College", "Institute", "School", "Academy", "Church", "Catholic",
     "Catholics", "Protestant", "Orthodox", "Party", "Airlines", "Airways", "Bank", "Group",
     "Foundation", "Association", "Council", "Committee", "Agency", "Ministry", "Hospital",
     "Center", "Centre", "Museum", "Corporation", "Company", "Street", "Avenue", "Square",
     "River", "Island", "Islands", "Mountains", "County", "City", "Province", "Region"}
)  # fmt: skip
_POSSESSIVE = re.compile(r"['’]s?$")
_LISTED = re.compile(r"^[MF1?]{1,2} +(\S+)", re.M)  # a line of nam_dict.txt: gender, name


@cache
def given_names() -> frozenset[str]:
    """The given names gender-guesser's name list knows (about 45,000, many languages); a
    "+" in a name there stands for nothing, a space or a hyphen."""
    data = resources.files("gender_guesser") / "data" / "nam_dict.txt"
    listed = _LISTED.findall(data.read_text(encoding="utf-8"))
    return frozenset(n.replace("+", sep) for n in listed for sep in ("", " ", "-"))


@cache
def countries() -> frozenset[str]:
    """Country names of one word from pycountry's ISO 3166 data ("Chile", "Venezuela"): no
    person's surname, as in "[Santiago de] Chile". Read as a file, without importing
    pycountry (0.08 s)."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(spec.submodule_search_locations[0]) / "databases" / "iso3166-1.json"
    records = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
    names = {r.get(key, "") for r in records for key in ("name", "common_name")}
    # A country that is also a given name may well be a surname ("Vernon Jordan").
    people = given_names()
    return frozenset(n for n in names if n and " " not in n and "," not in n and n not in people)


@dataclass(frozen=True)
class Mention:
    """A person as an article first names them: ``words`` before the surname are what the
    brief restores ("Sen. Chuck"), ``surname`` is how the article goes on to call them."""

    words: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.words} {self.surname}"


def full_mentions(text: str, ordinary: frozenset[str]) -> list[Mention]:
    """The people ``text`` names in full, in order. ``ordinary``: the article's lower-case
    words, which a surname is not."""
    return list(_full_mentions(text, ordinary))


@lru_cache(maxsize=100_000)
def _full_mentions(text: str, ordinary: frozenset[str]) -> tuple[Mention, ...]:
    """Cached: an article's people and each of its sentences ask about the same texts."""
    found = []
    for _, run in _runs_in(text):
        mention = _mention(run, ordinary)
        if mention is not None:
            found.append(mention)
    return tuple(found)


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
        if all(_is_title(t) or t.lower() in STOP_WORDS for t in run[:-1]):
            out.append(name)
    return out


def insert(text: str, surname: str, words: str) -> str:
    """``text`` with "[words] " before the first use of ``surname`` as a whole word; a title
    the text already has there is not repeated ("Rep. [John] Linder")."""
    m = re.search(rf"(?<![\w’'\-]){re.escape(surname)}(?![\w\-])", text)
    if not m:
        return text
    head = text[: m.start()]
    first, _, rest = words.partition(" ")
    if rest and _is_title(first) and head.rstrip().endswith(first):
        words = rest
    return f"{head}[{words}] {text[m.start() :]}"


def article_people(
    sentences: Sequence[str], ordinary: frozenset[str]
) -> tuple[dict[str, Mention], frozenset[str]]:
    """Each surname the article names someone by in full, with its first full mention, and
    the surnames two people of the article share. A bare shared surname means the person
    named first (news gives the second one's full name or a courtesy title each time)."""
    people: dict[str, Mention] = {}
    shared: set[str] = set()
    for text in sentences:
        for mention in full_mentions(text, ordinary):
            known = people.setdefault(mention.surname, mention)
            if not _same_person(known, mention):
                shared.add(mention.surname)
    return people, frozenset(shared)


def courtesy_titled(text: str, surname: str) -> bool:
    """Whether the first bare use of ``surname`` has "Mr.", "Mrs.", "Ms." or "Miss" before it
    (with two people of one surname, it may mean either)."""
    m = re.search(rf"\b(?:Mr|Mrs|Ms|Miss)\.?\s+{re.escape(surname)}\b", text)
    return m is not None


def _same_person(a: Mention, b: Mention) -> bool:
    ga, gb = _given(a.words), _given(b.words)
    return ga == gb or ga.startswith(gb) or gb.startswith(ga)


def _given(words: str) -> str:
    return next((w for w in words.split() if not _TITLE.match(w)), "")


@lru_cache(maxsize=100_000)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text))


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
        if current and (trimmed := _trim(current)):
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
    return _POSSESSIVE.sub("", token.rstrip("."))


def _given_at(run: Sequence[str], ordinary: frozenset[str]) -> int | None:
    """Where the first given name in a run is: a listed name that is no ordinary word of the
    article and no stop word (the list has "The" and "Will")."""
    known = given_names()
    for i, token in enumerate(run):
        name = _bare(token)
        if name in known and name.lower() not in ordinary and name.lower() not in STOP_WORDS:
            return i
    return None


def _mention(run: list[str], ordinary: frozenset[str]) -> Mention | None:
    """The full mention in one run of capitalised words, if it names a person."""
    if len(run) < 2:
        return None
    surname = _bare(run[-1])
    if (
        len(surname) < 2
        or surname.isupper()
        or surname.lower() in ordinary
        or _is_title(run[-1])
        or "." in surname
        or surname in _BODIES
        or surname in countries()
    ):
        return None
    start = _given_at(run[:-1], ordinary)
    if start is None or (start > 0 and not _is_title(run[start - 1])):
        return None  # no given name, or one inside another name ("New York Times")
    if start > 0 and _TITLE.match(run[start - 1]) and _is_title(run[start - 1]):
        start -= 1
    words = " ".join(run[start:-1])
    return Mention(words, surname)


@lru_cache(maxsize=100_000)
def _is_title(token: str) -> bool:
    """A title or office before a name: "Sen.", "President", "Secretary-General" (not a
    sentence's last word, "Putin.")."""
    titles = _titles()
    if _TITLE.match(token):
        return token[:-1].lower() in titles
    return any(part in titles for part in token.lower().split("-"))


@cache
def _titles() -> frozenset[str]:
    """nameparser's list of titles (lower case, no full stops), read once."""
    from nameparser.config import CONSTANTS

    return frozenset(str(t) for t in CONSTANTS.titles) | {"sen"}  # "Sen." is not in it
