"""One fact once: the brief never tells a reader one fact twice, in any words.

Merging (``merging.redundancy``) and selection (``statements.repeats``) compare words, so two
chosen items can still state one fact in other words ("The crash killed all 217 people aboard"
/ "All 217 passengers and crew died when the jet went down"). Here the brief's chosen items
are compared as facts (``facts.one_fact``, weighed against the day's words); of two that state
one fact, or when the weaker says only a part of the stronger's with a name or a day besides
(``facts.told_within``: "Rogge declared the Games closed on Sunday"), the stronger stays,
in the better of their two places (the lead before the sections), and takes the weaker's
credits, each only where that outlet's own sentence states the stronger's fact. Trust
first: an outlet whose sentence does not is not credited, and the weaker item goes all the
same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from summarizer.models import Article, Item, SourceRef
from summarizer.text.facts import Weights, day_weights, one_fact, told_within
from summarizer.text.statements import MIN_SHARED, Statement, is_key, statement, supports


def one_each(
    lead: Sequence[Item], body: Sequence[Item], day: Sequence[Item], articles: Mapping[int, Article]
) -> tuple[list[Item], list[Item]]:
    """The lead and the body with each fact once: of two chosen items stating one fact, the
    stronger (higher score) absorbs the weaker (``absorb``) and sits where the first of the
    two sat. The lead's first item, the day's main fact, is the strongest: a line of
    background it shares words with ("whom he acknowledged an intimate relationship" in
    "… are getting married, his lawyer said") must not take the news's place. ``day``: every
    item of the day, to weigh its words by."""
    weights = day_weights(statement(it.text) for it in day)
    chosen = [*lead, *body]
    kept: dict[int, Item] = {}  # slot -> the item shown there
    home: dict[int, int] = {}  # index of a kept item -> its slot
    for i in sorted(range(len(chosen)), key=lambda k: (k > 0 or not lead, -chosen[k].score, k)):
        item = chosen[i]
        found = next((k for k in home if _one(chosen[k], item, weights)), None)
        if found is None:
            home[i] = i
            kept[i] = item
            continue
        slot = home[found]

        merged = absorb(kept.pop(slot), item, articles, weights)
        home[found] = min(slot, i)
        kept[home[found]] = merged
    slots = sorted(kept)
    return [kept[s] for s in slots if s < len(lead)], [kept[s] for s in slots if s >= len(lead)]


def _one(kept: Item, weaker: Item, weights: Weights) -> bool:
    """Whether ``weaker`` states ``kept``'s fact, or only a part of it (``told_within``:
    the lead's "The Games were declared closed during a ceremony ..." then "Rogge declared
    the Games closed on Sunday")."""
    whole, part = statement(kept.text), statement(weaker.text)
    return one_fact(whole, part, weights) or told_within(whole, part, weights)


def absorb(
    strong: Item, weak: Item, articles: Mapping[int, Article], weights: Weights | None = None
) -> Item:
    """``strong`` with the credits of ``weak`` whose own sentence states ``strong``'s fact
    (``credited``), each outlet once, and the sentences behind them."""
    fact = statement(strong.text)
    names = {ref.name for ref in strong.sources}
    added: list[SourceRef] = []
    for ref in weak.sources:
        if ref.name in names or not ref.text or not credited(fact, statement(ref.text), weights):
            continue
        names.add(ref.name)
        added.append(ref)
    said = {(ref.name, ref.text) for ref in added}
    ours = set(strong.sentences)
    backing = tuple(
        s
        for s in weak.sentences
        if (articles[s.article].outlet, s.as_printed) in said and s not in ours
    )
    return replace(
        strong, sources=(*strong.sources, *added), sentences=(*strong.sentences, *backing)
    )


def credited(fact: Statement, own: Statement, weights: Weights | None = None) -> bool:
    """Whether an outlet's own sentence ``own`` states ``fact``, so the outlet may be credited
    for it. Trust first: it backs the wording as a merged credit must (``supports``), or it
    states the fact in other words (``one_fact``) about the same distinctive figure, in at
    least ``MIN_SHARED`` of its words (what a reader checks a credit by), giving each figure
    the fact gives for what they both name."""
    if supports(fact, own):
        return True
    keyed = any(is_key(v) for v in fact.values & own.values)
    if not keyed or len(fact.terms & own.terms) < MIN_SHARED:
        return False
    figures = all(v in own.values or u not in own.terms for u, v in fact.figures)
    return figures and one_fact(fact, own, weights)
