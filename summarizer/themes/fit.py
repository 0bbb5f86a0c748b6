"""Fitting the theme model to the day: learned words, and the mixture EM fits.

``learn`` starts from the sentences the themes file's words clearly place, learns the words
that keep company with each theme's listed words (``_learned``), fits a naive Bayes mixture to
all the day's sentences by EM with each article as context (``_fit``), then learns the words
again from what the fitted model agrees on. The result is a ``model.ThemeModel``.

Cost is linear in the day's words: a few sparse products per iteration, no pairwise work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from summarizer.models import Item, Sentence
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import content_terms
from summarizer.themes import model
from summarizer.themes.model import (
    SEED_BONUS,
    TEMPERATURE,
    Mask,
    Matrix,
    ThemeModel,
    decide,
    excluded_from,
    has_evidence,
    seed_evidence,
    softmax,
)
from summarizer.themes.themefile import Theme, fallback

# Pseudo-count of every term in every theme: keeps unseen words from vetoing a theme.
ALPHA = 0.3
ITERATIONS = 10
# An article's theme mix is shrunk toward the day's with the weight of this many sentences.
CONTEXT = 10.0
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
    seeds = seed_evidence(x, vocabulary, terms, columns)
    blocked = excluded_from(terms, columns)
    clear = _initial(seeds, blocked)
    _, group_rows = np.unique(range(len(terms)) if groups is None else groups, return_inverse=True)
    weight = 1.0 / np.bincount(group_rows)[group_rows]
    _, article_rows = np.unique([s.article for s in sentences], return_inverse=True)
    fit = _fit(x, seeds, blocked, clear, weight, np.asarray(article_rows, dtype=np.int64))
    learned = _learned(x, clear, weight, vocabulary, columns)
    for _ in range(EXPANSIONS if columns else 0):  # again, from what the model agrees on
        agreed = _agreed(fit.posterior, clear, has_evidence(x, seeds, learned, blocked, columns))
        learned = _learned(x, agreed, weight, vocabulary, columns)
    evidence = has_evidence(x, seeds, learned, blocked, columns)
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
    best, placed = decide(posterior, evidence, model.THRESHOLD)
    rows = np.arange(len(best))
    sure = placed & (
        (clear[rows, best] > 0) | ((clear.sum(axis=1) == 0) & (posterior[rows, best] >= SURE))
    )
    labels = np.zeros_like(clear)
    labels[rows[sure], best[sure]] = 1.0
    return labels


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
        posterior = softmax(loglik / TEMPERATURE + np.log(np.maximum(context, 1e-12)))
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


def _log_rows(counts: Matrix) -> Matrix:
    return np.asarray(np.log(counts / counts.sum(axis=1, keepdims=True)))
