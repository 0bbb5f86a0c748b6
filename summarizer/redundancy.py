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
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from summarizer.models import Article, Item, Sentence, SourceRef
from summarizer.text import content_terms

# Two term sets state the same thing when they overlap this much (Jaccard), or when the
# smaller is this much contained in the larger (a shortened wire copy).
JACCARD_SAME = 0.4
CONTAINED_SAME = 0.6
# A statement carried by n outlets scores (1 + SUPPORT * log2 n) times its best sentence.
SUPPORT = 0.5
_LOOKUP_TERMS = 4

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
    """Leader clustering in score order: a sentence joins the first group whose leader it
    repeats, looked up through the sentence's rarest terms."""
    df = Counter(t for sig in sigs for t in sig)
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], sentences[i].key))
    postings: dict[str, list[int]] = defaultdict(list)
    groups: list[list[int]] = []
    leaders: list[int] = []
    for i in order:
        # Terms no other sentence has cannot find a match: look up the rarest shared ones.
        shared = [t for t in sigs[i] if df[t] > 1]
        rare = sorted(shared, key=lambda t: (df[t], t))[:_LOOKUP_TERMS]
        candidates = sorted({g for t in rare for g in postings.get(t, ())})
        home = next((g for g in candidates if same(sigs[i], sigs[leaders[g]])), None)
        if home is None:
            home = len(groups)
            groups.append([])
            leaders.append(i)
            for t in sigs[i]:
                postings[t].append(home)
        groups[home].append(i)
    return groups


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
