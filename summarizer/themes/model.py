"""Theme assignment that starts from the themes file and learns the rest from the day.

Most sentences name none of a theme's listed words ("Russian forces captured the village of
Dyliivka"). The day's own articles say which other words go with a theme: *learned words* keep
company with a theme's listed words and count as evidence like them; a naive Bayes mixture
fitted by EM to all the day's sentences, started from those the file's words clearly place,
weighs every word of a sentence (``fit`` learns both). A sentence goes to a theme only when it
has evidence for it and the mixture is confident enough (``THRESHOLD``); otherwise to the
fallback theme (Other). Each article is context: its other sentences' themes are each
sentence's prior, so a sentence in an article mostly about the front line leans to Battlefield.

This module is the fitted ``ThemeModel``: the evidence a sentence has for each theme and the
decision it leads to, for the day's sentences and for any other wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from summarizer.models import Item, Placement
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import STOP_WORDS, content_terms, normalise, stem, words
from summarizer.themes.themefile import (
    PHRASE_WEIGHT,
    Theme,
    excluded,
    fallback,
    matched,
    phrases_in,
)

# Naive Bayes treats a sentence's words as independent evidence and is overconfident; the
# log-likelihoods are divided by this before they become probabilities.
TEMPERATURE = 3.0
# Below this confidence in its best theme a sentence goes to the fallback theme.
THRESHOLD = 0.5
# Log-likelihood added per listed word a sentence has (phrases count double): the user's
# words outweigh what a small day can teach.
SEED_BONUS = 1.5
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
            seed_evidence(x, self.vocabulary, terms, self.columns),
            excluded_from(terms, self.columns),
        )
        loglik = np.where(blocked, -np.inf, np.asarray(x @ self.log_theme.T) + SEED_BONUS * seeds)
        post = softmax(loglik / TEMPERATURE + np.log(np.maximum(self.prior, 1e-12)))[0]
        found = has_evidence(x, seeds, self.learned, blocked, self.columns)[0]
        return post, found, self.prior

    def place(self, item: Item) -> Placement:
        """The item's theme and why: its best theme with evidence, else the fallback."""
        other = fallback(self.themes)
        if not self.columns:
            return Placement(theme=other.key, score=0.0)
        post, found, context = self.probabilities(item)
        choice, sure = decide(post[None, :], found[None, :], self.threshold)
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
        best, sure = decide(post[None, :], found[None, :], self.threshold)
        return None if sure[0] else self.columns[int(best[0])].key

    def decisions(self) -> tuple[NDArray[np.int64], Mask]:
        """For every known sentence at once: its best column, and whether it is placed there
        (False: the fallback theme)."""
        if not self.columns:
            n = len(self.rows)
            return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
        return decide(self.posterior, self.evidence, self.threshold)

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


def seed_evidence(
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


def excluded_from(terms: Sequence[Sequence[str]], columns: Sequence[Theme]) -> Mask:
    """Which sentences each theme's excluding words keep out of it."""
    blocked = np.zeros((len(terms), len(columns)), dtype=bool)
    for c, theme in enumerate(columns):
        if theme.exclude:
            blocked[:, c] = [excluded(ts, theme) for ts in terms]
    return blocked


def has_evidence(
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


def decide(post: Matrix, found: Mask, threshold: float) -> tuple[NDArray[np.int64], Mask]:
    """The most probable theme among those with evidence (the most probable one when none
    has), and whether it has evidence and reaches the threshold."""
    anyfound = found.any(axis=1, keepdims=True)
    best = np.argmax(np.where(found | ~anyfound, post, -1.0), axis=1)
    rows = np.arange(len(best))
    return best, found[rows, best] & (post[rows, best] >= threshold)


def softmax(logits: Matrix) -> Matrix:
    if logits.shape[1] == 0:
        return logits
    top = logits.max(axis=1, keepdims=True)
    top[~np.isfinite(top)] = 0.0
    e = np.exp(logits - top)
    return np.asarray(e / np.maximum(e.sum(axis=1, keepdims=True), 1e-300))
