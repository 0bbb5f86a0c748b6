"""Budgeted selection: the summary that covers the most of the day's concepts in N words.

This is Gillick & Favre's concept ILP ("A scalable global model for summarization", 2009):
choose sentences to maximise the summed weight of the concepts they cover within the word
budget, a concept counting once however many chosen sentences carry it, so repeating a fact
earns nothing. It is solved exactly by HiGHS (``highspy``) on a pruned problem, so
it stays small, fast and deterministic on a large day: the candidates are the best-scored
``MAX_ITEMS`` showable items, each with the wordings it may show (``redundancy.wordings``), and
only the concepts they contain.

"Already said" is the brief's own test here too: two candidates that ``repeats()`` each other,
or two wordings of one item, are never both chosen.

A summary runs to N words and is read (and scored) up to N, so the words the exact solution
leaves unused go to the candidate whose opening words add the most; it comes last, where a cut
at N shortens it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from summarizer.merging.redundancy import showing, wordings
from summarizer.models import Article, Item, Sentence
from summarizer.ranking.concepts import ConceptModel, FloatArray, IntArray
from summarizer.text.scipy_lean import sparse
from summarizer.text.statements import repeats, statement
from summarizer.text.value import PLAIN, news_value, spoken
from summarizer.text.words import count_matrix

MAX_ITEMS = 100  # more candidates changed no DUC summary's score, and cost time
NODE_LIMIT = 20_000  # a deterministic bound on the search (the DUC problems need < 100 nodes)
TIME_LIMIT = 30.0  # seconds; a safety net only: the node limit comes first in practice
# How much of a wording's weight its lack of news value costs in the selection (0: none).
FILLER_COST = 1.0
# A brief's further item must add at least this share of what its best further item adds.
WEAK = 0.5


@dataclass(frozen=True)
class Worth:
    """How a selection weighs a wording's news value (``text.value``): below ``PLAIN`` it
    pays ``FILLER_COST`` for what it lacks; a quotation that is most of it (``spoken``)
    counts at ``voiced`` of its value; one worth no more than ``least`` is no candidate, nor
    an item scored below ``lowest`` (scores run from 0 to the day's best sentence's 1)."""

    voiced: float = 1.0
    least: float = 0.0
    lowest: float = 0.0

    def value(self, text: str) -> float:
        return news_value(text) * (self.voiced if spoken(text) else 1.0)


# A summary's: a plain statement costs nothing, the speaker's voice as much as any line.
SUMMARY = Worth()
# A brief's lead: a line that is mostly a quotation with no figure reads as voice, not news
# (readers tagged half of such lines trivial, a third of other lines), and a line the
# ranking puts below a tenth of the day's best was chosen for words nothing better had
# (readers kept a quarter of them; reading 17, docs/evaluation.md); and, as in the sections,
# only a line with a mark of an event after the main fact (``news.main_fact``, chosen
# before): read side by side on 12 stories, the lead without "Malaria is a parasitic
# infection…" or "The exact nature … remains contentious" was preferred in 7, 51 % of its
# items defect-free against 38 % (reading 26).
LEAD = Worth(voiced=0.7, least=PLAIN, lowest=0.1)
# A story section's lines (a day of many stories, ``selecting.stories``): the lead's test
# before reading 26, plain statements too. Its items must agree with its headline, and lines
# with a mark of an event alone came from a story's other reports, which no headline tells:
# DUC 2007's Gore story as a yarmulke maker, the Balkans and the census under "Gore Defends
# Campaign Manager" (titles usable 15 of 18, against 17 of 18).
STORY = Worth(voiced=0.7, lowest=0.1)
# The lead of a brief in a themes file's sections: lines of every score and plain statements
# (``brief.select_brief``).
THEMED_LEAD = Worth(voiced=0.7)
# A brief's further items (its sections): besides, only a line with a mark of an event (a
# time, a figure, an outcome) beyond a plain statement; readers kept one in five of the
# others.
SECTIONS = Worth(voiced=0.7, least=PLAIN, lowest=0.1)


@dataclass(frozen=True)
class _Candidates:
    """Wordings that may be chosen, with what each covers and costs."""

    items: IntArray  # the item each wording belongs to (index into the ranked items)
    sentences: tuple[Sentence, ...]
    matrix: sparse.csr_matrix  # wordings x concepts they cover (weighted concepts only)
    weights: FloatArray  # of those concepts
    lengths: FloatArray  # words
    model: ConceptModel
    # What choosing each wording costs: the share of its own weight its news value takes off
    # (background, procedure and colour must cover more to be chosen).
    costs: FloatArray


def select_budget(
    items: Sequence[Item],
    model: ConceptModel,
    words: int,
    articles: Mapping[int, Article],
    *,
    taken: Sequence[Item] = (),
    most: int | None = None,
    fill: bool = True,
    strong: bool = False,
    worth: Worth = SUMMARY,
) -> list[Item]:
    """The items whose wordings cover the most concept weight in ``words`` words, best-ranked
    first, each showing the wording chosen; empty when no candidate carries any weight.

    ``taken``: items already chosen (the brief's lead): what they cover counts for nothing and
    what repeats them is never chosen. ``most``: at most this many items. ``fill``: the words
    left go to the wording whose opening adds most (a summary runs to its budget). ``strong``:
    leave out an item that adds less than ``WEAK`` of what the best one adds. ``worth``: how
    news value counts (``Worth``).
    """
    found = _candidates(items, model, articles, taken, worth)
    if found is None:
        return []
    pairs = _conflicts(found)
    chosen = _solve(found, pairs, words, most)
    chosen.sort(key=lambda c: (int(found.items[c]), c))
    if strong:
        chosen = _strong(found, chosen)
    extra = _fill(found, pairs, chosen, words) if fill else None
    return [
        showing(items[int(found.items[c])], found.sentences[c], articles)
        for c in [*chosen, *([] if extra is None else [extra])]
    ]


def _candidates(
    items: Sequence[Item],
    model: ConceptModel,
    articles: Mapping[int, Article],
    taken: Sequence[Item] = (),
    worth: Worth = SUMMARY,
) -> _Candidates | None:
    """Every wording the best ``MAX_ITEMS`` showable items may show, each text once and worth
    more than ``worth.least``; none of an item ``taken`` or repeating one."""
    owners, chosen, worths = _wordings(items, articles, taken, worth)
    if not chosen:
        return None
    matrix = model.matrix([s.text for s in chosen]).tocsc()
    covered = _covered(model, taken, articles)
    used = np.flatnonzero((matrix.getnnz(axis=0) > 0) & (model.weights > 0) & ~covered)
    if not used.size:
        return None
    lengths = np.asarray([len(s.text.split()) for s in chosen], dtype=np.float64)
    matrix = matrix[:, used].tocsr()
    values = np.asarray(worths, dtype=np.float64)
    costs = (
        FILLER_COST
        * np.maximum(PLAIN - values, 0.0)
        / PLAIN
        * np.asarray(matrix @ model.weights[used]).reshape(-1)
    )
    return _Candidates(
        np.asarray(owners, dtype=np.int64),
        tuple(chosen),
        matrix,
        model.weights[used],
        lengths,
        model,
        costs,
    )


def _wordings(
    items: Sequence[Item], articles: Mapping[int, Article], taken: Sequence[Item], worth: Worth
) -> tuple[list[int], list[Sentence], list[float]]:
    """The candidates' wordings (``_candidates``), each with its item's index and its news
    value as ``worth`` counts it."""
    owners: list[int] = []
    chosen: list[Sentence] = []
    worths: list[float] = []  # each chosen wording's news value, as ``worth`` counts it
    seen: set[str] = set()
    shown = {s.key for it in taken for s in it.sentences}
    said = [statement(it.text) for it in taken]
    count = 0
    for index, item in enumerate(items):
        if count >= MAX_ITEMS:
            break
        if not item.stands_alone or item.score < worth.lowest:
            continue
        if shown.intersection(s.key for s in item.sentences):
            continue
        if any(repeats(statement(item.text), old) for old in said):
            continue
        count += 1
        for sentence in wordings(item, articles):
            if sentence.text in seen:
                continue
            value = worth.value(sentence.text)
            if value > worth.least:
                seen.add(sentence.text)
                owners.append(index)
                chosen.append(sentence)
                worths.append(value)
    return owners, chosen, worths


def _covered(
    model: ConceptModel, taken: Sequence[Item], articles: Mapping[int, Article]
) -> npt.NDArray[np.bool_]:
    """The concepts the items ``taken`` already cover, in any of their wordings."""
    texts = [s.text for item in taken for s in wordings(item, articles)]
    if not texts:
        return np.zeros(len(model.weights), dtype=bool)
    return np.asarray(model.matrix(texts).getnnz(axis=0) > 0)


def _strong(found: _Candidates, chosen: Sequence[int]) -> list[int]:
    """The chosen wordings that each add at least ``WEAK`` of the weight the best one adds
    (an item is worth its line only if it tells the reader something the rest did not)."""
    if not chosen:
        return []
    gains = np.asarray(found.matrix[list(chosen)] @ found.weights).reshape(-1)
    best = float(gains.max())
    return [c for c, gain in zip(chosen, gains.tolist(), strict=True) if gain >= WEAK * best]


def _conflicts(found: _Candidates) -> list[tuple[int, int]]:
    """Pairs never chosen together: wordings of one item, or two that ``repeats()`` each other.

    Only pairs sharing a content word can repeat each other, so only those are tested.
    """
    stmts = [statement(s.text) for s in found.sentences]
    terms, _ = count_matrix([sorted(st.terms) for st in stmts])
    shared = sparse.triu(terms @ terms.T, k=1).tocoo()
    owner = found.items.tolist()  # as ints: a numpy element read per pair costs more
    pairs = {
        (a, b)
        for a, b in zip(shared.row.tolist(), shared.col.tolist(), strict=True)
        if owner[a] == owner[b] or repeats(stmts[a], stmts[b])
    }
    for item in sorted(set(found.items.tolist())):  # not np.unique: it imports numpy.ma
        members = np.flatnonzero(found.items == item).tolist()
        pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return sorted(pairs)


def _solve(
    found: _Candidates, pairs: Sequence[tuple[int, int]], words: int, most: int | None = None
) -> list[int]:
    """Exact concept ILP: x (one per wording) binary, c (one per concept) in [0, 1]; maximise
    weights . c with c_j <= sum of x over the wordings covering j, lengths . x <= words,
    x_a + x_b <= 1 for each conflicting pair, and sum x <= ``most`` when given."""
    n, m = found.matrix.shape
    budget = sparse.hstack([sparse.csr_matrix(found.lengths[None, :]), sparse.csr_matrix((1, m))])
    if most is not None:
        count = np.concatenate([np.ones(n), np.zeros(m)])[None, :]
        budget = sparse.vstack([budget, sparse.csr_matrix(count)])
    cover = sparse.hstack([-found.matrix.T, _identity(m)])
    rows = np.repeat(np.arange(len(pairs)), 2)
    cols = np.asarray(pairs, dtype=np.int64).reshape(-1)
    apart = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(len(pairs), n + m))
    limits = [float(words)] if most is None else [float(words), float(most)]
    with _stdout_silenced():
        x = _milp(found, sparse.vstack([budget, cover, apart]).tocsc(), limits, len(pairs))
    if x is None:
        return []
    return [int(i) for i in np.flatnonzero(x[:n] > 0.5)]


def _identity(m: int) -> sparse.csr_matrix:
    """``sparse.identity(m)`` as the problem's blocks take it (the same entries in the same
    order), made without the diagonal format, whose check for repeated offsets imports
    ``numpy.ma`` (0.02 s, on no other account a summary's)."""
    diagonal = np.arange(m)
    return sparse.csr_matrix((np.ones(m), (diagonal, diagonal)), shape=(m, m))


def _milp(
    found: _Candidates, columns: sparse.csc_matrix, limits: list[float], pairs: int
) -> FloatArray | None:
    """HiGHS on the problem, bounded by a node limit so the same input gives the same answer;
    the best solution found, or None when there is none. (highspy, HiGHS's own binding, costs
    a hundredth of a second to import; scipy.optimize, which wraps the same solver, 0.2 s.)"""
    import highspy

    n, m = found.matrix.shape
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = n + m, columns.shape[0]
    lp.col_cost_ = np.concatenate([found.costs, -found.weights])
    lp.col_lower_, lp.col_upper_ = np.zeros(n + m), np.ones(n + m)
    lp.row_lower_ = np.full(columns.shape[0], -highspy.kHighsInf)
    lp.row_upper_ = np.concatenate([limits, np.zeros(m), np.ones(pairs)])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_, lp.a_matrix_.index_ = columns.indptr, columns.indices
    lp.a_matrix_.value_ = columns.data.astype(np.float64)
    kinds = highspy.HighsVarType.kInteger, highspy.HighsVarType.kContinuous
    lp.integrality_ = [kinds[0]] * n + [kinds[1]] * m
    solver = highspy.Highs()  # type: ignore[no-untyped-call]  # its __init__ has no hints
    solver.setOptionValue("output_flag", False)
    # One thread: HiGHS's pool of worker threads takes longer to start than a brief's
    # problem takes to solve (0.09 → 0.06 s of an 80-article summary), and the search is
    # the same.
    solver.setOptionValue("threads", 1)
    solver.setOptionValue("mip_max_nodes", NODE_LIMIT)
    solver.setOptionValue("time_limit", TIME_LIMIT)
    solver.passModel(lp)
    solver.run()
    if solver.getInfo().primal_solution_status != highspy.kSolutionStatusFeasible:
        return None
    return np.asarray(solver.getSolution().col_value, dtype=np.float64)


@contextmanager
def _stdout_silenced() -> Iterator[None]:
    """HiGHS prints its banner and can print a debugging line from C++ to standard output,
    which carries the summary: while it is made and solves, what it prints goes nowhere."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no standard output at all: nothing to protect
        yield
        return
    nowhere = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(nowhere, 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(nowhere)


def _fill(
    found: _Candidates, pairs: Sequence[tuple[int, int]], chosen: Sequence[int], words: int
) -> int | None:
    """The wording whose first (budget left) words add the most uncovered weight: a summary
    runs to its word budget, as ``brief summarize`` promises, whenever a wording is left."""
    left = words - int(found.lengths[list(chosen)].sum())
    if left <= 0:
        return None
    taken = set(chosen)
    blocked = taken | {b for a, b in pairs if a in taken} | {a for a, b in pairs if b in taken}
    free = [c for c in range(len(found.sentences)) if c not in blocked]
    if not free:
        return None
    model = found.model
    said = model.matrix([found.sentences[c].text for c in chosen]).getnnz(axis=0) > 0
    openings = [" ".join(found.sentences[c].text.split()[:left]) for c in free]
    gains = model.matrix(openings) @ np.where(said, 0.0, model.weights)
    return free[int(np.argmax(gains))]  # ties (even at 0) go to the best-ranked
