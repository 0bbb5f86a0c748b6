"""Redundancy stage: merge sentences that say the same thing into one ``Item`` per statement.

Exact copies, wire copies and paraphrases across outlets become one item that credits every
outlet, in the wording of the article the others were copied from. The same test, ``same``,
decides later whether a candidate repeats something already selected, so "already said" means
one thing everywhere.

Cost is near-linear: each sentence is compared only with the groups that share one of its
rarest terms, never with every other sentence.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from summarizer.models import Article, Item, Sentence, SourceRef
from summarizer.text import content_terms

# Two term sets state the same thing when they overlap this much (Jaccard), or when the
# smaller is this much contained in the larger (a shortened wire copy).
JACCARD_SAME = 0.4
CONTAINED_SAME = 0.6
# A statement carried by n outlets scores (1 + SUPPORT * log2 n) times its best sentence.
SUPPORT = 0.5
_LOOKUP_TERMS = 4
# A term in more sentences than this is too common to propose candidates: it would pair
# most of the day with most of the day. Copies still share their rarer words.
_MAX_POSTING = 64
_PAIR_CHUNK = 200_000

Signature = frozenset[str]


def signature(text: str) -> Signature:
    """The stemmed content words of a sentence: what it talks about, not how it is worded."""
    return frozenset(content_terms(text))


def same(a: Signature, b: Signature) -> bool:
    """Whether two sentences state the same thing (a copy or a paraphrase)."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared >= JACCARD_SAME * len(a | b) or shared >= CONTAINED_SAME * min(len(a), len(b))


def merge(
    sentences: Sequence[Sentence], scores: Sequence[float], articles: Mapping[int, Article]
) -> list[Item]:
    """Group sentences that say the same thing; one item per group, best first."""
    sigs = [signature(s.text) for s in sentences]
    groups = _group(sentences, scores, sigs)
    items = [_item(members, sentences, scores, articles) for members in groups]
    items.sort(key=lambda it: (-it.score, it.sentences[0].article, it.sentences[0].position))
    return items


def _group(
    sentences: Sequence[Sentence], scores: Sequence[float], sigs: Sequence[Signature]
) -> list[list[int]]:
    """Leader clustering in score order: a sentence joins the first group whose leader
    states the same thing, else it leads a new group.

    Sentences with the same terms form one unit, so wire copies cost nothing extra; units are
    compared only with their candidate neighbours (``_neighbours``).
    """
    unit_ids: dict[Signature, int] = {}
    unit_of = [
        unit_ids.setdefault(sig, len(unit_ids)) if sig else -1 - i for i, sig in enumerate(sigs)
    ]
    neighbours = _neighbours(list(unit_ids))
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], sentences[i].key))
    led_by: dict[int, int] = {}  # unit -> first group led by a sentence of that unit
    groups: list[list[int]] = []
    for i in order:
        unit = unit_of[i]
        near = [unit, *neighbours[unit]] if unit >= 0 else []
        homes = [led_by[u] for u in near if u in led_by]
        if homes:
            groups[min(homes)].append(i)
            continue
        if unit >= 0:
            led_by[unit] = len(groups)
        groups.append([i])
    return groups


def _neighbours(sigs: Sequence[Signature]) -> list[list[int]]:
    """For each signature, the others that state the same thing, without all-pairs work.

    A signature's candidates are those that contain one of its rarest terms (a copy or a
    paraphrase keeps the rare words); only those pairs are tested, vectorised. The relation is
    looked up from the later sentence's side, as the leader clustering asks it: measured on
    the DUC sets, also matching from the leader's side merged loosely related sentences and
    cost ROUGE (9.42 → 9.19 R-2 on DUC 2007 update).
    """
    n = len(sigs)
    vocab: dict[str, int] = {}
    indices = [vocab.setdefault(t, len(vocab)) for sig in sigs for t in sorted(sig)]
    indptr = np.cumsum([0, *(len(sig) for sig in sigs)])
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(n, len(vocab)))
    df = np.bincount(np.asarray(indices, dtype=np.int64), minlength=len(vocab))
    rows, cols = [], []
    for i in range(n):
        terms = [c for c in x.indices[indptr[i] : indptr[i + 1]] if 1 < df[c] <= _MAX_POSTING]
        for c in sorted(terms, key=lambda c: (df[c], c))[:_LOOKUP_TERMS]:
            rows.append(i)
            cols.append(c)
    proposer = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=x.shape)
    proposed = proposer @ x.T
    pairs = proposed.tocoo()
    keep = pairs.row != pairs.col
    a, b = pairs.row[keep], pairs.col[keep]
    found: list[list[int]] = [[] for _ in range(n)]
    sizes = np.diff(indptr)
    for start in range(0, len(a), _PAIR_CHUNK):
        ca, cb = a[start : start + _PAIR_CHUNK], b[start : start + _PAIR_CHUNK]
        shared = np.asarray(x[ca].multiply(x[cb]).sum(axis=1)).ravel()
        union = sizes[ca] + sizes[cb] - shared
        ok = (shared >= JACCARD_SAME * union) | (
            shared >= CONTAINED_SAME * np.minimum(sizes[ca], sizes[cb])
        )
        for p, q in zip(ca[ok].tolist(), cb[ok].tolist(), strict=True):
            found[p].append(q)
    return found


def _item(
    members: list[int],
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    articles: Mapping[int, Article],
) -> Item:
    """One item: the original article's wording, every outlet, support-weighted score."""
    group = [sentences[i] for i in members]
    originality = _originality([articles[s.article] for s in group])
    ranked = sorted(group, key=lambda s: (not s.eligible, originality[s.article], s.key))
    outlets: dict[str, SourceRef] = {}
    for s in ranked:
        a = articles[s.article]
        outlets.setdefault(a.outlet, SourceRef(a.outlet, a.title, a.path, a.url, a.date))
    best = max(scores[i] for i in members)
    score = best * (1.0 + SUPPORT * math.log2(len(outlets)))
    return Item(
        text=ranked[0].text, score=score, sources=tuple(outlets.values()), sentences=tuple(ranked)
    )


def _originality(group: Sequence[Article]) -> dict[int, tuple[int, int, str, int]]:
    """Sort keys that put the article the others were copied from first.

    The original is the one another member names as its source, else a dated one (earliest
    first), else the first given.
    """
    named = {a.source_named for a in group if a.source_named}
    keys = {}
    for a in group:
        is_named = any(a.outlet == b.source_named for b in group if b.id != a.id) and (
            a.outlet in named
        )
        keys[a.id] = (
            0 if is_named else 1,
            0 if a.date else 1,
            a.date.isoformat() if a.date else "",
            a.id,
        )
    return keys


def wordings(item: Item, articles: Mapping[int, Article]) -> list[Sentence]:
    """The item's wordings a reader may be shown: eligible, and from articles as original as
    the one whose wording the item shows (named as the source, dated), so a summary may pick
    the wording that says the most without ever reaching for an undated copy's."""
    eligible = [s for s in item.sentences if s.eligible]
    if not eligible:
        return []
    keys = _originality([articles[s.article] for s in item.sentences])
    best = keys[eligible[0].article][:2]
    return [s for s in eligible if keys[s.article][:2] == best]
