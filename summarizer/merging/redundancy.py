"""Redundancy stage: merge sentences that state the same thing into one ``Item`` per statement.

Exact copies, wire copies and paraphrases across outlets become one item, in the wording of
the article the others were copied from, crediting every outlet whose own sentence states that
wording (``statements.states``), each with that sentence. A sentence that says the same but
for a figure ("15 killed" where two outlets say 17) is not merged: the item shows the figure
most outlets give and names the others as ``disagreements``.

Cost is near-linear: each sentence is compared only with the groups that share one of its
rarest terms, never with every other sentence.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from summarizer.merging.candidates import neighbours_of
from summarizer.models import Article, Disagreement, Item, Sentence, SourceRef
from summarizer.text import names
from summarizer.text.statements import (
    Signature,
    Statement,
    counted_apart,
    differ,
    disagrees,
    statement,
    states,
    supports,
)

# A statement carried by n outlets scores (1 + SUPPORT * log2 n) times its best sentence.
SUPPORT = 0.5


@dataclass(frozen=True)
class Units:
    """The day's sentences by what they state: each sentence's statement, and its unit (the
    sentences with one statement, so that wire copies are compared once; -1 - its index for
    a sentence that states nothing)."""

    statements: list[Statement]
    unit_of: list[int]
    units: list[Statement]

    def signatures(self) -> list[Signature]:
        """Each unit's terms: what ``candidates.neighbours_of`` compares."""
        return [u.terms for u in self.units]


def units_of(sentences: Sequence[Sentence]) -> Units:
    """The sentences' statements grouped into units, in the order they first appear."""
    stmts = [statement(s.text) for s in sentences]
    unit_ids: dict[Statement, int] = {}
    unit_of = [
        unit_ids.setdefault(st, len(unit_ids)) if st.terms else -1 - i for i, st in enumerate(stmts)
    ]
    return Units(stmts, unit_of, list(unit_ids))


def merge(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    articles: Mapping[int, Article],
    units: Units | None = None,
    neighbours: Sequence[Sequence[int]] | None = None,
) -> list[Item]:
    """Group sentences that state the same thing; one item per group, best first.
    ``units`` and their ``neighbours`` (``candidates.neighbours_of`` of their signatures) are
    worked out here unless given: they need no scores, so a large day's build finds the
    neighbours in a worker process while it ranks (``pipeline``)."""
    units = units_of(sentences) if units is None else units
    if neighbours is None:
        neighbours = neighbours_of(units.signatures())
    groups, rivals = _group(sentences, scores, units, neighbours)
    groups, rivals = _settle(groups, rivals, sentences, units.statements, articles)
    items = _items(groups, rivals, sentences, scores, articles)
    items.sort(key=lambda it: (-it.score, it.sentences[0].article, it.sentences[0].position))
    return items


def _group(
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    found: Units,
    neighbours: Sequence[Sequence[int]],
) -> tuple[list[list[int]], dict[int, set[int]]]:
    """Leader clustering in score order: a sentence joins the first group whose leader it
    states the same as, else it leads a new group; a new leader that gives another figure for
    an earlier leader's statement marks the two groups as rivals.

    Sentences with the same statement form one unit, so wire copies cost nothing extra; units
    are compared only with their candidate neighbours (``candidates.neighbours_of``).
    """
    unit_of, units = found.unit_of, found.units
    order = _by_score(sentences, scores)
    led_by: dict[int, int] = {}  # unit -> first group led by a sentence of that unit
    groups: list[list[int]] = []
    rivals: dict[int, set[int]] = {}
    for i in order:
        unit = unit_of[i]
        home = _home(units, unit, neighbours[unit], led_by) if unit >= 0 else None
        if home is not None:
            groups[home].append(i)
            continue
        if unit >= 0:
            led_by[unit] = len(groups)
            for u in neighbours[unit]:
                if u in led_by and _disagrees(units[unit], units[u]):
                    rivals.setdefault(led_by[u], set()).add(len(groups))
                    rivals.setdefault(len(groups), set()).add(led_by[u])
        groups.append([i])
    return groups, rivals


def _by_score(sentences: Sequence[Sentence], scores: Sequence[float]) -> list[int]:
    """The sentences best first, equal scores in article order: what sorting by (-score,
    ``Sentence.key``) gives, sorted by numpy."""
    article = np.fromiter((s.article for s in sentences), dtype=np.int64, count=len(sentences))
    position = np.fromiter((s.position for s in sentences), dtype=np.int64, count=len(sentences))
    minus = -np.asarray(scores, dtype=np.float64)
    return list(np.lexsort((position, article, minus)).tolist())


def _states(a: Statement, b: Statement) -> bool:
    """``states``, its cheap part (``differ``) first: two that give other figures never state
    the same, and ``same_fact``, the costly part, is asked of a pair once, here or in
    ``_disagrees``."""
    return not differ(a, b) and states(a, b)


def _disagrees(a: Statement, b: Statement) -> bool:
    """``disagrees``, its cheap part first: two that give no other figure never disagree."""
    return differ(a, b) and disagrees(a, b)


