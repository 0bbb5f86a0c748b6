"""Themes learned from the day: the sections of a brief whose themes file does not fit, and
the draft themes file of ``brief themes suggest`` (the same groups, as TOML to edit).

The day's statements (copies merged, so a wire story counts once; the best-ranked
``MAX_STATEMENTS`` on a large day) are factored into k groups with non-negative matrix
factorisation of their TF-IDF vectors: each group is a set of words that keep appearing
together. Each group's words are those with the most weight in it and little in the others;
its phrases are the adjacent word pairs its statements repeat; its title is a noun phrase its
statements print (``titles.py``). Words most of the day uses ("Ukraine" in a brief on Ukraine)
name the story, not a theme, and are left out, and so are dates ("Tuesday", "year").

The number of groups comes from the day (``choose_groups``): the statements are split into
``FACTORS`` components, and those holding at least ``MIN_SHARE`` of the statements with a
title of their own become groups, ``MIN_GROUPS`` to ``MAX_GROUPS`` of them; the rest is left
to the fallback. Deterministic: the factorisation starts from an SVD (NNDSVD), not from random
numbers.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import numpy as np
from numpy.typing import NDArray

from summarizer.models import Item
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import STOP_WORDS, content_terms, normalise, stem
from summarizer.themes.titles import choose_titles

MIN_GROUPS, MAX_GROUPS = 2, 6
# A group must hold at least this share of the statements (and this many) to be a section.
MIN_SHARE = 0.05
MIN_GROUP_STATEMENTS = 3
MAX_STATEMENTS = 1000
# NMF components the day is split into before the groups worth a section are kept.
FACTORS = 8
WORDS_PER_THEME = 10
PHRASES_PER_THEME = 4
# A word must be in this many statements to be proposed, and in at most this share of them
# (or one group's share, 1/N, when that is more: a group's own word may be in all of it).
MIN_STATEMENTS = 2
MAX_SHARE = 0.2
ITERATIONS = 200
# A learned theme places a sentence only when it has this many of the theme's words (a phrase
# counts as two): one word shared with a group from a single factorisation ("system", "plan")
# is often chance, and such items read as misplaced (AG News day: purity 0.83 -> 0.96).
MIN_WORDS = 2
# The fallback's title. A day's learned themes are one story's sides, so what fits none is
# more of the story: editors read "Other" over it as a different subject, misfiled (blind
# readings 8 and 9, docs/evaluation.md). A themes file keeps the title it gives.
FALLBACK_TITLE = "Also reported"
_DENSE_SVD = 1_000_000  # cells up to which the start uses the full SVD


@cache
def _dates() -> frozenset[str]:
    """Dates and times of day say when, not what: never a theme's word. Stemmed at first
    use, not at import (nltk loads then)."""
    return frozenset(
        stem(w)
        for w in [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
            "tomorrow",
            "week",
            "weekend",
            "month",
            "year",
            "day",
            "night",
            "morning",
            "afternoon",
            "evening",
            "time",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )


_EPS = 1e-9
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

Matrix = NDArray[np.float64]


@dataclass(frozen=True)
class Suggestion:
    """One proposed theme: a title, its words and phrases, and how many statements it has."""

    key: str
    title: str
    words: tuple[str, ...]
    phrases: tuple[str, ...]
    statements: int


def suggest(items: Sequence[Item], groups: int | None = None) -> list[Suggestion]:
    """Proposed themes for the day's statements, largest first: ``groups`` of them, or as
    many as the day holds (``choose_groups``) when None."""
    texts = [item.text for item in _statements(items)]
    terms = [sorted(set(content_terms(t)) - _dates()) for t in texts]
    if groups is not None:
        return _draft(texts, terms, groups, least=0.0)
    return choose_groups(texts, terms)


def choose_groups(texts: Sequence[str], terms: Sequence[Sequence[str]]) -> list[Suggestion]:
    """The day's groups: NMF with ``FACTORS`` components finds the day's distinct subjects;
    those holding at least ``MIN_SHARE`` of the statements and printing a title of their own
    become groups, the ``MAX_GROUPS`` largest at most; the rest is left to the fallback. A day too
    small for ``MIN_GROUPS`` such groups gets the titled groups of a ``MIN_GROUPS``-way split."""
    found = _draft(texts, terms, FACTORS, least=MIN_SHARE)
    if len(found) >= MIN_GROUPS:
        return found[:MAX_GROUPS]
    return _draft(texts, terms, MIN_GROUPS, least=0.0)


def _statements(items: Sequence[Item]) -> list[Item]:
    """The statements to learn from: those a brief may show, the best-ranked first, at most
    ``MAX_STATEMENTS`` (a large day's themes are those of its leading statements)."""
    shown = [item for item in items if item.stands_alone]
    return sorted(shown, key=lambda item: -item.score)[:MAX_STATEMENTS]


def _draft(
    texts: Sequence[str], terms: Sequence[Sequence[str]], groups: int, *, least: float
) -> list[Suggestion]:
    """A ``groups``-way NMF split, largest first: the groups that have words, a title and at
    least ``least`` of the statements (and ``MIN_GROUP_STATEMENTS``)."""
    x, names = _tfidf(terms, max(MAX_SHARE, 1 / max(groups, 1)))
    if x.shape[1] == 0 or x.shape[0] < 2:
        return []
    k = max(1, min(groups, min(x.shape) - 1))
    w, h = _nmf(x, k)
    order = np.argsort(-np.bincount(np.argmax(w, axis=1), minlength=k), kind="stable")
    w, h = w[:, order], h[order]
    owner = np.where(w.max(axis=1) > 0, w.argmax(axis=1), -1)
    chosen = _group_words(h, names)
    allowed = {t for ts in terms for t in ts}
    titles = choose_titles(texts, owner.tolist(), chosen, allowed)
    _merge_same_titles(titles, owner, chosen)
    sizes = np.bincount(owner[owner >= 0], minlength=k)
    least = max(MIN_GROUP_STATEMENTS, least * len(texts)) if least else 1
    forms, phrases = _surface_forms(texts), _group_phrases(texts, owner, k)
    out = []
    for j in range(k):
        title = titles[j]
        if title is None or not chosen[j] or sizes[j] < least:
            continue
        said = tuple(dict.fromkeys([title.lower(), *phrases[j]]))
        shown = tuple(forms.get(t, t) for t in chosen[j])
        out.append(Suggestion("", title, shown, said, int(sizes[j])))
    return _with_keys(out)


def _merge_same_titles(
    titles: list[str | None], owner: NDArray[np.int64], chosen: list[list[str]]
) -> None:
    """Groups titled alike are one entity's: the later one's statements and words join the
    first, and it keeps no title of its own (so no second section on the same thing)."""
    first: dict[str, int] = {}
    for j, title in enumerate(titles):
        if title is None:
            continue
        if title not in first:
            first[title] = j
            continue
        owner[owner == j] = first[title]
        chosen[first[title]] = list(dict.fromkeys(chosen[first[title]] + chosen[j]))
        titles[j] = None


def _tfidf(terms: Sequence[Sequence[str]], max_share: float) -> tuple[sparse.csr_matrix, list[str]]:
    """Statement-by-word TF-IDF rows (unit length) over the words worth proposing."""
    df = Counter(t for ts in terms for t in ts)
    limit = max_share * len(terms)
    names = sorted(t for t, n in df.items() if MIN_STATEMENTS <= n <= limit and not t.isdigit())
    index = {t: i for i, t in enumerate(names)}
    rows = [[index[t] for t in ts if t in index] for ts in terms]
    idf = np.log(len(terms) / np.array([df[t] for t in names], dtype=np.float64))
    indptr = np.concatenate([[0], np.cumsum([len(r) for r in rows])])
    cols = np.fromiter((c for r in rows for c in r), dtype=np.int64)
    x = sparse.csr_matrix((idf[cols], cols, indptr), shape=(len(terms), len(names)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1 / np.maximum(norms, _EPS)) @ x), names


def _nmf(x: sparse.csr_matrix, k: int) -> tuple[Matrix, Matrix]:
    """X ≈ W H with W, H ≥ 0 (Lee and Seung's multiplicative updates from NNDSVD)."""
    w, h = _nndsvd(x, k)
    for _ in range(ITERATIONS):
        h *= np.asarray(x.T @ w).T / np.maximum((w.T @ w) @ h, _EPS)
        w *= np.asarray(x @ h.T) / np.maximum(w @ (h @ h.T), _EPS)
    return w, h


def _nndsvd(x: sparse.csr_matrix, k: int) -> tuple[Matrix, Matrix]:
    """Boutsidis and Gallopoulos' SVD-based start, gaps filled with the mean (NNDSVDa).

    Only the k leading singular vectors are used: on a large day only they are computed, on
    the sparse matrix (ARPACK from a fixed start), where a full dense SVD of 1,000 statements
    took seconds. A small matrix (a cluster of 25 articles) keeps the exact dense SVD.
    """
    if x.shape[0] * x.shape[1] <= _DENSE_SVD or k >= min(x.shape):
        u, s, vt = np.linalg.svd(x.toarray(), full_matrices=False)
    else:
        from scipy.sparse.linalg import svds  # a tenth of a second: only a large day needs it

        u, s, vt = svds(x, k=k, v0=np.ones(min(x.shape)), random_state=0)
        order = np.argsort(-s)
        u, s, vt = u[:, order], s[order], vt[order]
    w, h = np.zeros((x.shape[0], k)), np.zeros((k, x.shape[1]))
    for j in range(k):
        a, b = u[:, j], vt[j]
        ap, an, bp, bn = np.maximum(a, 0), np.maximum(-a, 0), np.maximum(b, 0), np.maximum(-b, 0)
        pos = np.linalg.norm(ap) * np.linalg.norm(bp)
        neg = np.linalg.norm(an) * np.linalg.norm(bn)
        a, b, size = (ap, bp, pos) if pos >= neg else (an, bn, neg)
        w[:, j] = a * np.sqrt(s[j] * size) / max(float(np.linalg.norm(a)), _EPS)
        h[j] = b * np.sqrt(s[j] * size) / max(float(np.linalg.norm(b)), _EPS)
    mean = float(np.asarray(x.mean()))
    w[w == 0], h[h == 0] = mean, mean
    return w, h


def _group_words(h: Matrix, names: Sequence[str]) -> list[list[str]]:
    """Each group's most telling words: weight in the group times the share of the word's
    weight it holds; every word goes to one group only."""
    share = h / np.maximum(h.sum(axis=0, keepdims=True), _EPS)
    score = h * share
    home = score.argmax(axis=0)
    out = []
    for j in range(h.shape[0]):
        mine = np.flatnonzero((home == j) & (share[j] >= 0.5))
        ranked = sorted(mine.tolist(), key=lambda i: (-score[j, i], names[i]))
        out.append([names[i] for i in ranked[:WORDS_PER_THEME]])
    return out


def _group_phrases(texts: Sequence[str], owner: NDArray[np.int64], k: int) -> list[list[str]]:
    """Each group's phrases: adjacent content-word pairs in at least two of its statements,
    mostly its own, in their commonest wording."""
    counts: dict[tuple[str, str], Counter[int]] = defaultdict(Counter)
    wording: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for text, group in zip(texts, owner.tolist(), strict=True):
        tokens = _TOKEN.findall(text)
        seen = set()
        for a, b in pairwise(tokens):
            pair = (_term(a), _term(b)) if "'" not in a + b and "’" not in a + b else ("", "")
            if pair[0] and pair[1] and pair[0] != pair[1] and pair not in seen:
                seen.add(pair)
                counts[pair][group] += 1
                wording[pair][f"{a} {b}".lower()] += 1
    out: list[list[str]] = [[] for _ in range(k)]
    for pair, by_group in sorted(counts.items(), key=lambda kv: (-kv[1].total(), kv[0])):
        group, n = by_group.most_common(1)[0]
        mostly = group >= 0 and n >= 2 and n >= 0.6 * by_group.total()
        numeric = any(ch.isdigit() for ch in pair[0] + pair[1])
        if mostly and len(out[group]) < PHRASES_PER_THEME and not numeric:
            out[group].append(wording[pair].most_common(1)[0][0])
    return out


def _term(token: str) -> str:
    """The content term of one printed word, or '' for a stop word."""
    word = token.lower().replace("’", "'")
    if word in STOP_WORDS or len(word) < 2:
        return ""
    return stem(normalise(word))


def _surface_forms(texts: Sequence[str]) -> dict[str, str]:
    """The commonest lower-cased printed word of each term, to show terms as words."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        for token in _TOKEN.findall(text):
            term = _term(token)
            if term:
                forms[term][token.lower().replace("’", "'")] += 1
    return {t: c.most_common(1)[0][0] for t, c in forms.items()}


def _with_keys(suggestions: Sequence[Suggestion]) -> list[Suggestion]:
    """Give each suggestion a unique key made from its title."""
    used: set[str] = {"other"}
    out = []
    for s in suggestions:
        base = re.sub(r"[^a-z0-9]+", "-", s.title.lower()).strip("-") or "theme"
        key, n = base, 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        out.append(Suggestion(key, s.title, s.words, s.phrases, s.statements))
    return out


def to_data(suggestions: Sequence[Suggestion]) -> dict[str, list[dict[str, object]]]:
    """The suggestions as parsed themes-file data, then the fallback theme."""
    themes: list[dict[str, object]] = [
        {"key": s.key, "title": s.title, "order": order, "words": list(s.words),
         "phrases": list(s.phrases), "min_words": MIN_WORDS}
        for order, s in enumerate(suggestions, start=1)
    ]  # fmt: skip
    other = {"key": "other", "title": FALLBACK_TITLE, "order": len(themes) + 1, "fallback": True}
    return {"theme": [*themes, other]}


def to_toml(suggestions: Sequence[Suggestion], statements: int, articles: int) -> str:
    """The draft themes file: the suggestions in order, then the fallback theme."""
    lines = [
        "# Draft themes file from `brief themes suggest`: "
        f"{len(suggestions)} groups in {statements} statements from {articles} article(s).",
        "# Edit the titles, drop words that do not belong, add the ones a reader would expect,",
        "# then build with `brief build SOURCES --themes THIS_FILE`. Words match any form",
        '# ("strike" finds "strikes"); phrases match whole and count double; min_words is how',
        "# many of a theme's words a sentence needs to be placed in it (a phrase counts two).",
    ]
    *entries, other = to_data(suggestions)["theme"]  # the same fields as learned themes get
    for s, entry in zip(suggestions, entries, strict=True):
        lines += ["", f"# {s.statements} statement(s) are mostly about this group."]
        lines += ["[[theme]]", *(f"{name} = {_toml(value)}" for name, value in entry.items())]
    lines += ["", "[[theme]]", *(f"{name} = {_toml(value)}" for name, value in other.items())]
    lines.append("")
    return "\n".join(lines)


def _toml(value: object) -> str:
    """A value of a themes file in TOML: strings as basic strings (JSON's escapes are TOML's),
    lists of them, whole numbers and booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return f"[{', '.join(_toml(v) for v in value)}]"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)
