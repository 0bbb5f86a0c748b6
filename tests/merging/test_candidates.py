"""Candidate pairs for merging: every pair that states the same thing, without all pairs."""

from __future__ import annotations

from itertools import combinations
from random import Random

from summarizer.merging.candidates import _term_matrix, neighbours_of
from summarizer.text.statements import same_words


def test_neighbour_search_finds_what_comparing_every_pair_finds() -> None:
    """The candidate search (rare shared terms) misses no pair on a day of ordinary size:
    every pair that states the same thing is found from at least one side."""
    rng = Random(7)
    vocab = [f"w{i}" for i in range(60)]
    sigs = [frozenset(rng.sample(vocab, rng.randint(3, 9))) for _ in range(150)]
    sigs += [frozenset(sorted(s)[:-1]) | {"x"} for s in sigs[:40]]  # near copies
    unique = list(dict.fromkeys(sigs))
    found = neighbours_of(unique)
    expected = {
        (i, j) for i, j in combinations(range(len(unique)), 2) if same_words(unique[i], unique[j])
    }
    got = {(min(i, j), max(i, j)) for i, near in enumerate(found) for j in near}
    assert got == expected
    assert len(expected) >= 40


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
