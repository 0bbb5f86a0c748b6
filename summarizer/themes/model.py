"""Theme assignment that starts from the themes file and learns the rest from the day.

Most sentences name none of a theme's listed words ("Russian forces captured the village of
Dyliivka"). The day's own articles say which other words go with a theme: *learned words* keep
company with a theme's listed words (see ``_learned``) and count as evidence like them; a naive
Bayes mixture fitted by EM to all the day's sentences, started from those the file's words
clearly place, weighs every word of a sentence. A sentence goes to a theme only when it has
evidence for it and the mixture is confident enough (``THRESHOLD``); otherwise to the fallback
theme (Other). Each article is context: its other sentences' themes are each sentence's prior,
so a sentence in an article mostly about the front line leans to Battlefield.

Cost is linear in the day's words: a few sparse products per iteration, no pairwise work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from summarizer.models import Item, Placement, Sentence
from summarizer.text.words import STOP_WORDS, content_terms, normalise, stem, words
from summarizer.themes.themefile import (
    PHRASE_WEIGHT,
    Theme,
    excluded,
    fallback,
    matched,
    phrases_in,
)

# Pseudo-count of every term in every theme: keeps unseen words from vetoing a theme.
ALPHA = 0.3
ITERATIONS = 10
# Naive Bayes treats a sentence's words as independent evidence and is overconfident; the
# log-likelihoods are divided by this before they become probabilities.
TEMPERATURE = 3.0
# An article's theme mix is shrunk toward the day's with the weight of this many sentences.
CONTEXT = 10.0
# Below this confidence in its best theme a sentence goes to the fallback theme.
THRESHOLD = 0.5
# Log-likelihood added per listed word a sentence has (phrases count double): the user's
# words outweigh what a small day can teach.
SEED_BONUS = 1.5
# A word is learned for a theme when at least SUPPORT clearly matched sentences of the theme
# have it, and at least PURITY of the clearly matched sentences that have it are the theme's.
SUPPORT = 2
PURITY = 0.6
# ... and at least LIFT times the theme's share of all clearly matched sentences: a theme that
# has most of the day needs its learned words to be more its own.
LIFT = 1.5
MAX_PURITY = 0.9
# ... and at least COVERAGE of all the sentences that have the word are the theme's: a word
# of a story the file's words only brush (one "spending" among fifty on salmon) is not learned.
COVERAGE = 0.25
# Learned words are learned again this many times, adding the sentences placed with at least
# SURE confidence (which have more of the day's vocabulary than the file's words reach).
EXPANSIONS = 1
SURE = 0.95
# Terms seen in fewer sentences than this teach the mixture nothing (listed words stay).
MIN_SENTENCES = 2
LEARNED_SHOWN = 4

Matrix = NDArray[np.float64]
Mask = NDArray[np.bool_]


@dataclass(frozen=True)
class ThemeModel:
    """What the day taught about its themes, and each known sentence's theme probabilities.

    Columns are the themes that have words in the file. ``learned`` holds, per term and
    column, how far the term passes the tests for a learned word (0: not learned);
    ``evidence`` says which sentences have listed or learned words of a theme; ``context`` is
    each sentence's article's theme mix without it.
    """

    themes: tuple[Theme, ...]
    columns: tuple[Theme, ...]
    vocabulary: dict[str, int]
    log_theme: Matrix
    learned: Matrix
    prior: NDArray[np.float64]
    rows: dict[tuple[int, int], int]
    posterior: Matrix
    context: Matrix
    evidence: Mask
    threshold: float = THRESHOLD

    def probabilities(self, item: Item) -> tuple[Matrix, Mask, Matrix]:
        """Theme probabilities, evidence and article context of an item's wording: the mean
        over the outlets that printed it, or from its text alone when the day lacks it."""
        rows = [
            self.rows[s.key] for s in item.sentences if s.key in self.rows and s.text == item.text
        ]
        if rows:
            found: Mask = np.asarray(self.evidence[rows].any(axis=0))
            return self.posterior[rows].mean(axis=0), found, self.context[rows].mean(axis=0)
        terms = [content_terms(item.text)]
        known = [self.vocabulary[t] for t in terms[0] if t in self.vocabulary]
        x = sparse.csr_matrix(
            (np.ones(len(known)), known, [0, len(known)]), (1, len(self.vocabulary))
        )
        seeds, blocked = (
            _seed_evidence(x, self.vocabulary, terms, self.columns),
            _blocked(terms, self.columns),
        )
        loglik = np.where(blocked, -np.inf, np.asarray(x @ self.log_theme.T) + SEED_BONUS * seeds)
        post = _softmax(loglik / TEMPERATURE + np.log(np.maximum(self.prior, 1e-12)))[0]
        found = _evidence(x, seeds, self.learned, blocked, self.columns)[0]
        return post, found, self.prior

    def place(self, item: Item) -> Placement:
        """The item's theme and why: its best theme with evidence, else the fallback."""
        other = fallback(self.themes)
        if not self.columns:
            return Placement(theme=other.key, score=0.0)
        post, found, context = self.probabilities(item)
        choice, sure = _decide(post[None, :], found[None, :], self.threshold)
        best = int(choice[0])
        theme, score = self.columns[best], float(post[best])
        terms = content_terms(item.text)
        why = {
            "score": round(score, 4),
            "terms": tuple(matched(terms, theme)),
            "learned": self.learned_words(item.text, best),
            "context": round(float(context[best]), 4),
        }
        if sure[0]:
            return Placement(theme=theme.key, **why)  # type: ignore[arg-type]
        return Placement(theme=other.key, nearest=theme.key, **why)  # type: ignore[arg-type]

    def leaning(self, item: Item) -> str | None:
        """The theme an item leans to without being placed there (None when it is placed in
        one, or has no theme to lean to): cheaper than ``place``, no explanation."""
        if not self.columns:
            return None
        post, found, _ = self.probabilities(item)
        best, sure = _decide(post[None, :], found[None, :], self.threshold)
        return None if sure[0] else self.columns[int(best[0])].key

    def decisions(self) -> tuple[NDArray[np.int64], Mask]:
        """For every known sentence at once: its best column, and whether it is placed there
        (False: the fallback theme)."""
        if not self.columns:
            n = len(self.rows)
            return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
        return _decide(self.posterior, self.evidence, self.threshold)

    def learned_words(self, text: str, column: int) -> tuple[str, ...]:
        """The sentence's learned words for a theme, as printed, most telling first."""
        strength = self.learned[:, column]
        found: dict[str, tuple[float, str]] = {}
        for word in words(text):
            if word in STOP_WORDS:
                continue
            index = self.vocabulary.get(stem(normalise(word)), -1)
            if index >= 0 and strength[index] > 0:
                found.setdefault(stem(normalise(word)), (float(strength[index]), word))
        ranked = sorted(found.values(), key=lambda f: (-f[0], f[1]))
        return tuple(word for _, word in ranked[:LEARNED_SHOWN])

    def learned_terms(self, column: int) -> list[str]:
        """A theme's learned stems, most telling first (for reports and tests)."""
        strength = self.learned[:, column]
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return sorted((names[i] for i in np.flatnonzero(strength)), key=lambda t: (
            -strength[self.vocabulary[t]], t))  # fmt: skip


