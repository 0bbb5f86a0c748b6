"""History stage: what the earlier briefs already told the reader, so today's tells what is new.

A daily brief is read every morning, and follow-ups restate yesterday's facts. Given the
earlier briefs (``earlier.read_history``: their items, read from their JSON):

- ``favour_new``: concepts the earlier briefs covered weigh ``DISCOUNT`` times as much, the
  classic update-summarisation discount, so the ranking and the word budget go to what is new;
- ``against``: an item an earlier brief already carried (the brief's own "same statement" test,
  ``statements.repeats``, against the earlier item and each outlet's sentence behind it) is left
  out, unless it gives another figure for the same statement (``disagrees``) or adds a
  development (the same statement, ``states``, with at least ``MIN_NEW_TERMS`` content words
  the earlier wordings did not have): then it is an ``update`` of it. Every other item is
  ``new``.

With no earlier brief nothing changes: the scores, the items and the brief are today's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from summarizer.history.earlier import History, Said
from summarizer.models import Item, Sentence, Update
from summarizer.ranking.concepts import WEIGHT_POWER, ConceptModel, concepts
from summarizer.ranking.rankers import ConceptRanker, Ranker
from summarizer.text.statements import Statement, disagrees, repeats, statement, states

# A concept an earlier brief covered counts this much of its weight (``carried``; the squared
# weight the word budget uses falls with it). Tuned on DUC 2007 update batches B and C given
# the summaries of the batches before them, with already-said statements left out: the least
# costly setting there (no setting raised ROUGE-2; see docs/evaluation.md).
DISCOUNT = 0.5
# An item stating what an earlier one stated is an update when it brings at least this many
# stemmed content words the earlier item (and the outlets' sentences behind it) did not have.
MIN_NEW_TERMS = 4


def favour_new(
    ranker: Ranker, sentences: Sequence[Sentence], scores: list[float], history: History
) -> list[float]:
    """The scores with the earlier briefs' concepts discounted (concept rankers only; any
    other ranker's scores, and every score without history, are returned as they are)."""
    if not history or not isinstance(ranker, ConceptRanker) or not sentences:
        return scores
    return ranker.scores_under(sentences, discount(ranker.concept_model(sentences), history))


def discount(model: ConceptModel, history: History) -> ConceptModel:
    """The concept model with each concept an earlier brief covered worth ``DISCOUNT`` as
    much."""
    if not history:
        return model
    known = {c for said in history.said for text in said.wordings for c in concepts(text)}
    found = [model.index[c] for c in known if c in model.index]
    scale = np.ones(len(model.carried), dtype=np.float64)
    scale[found] = DISCOUNT
    carried = model.carried * scale
    return ConceptModel(model.index, carried, carried**WEIGHT_POWER)


def against(items: Sequence[Item], history: History) -> list[Item]:
    """The items the earlier briefs did not carry, marked ``new``, and those that update one
    of theirs, marked ``update`` (module docstring); the rest are left out. Without history
    the items are returned as they are."""
    if not history:
        return list(items)
    said = sorted(history.said, key=lambda s: s.date, reverse=True)  # the newest match first
    earlier = [[statement(text) for text in s.wordings] for s in said]
    postings: dict[str, set[int]] = {}
    for k, stmts in enumerate(earlier):
        for st in stmts:
            for term in st.terms:
                postings.setdefault(term, set()).add(k)
    kept = []
    for item in items:
        if not item.stands_alone:
            kept.append(item)  # never shown: not worth comparing (it keeps no status)
            continue
        new = statement(item.text)
        near = sorted({k for term in new.terms for k in postings.get(term, ())})
        match = next((k for k in near if any(repeats(new, old) for old in earlier[k])), None)
        if match is None:
            kept.append(replace(item, status="new"))
            continue
        update = _update(new, said[match], earlier[match])
        if update is not None:
            kept.append(replace(item, status="update", updates=update))
    return kept


def _update(new: Statement, said: Said, wordings: Sequence[Statement]) -> Update | None:
    """What the new statement updates in an earlier item it repeats, or None when it adds
    nothing: another figure for the same statement (``disagrees``), or the same statement
    (``states``) with at least ``MIN_NEW_TERMS`` content words none of the earlier wordings
    has. A looser likeness (``repeats`` alone) is already said, never an update."""
    for old in wordings:
        if disagrees(new, old):
            return Update(said.date, said.text, _old_figure(new, old))
    known = set().union(*(old.terms for old in wordings))
    fresh = len(new.terms - known)
    if fresh >= MIN_NEW_TERMS and any(states(new, old) for old in wordings):
        return Update(said.date, said.text)
    return None


def _old_figure(new: Statement, old: Statement) -> str | None:
    """The earlier figure for the count the new statement gives another value for."""
    units = {u for u, _ in new.figures}
    alone = len(old.figures) == 1
    changed = sorted(
        (u, v) for u, v in old.figures if v not in new.values and (u in units or alone)
    )
    if not changed:
        return None
    return ", ".join(f"{u}{v}" if u in ("$", "€", "£") else v for u, v in changed)