def _home(
    units: Sequence[Statement], unit: int, near: Sequence[int], led_by: Mapping[int, int]
) -> int | None:
    """The first group a sentence of ``unit`` belongs to: its own unit's, or an earlier one
    whose leader it states. Groups are tried in order and the first that fits ends the
    search, so a wire copy of a leader asks ``states`` of none after its own."""
    own = led_by.get(unit)
    limit = math.inf if own is None else own
    earlier = sorted((group, u) for u in near if 0 <= (group := led_by.get(u, -1)) < limit)
    return next((group for group, u in earlier if _states(units[unit], units[u])), own)


def _settle(
    groups: list[list[int]],
    rivals: dict[int, set[int]],
    sentences: Sequence[Sentence],
    stmts: Sequence[Statement],
    articles: Mapping[int, Article],
) -> tuple[list[list[int]], dict[int, set[int]]]:
    """Every member of a group backs the wording the group shows (``supports``).

    A member joined by stating the leader, but the wording shown is the most original one;
    members that do not back it leave to form a group of their own (settled the same way).
    """
    settled: list[list[int]] = []
    moved: dict[int, int] = {}  # original group -> its settled core
    queue = deque(enumerate(groups))
    while queue:
        origin, members = queue.popleft()
        kept, rest = _settled(members, sentences, stmts, articles)
        if origin >= 0:
            moved[origin] = len(settled)
        settled.append(kept)
        if rest:
            queue.append((-1, rest))
    renamed = {moved[g]: {moved[r] for r in others} for g, others in rivals.items()}
    return settled, renamed


def _settled(
    members: list[int],
    sentences: Sequence[Sentence],
    stmts: Sequence[Statement],
    articles: Mapping[int, Article],
) -> tuple[list[int], list[int]]:
    """The members that back the wording a group shows, and those that do not."""
    if len(members) == 1:  # most groups: nothing to settle
        return members, []
    shown = _shown([sentences[i] for i in members], articles)
    core = next(i for i in members if sentences[i] is shown)
    kept = [i for i in members if i == core or supports(stmts[core], stmts[i])]
    keep = set(kept)
    return kept, [i for i in members if i not in keep]


def _items(
    groups: list[list[int]],
    rivals: dict[int, set[int]],
    sentences: Sequence[Sentence],
    scores: Sequence[float],
    articles: Mapping[int, Article],
) -> list[Item]:
    """One item per group; of rival groups (another figure for one statement) only one is an
    item, naming the others as disagreements: the newest report's figure ("231 dead" on
    Wednesday overtakes Monday's "at least 50"), else the one most outlets give."""
    outlets = {g: len({articles[sentences[i].article].outlet for i in groups[g]}) for g in rivals}
    newest = {g: _newest([sentences[i] for i in groups[g]], articles) for g in rivals}
    items = []
    folded: set[int] = set()
    for g in _by_support(rivals, outlets, newest):
        if g in folded:
            continue
        others = sorted(_component(g, rivals) - {g})
        folded.update(others)
        item = _item([sentences[i] for i in groups[g]], [scores[i] for i in groups[g]], articles)
        against = [sentences[i] for o in others for i in groups[o]]
        items.append(replace(item, disagreements=disagreements(item, against, articles)))
    items.extend(
        _item([sentences[i] for i in g], [scores[i] for i in g], articles)
        for k, g in enumerate(groups)
        if k not in folded and k not in rivals
    )
    return items


def _by_support(
    rivals: dict[int, set[int]], outlets: Mapping[int, int], newest: Mapping[int, dt.date | None]
) -> list[int]:
    """Groups with rivals: the newest first, then the one most outlets carry (ties: the
    better-ranked)."""
    return sorted(rivals, key=lambda g: (-_ordinal(newest[g]), -outlets[g], g))


def _newest(group: Iterable[Sentence], articles: Mapping[int, Article]) -> dt.date | None:
    """The date of the newest article among a group's sentences (None when none is dated)."""
    return max(filter(None, (articles[s.article].date for s in group)), default=None)


def _ordinal(day: dt.date | None) -> int:
    return day.toordinal() if day else 0


def _before(day: dt.date | None, other: dt.date | None) -> bool:
    """Whether ``day`` is known to be before ``other``."""
    return day is not None and other is not None and day < other


def _component(start: int, rivals: dict[int, set[int]]) -> set[int]:
    seen = {start}
    todo = [start]
    while todo:
        for other in rivals.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _item(group: list[Sentence], scores: list[float], articles: Mapping[int, Article]) -> Item:
    """One item: the original article's wording, the outlets that state it, support-weighted
    score."""
    ranked = group if len(group) == 1 else sorted(group, key=_rank_key(group, articles))
    sources = credits(ranked[0], ranked, articles)
    score = max(scores) * (1.0 + SUPPORT * math.log2(max(1, len(sources))))
    return Item(text=ranked[0].text, score=score, sources=sources, sentences=tuple(ranked))


