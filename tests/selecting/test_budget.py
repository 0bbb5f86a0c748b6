"""Budgeted selection: the exact best concept coverage in N words, nothing said twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from itertools import combinations

import numpy as np

from summarizer.merging.redundancy import merge
from summarizer.models import Article, Item, Sentence
from summarizer.ranking.rankers import ConceptRanker
from summarizer.selecting import budget
from summarizer.text.statements import repeats, statement
from summarizer.text.value import PLAIN, news_value

DAY = dt.date(2024, 5, 2)
# Four outlets on one storm. Several facts recur across outlets in different words, so the
# best 40 words are a trade between long sentences that say much and short ones that say one
# shared thing: exactly what score order alone gets wrong.
STORY = (
    (
        "A powerful storm cut power to forty thousand homes across the coastal region on Monday.",
        "Fallen trees blocked the main coastal highway near the harbour town.",
        "The regional utility said crews would restore power to most homes by Wednesday.",
    ),
    (
        "The storm cut power to forty thousand homes and blocked the main coastal highway.",
        "Schools in the harbour town will stay closed until power is restored.",
        "The regional utility sent two hundred crews to restore power.",
    ),
    (
        "Forty thousand homes lost power when the storm hit the coastal region.",
        "The harbour town opened a shelter in the sports hall for families without heating.",
        "Farmers reported flooded fields along the river after the storm.",
    ),
    (
        "Power cuts hit forty thousand homes in the coastal region after the storm.",
        "Crews worked through the night to clear fallen trees from the coastal highway.",
        "The utility expects to restore power to most homes by Wednesday evening.",
    ),
)


def corpus(
    story: tuple[tuple[str, ...], ...] = STORY, dated: tuple[bool, ...] = (True,) * 4
) -> tuple[list[Sentence], dict[int, Article]]:
    sentences = [
        Sentence(a, i, text) for a, texts in enumerate(story) for i, text in enumerate(texts)
    ]
    articles = {
        a: Article(
            a, f"{a}.txt", f"Outlet {a}", f"Title {a}", DAY if dated[a] else None, None, ("x",)
        )
        for a in range(len(story))
    }
    return sentences, articles


def ranked(
    sentences: list[Sentence], articles: dict[int, Article]
) -> tuple[list[Item], budget.ConceptModel]:
    ranker = ConceptRanker()
    items = merge(sentences, ranker.score(sentences), articles)
    return items, ranker.concept_model(sentences)


def covered(found: budget._Candidates, chosen: tuple[int, ...]) -> float:
    hit = np.asarray(found.matrix[list(chosen)].sum(axis=0)).ravel() > 0
    return float(found.weights[hit].sum())


def test_the_solution_is_the_exact_optimum() -> None:
    sentences, articles = corpus()
    items, model = ranked(sentences, articles)
    found = budget._candidates(items, model, articles)
    assert found is not None and 6 <= len(found.sentences) <= 14
    pairs = set(budget._conflicts(found))
    chosen = tuple(budget._solve(found, sorted(pairs), 40))
    assert found.lengths[list(chosen)].sum() <= 40
    best = 0.0
    for size in range(1, len(found.sentences) + 1):
        for subset in combinations(range(len(found.sentences)), size):
            fits = found.lengths[list(subset)].sum() <= 40
            if fits and not any(p in pairs for p in combinations(subset, 2)):
                best = max(best, covered(found, subset))
    assert best > 0
    assert abs(covered(found, chosen) - best) < 1e-9


def test_conflicts_are_the_briefs_repeat_test_and_one_wording_per_item() -> None:
    sentences, articles = corpus()
    items, model = ranked(sentences, articles)
    found = budget._candidates(items, model, articles)
    assert found is not None
    pairs = set(budget._conflicts(found))
    for a, b in combinations(range(len(found.sentences)), 2):
        one_item = found.items[a] == found.items[b]
        repeat = repeats(statement(found.sentences[a].text), statement(found.sentences[b].text))
        assert ((a, b) in pairs) == (one_item or repeat)


def test_summary_runs_to_the_budget_and_never_says_a_thing_twice() -> None:
    sentences, articles = corpus()
    items, model = ranked(sentences, articles)
    chosen = budget.select_budget(items, model, 40, articles)
    lengths = [len(item.text.split()) for item in chosen]
    assert sum(lengths[:-1]) < 40 <= sum(lengths)
    said = [statement(item.text) for item in chosen]
    assert not any(repeats(a, b) for a, b in combinations(said, 2))
    for item in chosen:  # every outlet of the statement is still credited
        assert item.sentences[0].text == item.text
        assert {s.key for s in item.sentences} == {
            s.key for it in items if it.sentences[0] in item.sentences for s in it.sentences
        }
    assert chosen == budget.select_budget(items, model, 40, articles)  # deterministic


def test_an_undated_copys_wording_is_never_shown_when_a_dated_one_exists() -> None:
    original = "A powerful storm cut power to forty thousand homes across the coastal region."
    copy = (
        "A powerful storm cut power to forty thousand homes in the coastal region, and fallen "
        "trees blocked the main coastal highway."
    )
    story = ((original, *STORY[0][1:]), (copy, *STORY[1][1:]), STORY[2], STORY[3])
    shown = {}
    for copy_dated in (True, False):
        sentences, articles = corpus(story, dated=(True, copy_dated, True, True))
        items, model = ranked(sentences, articles)
        shown[copy_dated] = [it.text for it in budget.select_budget(items, model, 60, articles)]
    assert copy in shown[True]  # as original as the other wording, and it says more
    assert copy not in shown[False] and original in shown[False]


def test_nothing_to_cover_gives_no_budgeted_summary() -> None:
    sentences, articles = corpus((("Short.",), ("Tiny.",)), dated=(True, True))
    items, model = ranked(sentences, articles)
    assert budget.select_budget(items, model, 40, articles) == []


def test_a_briefs_sections_take_only_lines_that_report_an_event() -> None:
    sentences, articles = corpus()
    items, model = ranked(sentences, articles)
    summary = budget.select_budget(items, model, 200, articles, fill=False)
    sections = budget.select_budget(items, model, 200, articles, fill=False, worth=budget.SECTIONS)
    plain = [it.text for it in summary if news_value(it.text) <= PLAIN]
    assert plain  # the summary has lines with no time, figure or outcome in them…
    assert sections and all(news_value(it.text) > PLAIN for it in sections)  # …the sections none
    assert not set(plain) & {it.text for it in sections}


def test_a_briefs_lead_counts_a_quotation_as_less_news_than_a_report() -> None:
    quoted = "“The harbour town has never seen a storm like this one,” the mayor said."
    story = ((*STORY[0], quoted), STORY[1], (*STORY[2], quoted), STORY[3])
    sentences, articles = corpus(story)
    items, model = ranked(sentences, articles)
    found = {
        worth: budget._candidates(items, model, articles, worth=worth)
        for worth in (budget.SUMMARY, budget.THEMED_LEAD, budget.LEAD)
    }
    costs = {}
    for worth in (budget.SUMMARY, budget.THEMED_LEAD):
        cands = found[worth]
        assert cands is not None
        at = [s.text for s in cands.sentences].index(quoted)
        costs[worth] = float(cands.costs[at])
    assert costs[budget.THEMED_LEAD] > costs[budget.SUMMARY]
    # a learned brief's lead takes no line without a mark of an event after its main fact
    lead = found[budget.LEAD]
    assert lead is not None and quoted not in {s.text for s in lead.sentences}
    assert all(news_value(s.text) > PLAIN for s in lead.sentences)
    # a story's section may: its items must agree with its headline, wherever the news is
    story = budget._candidates(items, model, articles, worth=budget.STORY)
    assert story is not None and quoted in {s.text for s in story.sentences}


def test_a_briefs_line_the_ranking_puts_far_below_the_days_best_is_no_candidate() -> None:
    sentences, articles = corpus()
    items, model = ranked(sentences, articles)
    low = replace(items[-1], score=0.05)
    items = [*items[:-1], low]
    texts = {
        worth: {s.text for s in found.sentences}
        for worth in (budget.SUMMARY, budget.LEAD)
        if (found := budget._candidates(items, model, articles, worth=worth)) is not None
    }
    assert low.text in texts[budget.SUMMARY]
    assert low.text not in texts[budget.LEAD]
