"""Corrections: a figure a report withdrew is never printed as the day's."""

from __future__ import annotations

import datetime as dt

from summarizer.merging.currency import current
from summarizer.merging.redundancy import merge
from summarizer.models import Article, Item, Sentence

TUESDAY = dt.date(1999, 8, 24)
WEDNESDAY = dt.date(1999, 8, 25)

WRONG = (
    "The death toll in the earthquake in western Turkey reached 17,997 on Tuesday, officials said."
)
REVISED = (
    "On Tuesday the death toll rose to 17,997, but the government revised that figure down to "
    "12,514."
)
ERRONEOUS = (
    "An official said a data error resulted in the erroneous report that nearly 18,000 died."
)
UNRELATED = "The city of Izmit has 17,997 registered cars, its traffic office said on Tuesday."


def _items(*sentences: tuple[str, dt.date]) -> tuple[list[Item], dict[int, Article]]:
    articles = {
        i: Article(i, f"{i}.txt", f"Outlet {i}", f"Title {i}", d, None, ("x",))
        for i, (_, d) in enumerate(sentences)
    }
    sents = [Sentence(i, 0, text) for i, (text, _) in enumerate(sentences)]
    return merge(sents, [1.0 - 0.1 * i for i in range(len(sents))], articles), articles


def test_a_figure_revised_the_same_day_is_left_out_the_revision_stays() -> None:
    items, articles = _items((WRONG, WEDNESDAY), (REVISED, WEDNESDAY))
    assert [it.text for it in current(items, articles)] == [REVISED]


def test_a_figure_called_erroneous_is_left_out_though_nearly_the_same() -> None:
    items, articles = _items((WRONG, TUESDAY), (ERRONEOUS, WEDNESDAY))
    assert [it.text for it in current(items, articles)] == [ERRONEOUS]


def test_a_later_report_of_the_figure_and_another_count_of_it_stay() -> None:
    items, articles = _items((WRONG, WEDNESDAY), (REVISED, TUESDAY))
    assert {it.text for it in current(items, articles)} == {WRONG, REVISED}
    items, articles = _items((UNRELATED, TUESDAY), (REVISED, WEDNESDAY))
    assert {it.text for it in current(items, articles)} == {UNRELATED, REVISED}
