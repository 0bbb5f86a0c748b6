"""Publishing to the static site: archive, date pages (each with its brief's JSON) and feed;
replace one date, keep the rest; never leave a broken site behind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import json
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest

from summarizer.config import SiteSettings
from summarizer.delivery.publish import headlines, publish
from summarizer.delivery.stored import StoredBrief, load_stored
from summarizer.errors import ConfigError, PublishError
from summarizer.models import Brief, Section
from summarizer.output.render import Renderer
from summarizer.storage.atomic import folder_lock, write_brief
from summarizer.storage.brief_json import read_brief
from tests.conftest import item, make_brief, ref
from tests.htmlcheck import assert_good_page, parse_strict, text_of
from tests.paths import REPO

MOMENT = dt.datetime(2025, 6, 25, 7, 0, tzinfo=dt.UTC)


def brief_for(day: int, lead: str | None = None) -> Brief:
    brief: Brief = dataclasses.replace(make_brief(), date=dt.date(2025, 6, day))
    if lead is None:
        return brief
    first = brief.sections[0]
    items = (item(lead, ref("Reuters")), *first.items[1:])
    brief = dataclasses.replace(brief, sections=(Section(first.theme, first.title, items),
                                                *brief.sections[1:]))  # fmt: skip
    return brief


def stored_for(folder: Path, brief: Brief) -> StoredBrief:
    paths = write_brief(folder, brief.date.isoformat(), Renderer().render_all(brief))
    return load_stored(paths[1])


@pytest.fixture
def publish_day(tmp_path: Path) -> Callable[..., StoredBrief]:
    """Build the brief for a day of June 2025 and publish it into ``tmp_path/site``."""

    def run(day: int, lead: str | None = None, hour: int = 7) -> StoredBrief:
        stored = stored_for(tmp_path / "briefs", brief_for(day, lead))
        publish(stored, SiteSettings(dir=tmp_path / "site"), now=MOMENT.replace(hour=hour))
        return stored

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def archive_entries(site: Path) -> list[tuple[str, str]]:
    """(link, text) of each brief on the index page, in page order."""
    elements = parse_strict((site / "index.html").read_text(encoding="utf-8"))
    return [(a.get("href") or "", text_of(a)) for e in elements if e.tag == "h2" for a in e]


def test_three_briefs_make_an_archive_pages_and_a_feed(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    for day in (24, 26, 25):
        publish_day(day)
    site = tmp_path / "site"
    assert sorted(p.name for p in site.iterdir() if not p.name.startswith(".")) == [
        "2025-06-24.html", "2025-06-24.json", "2025-06-25.html", "2025-06-25.json",
        "2025-06-26.html", "2025-06-26.json", "archive.json", "feed.xml", "index.html",
    ]  # fmt: skip
    entries = archive_entries(site)
    assert [href for href, _ in entries] == [
        "2025-06-26.html",
        "2025-06-25.html",
        "2025-06-24.html",
    ]
    assert entries[0][1] == "NATO summit in The Hague — Thursday, 26 June 2025"
    assert all((site / href).is_file() for href, _ in entries)
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.count("Zelenskyy and Trump met for 50 minutes.") == 3  # headline items
    feed = feedparser.parse((site / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo
    assert [e.link for e in feed.entries] == [href for href, _ in entries]


def test_every_site_page_is_a_good_page(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    publish_day(25)
    for name in ("index.html", "2025-06-25.html"):
        assert_good_page((tmp_path / "site" / name).read_text(encoding="utf-8"))
    page = (tmp_path / "site" / "2025-06-25.html").read_text(encoding="utf-8")
    assert '<a href="index.html">All briefs</a>' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the hostile item stays text


def test_each_brief_is_kept_as_data_beside_its_page(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    """The site's ``DATE.json`` is the brief's JSON as built: what the next build's history
    reads, whatever the pages say."""
    stored = publish_day(25)
    kept = tmp_path / "site" / "2025-06-25.json"
    assert kept.read_bytes() == stored.json_path.read_bytes()
    assert read_brief(kept) == stored.brief


def test_publishing_a_date_again_replaces_it_and_keeps_the_others(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    site = tmp_path / "site"
    publish_day(24)
    publish_day(25)
    kept = {name: (site / name).read_bytes() for name in ("2025-06-24.html", "2025-06-24.json")}
    publish_day(25, lead="Ceasefire talks resume in Istanbul.", hour=9)
    assert {name: (site / name).read_bytes() for name in kept} == kept
    assert "Ceasefire talks resume in Istanbul." in (site / "2025-06-25.html").read_text()
    assert "Ceasefire talks resume in Istanbul." in (site / "2025-06-25.json").read_text()
    assert len(archive_entries(site)) == 2
    feed = feedparser.parse((site / "feed.xml").read_text(encoding="utf-8"))
    assert len(feed.entries) == 2
    newest = feed.entries[0]
    assert "Ceasefire talks resume in Istanbul." in newest.summary
    assert (newest.published, newest.updated) == ("2025-06-25T07:00:00Z", "2025-06-25T09:00:00Z")


def test_a_failure_while_replacing_leaves_the_site_as_it_was(
    publish_day: Callable[..., StoredBrief], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish_day(24)
    site = tmp_path / "site"
    before = snapshot(site)
    stored = stored_for(tmp_path / "briefs", brief_for(25))
    calls = {"n": 0}
    real_replace = os.replace

    def replace_failing_third(src: str | Path, dst: str | Path) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # two files already moved: they must be put back
            raise OSError(errno.EIO, "Input/output error", str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_failing_third)
    with pytest.raises(PublishError, match=r"site not updated: cannot write .*Input/output error"):
        publish(stored, SiteSettings(dir=site))
    monkeypatch.undo()
    assert snapshot(site) == before


CRASH = """
import os, sys
from pathlib import Path
from summarizer.config import SiteSettings
from summarizer.delivery.publish import publish
from summarizer.delivery.stored import load_stored

