"""Word-level text helpers shared by ranking, redundancy and themes.

One tokenizer and one stemmer for the whole pipeline, so that "the same words" means the same
thing when ranking, when merging copies and when assigning themes. Nothing here downloads data:
the stemmer is NLTK's Snowball (pure code) and the stop words are the list sumy ships.
"""

from __future__ import annotations

import pkgutil
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from itertools import chain, count, pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from summarizer.runtime.memo import Memo
from summarizer.runtime.workers import SharedCache
from summarizer.text.scipy_lean import sparse

if TYPE_CHECKING:
    from summarizer.text.nltk_lean import SnowballStemmer

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Every byte but an ASCII letter or digit made a space (a table for ``bytes.translate``).
_NOT_ALNUM = bytes(c if c < 128 and chr(c).isalnum() else ord(" ") for c in range(256))


def _sumy_stop_words(language: str) -> frozenset[str]:
    """sumy's stop-word list, read from the file sumy ships the way ``sumy.utils.get_stop_words``
    reads it: importing ``sumy.utils`` would load requests and pycountry (its URL fetching and
    language names), a tenth of a second at every start for a word list."""
    data = pkgutil.get_data("sumy", f"data/stopwords/{language}.txt")
    if data is None:  # pragma: no cover - sumy always ships its lists
        raise LookupError(f"sumy has no stop words for {language}")
    return frozenset(w.rstrip() for w in data.decode("utf-8").splitlines() if w)


# sumy's English list, plus reporting verbs: "said" carries no content in news.
STOP_WORDS: frozenset[str] = _sumy_stop_words("english") | frozenset(
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


# Shared with worker processes (``workers.py``): the day's vocabulary is stemmed once, and
# each sentence's words and terms are read once.
_STEMS: SharedCache[str, str] = SharedCache("stems", limit=300_000)
# A sentence's words are asked for again in the process that split it (for its terms, its
# statement, its news value), not later: a worker keeps them to itself. Handed back, they were
# 290 MB of a 10,000-article day's parent, whose ranking reads them once (``numbered_words``).
_WORDS: SharedCache[str, tuple[str, ...]] = SharedCache(
    "words", 100_000, per_item=True, hand_back=False
)
_TERMS: SharedCache[str, tuple[str, ...]] = SharedCache("terms", 100_000, per_item=True)


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits; inner apostrophes kept)."""
    return list(word_tuple(text))


def word_tuple(text: str) -> tuple[str, ...]:
    """``words`` as the cached tuple itself, for a caller that only reads it (no copy).
    Cached, and shared with worker processes: concepts, terms and negation each read the
    same sentences' words, and the worker that split a sentence has read them already."""
    return _WORDS.get(text, _read_words)


def word_tokens(text: str) -> list[str]:
    """The word tokens of ``text`` as written (``_WORD``: letters and digits, inner
    apostrophes kept). In ASCII text without an apostrophe they are the runs of letters and
    digits, split at C speed in three quarters of the pattern's time; the other characters
    are made spaces in the text's bytes, a table lookup a byte where ``str.translate`` looks
    each character up in a dict (a sixth less in all)."""
    if text.isascii() and "'" not in text:
        return text.encode("ascii").translate(_NOT_ALNUM).decode("ascii").split()
    return _WORD.findall(text)


def _read_words(text: str) -> tuple[str, ...]:
    # ``_PERCENT`` needs "%" or "per" (in lower case no other letter matches them under re.I):
    # most texts hold neither and skip its search.
    text = text.lower()
    if "%" in text or "per" in text:
        text = _PERCENT.sub(" percent ", text)
    # Curly apostrophes made straight before the split, not in each word: the pattern takes
    # either inside a word and none outside one, so the words are the same.
    return tuple(word_tokens(text.replace("’", "'")))


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """One form for spelling variants and small numbers, so copies that reword a sentence
    ("five percent" for "5%", "defence" for "defense") still share its terms. Cached: every
    stage normalises the same words."""
    if word in _NUMBERS:
        return _NUMBERS[word]
    return _BRITISH.sub(lambda m: _AMERICAN[m.group(0)], word)


def stem(word: str) -> str:
    """Snowball stem of one lower-cased word, cached: news vocabulary repeats heavily."""
    return _STEMS.get(word, _snowball)


def _snowball(word: str) -> str:
    return str(stemmer().stem(word))


