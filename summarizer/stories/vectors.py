"""What tells an article's story apart, as a sparse vector: its rarer content terms.

Two articles are about the same story when they share the words that few of the day's other
articles use: the names, places, figures and subject words of that story. Each article is
its headline (counted twice: it names the story) and its paragraphs (not a press contact's:
``CONTACT``), as the stemmed content terms the rest of the pipeline uses (``text.words``),
weighed by TF-IDF over the day (1 + log tf, log N/df); a term only one article has links
nothing and is dropped. Only an article's ``TOP_TERMS`` heaviest terms are kept: they carry
its story, and they keep the comparison of all articles near-linear, since the common terms
that would pair every article with every other are the ones left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from summarizer.models import Article
from summarizer.stories.headlines import WIRE_NOTE
from summarizer.text.names import BODIES, CALENDAR
from summarizer.text.scipy_lean import sparse
from summarizer.text.words import content_terms, count_matrix, first_term, passing_terms

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

TOP_TERMS = 150  # terms kept per article (tuned on DUC 2006; benchmarks/stories_eval.py)
TITLE_WEIGHT = 2  # a headline's terms count this many times
# An article of fewer terms (``article_terms``, its headline's twice) is a short item: 99 % of
# AG News items have under 47, 20 of the 1,226 DUC 2006 articles under this.
SHORT_ITEM = 60


@cache
def calendar_terms() -> frozenset[str]:
    """Words any story has: the calendar's ("Monday", "year"), which on a day of short items
    made unrelated ones alike (a 30-word item has few other words to tell it apart). Stemmed
    at first use, not at import (nltk loads then)."""
    return frozenset(
        content_terms(
            " ".join(sorted(CALENDAR))
            + " today yesterday tomorrow day days week weeks month months year years time times"
        )
    )


# A paragraph with a phone number or an e-mail address ("artd(at)coxnews.com" too) is a press
# contact or a wire's note on buying the story ("…by calling (888) 603-1036"): its names and
# numbers are the same in unrelated articles, and would tie them. Each form starts with a
# digit, "(" or "@", which the regex engine scans for fast (a form that starts with a word
# character or a lookbehind made it search every position: twice the detection time).
CONTACT = re.compile(
    r"\d\d\d[-.]\d\d\d[-.]\d{4}\b|\(\d\d\d\)\s?\d\d\d[-.]\d{4}\b"  # 404-526-5456, (888) 603-1036
    r"|@(?<=[\w.+-]@)[\w-]+\.[A-Za-z]{2,}|\((?:at|AT)\)[\w-]+\.[A-Za-z]{2,}"  # a@b.com, a(at)b.com
)
CONTACT_WORDS = 100  # a longer paragraph is the article's text run together, contact and all

# A capitalised word inside a sentence: a name or a part of one ("Darfur", the "Union" of
# "African Union"); not a sentence's first word (after ". ", ": ", a dash), a headline's word
# (headlines capitalise every word) nor a wire's tag in brackets ("BAGHDAD (Reuters) -").
NAME_WORD = re.compile(r"(?<=[^\s.!?:\-–—] )[A-Z][^\W_]*(?:['’][^\W_]+)*")
BRACKETED = re.compile(r"\([^()]*\)")
# A word that ends a body's name ("Union", "Bank", "Corp."): unrelated bodies share it (the
# African and the European Union), so alone it is no name.
BODY_WORDS = BODIES | {"Union", "Corp", "Inc", "Co", "Ltd", "Plc", "Department", "Organization"}


def article_terms(article: Article) -> list[str]:
    """The article's content terms, repeats kept, its headline's ``TITLE_WEIGHT`` times
    (without a wire's tag: "(AP)"); not a contact's paragraph (``CONTACT``), a lone digit
    ("five", the 5 of "4.5"), nor a calendar word, which any story may have."""
    calendar = calendar_terms()
    terms = passing_terms(WIRE_NOTE.sub("", article.title)) * TITLE_WEIGHT
    for paragraph in story_paragraphs(article):
        terms.extend(passing_terms(paragraph))
    return [t for t in terms if not (len(t) == 1 and t.isdigit()) and t not in calendar]


def story_paragraphs(article: Article) -> list[str]:
    """The article's paragraphs but a contact's (``CONTACT``)."""
    return [
        p for p in article.paragraphs if not CONTACT.search(p) or len(p.split()) > CONTACT_WORDS
    ]


def article_names(article: Article) -> set[str]:
    """The terms of the names in the article's paragraphs (``NAME_WORD``)."""
    return set(filter(None, map(first_term, name_words(story_paragraphs(article)))))


def name_words(paragraphs: Iterable[str]) -> set[str]:
    """The words of the names in ``paragraphs`` (``NAME_WORD``), as written: "Haiti",
    "Haiti's"."""
    found: set[str] = set()
    for paragraph in paragraphs:
        words = NAME_WORD.findall(" ".join(BRACKETED.sub(" ", paragraph).split()))
        found.update(w for w in words if w not in BODY_WORDS)
    return found


class ShortItems(NamedTuple):
    """Which of the day's articles are short items (fewer than ``SHORT_ITEM`` terms), and
    the terms (``term_counts``' columns) each writes as a name (``article_names``)."""

    short: npt.NDArray[np.bool_]
    names: sparse.csr_matrix


def short_items(
    articles: Sequence[Article], counts: sparse.csr_matrix, vocab: Sequence[str]
) -> ShortItems:
    """The day's short items and their names (a longer article's row is left empty)."""
    short = np.asarray(counts.sum(axis=1)).ravel() < SHORT_ITEM
    column = {term: n for n, term in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    for row in np.flatnonzero(short).tolist():
        found = sorted(column[t] for t in article_names(articles[row]) if t in column)
        rows.extend([row] * len(found))
        cols.extend(found)
    names = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=counts.shape)
    return ShortItems(short, names)


def term_counts(articles: Sequence[Article]) -> tuple[sparse.csr_matrix, list[str]]:
    """Rows = articles, columns = the day's terms (``article_terms``), cells = counts."""
    counts, vocab = count_matrix([article_terms(a) for a in articles])
    return sparse.csr_matrix(counts), list(vocab)


def story_vectors(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """One row per article: unit length, its ``TOP_TERMS`` heaviest terms by TF-IDF."""
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log(max(counts.shape[0], 1) / np.maximum(df, 1.0))
    weighed = plain_counts(counts)
    weighed.data *= idf[counts.indices]
    weighed.data[df[counts.indices] < 2] = 0.0
    weighed.eliminate_zeros()
    return unit_rows(top_per_row(weighed, TOP_TERMS))


def plain_vectors(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """One row per article: every term by 1 + log tf, no IDF, unit length. What a story's
    articles all share (its subject's words, which IDF weighs to nothing on a day of that
    story alone) counts here."""
    return unit_rows(plain_counts(counts))


def plain_counts(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """1 + log tf for every count."""
    weighed = sparse.csr_matrix(counts, dtype=np.float64, copy=True)
    weighed.data = 1.0 + np.log(weighed.data)
    return weighed


def entry_rows(matrix: sparse.csr_matrix) -> npt.NDArray[np.int64]:
    """The row of each of a CSR matrix's stored entries, in their order."""
    return np.repeat(np.arange(matrix.shape[0], dtype=np.int64), np.diff(matrix.indptr))


def top_per_row(matrix: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Each row's ``keep`` largest entries (ties: the lower column), the rest dropped."""
    matrix = sparse.csr_matrix(matrix)
    matrix.sort_indices()
    rows = entry_rows(matrix)
    order = np.lexsort((matrix.indices, -matrix.data, rows))
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    chosen = np.sort(order[rank < keep])
    kept = sparse.csr_matrix(
        (matrix.data[chosen], (rows[chosen], matrix.indices[chosen])), shape=matrix.shape
    )
    return kept


def presence(matrix: sparse.csr_matrix, dtype: npt.DTypeLike = np.float64) -> sparse.csr_matrix:
    """A copy with every stored entry 1: which terms a row has, not how much (as float32
    where only counts are wanted: exact up to 16 million, and a product a third faster)."""
    present = sparse.csr_matrix(matrix, dtype=dtype, copy=True)
    present.data[:] = 1.0
    return present


def with_shared_terms(
    rows: sparse.csr_matrix, across: sparse.csr_matrix, present: sparse.csr_matrix
) -> tuple[sparse.csr_matrix, npt.NDArray[np.float32]]:
    """``rows @ across`` (``across``: the day's vectors transposed, in CSR form once for
    every block of rows), and for each of its entries how many terms the two rows share
    (``present``: ``presence(across, np.float32)``). Both products are non-zero exactly
    where two rows share a term (every weight is positive) and are worked out alike from the
    same structure, so their entries pair up as they come: sorting the two took half of
    story detection's time on 10,000 full-length articles, whose every row meets most."""
    product = sparse.csr_matrix(rows @ across)
    counts = sparse.csr_matrix(presence(rows, np.float32) @ present)
    paired = np.array_equal(product.indptr, counts.indptr) and np.array_equal(
        product.indices, counts.indices
    )
    if not paired:  # never seen; sorted, they pair all the same
        product.sort_indices()
        counts.sort_indices()
    return product, np.asarray(counts.data, dtype=np.float32)


def kept_entries(matrix: sparse.csr_matrix, keep: npt.NDArray[np.bool_]) -> sparse.csr_matrix:
    """``matrix`` with only the stored entries ``keep`` says, its indices sorted: a day's
    products are filtered down to a few hundred entries a row before any sort."""
    where = np.flatnonzero(keep)
    ends = np.searchsorted(where, matrix.indptr)
    kept = sparse.csr_matrix((matrix.data[where], matrix.indices[where], ends), shape=matrix.shape)
    kept.sort_indices()
    return kept


def dots_at(
    left: sparse.csr_matrix,
    right: sparse.csr_matrix,
    pairs: tuple[IntArray, IntArray],
    at_once: int,
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """For each pair ``(i, j)``, ``left[i]``'s dot product with ``right[j]`` and whether they
    share a term: the figures of ``left @ right.T`` to the last bit (a sparse product adds
    a row's terms one by one in the order it stores them; so does this), for the pairs
    asked, not every pair that shares a term. Every weight is positive, ``right`` has no
    duplicate entries (a product's). ``at_once`` pairs at a time, to bound the memory."""
    row, col = pairs
    dots = np.zeros(len(row))
    meet = np.zeros(len(row), dtype=np.bool_)
    if left.nnz == 0:
        return dots, meet
    order = np.lexsort((row, col))  # by ``right``'s row: each one's terms are spread once
    for start in range(0, len(order), at_once):
        part = order[start : start + at_once]
        dots[part], meet[part] = _dots(left, right, (row[part], col[part]))
    return dots, meet


def _dots(
    left: sparse.csr_matrix, right: sparse.csr_matrix, pairs: tuple[IntArray, IntArray]
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """``dots_at`` for pairs in order of ``right``'s row: each of those rows spread out in
    full and read at the terms of ``left``'s rows, which is far faster than a search for
    each term (on 10,000 full-length articles)."""
    row, col = pairs
    spread = np.zeros(right.shape[1])
    lengths = np.diff(left.indptr)[row]
    at = np.arange(int(lengths.max(initial=0)), dtype=np.int64)[None, :]
    valid = at < lengths[:, None]
    entry = np.where(valid, left.indptr[row][:, None] + at, 0)  # pair by position
    terms = left.indices[entry]
    found = np.zeros(entry.shape)
    starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]]).tolist()
    for start, stop in zip(starts, [*starts[1:], len(col)], strict=True):
        other = slice(right.indptr[col[start]], right.indptr[col[start] + 1])
        spread[right.indices[other]] = right.data[other]
        found[start:stop] = spread[terms[start:stop]]
        spread[right.indices[other]] = 0.0
    hit = valid & (found > 0)
    products = np.where(hit, left.data[entry] * found, 0.0)
    total = np.zeros(len(row))
    for position in range(products.shape[1]):
        total += products[:, position]  # a term the other row lacks adds 0: no change
    return total, hit.any(axis=1)


def values_at(pattern: sparse.csr_matrix, matrix: sparse.csr_matrix) -> FloatArray:
    """``matrix``'s values at ``pattern``'s stored entries, in their sorted order (0 where
    ``matrix`` has none); every entry ``matrix`` stores is one of ``pattern``'s."""
    ones = sparse.csr_matrix(
        (np.ones(pattern.nnz), pattern.indices, pattern.indptr), shape=pattern.shape
    )
    both = sparse.csr_matrix(ones + sparse.csr_matrix(matrix))
    both.sort_indices()
    return np.asarray(both.data - 1.0, dtype=np.float64)


def unit_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (an empty row stays empty)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1), dtype=np.float64).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return sparse.csr_matrix(sparse.diags(scale) @ matrix)