moves, real = int(sys.argv[3]), os.replace

def replace(src, dst):
    global moves
    if moves == 0:
        os._exit(9)  # killed between two renames: no cleanup, no restore
    moves -= 1
    real(src, dst)

os.replace = replace
publish(load_stored(Path(sys.argv[1])), SiteSettings(dir=Path(sys.argv[2])))
"""


@pytest.mark.process
@pytest.mark.parametrize("moves", [1, 2, 3, 4])
def test_a_crash_mid_publish_leaves_every_file_whole(
    publish_day: Callable[..., StoredBrief], tmp_path: Path, moves: int
) -> None:
    publish_day(24)
    site = tmp_path / "site"
    new = stored_for(tmp_path / "briefs", brief_for(25))
    args = [sys.executable, "-c", textwrap.dedent(CRASH), str(new.json_path), str(site), str(moves)]
    result = subprocess.run(
        args, cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 9, result.stderr
    # Whatever mix of old and new files the crash left, each is whole and the old brief is there.
    assert ("2025-06-24.html", "NATO summit in The Hague — Tuesday, 24 June 2025") in (
        archive_entries(site)
    )
    assert (site / "2025-06-24.html").is_file()
    assert not feedparser.parse((site / "feed.xml").read_text(encoding="utf-8")).bozo
    json.loads((site / "archive.json").read_text(encoding="utf-8"))
    for href, _ in archive_entries(site):
        assert (site / href).is_file()  # the index never links to a page that is missing
    if (site / "2025-06-25.json").exists():  # never remembered ahead of its page
        assert "2025-06-25" in (site / "2025-06-25.html").read_text(encoding="utf-8")
        read_brief(site / "2025-06-25.json")
    # The next publish completes and clears what the crash left behind.
    publish_day(25)
    assert len(archive_entries(site)) == 2
    assert not [p.name for p in site.iterdir() if p.suffix in {".tmp", ".bak"}]


def test_a_publish_waits_for_a_build_writing_into_the_same_folder(tmp_path: Path) -> None:
    # A build into the site folder sweeps leftovers under the folder's lock: a publish there
    # must take the same lock, or the build could sweep away the publish's temporary files.
    site = tmp_path / "site"
    site.mkdir()
    stored = stored_for(tmp_path / "briefs", brief_for(25))
    failed: list[BaseException] = []

    def run() -> None:
        try:
            publish(stored, SiteSettings(dir=site), now=MOMENT)
        except BaseException as exc:  # reported below, not lost in the thread
            failed.append(exc)

    worker = threading.Thread(target=run)
    with folder_lock(site):  # what write_brief holds while it recovers, sweeps and writes
        worker.start()
        worker.join(timeout=1.0)
        assert worker.is_alive() and not (site / "index.html").exists()
    worker.join(timeout=30)
    assert not worker.is_alive() and not failed
    assert (site / "2025-06-25.html").is_file() and (site / "index.html").is_file()


def test_a_damaged_archive_is_reported_and_left_alone(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    publish_day(24)
    site = tmp_path / "site"
    for damage, reason in [
        ('{"format": 1, "briefs": "oops"}', "'briefs' is not a list"),
        ('{"format": 1, "briefs": []}', "no 'site_id'"),
        ('{"format": 1, "site_id": "x", "briefs": [{"date": "2025-06-24"}]}', "no 'headlines'"),
        ("[1, 2", "Expecting"),
    ]:
        (site / "archive.json").write_text(damage, encoding="utf-8")
        before = snapshot(site)
        with pytest.raises(PublishError, match=rf"archive.json is damaged \({reason}"):
            publish_day(25)
        assert snapshot(site) == before


def test_an_archive_nested_too_deeply_or_out_of_the_calendar_is_damaged_not_a_crash(
    publish_day: Callable[..., StoredBrief], tmp_path: Path
) -> None:
    """A record nested 100,000 deep, or published at a time that is before year 1 in UTC: one
    line naming the file, the site left as it was (no RecursionError, no OverflowError)."""
    publish_day(24)
    site = tmp_path / "site"
    record = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    record["briefs"][0]["published"] = "0001-01-01T00:00:00+05:00"
    for damage, reason in [
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (json.dumps(record), "date value out of range"),
    ]:
        (site / "archive.json").write_text(damage, encoding="utf-8")
        before = snapshot(site)
        with pytest.raises(PublishError, match=rf"archive.json is damaged \({reason}\)"):
            publish_day(25)
        assert snapshot(site) == before


def test_a_folder_that_is_not_a_brief_site_is_refused(tmp_path: Path) -> None:
    site = tmp_path / "www"
    site.mkdir()
    (site / "index.html").write_text("<p>my homepage</p>", encoding="utf-8")
    stored = stored_for(tmp_path / "briefs", brief_for(25))
    with pytest.raises(PublishError, match=r"not a brief site"):
        publish(stored, SiteSettings(dir=site))
    assert (site / "index.html").read_text(encoding="utf-8") == "<p>my homepage</p>"


def test_a_site_folder_is_required(tmp_path: Path) -> None:
    stored = stored_for(tmp_path, brief_for(25))
    with pytest.raises(ConfigError, match=r"site.dir: not set"):
        publish(stored, SiteSettings())


def test_headlines_take_each_section_top_item_first() -> None:
    brief = make_brief()
    diplomacy, defence = brief.sections
    assert headlines(brief, 2) == (diplomacy.items[0].text, defence.items[0].text)
    assert headlines(brief, 3) == (*headlines(brief, 2), diplomacy.items[1].text)
    assert headlines(brief, 10) == headlines(brief, 3)


def test_site_title_and_base_url(tmp_path: Path) -> None:
    site = tmp_path / "site"
    settings = SiteSettings(dir=site, title="Kyiv desk", base_url="https://example.org/b/")
    result = publish(stored_for(tmp_path / "briefs", brief_for(25)), settings, now=MOMENT)
    assert str(result) == f"published 2025-06-25.html to {site} (added; 1 brief(s) in " \
                          "index.html and feed.xml)"  # fmt: skip
    assert "<h1>Kyiv desk</h1>" in (site / "index.html").read_text(encoding="utf-8")
    feed = feedparser.parse((site / "feed.xml").read_text(encoding="utf-8"))
    assert feed.feed.title == "Kyiv desk"
    assert feed.entries[0].link == "https://example.org/b/2025-06-25.html"
