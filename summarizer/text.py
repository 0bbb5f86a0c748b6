"""Word-level text helpers shared by ranking, redundancy and themes.

One tokenizer and one stemmer for the whole pipeline, so that "the same words" means the same
thing when ranking, when merging copies and when assigning themes. Nothing here downloads data:
the stemmer is NLTK's Snowball (pure code) and the stop words are the list sumy ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np
from nltk.stem.snowball import SnowballStemmer
from scipy import sparse
from sumy.utils import get_stop_words

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_STEMMER = SnowballStemmer("english")

# sumy's English list, plus reporting verbs: "said" carries no content in news.
STOP_WORDS: frozenset[str] = frozenset(get_stop_words("english")) | frozenset(
    {"said", "says", "say", "saying", "told", "tell", "also", "would", "could", "mr", "ms", "mrs"}
)


_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
_NUMBERS = {w: str(i) for i, w in enumerate(_NUMBER_WORDS)}
NUMBER_WORDS = frozenset(_NUMBERS)  # the words ``normalise`` turns into digits
_PERCENT = re.compile(r"%|\bper\s+cent\b", re.I)
# British spellings that a stemmer leaves apart from the American ones ("defence").
_BRITISH = re.compile(r"(?<=\w{3})(?:our(?=s?$)|ence(?=s?$)|is(?=e[sd]?$|ing$|ation))")
_AMERICAN = {"our": "or", "ence": "ense", "is": "iz"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    return list(_words(text))


@lru_cache(maxsize=100_000)
def _words(text: str) -> tuple[str, ...]:
    """Cached: concepts, terms and negation each read the same sentences' words."""
    text = _PERCENT.sub(" percent ", text.lower())
    return tuple(w.replace("’", "'") for w in _WORD.findall(text))


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """One form for spelling variants and small numbers, so copies that reword a sentence
    ("five percent" for "5%", "defence" for "defense") still share its terms. Cached: every
    stage normalises the same words."""
    if word in _NUMBERS:
        return _NUMBERS[word]
    return _BRITISH.sub(lambda m: _AMERICAN[m.group(0)], word)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-cased word, cached: news vocabulary repeats heavily."""
    return str(_STEMMER.stem(word))


def content_terms(text: str) -> list[str]:
    """Stemmed words that are not stop words, in order, repeats kept."""
    return list(_content_terms(text))


@lru_cache(maxsize=100_000)
def _content_terms(text: str) -> tuple[str, ...]:
    """Cached: ranking, merging and selection all ask for the same sentences' terms."""
    return tuple(term for term in map(_term, _words(text)) if term is not None)


@lru_cache(maxsize=200_000)
def _term(word: str) -> str | None:
    """A word's content term; None for a stop word or a single letter (cached per word)."""
    form = normalise(word)
    if form.isdigit() or (len(form) > 1 and word not in STOP_WORDS):
        return stem(form)
    return None


def bigrams(terms: Iterable[str]) -> list[tuple[str, str]]:
    """Adjacent pairs of terms."""
    seq = list(terms)
    return list(pairwise(seq))


def word_count(text: str) -> int:
    """Words as a reader counts them (white-space separated)."""
    return len(text.split())


def count_matrix(token_lists: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Rows = token lists, columns = distinct tokens (first-seen order), cells = counts."""
    vocab: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for tokens in token_lists:
        indices.extend(vocab.setdefault(t, len(vocab)) for t in tokens)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    shape = (len(token_lists), len(vocab))
    matrix = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), indptr), shape=shape)
    matrix.sum_duplicates()
    return matrix, vocab
