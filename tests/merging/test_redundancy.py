"""Redundancy: copies and paraphrases become one item crediting every outlet."""

from __future__ import annotations

import datetime as dt

from summarizer.merging.redundancy import merge
from summarizer.models import Article, Sentence
from summarizer.text.statements import disagrees, statement, states

ORIGINAL = (
    "Engineers replaced forty steel panels and reinforced two support piers after the floods."
)
REWORDED = "Forty steel panels were replaced by engineers, who also reinforced two support piers after the floods."
OTHER = "Local shops near the bridge reported a sharp drop in customers during the closure."


def _article(i: int, outlet: str, date: dt.date | None = None, named: str | None = None) -> Article:
    return Article(i, f"{i}.txt", outlet, f"Title {i}", date, None, ("x",), named)


def test_paraphrases_are_the_same_statement() -> None:
    assert states(statement(ORIGINAL), statement(REWORDED))
    assert not states(statement(ORIGINAL), statement(OTHER))


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


def test_every_credit_carries_the_outlets_own_sentence_as_printed() -> None:
    articles = {0: _article(0, "Wire", dt.date(2024, 3, 14)), 1: _article(1, "Copy Times")}
    printed = "However, engineers replaced forty steel panels and reinforced two support piers after the floods."
    sents = [
        Sentence(0, 0, ORIGINAL),
        Sentence(1, 0, ORIGINAL, printed=printed),
        Sentence(1, 1, OTHER),
    ]
    [merged] = [it for it in merge(sents, [0.9, 0.8, 0.1], articles) if len(it.sources) == 2]
    assert [(s.name, s.text) for s in merged.sources] == [
        ("Wire", ORIGINAL),
        ("Copy Times", printed),
    ]


def test_a_sentence_that_only_shares_a_topic_is_never_credited() -> None:
    """AP's remark joined nothing: the quotation is credited to its own outlet only."""
    articles = {0: _article(0, "NYT"), 1: _article(1, "AP")}
    quote = "“Until you sort out jurisdiction, you just don't resolve anything,” Dossett said of the tribal courts."
    remark = "Until you can do that, you just don't resolve anything."
    items = merge([Sentence(0, 0, quote), Sentence(1, 0, remark)], [0.9, 0.8], articles)
    assert [[s.name for s in it.sources] for it in items] == [["NYT"], ["AP"]]


def test_a_member_that_does_not_back_the_wording_shown_leaves_the_item() -> None:
    """The leader (best score) is an undated copy; the dated original's wording is shown,
    and a sentence that matched only the leader is not credited for it."""
    articles = {
        0: _article(0, "Copy"),
        1: _article(1, "Wire", dt.date(2024, 3, 14)),
        2: _article(2, "Third"),
    }
    leader = (
        "Russian missile strikes on Dnipro killed 17 people and injured more than 200 on Tuesday."
    )
    original = "Russian missile strikes killed 17 people in the city of Dnipro on Tuesday."
    partial = "More than 200 people were injured on Tuesday in Dnipro by Russian missile strikes."
    sents = [Sentence(0, 0, leader), Sentence(1, 0, original), Sentence(2, 0, partial)]
    items = merge(sents, [0.9, 0.5, 0.4], articles)
    shown = next(it for it in items if it.text == original)
    assert "Third" not in [s.name for s in shown.sources]
    for item in items:
        for source in item.sources:
            assert states(statement(item.text), statement(source.text or ""))


def test_outlets_giving_another_figure_are_named_not_merged() -> None:
    articles = {
        0: _article(0, "Reuters", dt.date(2025, 6, 24)),
        1: _article(1, "Aljazeera", dt.date(2025, 6, 24)),
        2: _article(2, "AP", dt.date(2025, 6, 24)),
    }
    seventeen = "Russian missile strikes on the city of Dnipro killed 17 people on Tuesday."
    fifteen = "Russian missile strikes on the city of Dnipro killed 15 people on Tuesday."
    sents = [Sentence(0, 0, seventeen), Sentence(1, 0, seventeen), Sentence(2, 0, fifteen)]
    [item] = merge(sents, [0.5, 0.5, 0.9], articles)  # AP's scores best, the majority wins
    assert item.text == seventeen
    assert [s.name for s in item.sources] == ["Reuters", "Aljazeera"]
    assert [(d.name, d.figure, d.text) for d in item.disagreements] == [("AP", "15", fifteen)]


def test_a_newer_report_of_a_count_overtakes_the_older_figure_instead_of_disputing_it() -> None:
    monday, wednesday = dt.date(2025, 6, 23), dt.date(2025, 6, 25)
    articles = {
        0: _article(0, "Reuters", monday),
        1: _article(1, "Aljazeera", monday),
        2: _article(2, "AP", wednesday),
    }
    early = "The earthquake in the mountain province killed at least 50 people, officials said."
    later = "The earthquake in the mountain province killed 231 people, officials said."
    sents = [Sentence(0, 0, early), Sentence(1, 0, early), Sentence(2, 0, later)]
    [item] = merge(sents, [0.9, 0.9, 0.5], articles)  # the older figure has more outlets
    assert item.text == later
    assert [s.name for s in item.sources] == ["AP"]
    assert item.disagreements == ()  # Monday's count was overtaken, not disputed


def test_the_grouping_s_tests_ask_differ_first_and_answer_as_states_and_disagrees() -> None:
    """Two wordings that give other figures never state the same, two that give none never
    disagree: asking ``differ`` first changes no answer."""
    from itertools import product

    from summarizer.merging.redundancy import _disagrees, _states

    texts = [
        "Russian missile strikes on the city of Dnipro killed 17 people on Tuesday.",
        "Russian missile strikes on the city of Dnipro killed 15 people on Tuesday.",
        "Missile strikes on the city of Dnipro killed 17 people, officials said on Tuesday.",
        "Russian missile strikes on the city of Dnipro did not kill anyone on Tuesday.",
        ORIGINAL,
        REWORDED,
    ]
    for a, b in product(map(statement, texts), repeat=2):
        assert _states(a, b) == states(a, b)
        assert _disagrees(a, b) == disagrees(a, b)
    assert any(disagrees(a, b) for a, b in product(map(statement, texts), repeat=2))
