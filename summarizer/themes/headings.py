"""Which noun phrases an editor would print as a section heading, judged by the day's own text.

Most learned headings that read as a machine's fall in a few kinds (issue 26): a unit
("Feet", "Percent"), a person ("Charest", "Prime Minister Tony Blair"), a bare place
("China", "Montgomery County") or a single common noun ("People", "Home", "Situation"). None
says what the section is about. Each kind is decided from evidence, never guessed per word:

- a unit: the last word is one of ``UNITS``, a short explicit list of measure words;
- a person: the phrase is a name whose last word the day uses as someone's surname after
  naming them in full (``text/names.py``), a word the day prints after a title ("Senator
  Lieberman") or joins by a hyphen to someone's surname ("the Gore-Lieberman ticket"), or
  a lone given name ("Jason");
- a place: a country or subdivision pycountry knows, a name ending on a place word
  ("County", "Township"), or a name the day prints mostly after "in", "at" or "from";
- a single common noun: a one-word phrase the day prints in lower case mid-sentence. A
  one-word *name* ("Vioxx", "Interfax", "NATO") is kept: it is a product, a body or an event.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from summarizer.text.name_lists import given_names
from summarizer.text.names import CALENDAR, after_title, full_mentions
from summarizer.text.words import STOP_WORDS

# Measure words: a heading on one of them names how much, not what.
UNITS = frozenset(
    {"percent", "per cent", "percentage", "points", "feet", "foot", "inches", "inch", "yards",
     "miles", "mile", "meters", "metres", "meter", "kilometers", "kilometres", "km", "acres",
     "hectares", "tons", "tonnes", "pounds", "kilograms", "kilos", "ounces", "gallons",
     "liters", "litres", "barrels", "degrees", "seconds", "minutes", "hours", "dollars",
     "cents", "euros", "yen", "yuan", "usd", "eur", "gbp", "utc", "gmt", "mph", "kph"}
)  # fmt: skip
# The last word of a place's name ("Montgomery County", "Shatt al Arab Waterway").
PLACE_WORDS = frozenset(
    {"county", "city", "township", "province", "state", "republic", "island", "islands",
     "hill", "hills", "river", "valley", "bay", "sea", "strait", "lake", "mountain",
     "mountains", "region", "district", "street", "avenue", "square", "waterway", "waters",
     "coast", "peninsula", "desert", "village", "town", "capital"}
)  # fmt: skip
_AFTER_PLACE = ("in", "at", "from", "near", "across", "outside")
# A name printed after one of those words in at least this share of its uses is a place.
PLACE_SHARE = 0.5
# A name printed inside a longer name in at least this share of its uses is a fragment.
FRAGMENT_SHARE = 0.5
# Small words inside a name: "Centers for Disease Control", "Food and Drug Administration".
_JOINS = frozenset({"for", "of", "and", "&", "es", "de"})
MIN_NAME_LETTERS = 4  # "Gen", "Oct": abbreviations, not names


@dataclass(frozen=True)
class DayNames:
    """What the day's text says about its capitalised words: who is named by surname, and
    how each word is printed mid-sentence (``cases``: lower-case word to its commonest form)."""

    texts: tuple[str, ...]
    surnames: frozenset[str]
    cases: dict[str, str]

    def proper(self, word: str) -> bool:
        """Whether the day prints the word capitalised mid-sentence (a name's word)."""
        return self.cases.get(word.lower(), word)[:1].isupper()


def day_names(texts: Sequence[str]) -> DayNames:
    """The day's evidence on names: how it prints each word, and the surnames of everyone
    it names in full."""
    cases = common_case(texts)
    ordinary = frozenset(w for w, shown in cases.items() if shown.islower())
    surnames = frozenset(m.surname for t in texts for m in full_mentions(t, ordinary))
    return DayNames(tuple(texts), surnames, cases)


def printable(words: Sequence[str], day: DayNames) -> bool:
    """Whether an editor would print the phrase as a heading (module docstring)."""
    if words[-1].lower() in UNITS or " ".join(words[-2:]).lower() in UNITS:
        return False
    if _person(words, day) or _fragment(words, day):
        return False
    if not all(day.proper(w) for w in words):
        return len(words) > 1  # a descriptive phrase, not one common noun
    if len(words) == 1 and not _one_word_name(words[0]):
        return False
    return not _place(words, day)


def common_case(texts: Sequence[str]) -> dict[str, str]:
    """Each word's commonest printing away from a sentence's start ("relief", "Hurricane")."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for token in text.split()[1:]:
            word = token.strip(".,;:!?\"'()[]“”‘’")
            if word:
                forms[word.lower()][word] += 1
    return {w: c.most_common(1)[0][0] for w, c in forms.items()}


def _one_word_name(word: str) -> bool:
    """A one-word name that may title a section: long enough and not a date."""
    return (word.isupper() or len(word) >= MIN_NAME_LETTERS) and word.title() not in CALENDAR


def _person(words: Sequence[str], day: DayNames) -> bool:
    """A phrase ending on a surname the day uses ("Board member Steve Abrams"), or on a given
    name alone or after an office ("Jason", "UAW president Stephen")."""
    if words[-1] in day.surnames:
        return True
    if len(words) == 1 and (after_title(words[0], day.texts) or _paired(words[0], day)):
        return True
    alone = len(words) == 1 or not day.proper(words[-2])
    return alone and words[-1] in given_names()


def _paired(word: str, day: DayNames) -> bool:
    """Whether the day joins the word by a hyphen to someone's surname: "the Gore-Lieberman
    ticket", "the Kennedy-Kassebaum bill" name two people, though the second is never named
    in full."""
    name = re.escape(word)
    joined = re.compile(rf"\b([A-Z][\w’']+)-{name}\b|\b{name}-([A-Z][\w’']+)")
    found = (m.group(1) or m.group(2) for text in day.texts for m in joined.finditer(text))
    return any(other in day.surnames for other in found)


def _fragment(words: Sequence[str], day: DayNames) -> bool:
    """Part of a longer name, as the day mostly prints it: "Dar es" (Salaam), "Disease
    Control" (Centers for), "Liberation Army" (People's), "Petersburg" (St.)."""
    name = re.escape(" ".join(words))
    pattern = re.compile(rf"(?:(?:(\S+) )?(\S+) )?{name}\b(?=(\W*)(\w*))")
    uses = cut = 0
    for text in day.texts:
        for m in pattern.finditer(text):
            uses += 1
            cut += _inside_name(*m.groups(), ends_on_name=day.proper(words[0]))
    return uses > 0 and cut >= FRAGMENT_SHARE * uses


def _inside_name(
    far: str | None, near: str | None, gap: str, after: str, *, ends_on_name: bool
) -> bool:
    """Whether one printing continues a name before it ("St. Louis", "Centers for Disease")
    or, being a name, into one after it ("Dar es Salaam", "Barnes & Noble")."""
    if near is not None and _name_word(near):
        return True
    if near is not None and near.lower() in _JOINS and _name_word(far):
        return True
    return ends_on_name and gap.strip() in ("", "&") and _name_word(after)


def _name_word(token: str | None) -> bool:
    """A capitalised word that is not a small word ("The" opens sentences)."""
    bare = (token or "").strip("\"'“‘(")
    return bare[:1].isupper() and bare.lower() not in STOP_WORDS


def _place(words: Sequence[str], day: DayNames) -> bool:
    """A known country or subdivision, a name ending on a place word, or one the day prints
    mostly after "in", "at", "from"."""
    name = " ".join(words)
    if name in gazetteer() or words[-1].lower() in PLACE_WORDS:
        return True
    pattern = re.compile(rf"(?:(\w+) )?{re.escape(name)}\b")
    before = Counter(m.group(1) for t in day.texts for m in pattern.finditer(t))
    uses = before.total()
    placed = sum(n for w, n in before.items() if w and w.lower() in _AFTER_PLACE)
    return uses > 0 and placed >= PLACE_SHARE * uses


@cache
def gazetteer() -> frozenset[str]:
    """Names of countries (ISO 3166-1: "United States", "China") and of their states and
    provinces (ISO 3166-2: "Quebec", "Chechnya") from pycountry's data, read as files."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    folder = Path(spec.submodule_search_locations[0]) / "databases"
    names: set[str] = set()
    for part, keys in (("3166-1", ("name", "common_name")), ("3166-2", ("name",))):
        records = json.loads((folder / f"iso{part}.json").read_text(encoding="utf-8"))[part]
        names.update(r[key] for r in records for key in keys if r.get(key))
    return frozenset(names)
