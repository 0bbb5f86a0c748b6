"""Currency: an older article's expectation never stands beside the news that settled it."""

from __future__ import annotations

import datetime as dt

from summarizer.merging.currency import current
from summarizer.merging.redundancy import merge
from summarizer.models import Article, Item, Sentence

MONDAY = dt.date(2025, 6, 23)
WEDNESDAY = dt.date(2025, 6, 25)
SATURDAY = dt.date(2025, 6, 28)

SCHEDULED = "Senator Ruth Hartwell is scheduled to testify before the ethics committee on Thursday."
TESTIFIED = "Hartwell told the ethics committee on Thursday she had not broken Senate rules."
ELSEWHERE = "The city council approved a new budget for the harbour district and its schools."


def _article(i: int, outlet: str, date: dt.date | None) -> Article:
    return Article(i, f"{i}.txt", outlet, f"Title {i}", date, None, ("x",))


def _items(*sentences: tuple[str, dt.date | None]) -> tuple[list[Item], dict[int, Article]]:
    articles = {i: _article(i, f"Outlet {i}", d) for i, (_, d) in enumerate(sentences)}
    sents = [Sentence(i, 0, text) for i, (text, _) in enumerate(sentences)]
    return merge(sents, [1.0 - 0.1 * i for i in range(len(sents))], articles), articles


def test_an_expectation_past_its_day_is_left_out_beside_the_newer_report() -> None:
    items, articles = _items((SCHEDULED, MONDAY), (TESTIFIED, SATURDAY))
    assert len(items) == 2  # two statements, not one
    assert [it.text for it in current(items, articles)] == [TESTIFIED]


def test_an_expectation_stays_while_its_day_has_not_come() -> None:
    items, articles = _items((SCHEDULED, MONDAY), (TESTIFIED, WEDNESDAY))
    assert {it.text for it in current(items, articles)} == {SCHEDULED, TESTIFIED}


def test_an_expectation_stays_when_no_newer_item_is_about_its_subject() -> None:
    items, articles = _items((SCHEDULED, MONDAY), (ELSEWHERE, SATURDAY))
    assert {it.text for it in current(items, articles)} == {SCHEDULED, ELSEWHERE}


def test_an_expectation_without_a_day_stays_and_is_left_to_be_dated() -> None:
    undated = "Senator Ruth Hartwell is expected to testify before the ethics committee."
    items, articles = _items((undated, MONDAY), (TESTIFIED, SATURDAY))
    assert {it.text for it in current(items, articles)} == {undated, TESTIFIED}


def test_a_merged_item_shows_the_newer_wording_that_settled_the_older_expectation() -> None:
    expected = "The Senate is expected to vote on the Hartwell budget bill Friday."
    passed = "The Senate passed the Hartwell budget bill by 52 votes to 48 on Friday."
    items, articles = _items((expected, MONDAY), (passed, SATURDAY))
    [item] = items
    assert item.text == expected  # merging shows the earliest article's wording
    [settled] = current(items, articles)
    assert settled.text == passed
    assert [ref.name for ref in settled.sources] == ["Outlet 1"]  # Monday's did not say it


RISEN = "The death toll from the earthquake in Marmara has risen to 7,085, with 33,559 injured."
LATEST = "At least 10,059 people have been killed and 45,000 injured in the Marmara earthquake."
REGION = "In the Izmit region, 3,261 people were killed in the earthquake and 11,759 injured."
WAR = "The Marmara war has killed 80,000 people and left 90,000 injured since the earthquake."


def test_a_running_toll_is_left_out_once_a_later_day_counts_more_lives() -> None:
    items, articles = _items((RISEN, WEDNESDAY), (LATEST, SATURDAY))
    assert len(items) == 2  # other words: not merged as rival figures
    assert [it.text for it in current(items, articles)] == [LATEST]


def test_a_toll_stays_beside_a_larger_count_of_the_same_day_another_place_or_another_kind() -> None:
    same_day = _items((RISEN, SATURDAY), (LATEST, SATURDAY))
    assert {it.text for it in current(*same_day)} == {RISEN, LATEST}
    settled = _items((REGION, WEDNESDAY), (LATEST, SATURDAY))  # no running count: a place's
    assert {it.text for it in current(*settled)} == {REGION, LATEST}
    war = _items((RISEN, WEDNESDAY), (WAR, SATURDAY))  # ten times more: another count
    assert {it.text for it in current(*war)} == {RISEN, WAR}
    fewer = _items((LATEST, WEDNESDAY), (RISEN, SATURDAY))
    assert {it.text for it in current(*fewer)} == {RISEN, LATEST}