def classify(texts: Sequence[str], themes: Sequence[Theme]) -> list[str]:
    """The theme key of each whole text (an article, a news item), learning from all of
    them together: what ``benchmarks/themes.py`` measures."""
    model = learn([Sentence(i, 0, text) for i, text in enumerate(texts)], themes)
    best, placed = model.decisions()
    other = fallback(themes).key
    keys = [t.key for t in model.columns]
    return [keys[b] if ok else other for b, ok in zip(best.tolist(), placed.tolist(), strict=True)]


def learn_items(items: Sequence[Item], themes: Sequence[Theme]) -> ThemeModel:
    """Fit the themes to the day's statements: every outlet's sentence of every item."""
    sentences = [s for item in items for s in item.sentences]
    groups = [i for i, item in enumerate(items) for _ in item.sentences]
    return learn(sentences, themes, groups)


def learn(
    sentences: Sequence[Sentence], themes: Sequence[Theme], groups: Sequence[int] | None = None
) -> ThemeModel:
    """Fit the themes to the day's sentences, starting from the themes file's words.

    ``groups`` numbers the statement each sentence makes (copies share one), so that a story
    five outlets copied teaches the themes once, not five times.
    """
    columns = tuple(t for t in themes if t.seeded)
    terms = [content_terms(s.text) for s in sentences]
    listed = {w for t in columns for w in (*t.words, *(w for p in t.phrases for w in p))}
    x, vocabulary = _counts(terms, listed | {w for t in columns for p in t.exclude for w in p})
    seeds = _seed_evidence(x, vocabulary, terms, columns)
    blocked = _blocked(terms, columns)
    clear = _initial(seeds, blocked)
    _, group_rows = np.unique(range(len(terms)) if groups is None else groups, return_inverse=True)
    weight = 1.0 / np.bincount(group_rows)[group_rows]
    _, article_rows = np.unique([s.article for s in sentences], return_inverse=True)
    fit = _fit(x, seeds, blocked, clear, weight, np.asarray(article_rows, dtype=np.int64))
    learned = _learned(x, clear, weight, vocabulary, columns)
    for _ in range(EXPANSIONS if columns else 0):  # again, from what the model agrees on
        agreed = _agreed(fit.posterior, clear, _evidence(x, seeds, learned, blocked, columns))
        learned = _learned(x, agreed, weight, vocabulary, columns)
    evidence = _evidence(x, seeds, learned, blocked, columns)
    return ThemeModel(
        themes=tuple(themes),
        columns=columns,
        vocabulary=vocabulary,
        log_theme=fit.log_theme,
        learned=learned,
        prior=fit.prior,
        rows={s.key: i for i, s in enumerate(sentences)},
        posterior=fit.posterior,
        context=fit.context,
        evidence=evidence,
    )


