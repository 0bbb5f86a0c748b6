"""Dates: every form normalised to UTC, and the --since/--until window stage."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.models import Article
from summarizer.reading.dates import Stamp, Window, normalise, placeholder, select_window

UTC = dt.UTC
NOW = dt.datetime(2025, 6, 25, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-24T21:40:00-04:00", Stamp(dt.date(2025, 6, 25), at(25, 1, 40))),
        ("2025-06-24T21:40:00-0400", Stamp(dt.date(2025, 6, 25), at(25, 1, 40))),
        ("2025-06-25T07:05:00Z", Stamp(dt.date(2025, 6, 25), at(25, 7, 5))),
        ("2025-06-25 09:30", Stamp(dt.date(2025, 6, 25), at(25, 9, 30))),  # no zone: UTC
        ("Wed, 25 Jun 2025 06:15:00 +0300", Stamp(dt.date(2025, 6, 25), at(25, 3, 15))),
        ("Tue, 24 Jun 2025 18:00:00 GMT", Stamp(dt.date(2025, 6, 24), at(24, 18))),
        ("2025-06-24", Stamp(dt.date(2025, 6, 24))),
        ("24 June 2025", Stamp(dt.date(2025, 6, 24))),
        ("June 24, 2025", Stamp(dt.date(2025, 6, 24))),
        (1750802400, Stamp(dt.date(2025, 6, 24), at(24, 22))),
    ],
)
def test_dates_in_every_form_become_utc(value: str | int, expected: Stamp) -> None:
    assert normalise(value) == expected


@pytest.mark.parametrize(
    "value", ["", "yesterday", "2025-13-45", "20251-13-45T99:99:99Z", "Mon, 99 Foo", None, 1e300]
)
def test_what_is_not_a_date_gives_none(value: str | float | None) -> None:
    assert normalise(value) is None


@pytest.mark.parametrize(
    "value",
    [
        "Mon, 01 Jan 0001 00:00:00 +0000",  # not 2001-01-01: the year is written out
        "Sat, 25 Jun 0099 10:00:00 GMT",  # not 1999
        "0001-01-01T00:00:00Z",  # .NET's "no date"
        "1753-01-01",  # SQL Server's
        "25 June 0001",
        -62135596800,  # Unix seconds for 0001-01-01
    ],
)
def test_a_date_before_1800_is_no_date(value: str | int) -> None:
    assert normalise(value) is None
    assert placeholder(value)


def test_a_two_digit_rfc_822_year_is_still_read() -> None:
    assert normalise("Wed, 25 Jun 25 10:00:00 GMT") == Stamp(dt.date(2025, 6, 25), at(25, 10))
    assert not placeholder("2025-06-25") and not placeholder("20251-13-45T99:99:99Z")


def test_a_bare_date_counts_when_its_day_overlaps_the_window() -> None:
    window = Window(since=at(24, 12), until=at(25, 6))
    assert window.contains(dt.date(2025, 6, 24), None)  # the afternoon is inside
    assert window.contains(dt.date(2025, 6, 25), None)
    assert not window.contains(dt.date(2025, 6, 23), None)
    assert not window.contains(dt.date(2025, 6, 26), None)
    assert window.contains(dt.date(2025, 6, 24), at(24, 12))  # bounds are inclusive
    assert not window.contains(dt.date(2025, 6, 24), at(24, 11, 59))
    assert not window.contains(dt.date(2025, 6, 25), at(25, 6, 1))


def article(i: int, date: dt.date | None, published: dt.datetime | None = None) -> Article:
    return Article(i, f"a{i}.txt", "Outlet", "Title", date, None, ("Text.",), published=published)


def test_the_window_keeps_articles_inside_and_renumbers_them() -> None:
    articles = [
        article(0, dt.date(2025, 6, 20)),
        article(1, dt.date(2025, 6, 25), at(25, 3)),
        article(2, None),
        article(3, dt.date(2025, 6, 24), at(24, 23, 59)),
    ]
    kept, skipped = select_window(articles, Window(since=at(24, 12)))
    assert [(a.id, a.path) for a in kept] == [(0, "a1.txt"), (1, "a3.txt")]
    assert [(s.path, s.reason) for s in skipped] == [
        ("a0.txt", "dated 2025-06-20, outside the --since/--until window"),
        ("a2.txt", "no date, so not in the --since/--until window"),
    ]


def test_no_window_keeps_everything_even_undated() -> None:
    articles = [article(0, None), article(1, dt.date(1999, 1, 1))]
    assert select_window(articles, Window()) == (articles, [])


def test_an_article_dated_the_calendars_last_day_is_skipped_not_fatal() -> None:
    far = article(0, dt.date(9999, 12, 31))
    near = article(1, dt.date(2025, 6, 25))
    kept, skipped = select_window([far, near], Window(since=at(1)))
    assert [a.path for a in kept] == [near.path]
    assert [s.reason for s in skipped] == [
        "dated 9999-12-31, the calendar's last day: a placeholder, not a date"
    ]
