"""Candidate pairs for merging: every pair that states the same thing, without all pairs."""

from __future__ import annotations

from itertools import combinations
from random import Random

import numpy as np

from summarizer.merging.candidates import _Folded, _term_matrix, neighbours_of
from summarizer.text.statements import same_words


def test_neighbour_search_finds_what_comparing_every_pair_finds() -> None:
    """The candidate search (rare shared terms) misses no pair on a day of ordinary size:
    every pair that states the same thing is found from at least one side."""
    rng = Random(7)
    vocab = [f"w{i}" for i in range(60)]
    sigs = [frozenset(rng.sample(vocab, rng.randint(3, 9))) for _ in range(150)]
    sigs += [frozenset(sorted(s)[:-1]) | {"x"} for s in sigs[:40]]  # near copies
    assert _found_as_every_pair_would(list(dict.fromkeys(sigs))) >= 40


def _found_as_every_pair_would(sigs: list[frozenset[str]]) -> int:
    """Asserts that the search finds every pair comparing all pairs finds; how many."""
    found = neighbours_of(sigs)
    expected = {
        (i, j) for i, j in combinations(range(len(sigs)), 2) if same_words(sigs[i], sigs[j])
    }
    got = {(min(i, j), max(i, j)) for i, near in enumerate(found) for j in near}
    assert got == expected
    return len(expected)


def test_terms_are_numbered_by_the_first_signature_with_them_then_alphabetically() -> None:
    """The rarest terms' ties break by this numbering: it must not follow the order a
    frozenset happens to give (which changes with the process's hash seed)."""
    sigs = [frozenset({"storm", "bridge", "closed"}), frozenset({"ferry", "storm", "ash"})]
    x = _term_matrix(sigs)
    numbered = ["bridge", "closed", "storm", "ash", "ferry"]
    for row, sig in enumerate(sigs):
        found = x.indices[x.indptr[row] : x.indptr[row + 1]]
        assert sorted(numbered[c] for c in found) == sorted(sig)


def test_no_signatures_and_no_shared_words_find_nothing() -> None:
    assert neighbours_of([]) == []
    assert neighbours_of([frozenset({"storm"}), frozenset({"ferry"})]) == [[], []]


def _wide_day() -> list[frozenset[str]]:
    """Signatures over more terms than the rough count's bits, some long enough that two of
    their own terms share a bit, with near copies: every branch of the rough count."""
    rng = Random(11)
    vocab = [f"t{i}" for i in range(3000)]
    sigs = [frozenset(rng.sample(vocab, rng.randint(3, 60))) for _ in range(300)]
    sigs += [frozenset(sorted(s)[1:]) | {"copy"} for s in sigs[:80]]
    return list(dict.fromkeys(sigs))


def test_the_rough_count_of_shared_terms_is_never_too_low() -> None:
    """Pairs are sifted by a count folded into bits: it may say more than they share, never
    less, or a pair that states the same thing would be dropped unseen."""
    sigs = _wide_day()
    x = _term_matrix(sigs)
    pairs = np.array(list(combinations(range(len(sigs)), 2)), dtype=np.int64)
    a, b = pairs[:, 0], pairs[:, 1]
    bound = _Folded(x).shared_at_most(a, b)
    exact = np.array([len(sigs[i] & sigs[j]) for i, j in zip(a, b, strict=True)])
    assert (bound >= exact).all()
    assert (bound > exact).any()  # folded terms: the count is rough here and there


def test_neighbour_search_over_many_terms_finds_what_comparing_every_pair_finds() -> None:
    assert _found_as_every_pair_would(_wide_day()) >= 80
