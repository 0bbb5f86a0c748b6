"""HTML pages, RSS/Atom feeds and JSON Lines, read from fixture files written for these tests."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

import pytest

from summarizer.delivery.feed import Entry, atom_feed
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument, Skipped
from summarizer.reading import readers
from tests.paths import FIXTURES, REPO

WEB = FIXTURES / "web"
ROOT = REPO
UTC = dt.UTC
# Furniture in the fixture pages and feeds that must never reach an article's text.
FURNITURE = (
    "Home", "Subscribe", "newsletter", "Related stories", "Drone factory hit", "Photo:",
    "mobile launcher", "Comments", "Great news", "Leave a reply", "All rights reserved",
    "Cookie", "cookies", "Share on", "Advertisement", "Most read", "Heatwave", "Tags:",
    "By Marta", "By Lena", "Read more", "Firefighters at the scene", "Privacy",
    "window.dataLayer", "Credit:",
)  # fmt: skip


def read(path: Path) -> tuple[list[RawDocument], list[Skipped]]:
    return readers.read_source(path)


def assert_no_furniture(text: str) -> None:
    for words in FURNITURE:
        assert words not in text, words


def test_an_html_page_gives_its_main_text_and_metadata() -> None:
    [doc], skipped = read(WEB / "mixed" / "ledger_air_defence.html")
    assert skipped == []
    assert doc.title == "Allies pledge air defence for Kharkiv"
    assert doc.outlet == "The Northern Ledger"
    assert doc.author == "Marta Kovalenko"
    assert doc.url == "https://northern-ledger.example/world/allies-air-defence"
    assert doc.published == dt.datetime(2025, 6, 25, 1, 40, tzinfo=UTC)  # 21:40 at UTC-4
    assert doc.date == dt.date(2025, 6, 25)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0].startswith("Defence ministers from eleven allied countries")
    assert paragraphs[-1].startswith("NATO's military committee will review")
    assert len(paragraphs) == 5
    assert_no_furniture(doc.text)


def test_a_page_with_banners_share_buttons_and_a_cookie_notice() -> None:
    [doc], _ = read(WEB / "served" / "vienna_talks.html")
    assert (doc.title, doc.outlet, doc.author) == (
        "Ceasefire talks begin at the Hofburg",
        "Atlas Post",
        "Lena Hartmann",
    )
    assert doc.published == dt.datetime(2025, 6, 24, 14, 5, tzinfo=UTC)
    assert doc.text.startswith("Austria's foreign minister welcomed the delegations")
    assert_no_furniture(doc.text)


@pytest.mark.parametrize("name", ["page.txt", "page", "page.md"])
def test_html_is_recognised_by_content_whatever_its_name(tmp_path: Path, name: str) -> None:
    shutil.copy(WEB / "mixed" / "ledger_air_defence.html", tmp_path / name)
    [doc], _ = read(tmp_path / name)
    assert doc.outlet == "The Northern Ledger"
    assert "<p>" not in doc.text


def test_a_truncated_page_gives_the_text_before_the_cut() -> None:
    [doc], _ = read(WEB / "truncated_page.html")
    assert doc.title == "Grain corridor reopens after attack"
    assert doc.outlet == "Danube Herald"
    assert doc.text.startswith("Cargo ships resumed sailing through the Black Sea grain corridor")
    assert "Port officials said two berths were back in use" in doc.text


def test_a_page_cut_in_its_head_has_no_article() -> None:
    with pytest.raises(UnreadableSource, match="no article text found in the page"):
        read(WEB / "cut_in_head.html")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_a_page_in_a_legacy_charset_is_decoded(tmp_path: Path, encoding: str) -> None:
    body = "Café owners in Genève said the “new” rules cost them £40,000 a year in lost trade."
    if encoding == "latin-1":
        body = body.replace("“", '"').replace("”", '"')
    page = (
        f'<html><head><meta charset="{encoding}"><title>Cafés protest</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )
    (tmp_path / "cafes.html").write_bytes(page.encode(encoding))
    [doc], _ = read(tmp_path / "cafes.html")
    assert doc.text == body
    assert doc.title == "Cafés protest"


def test_an_rss_feed_gives_one_article_per_entry() -> None:
    docs, skipped = read(WEB / "mixed" / "gazette_world.xml")
    assert skipped == []
    assert [d.path for d in docs] == [
        f"{WEB / 'mixed' / 'gazette_world.xml'}#{n}" for n in (1, 2, 3)
    ]
    assert {d.outlet for d in docs} == {"Harbour Gazette"}
    first, second, _ = docs
    assert first.title == "Drones strike Kharkiv power station"
    assert first.url == "https://harbour-gazette.example/world/kharkiv-power-station"
    assert first.published == dt.datetime(2025, 6, 25, 3, 15, tzinfo=UTC)  # 06:15 at UTC+3
    assert first.author == "Owen Brady"
    # The full content, not the one-line description; its caption and "Read more" stay out.
    assert first.text.split("\n\n") == [
        "Russian drones struck a power station in Kharkiv overnight, cutting electricity to about 40,000 homes, the regional governor said on Wednesday.",
        "The Ukrainian air force said its units shot down 31 of the 40 drones launched at the region during the attack.",
        "Emergency crews put out a fire at the station's transformer yard before dawn, and no casualties were reported.",
    ]
    # No content: the summary, its escaped HTML cleaned to paragraphs.
    assert second.text.startswith("NATO allies agreed on Tuesday to raise their core defence")
    assert len(second.text.split("\n\n")) == 2
    assert "<p>" not in second.text and "&lt;" not in second.text
    assert second.date == dt.date(2025, 6, 24)


def test_an_atom_feed_served_without_an_extension_is_a_feed(tmp_path: Path) -> None:
    shutil.copy(WEB / "served" / "wire.atom", tmp_path / "europe")
    docs, _ = read(tmp_path / "europe")
    assert [(d.title, d.outlet) for d in docs] == [
        ("NATO jets scrambled over the Baltic", "Continental Wire"),
        ("Kharkiv power station hit by drones", "Continental Wire"),
    ]
    jets, power = docs
    assert jets.published == dt.datetime(2025, 6, 24, 20, 10, tzinfo=UTC)  # published, not updated
    assert jets.author == "Continental Wire staff"
    assert "Credit:" not in jets.text and "Photo:" not in jets.text
    assert power.text.startswith("Russian drones struck a power station")  # xhtml content
    assert power.url == "https://continental-wire.example/2025/06/25/kharkiv-power"


def test_an_aggregator_entry_names_its_own_outlet(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(
        '<rss version="2.0"><channel><title>News Digest</title><item><title>Talks end</title>'
        '<source url="https://quay-report.example/rss">Quay Report</source>'
        "<description>The talks ended late on Wednesday without a statement.</description>"
        "</item></channel></rss>"
    )
    [doc], _ = read(feed)
    assert doc.outlet == "Quay Report"


def test_a_feed_with_no_entries_is_skipped() -> None:
    with pytest.raises(UnreadableSource, match=r"^feed has no entries$"):
        read(WEB / "empty_feed.xml")


def test_a_malformed_feed_is_skipped_with_where_it_broke() -> None:
    with pytest.raises(UnreadableSource, match=r"^malformed feed: unclosed token at line 9$"):
        read(WEB / "malformed_feed.xml")


def test_what_a_partly_broken_feed_still_holds_is_read() -> None:
    [doc], skipped = read(WEB / "partly_broken_feed.xml")
    assert doc.title == "Negotiators meet again in Vienna"
    assert doc.text == "Negotiators met again in Vienna on Wednesday & agreed to keep talking."
    assert skipped == [Skipped(str(WEB / "partly_broken_feed.xml"), "entry 2: no text")]


def test_xml_that_is_not_a_feed_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url>x</url></urlset>')
    with pytest.raises(UnreadableSource, match=r"unsupported file type '\.xml'"):
        read(tmp_path / "sitemap.xml")


def test_json_lines_fields_become_article_metadata() -> None:
    docs, _ = read(WEB / "mixed" / "meridian.jsonl")
    village, sanctions = docs
    assert village.path == f"{WEB / 'mixed' / 'meridian.jsonl'}:1"
    assert village.title == "Village near the eastern front changes hands"
    assert village.outlet == "Meridian Daily"
    assert village.url == "https://meridian.example/2025/06/25/village"
    assert village.published == dt.datetime(2025, 6, 25, 6, 30, tzinfo=UTC)
    assert len(village.text.split("\n\n")) == 3
    assert (sanctions.date, sanctions.published) == (dt.date(2025, 6, 24), None)


def test_bad_json_lines_are_skipped_with_their_numbers_and_the_rest_is_read() -> None:
    path = WEB / "bad_lines.jsonl"
    docs, skipped = read(path)
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:8"]
    assert docs[0].outlet == "Quay Report"
    assert docs[1].published == dt.datetime(2025, 6, 25, 8, tzinfo=UTC)  # Unix seconds
    assert [(s.path, s.reason) for s in skipped] == [
        (str(path), "line 2: not valid JSON (column 34)"),
        (str(path), "line 3: not a JSON object"),
        (str(path), "line 4: no 'text'"),
        (str(path), "line 6: 'date' is not a date: \"yesterday\""),
        (str(path), "line 7: 'text' is not a non-empty string"),
    ]


def test_json_lines_are_numbered_at_every_kind_of_line_end(tmp_path: Path) -> None:
    """Lines are taken one at a time (no list of them all); each still has its number."""
    path = tmp_path / "ends.jsonl"
    good = '{"text": "The talks in Vienna ended on Wednesday."}'
    path.write_bytes(f"{good}\r\n\r\nbad one\r{good}\n\nbad two\n{good}".encode())
    docs, skipped = read(path)
    assert [d.path for d in docs] == [f"{path}:1", f"{path}:4", f"{path}:7"]
    assert [s.reason for s in skipped] == [
        "line 3: not valid JSON (column 1)",
        "line 6: not valid JSON (column 1)",
    ]


def test_json_lines_with_no_good_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"title": "x"}\nnot json\n')
    with pytest.raises(UnreadableSource) as caught:
        read(path)
    assert str(caught.value) == "no article found (jsonl): line 1: no 'text' (and 1 more)"


def test_json_lines_are_recognised_by_content_but_a_json_document_is_not(tmp_path: Path) -> None:
    (tmp_path / "export.txt").write_text('{"text": "The talks in Vienna ended on Wednesday."}\n')
    [doc], _ = read(tmp_path / "export.txt")
    assert doc.text == "The talks in Vienna ended on Wednesday."
    (tmp_path / "data.json").write_text('[{"text": "The talks ended."}]\n')
    with pytest.raises(UnreadableSource, match=r"unsupported file type '\.json'"):
        read(tmp_path / "data.json")


def test_a_lone_surrogate_reference_in_a_feed_drops_nothing(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Bridge &#xD800; opens</title><description>The new bridge over the river"
        " will open next spring, officials said.</description></item>"
        "<item><title>Budget passes</title><description>The council approved the budget for"
        " the hospital on Tuesday.</description></item></channel></rss>"
    )
    docs, _ = read(path)
    assert [d.title for d in docs] == ["Bridge \ufffd opens", "Budget passes"]


def test_a_lone_surrogate_escape_in_json_lines_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"title": "Bridge \\ud800 opens", "text": "The bridge opens \\udfff soon."}\n')
    docs, _ = read(path)
    assert (docs[0].title, docs[0].text) == ("Bridge \ufffd opens", "The bridge opens \ufffd soon.")


def test_control_characters_in_articles_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"title": "Talks\\u001b[2J resume", "text": "Ministers\\u0007 met\\u007f."}\n')
    [doc], _ = read(path)
    assert (doc.title, doc.text) == ("Talks[2J resume", "Ministers met.")


RSS_ITEM = (
    "<item><title>{n}</title><link>https://wire.example/{n}</link><pubDate>{date}</pubDate>"
    "<description>Ministers resumed their talks in Vienna on Wednesday.</description></item>"
)


def test_an_impossible_feed_date_leaves_the_entry_undated(tmp_path: Path) -> None:
    stated = ["20251-13-45T99:99:99Z", "Mon, 01 Jan 0001 00:00:00 +0000", "2025-176",
              "2025-02-30T10:00:00Z", "2025-06-25T10:00:00 GMT"]  # fmt: skip
    items = "".join(RSS_ITEM.format(n=n, date=date) for n, date in enumerate(stated))
    feed = tmp_path / "wire.rss"
    feed.write_text(f'<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>')
    docs, _ = read(feed)
    # feedparser would have read 2020-09-07, 2001-01-01, 2026-05-01 and 2025-03-02
    assert [d.date for d in docs] == [None, None, None, None, dt.date(2025, 6, 25)]


def test_a_placeholder_date_in_json_lines_leaves_the_article_undated(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"text": "Talks resumed.", "date": "Mon, 01 Jan 0001 00:00:00 +0000"}\n'
        '{"text": "Talks ended.", "date": "0001-01-01T00:00:00"}\n'
        '{"text": "Talks failed.", "date": "20251-13-45T99:99:99Z"}\n'
    )
    docs, skipped = read(path)
    assert [(d.text, d.date) for d in docs] == [("Talks resumed.", None), ("Talks ended.", None)]
    assert [s.reason for s in skipped] == [
        "line 3: 'date' is not a date: \"20251-13-45T99:99:99Z\""
    ]


def test_a_one_line_feed_broken_on_its_line_says_line_1(tmp_path: Path) -> None:
    path = tmp_path / "one.rss"
    path.write_text('<rss version="2.0"><channel><item><title>A</title><description>x</item>')
    with pytest.raises(UnreadableSource, match=r"^malformed feed: mismatched tag at line 1$"):
        read(path)


def test_a_page_or_feed_daily_brief_wrote_is_not_an_article(tmp_path: Path) -> None:
    """A published site (or a brief's HTML) inside the input folder: each file is skipped
    with its reason, never read as news credited to "Daily Brief"."""
    brief = ROOT / "briefs" / "sample" / "2025-06-25.html"
    stamp = dt.datetime(2025, 6, 25, 7, tzinfo=UTC)
    entry = Entry(dt.date(2025, 6, 25), "Daily Brief", ("Talks.",), "<p>Talks.</p>", stamp, stamp)
    feed = tmp_path / "feed.xml"
    feed.write_text(atom_feed([entry], "Daily Brief", uuid.uuid4()), encoding="utf-8")
    for path, reason in ((brief, "a page daily-brief wrote"), (feed, "a feed daily-brief wrote")):
        with pytest.raises(UnreadableSource, match=reason):
            read(path)
        [skip] = list(readers.iter_read([path]))
        assert isinstance(skip, Skipped) and skip.reason.startswith(reason)