def _counts(
    terms: Sequence[Sequence[str]], keep: set[str]
) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Sentence-by-term counts over the terms in at least ``MIN_SENTENCES`` sentences (and
    the listed words in ``keep``), and the column of each term."""
    full: dict[str, int] = {}
    indices = np.fromiter(
        (full.setdefault(t, len(full)) for ts in terms for t in ts), dtype=np.int64
    )
    indptr = np.concatenate([[0], np.cumsum([len(ts) for ts in terms])]).astype(np.int64)
    x = sparse.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(terms), len(full)))
    x.sum_duplicates()
    df = np.bincount(x.indices, minlength=len(full))
    names = list(full)
    kept = [i for i, name in enumerate(names) if df[i] >= MIN_SENTENCES or name in keep]
    return x[:, kept].tocsr(), {names[i]: j for j, i in enumerate(kept)}


def _seed_evidence(
    x: sparse.csr_matrix,
    vocabulary: dict[str, int],
    terms: Sequence[Sequence[str]],
    columns: Sequence[Theme],
) -> Matrix:
    """How many of each theme's listed words (phrases count double) each sentence has."""
    seed = np.zeros((len(vocabulary), len(columns)))
    for c, theme in enumerate(columns):
        seed[[vocabulary[w] for w in theme.words if w in vocabulary], c] = 1.0
    evidence = np.asarray((x > 0).astype(np.float64) @ seed)
    owners: dict[str, list[int]] = {}
    for c, theme in enumerate(columns):
        for phrase in theme.phrases:
            owners.setdefault(" ".join(phrase), []).append(c)
    phrases = tuple(tuple(p.split(" ")) for p in owners)
    for row in _having(x, vocabulary, {p[0] for p in phrases}):  # only where one can start
        for found in phrases_in(terms[row], phrases):
            evidence[row, owners[found]] += PHRASE_WEIGHT
    return evidence


def _having(x: sparse.csr_matrix, vocabulary: dict[str, int], wanted: set[str]) -> list[int]:
    """The rows that have any of the wanted terms."""
    cols = [vocabulary[t] for t in wanted if t in vocabulary]
    if not cols:
        return []
    return np.flatnonzero(np.asarray(x[:, cols].sum(axis=1)).ravel()).tolist()


def _blocked(terms: Sequence[Sequence[str]], columns: Sequence[Theme]) -> Mask:
    """Which sentences each theme's excluding words keep out of it."""
    blocked = np.zeros((len(terms), len(columns)), dtype=bool)
    for c, theme in enumerate(columns):
        if theme.exclude:
            blocked[:, c] = [excluded(ts, theme) for ts in terms]
    return blocked


def _initial(seeds: Matrix, blocked: Mask) -> Matrix:
    """Sentences whose listed words pick one theme outright; the rest start unlabelled."""
    seeds = np.where(blocked, 0.0, seeds)
    clear = np.zeros_like(seeds)
    if seeds.shape[1] == 0:
        return clear
    top = seeds.max(axis=1)
    one = (top > 0) & ((seeds == top[:, None]).sum(axis=1) == 1)
    clear[np.flatnonzero(one), seeds.argmax(axis=1)[one]] = 1.0
    return clear


def _learned(
    x: sparse.csr_matrix,
    labels: Matrix,
    weight: NDArray[np.float64],
    vocabulary: dict[str, int],
    columns: Sequence[Theme],
) -> Matrix:
    """Per term and theme, how far the term passes the tests for a learned word of the theme
    (1 = just; 0 = not learned). Sentences count by ``weight`` (copies share one)."""
    present = (x > 0).astype(np.float64).T
    support = np.asarray(present @ (labels * weight[:, None]))
    share = support / np.maximum(support.sum(axis=1, keepdims=True), 1e-9)
    coverage = support / np.maximum(np.asarray(present @ weight)[:, None], 1e-9)
    base = labels.T @ weight / max(float(labels.T @ weight @ np.ones(labels.shape[1])), 1e-9)
    purity = np.clip(LIFT * base, PURITY, MAX_PURITY)
    ok = (support >= SUPPORT - 1e-9) & (share >= purity) & (coverage >= COVERAGE)
    strength = np.where(ok, share / purity, 0.0)
    for c, theme in enumerate(columns):  # listed words are the file's, not learned
        strength[[vocabulary[w] for w in theme.words if w in vocabulary], c] = 0.0
    return strength


