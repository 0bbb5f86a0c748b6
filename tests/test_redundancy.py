"""Redundancy: copies and paraphrases become one item crediting every outlet."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Sentence
from summarizer.redundancy import merge, same, signature

ORIGINAL = (
    "Engineers replaced forty steel panels and reinforced two support piers after the floods."
)
REWORDED = "Forty steel panels were replaced by engineers, who also reinforced two support piers after the floods."
OTHER = "Local shops near the bridge reported a sharp drop in customers during the closure."


def _article(i: int, outlet: str, date: dt.date | None = None, named: str | None = None) -> Article:
    return Article(i, f"{i}.txt", outlet, f"Title {i}", date, None, ("x",), named)


def test_paraphrases_are_the_same_statement() -> None:
    assert same(signature(ORIGINAL), signature(REWORDED))
    assert not same(signature(ORIGINAL), signature(OTHER))


def test_copies_merge_into_one_item_crediting_both_outlets() -> None:
    articles = {0: _article(0, "Copy Times"), 1: _article(1, "Wire", dt.date(2024, 3, 14))}
    sents = [Sentence(0, 0, REWORDED), Sentence(0, 1, OTHER), Sentence(1, 0, ORIGINAL)]
    items = merge(sents, [0.9, 0.5, 0.8], articles)
    assert len(items) == 2
    merged = next(it for it in items if len(it.sentences) == 2)
    assert [s.name for s in merged.sources] == ["Wire", "Copy Times"]
    assert merged.text == ORIGINAL  # the dated article's wording
    assert {s.key for s in merged.sentences} == {(0, 0), (1, 0)}


def test_the_article_a_copy_names_as_its_source_gives_the_wording() -> None:
    articles = {0: _article(0, "Copy Times", named="Wire"), 1: _article(1, "Wire")}
    sents = [Sentence(0, 0, REWORDED), Sentence(1, 0, ORIGINAL)]
    [item] = merge(sents, [0.9, 0.1], articles)
    assert item.text == ORIGINAL


def test_identical_sentences_are_both_credited() -> None:
    articles = {0: _article(0, "A"), 1: _article(1, "B"), 2: _article(2, "C")}
    sents = [Sentence(i, 0, ORIGINAL) for i in range(3)]
    [item] = merge(sents, [0.5, 0.5, 0.5], articles)
    assert [s.name for s in item.sources] == ["A", "B", "C"]


def test_support_across_outlets_raises_the_score() -> None:
    articles = {i: _article(i, f"Outlet {i}") for i in range(3)}
    sents = [Sentence(0, 0, ORIGINAL), Sentence(1, 0, REWORDED), Sentence(2, 0, OTHER)]
    items = merge(sents, [0.6, 0.6, 0.8], articles)
    assert items[0].text in (ORIGINAL, REWORDED)
    assert items[0].score > items[1].score


def test_an_ineligible_wording_is_not_chosen_when_another_exists() -> None:
    articles = {0: _article(0, "A", dt.date(2024, 1, 1)), 1: _article(1, "B")}
    sents = [Sentence(0, 0, ORIGINAL, eligible=False), Sentence(1, 0, REWORDED)]
    [item] = merge(sents, [0.5, 0.5], articles)
    assert item.text == REWORDED
    assert item.sentences[0].eligible


def test_neighbour_search_finds_what_comparing_every_pair_finds() -> None:
    """The candidate search (rare shared terms) misses no pair on a day of ordinary size:
    every pair that states the same thing is found from at least one side."""
    from itertools import combinations
    from random import Random

    from summarizer.redundancy import _neighbours

    rng = Random(7)
    vocab = [f"w{i}" for i in range(60)]
    sigs = [frozenset(rng.sample(vocab, rng.randint(3, 9))) for _ in range(150)]
    sigs += [frozenset(sorted(s)[:-1]) | {"x"} for s in sigs[:40]]  # near copies
    unique = list(dict.fromkeys(sigs))
    found = _neighbours(unique)
    expected = {
        (i, j) for i, j in combinations(range(len(unique)), 2) if same(unique[i], unique[j])
    }
    got = {(min(i, j), max(i, j)) for i, near in enumerate(found) for j in near}
    assert got == expected
    assert len(expected) >= 40
