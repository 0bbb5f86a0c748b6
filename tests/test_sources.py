"""Naming the inputs: paths and URLs in order, lists of sources, and URL identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import sources
from summarizer.errors import ConfigError, InputError


def test_gather_keeps_the_order_given_and_each_source_once(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    found, skipped = sources.gather(
        [
            "https://www.example.org/story?utm_source=feed",
            str(tmp_path),
            "http://example.org/story/",
            str(tmp_path / "a.txt"),
            "ftp://example.org/story.txt",
            str(tmp_path / "nope.txt"),
        ]
    )
    assert [s.location for s in found] == [
        "https://www.example.org/story?utm_source=feed",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert [(s.path, s.reason) for s in skipped] == [
        ("ftp://example.org/story.txt", "unsupported URL scheme 'ftp'"),
        (str(tmp_path / "nope.txt"), "no such file or folder"),
    ]


def test_a_sources_file_lists_paths_and_urls(tmp_path: Path) -> None:
    listed = tmp_path / "lists" / "today.txt"
    listed.parent.mkdir()
    listed.write_text(
        "# morning sources\n\nhttps://example.org/feed.xml\n  ../articles  \n/abs/story.html\n"
    )
    assert sources.sources_file(listed) == [
        "https://example.org/feed.xml",
        str(listed.parent / "../articles"),
        "/abs/story.html",
    ]


def test_a_missing_or_empty_sources_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read sources file .*nope\.txt"):
        sources.sources_file(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_text("# nothing yet\n\n")
    with pytest.raises(InputError, match="lists no sources"):
        sources.sources_file(tmp_path / "empty.txt")


def test_urls_are_compared_without_tracking_or_cosmetic_parts() -> None:
    key = sources.url_key("https://example.org/world/story")
    for same in (
        "http://www.example.org/world/story/",
        "https://EXAMPLE.org/world/story?utm_source=rss&utm_medium=feed#comments",
        "https://example.org:443/world/story",
    ):
        assert sources.url_key(same) == key
    assert sources.url_key("https://example.org/world/story?id=2") != key
    assert sources.url_key("https://example.org/world/other") != key


def test_a_sources_file_in_a_legacy_encoding_is_refused(tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_bytes("/news/Genève.txt\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        sources.sources_file(listed)
