"""Word-level text helpers shared by ranking, redundancy and themes.

One tokenizer and one stemmer for the whole pipeline, so that "the same words" means the same
thing when ranking, when merging copies and when assigning themes. Nothing here downloads data:
the stemmer is NLTK's Snowball (pure code) and the stop words are the list sumy ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer
from sumy.utils import get_stop_words

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_STEMMER = SnowballStemmer("english")

# sumy's English list, plus reporting verbs: "said" carries no content in news.
STOP_WORDS: frozenset[str] = frozenset(get_stop_words("english")) | frozenset(
    {"said", "says", "say", "saying", "told", "tell", "also", "would", "could", "mr", "ms", "mrs"}
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of one lower-cased word, cached: news vocabulary repeats heavily."""
    return str(_STEMMER.stem(word))


def content_terms(text: str) -> list[str]:
    """Stemmed words that are not stop words, in order, repeats kept."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and len(w) > 1]


def bigrams(terms: Iterable[str]) -> list[tuple[str, str]]:
    """Adjacent pairs of terms."""
    seq = list(terms)
    return list(zip(seq, seq[1:]))


def word_count(text: str) -> int:
    """Words as a reader counts them (white-space separated)."""
    return len(text.split())