def _rank_key(
    group: Sequence[Sentence], articles: Mapping[int, Article]
) -> Callable[[Sentence], tuple[bool, bool, tuple[int, int, str, int], tuple[int, int]]]:
    """Eligible wordings first, a news article's before a view's (``views.py``), then the most
    original article's (``_originality``)."""
    originality = _originality([articles[s.article] for s in group])
    return lambda s: (not s.eligible, _is_view(articles[s.article]), originality[s.article], s.key)


def _is_view(article: Article) -> bool:
    return article.kind != "news"


def _shown(group: Sequence[Sentence], articles: Mapping[int, Article]) -> Sentence:
    return group[0] if len(group) == 1 else min(group, key=_rank_key(group, articles))


def credits(
    shown: Sentence, sentences: Iterable[Sentence], articles: Mapping[int, Article]
) -> tuple[SourceRef, ...]:
    """The outlets whose own sentence backs ``shown`` (``supports``) and names each person it
    names, each once, with that sentence: "As governor, Bush's only independent authority is
    to grant a 30-day reprieve" shares the words of "Bush granted a 30-day reprieve for
    McGinn in June" but does not say it of McGinn."""
    # Asked only of a sentence besides ``shown`` (most items have none), and its people only
    # of one that states the same: named in full, or by a surname the brief completes (a
    # body a description means, "agency", is no person).
    core: Statement | None = None
    people: frozenset[str] | None = None
    outlets: dict[str, SourceRef] = {}
    for s in (shown, *sentences):
        a = articles[s.article]
        if a.outlet in outlets:
            continue
        if s is not shown:
            core = statement(shown.text) if core is None else core
            if not supports(core, statement(s.text)):
                continue
            if people is None:
                bare = (word for word, _ in shown.names if word[:1].isupper())
                people = names.people_named(shown.text, bare)
            if not names.names_each(s.text, people):
                continue
        outlets[a.outlet] = SourceRef(a.outlet, a.title, a.path, a.url, a.date, s.as_printed)
    return tuple(outlets.values())


def disagreements(
    item: Item, against: Sequence[Sentence], articles: Mapping[int, Article]
) -> tuple[Disagreement, ...]:
    """The outlets of ``against`` (sentences giving other figures), each once, with their
    figure; an outlet the item already credits is not listed against itself, nor one whose
    article is older than the item's newest: its figure was overtaken, not disputed; nor one
    whose figures count something else than the item's (``counted_apart``: "six more crows
    found infected" is not disputed by "one of 120 crows tested")."""
    core = statement(item.text)
    credited = {ref.name for ref in item.sources}
    as_of = _newest(item.sentences, articles)
    found: dict[str, Disagreement] = {}
    for s in against:
        a = articles[s.article]
        if a.outlet in credited or a.outlet in found or _before(a.date, as_of):
            continue
        other = counted_apart(core, statement(s.text))
        if other:
            shown = ", ".join(_figure(u, v) for u, v in sorted(other))
            found[a.outlet] = Disagreement(a.outlet, shown, s.as_printed, a.path, a.url)
    return tuple(found.values())


def _figure(unit: str, value: str) -> str:
    return f"{unit}{value}" if unit in ("$", "€", "£") else value


def showing(item: Item, wording: Sentence, articles: Mapping[int, Article]) -> Item:
    """The item with ``wording`` as the one it shows (first), credited to the outlets whose
    sentence states that wording."""
    rest = tuple(s for s in item.sentences if s != wording)
    return replace(
        item,
        text=wording.text,
        sentences=(wording, *rest),
        sources=credits(wording, rest, articles),
    )


def _originality(group: Sequence[Article]) -> dict[int, tuple[int, int, str, int]]:
    """Sort keys that put the article the others were copied from first.

    The original is the one another member names as its source, else a dated one (earliest
    first), else the first given.
    """
    namers: dict[str, set[int]] = {}  # outlet -> the articles that name it as their source
    for b in group:
        if b.source_named:
            namers.setdefault(b.source_named, set()).add(b.id)
    keys = {}
    for a in group:
        if a.id in keys:
            continue  # a group holds an article once per sentence: its key is the same
        named_by = namers.get(a.outlet)  # named by another article?
        is_named = named_by is not None and (len(named_by) > 1 or a.id not in named_by)
        keys[a.id] = (
            0 if is_named else 1,
            0 if a.date else 1,
            a.date.isoformat() if a.date else "",
            a.id,
        )
    return keys


def wordings(item: Item, articles: Mapping[int, Article]) -> list[Sentence]:
    """The item's wordings a reader may be shown: eligible, and from articles as original as
    the one whose wording the item shows (named as the source, dated) and of its kind, so a
    summary may pick the wording that says the most without ever reaching for an undated
    copy's, or for a view's words where a news article's stand."""
    eligible = [s for s in item.sentences if s.eligible]
    if not eligible:
        return []
    keys = _originality([articles[s.article] for s in item.sentences])
    best = keys[eligible[0].article][:2]
    view = _is_view(articles[eligible[0].article])
    return [
        s for s in eligible if keys[s.article][:2] == best and _is_view(articles[s.article]) == view
    ]
