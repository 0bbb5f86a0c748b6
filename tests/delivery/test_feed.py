"""The Atom feed, parsed back by a real feed parser."""

from __future__ import annotations

import datetime as dt
import uuid

import feedparser

from summarizer.delivery.feed import Entry, atom_feed, entry_id

SITE = uuid.UUID("12345678-1234-5678-1234-567812345678")
MOMENT = dt.datetime(2025, 6, 25, 7, 0, tzinfo=dt.UTC)


def entry(day: int, title: str = "Daily Brief", headline: str = "Talks held.") -> Entry:
    date = dt.date(2025, 6, day)
    stamp = MOMENT.replace(day=day)
    return Entry(date, title, (headline,), f"<h1>{title}</h1><p>{headline}</p>", stamp, stamp)


def test_every_entry_is_in_the_feed_newest_first() -> None:
    xml = atom_feed([entry(23), entry(25), entry(24)], "Daily Brief", SITE)
    feed = feedparser.parse(xml)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Daily Brief"
    assert feed.feed.id == f"urn:uuid:{SITE}"
    assert feed.feed.updated == "2025-06-25T07:00:00Z"
    titles = [e.title for e in feed.entries]
    assert titles == [f"Daily Brief — {d}, {n} June 2025" for d, n in
                      (("Wednesday", 25), ("Tuesday", 24), ("Monday", 23))]  # fmt: skip
    first = feed.entries[0]
    assert first.id == entry_id(SITE, dt.date(2025, 6, 25))
    assert first.link == "2025-06-25.html"
    assert first.summary == "Talks held."
    assert "<p>Talks held.</p>" in first.content[0].value


def test_links_are_absolute_with_a_base_url() -> None:
    xml = atom_feed([entry(25)], "Daily Brief", SITE, "https://example.org/brief/")
    feed = feedparser.parse(xml)
    assert feed.entries[0].link == "https://example.org/brief/2025-06-25.html"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {
        "self": "https://example.org/brief/feed.xml",
        "alternate": "https://example.org/brief/index.html",
    }


def test_markup_in_a_brief_cannot_break_the_feed() -> None:
    hostile = entry(25, title="A <b>&</b> ]]> brief", headline="</summary><x>")
    feed = feedparser.parse(atom_feed([hostile], "T & <Co>", SITE))
    assert not feed.bozo
    assert feed.feed.title == "T & <Co>"
    assert feed.entries[0].title.startswith("A <b>&</b> ]]> brief")
    assert feed.entries[0].summary == "</summary><x>"


def test_ids_are_stable_per_date_and_site() -> None:
    day = dt.date(2025, 6, 25)
    assert entry_id(SITE, day) == entry_id(SITE, day)
    assert entry_id(SITE, day) != entry_id(SITE, dt.date(2025, 6, 24))
    assert entry_id(SITE, day) != entry_id(uuid.uuid4(), day)


def test_an_empty_archive_is_still_a_valid_feed() -> None:
    feed = feedparser.parse(atom_feed([], "Daily Brief", SITE))
    assert not feed.bozo and feed.entries == []