def _agreed(posterior: Matrix, clear: Matrix, evidence: Mask) -> Matrix:
    """Labels to learn words from again: the clearly matched sentences the model places where
    their listed words did, and the others it places with at least ``SURE`` confidence."""
    best, placed = _decide(posterior, evidence, THRESHOLD)
    rows = np.arange(len(best))
    sure = placed & (
        (clear[rows, best] > 0) | ((clear.sum(axis=1) == 0) & (posterior[rows, best] >= SURE))
    )
    labels = np.zeros_like(clear)
    labels[rows[sure], best[sure]] = 1.0
    return labels


def _evidence(
    x: sparse.csr_matrix,
    seeds: Matrix,
    learned: Matrix,
    blocked: Mask,
    columns: Sequence[Theme],
) -> Mask:
    """Which sentences have listed or learned words of each theme (and are not excluded); a
    theme with ``min_words`` above 1 counts only its listed words and needs that many."""
    found = seeds + np.asarray((x > 0).astype(np.float64) @ (learned > 0))
    least = np.array([t.min_words for t in columns], dtype=np.float64)
    enough = np.where(least > 1, seeds >= least - 1e-9, found > 0)
    return np.asarray(enough & ~blocked)


@dataclass(frozen=True)
class _Fit:
    log_theme: Matrix
    prior: NDArray[np.float64]
    posterior: Matrix
    context: Matrix


def _fit(
    x: sparse.csr_matrix,
    seeds: Matrix,
    blocked: Mask,
    clear: Matrix,
    weights: NDArray[np.float64],
    article_rows: NDArray[np.int64],
) -> _Fit:
    """EM: theme word distributions from the sentences' theme probabilities, and back."""
    n, c = seeds.shape
    weight = weights[:, None]
    context = np.full((n, c), 1.0 / max(c, 1))
    prior, resp = context[0] if n else np.full(c, 1.0 / max(c, 1)), clear
    log_theme = np.zeros((c, x.shape[1]))
    posterior = context
    for _ in range(ITERATIONS):
        log_theme = _log_rows(np.asarray((x.T @ (resp * weight)).T) + ALPHA)
        loglik = np.asarray(x @ log_theme.T) + SEED_BONUS * seeds
        loglik[blocked] = -np.inf
        posterior = _softmax(loglik / TEMPERATURE + np.log(np.maximum(context, 1e-12)))
        context, prior = _leave_one_out(posterior, article_rows)
        resp = posterior
    return _Fit(log_theme, prior, posterior, context)


def _leave_one_out(
    posterior: Matrix, article_rows: NDArray[np.int64]
) -> tuple[Matrix, NDArray[np.float64]]:
    """Each sentence's context: its article's theme mix without it, shrunk toward the day."""
    prior = posterior.mean(axis=0) if len(posterior) else np.full(posterior.shape[1], 1.0)
    n_articles = int(article_rows.max(initial=-1)) + 1
    totals = np.zeros((n_articles, posterior.shape[1]))
    np.add.at(totals, article_rows, posterior)
    sizes = np.bincount(article_rows, minlength=n_articles).astype(np.float64)
    others = totals[article_rows] - posterior
    context = (others + CONTEXT * prior) / (sizes[article_rows, None] - 1 + CONTEXT)
    return context, prior


def _decide(post: Matrix, found: Mask, threshold: float) -> tuple[NDArray[np.int64], Mask]:
    """The most probable theme among those with evidence (the most probable one when none
    has), and whether it has evidence and reaches the threshold."""
    anyfound = found.any(axis=1, keepdims=True)
    best = np.argmax(np.where(found | ~anyfound, post, -1.0), axis=1)
    rows = np.arange(len(best))
    return best, found[rows, best] & (post[rows, best] >= threshold)


def _log_rows(counts: Matrix) -> Matrix:
    return np.asarray(np.log(counts / counts.sum(axis=1, keepdims=True)))


def _softmax(logits: Matrix) -> Matrix:
    if logits.shape[1] == 0:
        return logits
    top = logits.max(axis=1, keepdims=True)
    top[~np.isfinite(top)] = 0.0
    e = np.exp(logits - top)
    return np.asarray(e / np.maximum(e.sum(axis=1, keepdims=True), 1e-300))
