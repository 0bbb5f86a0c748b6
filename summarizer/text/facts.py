"""One fact in other words: whether two wordings state the same fact, judged on what is said.

``statements.same_fact`` asks for shared words, so it misses a fact told twice in other words:
"The crash killed all 217 people aboard" / "All 217 passengers and crew died when the jet went
down" share one word, the figure. Here each wording is read as its fact: what it says (its
terms that are not names), with words a report uses for one thing taken as one (``KINDRED``:
"killed", "died", "dead"), anchored by what it is about (a distinctive figure or a name both
give). Two wordings state one fact when they say mostly the same of the same anchor, with no
figure, polarity or month apart. Names alone never make one fact: "Smith won the vote" and
"Smith resigned" share a name, not what is said of it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from summarizer.text.statements import Signature, Statement, differ, is_key

# Words news reports use for one thing, as stems (``words.stem``). Kept to what the same
# event is told with: a death, a person counted, an approval, an arrest, a protest, a vehicle.
KINDRED: tuple[frozenset[str], ...] = (
    frozenset({"kill", "die", "dead", "death", "perish", "fatal", "life"}),
    frozenset({"peopl", "person", "passeng", "crew", "victim", "resid", "civilian"}),
    frozenset({"aboard", "board", "onboard"}),
    frozenset({"injur", "wound", "hurt"}),
    frozenset({"plane", "jet", "aircraft", "airplan", "airlin", "jetlin", "flight"}),
    frozenset({"approv", "clear", "authoriz", "authoris"}),
    frozenset({"arrest", "detain", "custodi", "apprehend"}),
    frozenset({"protest", "demonstr", "ralli", "protestor", "protester"}),
    frozenset({"charg", "indict", "accus"}),
    frozenset({"resign", "quit"}),
    frozenset({"ban", "prohibit", "outlaw", "forbid", "forbidden"}),
    frozenset({"buy", "acquir", "purchas", "bought", "acquisit"}),
    frozenset({"rise", "rose", "increas", "climb", "jump", "grew", "grow", "soar"}),
    frozenset({"fall", "fell", "drop", "declin", "decreas", "plung", "slid"}),
    frozenset({"drove", "drive", "pull", "driven"}),
    frozenset({"sue", "lawsuit", "su"}),
    frozenset({"elect", "vote", "ballot"}),
)
_CLASS = {word: min(group) for group in KINDRED for word in group}
# Two wordings of one fact share at least this many what-is-said terms (``ACTS``, two with a
# distinctive figure in common) carrying ``SHARE`` of the lighter wording's weight: words the
# whole day uses (its topic) weigh little, so a shared topic is not a shared fact.
ACTS = 3
ANCHORED_ACTS = 2
SHARE = 0.4
# A wording that says part of another's fact and nothing more but who or when (a title, a
# speaker, a day): at least WITHIN what-is-said terms, every one of them in the other wording.
WITHIN = 2
_WEEKDAYS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})

Weights = Mapping[str, float]


def kindred(terms: Signature) -> Signature:
    """The terms with each word of a ``KINDRED`` group as the group's one word."""
    return frozenset(_CLASS.get(t, t) for t in terms)


def acts(found: Statement, names: Signature = frozenset()) -> Signature:
    """What a wording says, as kindred terms: its claim (what it quotes, when it quotes),
    without names (``names``: the other wording's too) or bare numbers."""
    said = (found.claim or found.terms) - found.names - names
    return kindred(frozenset(t for t in said if not t.isdigit()))


def day_weights(statements: Iterable[Statement]) -> dict[str, float]:
    """How telling each what-is-said term is on this day: log(n / the wordings using it),
    squared, so the day's topic ("wetlands" on a day about wetlands) and its common words
    ("expected", "company") weigh next to nothing beside what only a few wordings say."""
    found = [acts(st) for st in statements]
    counts = Counter(t for said in found for t in said)
    return {t: math.log((len(found) + 1) / c) ** 2 for t, c in counts.items()}


def one_fact(a: Statement, b: Statement, weights: Weights | None = None) -> bool:
    """Whether ``a`` and ``b`` state one fact, maybe in other words (module docstring).
    ``weights``: ``day_weights`` of the day; each term weighs 1 without."""
    if a.negated != b.negated or differ(a, b) or _apart_in_time(a, b):
        return False
    names = a.names | b.names
    said_a, said_b = acts(a, names), acts(b, names)
    shared = said_a & said_b
    keyed = any(is_key(v) for v in a.values & b.values)
    if len(shared) < (ANCHORED_ACTS if keyed else ACTS):
        return False
    lighter = min(_weight(said_a, weights), _weight(said_b, weights))
    return _weight(shared, weights) >= SHARE * lighter > 0


def told_within(whole: Statement, part: Statement, weights: Weights | None = None) -> bool:
    """Whether ``part`` says nothing ``whole`` does not, but names and dates: "IOC President
    Jacques Rogge declared the Games closed on Sunday" (``part``) beside "The Olympics were
    formally declared closed during a colourful ceremony ..." (``whole``). Not a credit's test
    (a part of a fact is not the fact): only whether a reader of ``whole`` learns ``part``."""
    if whole.negated != part.negated or differ(whole, part) or _apart_in_time(whole, part):
        return False
    names = whole.names | part.names | _leading_name(whole) | _leading_name(part)
    said = acts(part, names)
    return (
        len(said) >= WITHIN
        and said <= acts(whole, names)
        and part.values <= whole.values
        and _weight(said, weights) > 0
    )


def _leading_name(found: Statement) -> Signature:
    """A wording's first term when the next is a name ("International" in "International
    Olympic Committee President ..."): the first word is written capitalised in any case."""
    first = found.ordered[:2]
    return frozenset(first[:1]) if len(first) == 2 and first[1] in found.names else frozenset()


def _weight(terms: Signature, weights: Weights | None) -> float:
    if weights is None:
        return float(len(terms))
    top = max(weights.values(), default=1.0)
    return sum(weights.get(t, top) for t in terms)


def _apart_in_time(a: Statement, b: Statement) -> bool:
    """Whether the two name months or years and none in common (weekdays do not count: an
    event on Tuesday is reported on Wednesday)."""
    ta, tb = a.times - _WEEKDAYS, b.times - _WEEKDAYS
    return bool(ta and tb and not ta & tb)