@cache
def stemmer() -> SnowballStemmer:
    """NLTK's English Snowball stemmer, made at its first use: nltk loads then, not when the
    package is imported (a process about to split asks for it early,
    ``sentences.prepare_split``)."""
    from summarizer.text.nltk_lean import SnowballStemmer

    return SnowballStemmer("english")


def content_terms(text: str) -> list[str]:
    """Stemmed words that are not stop words, in order, repeats kept."""
    return list(term_tuple(text))


def term_tuple(text: str) -> tuple[str, ...]:
    """``content_terms`` as the cached tuple itself, for a caller that only reads it. Cached
    and shared (as ``word_tuple``): ranking, merging and selection all ask for the same
    sentences' terms."""
    return _TERMS.get(text, _find_terms)


def _find_terms(text: str) -> tuple[str, ...]:
    return tuple(filter(None, map(_term, word_tuple(text))))  # _term gives None or a non-empty stem


def passing_terms(text: str) -> list[str]:
    """``content_terms`` of a text no other stage asks about (an article's paragraph), kept in
    no cache: a day of 10,000 articles filled the sentences' caches with 300 MB of them."""
    return list(filter(None, map(_term, _read_words(text))))


def _first_term(word: str) -> str | None:
    if word.isascii() and word.isalnum():
        # One run of ASCII letters and digits reads as one word, itself lowercased (most
        # words): no pattern to run.
        return _term(word.lower()) or None
    return next(filter(None, map(_term, _read_words(word))), None)


def _content_term(word: str) -> str | None:
    """A word's content term; None for a stop word or a single letter."""
    form = normalise(word)
    if form.isdigit() or (len(form) > 1 and word not in STOP_WORDS):
        return stem(form)
    return None


# Each asked of every word of every sentence, kept per word (``memo.py``: ``map`` over a
# sentence's words looks them up at C speed).
_TERM_OF: Memo[str, str | None] = Memo(_content_term, 200_000)
_term = _TERM_OF.__getitem__
_FIRST_TERM_OF: Memo[str, str | None] = Memo(_first_term, 200_000)
first_term = _FIRST_TERM_OF.__getitem__
"""One word's content term (its first, where it reads as several words), or None: what
``content_terms(word)[:1]`` gives, without filling the sentences' shared caches with single
words that workers would hand back."""


def bigrams(terms: Iterable[str]) -> list[tuple[str, str]]:
    """Adjacent pairs of terms."""
    seq = list(terms)
    return list(pairwise(seq))


def word_count(text: str) -> int:
    """Words as a reader counts them (white-space separated)."""
    return len(text.split())


def numbered(
    token_lists: Sequence[Collection[str]],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], list[str]]:
    """Every token as a number (the distinct tokens numbered as they first appear), each
    list's length, and the distinct tokens by number: one pass at C speed, where a Python
    loop over the day's millions of words took seconds."""
    ids, distinct = _numbered(chain.from_iterable(token_lists))
    sizes = np.fromiter(map(len, token_lists), dtype=np.int64, count=len(token_lists))
    return ids, sizes, distinct


def numbered_words(
    texts: Sequence[str],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], list[str]]:
    """``numbered`` of the texts' ``words``, each text's read as its turn comes and let go:
    the words of a large day's every sentence, held at once, were 290 MB."""
    sizes = np.zeros(len(texts), dtype=np.int64)

    def each() -> Iterator[tuple[str, ...]]:
        for n, text in enumerate(texts):
            found = _read_words(text)
            sizes[n] = len(found)
            yield found

    ids, distinct = _numbered(chain.from_iterable(each()))
    return ids, sizes, distinct


def _numbered(tokens: Iterable[str]) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Each token as a number, the distinct ones numbered as they first appear, and the
    distinct tokens by number."""
    found: defaultdict[str, int] = defaultdict(count().__next__)
    ids = np.fromiter(map(found.__getitem__, tokens), dtype=np.int64)
    return ids, list(found)


def count_matrix(token_lists: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Rows = token lists, columns = distinct tokens (first-seen order), cells = counts."""
    ids, sizes, tokens = numbered(token_lists)
    data = np.ones(len(ids), dtype=np.float64)
    indptr = np.r_[0, np.cumsum(sizes)]
    matrix = sparse.csr_matrix((data, ids, indptr), shape=(len(token_lists), len(tokens)))
    matrix.sum_duplicates()
    return matrix, {token: i for i, token in enumerate(tokens)}
