"""Add a brief to a static site: an archive page, one page per date and an Atom feed.

The site folder holds ``index.html`` (newest first, with each brief's headline items), one
``YYYY-MM-DD.html`` per brief with its ``YYYY-MM-DD.json`` beside it (the brief as data, which
the next build's history reads, whatever language the pages are in), ``feed.xml`` and
``archive.json``, the record of what was published, from which the index and the feed are
rebuilt. Publishing a date again replaces that date's entry and keeps every other. All files
are rendered before any is written and then replaced together (the date page first,
``archive.json`` last), so a failure leaves the site exactly as it was and even a crash leaves
every file whole. The folder's lock (the one a build
takes, ``output.folder_lock``) keeps two publishes, or a publish and a build, from
interleaving.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from summarizer.config import SiteSettings
from summarizer.delivery.feed import FEED_NAME, INDEX_NAME, Entry, atom_feed, timestamp
from summarizer.delivery.stored import StoredBrief
from summarizer.errors import ConfigError, OutputError, PublishError
from summarizer.models import Brief
from summarizer.output.render import Renderer, markdown_to_html
from summarizer.storage.atomic import atomic_write_files, folder_lock, sweep_leftovers
from summarizer.storage.brief_json import JSON_SUFFIX, brief_stem, brief_to_json

ARCHIVE_NAME = "archive.json"
PAGE_TEMPLATE = "site_page.html.j2"
INDEX_TEMPLATE = "site_index.html.j2"
ARCHIVE_FORMAT = 1
_DAMAGED_HINT = "restore it from a backup or publish into a new folder"


@dataclass(frozen=True)
class Archive:
    """What ``archive.json`` records: the site's id (for feed ids) and every published brief."""

    site_id: uuid.UUID
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class PublishResult:
    """What a publish did, for the one line the command prints."""

    site: Path
    page: Path
    replaced: bool
    count: int

    def __str__(self) -> str:
        how = "replaced" if self.replaced else "added"
        return (
            f"published {self.page.name} to {self.site} ({how}; "
            f"{self.count} brief(s) in {INDEX_NAME} and {FEED_NAME})"
        )


def headlines(brief: Brief, limit: int) -> tuple[str, ...]:
    """The lead's items, then the top item of each section in turn, then the second of each,
    up to ``limit``."""
    picked = [item.text for item in brief.lead[:limit]]
    depth = max((len(s.items) for s in brief.sections), default=0)
    for rank in range(depth):
        for section in brief.sections:
            if rank < len(section.items) and len(picked) < limit:
                picked.append(section.items[rank].text)
    return tuple(picked)


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date.isoformat(),
        "title": entry.title,
        "headlines": list(entry.headlines),
        "content": entry.content,
        "published": timestamp(entry.published),
        "updated": timestamp(entry.updated),
    }


def _entry_from(data: Any) -> Entry:
    """One archive record; a missing or odd field raises KeyError, TypeError, ValueError or
    OverflowError."""
    lines = data["headlines"]
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        raise TypeError("headlines must be a list of text")
    texts = [data["title"], data["content"]]
    if not all(isinstance(value, str) for value in texts):
        raise TypeError("title and content must be text")
    return Entry(
        date=dt.date.fromisoformat(data["date"]),
        title=data["title"],
        headlines=tuple(lines),
        content=data["content"],
        published=_instant(data["published"]),
        updated=_instant(data["updated"]),
    )


def _instant(text: Any) -> dt.datetime:
    """A record's time in UTC, as the feed prints it; OverflowError for one the calendar
    cannot hold in UTC (0001-01-01T00:00+05:00), so the feed is never half-rendered."""
    return dt.datetime.fromisoformat(text).astimezone(dt.UTC)


def archive_json(archive: Archive) -> str:
    data = {
        "format": ARCHIVE_FORMAT,
        "site_id": str(archive.site_id),
        "briefs": [_entry_json(e) for e in archive.entries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_archive(site: Path) -> Archive:
    """The site's record; a new site gets a fresh id.

    A damaged record is reported, never rebuilt: rebuilding it would drop every earlier brief.
    """
    path = site / ARCHIVE_NAME
    if not path.exists():
        if (site / INDEX_NAME).exists():
            raise PublishError(f"{site} has an {INDEX_NAME} but no {ARCHIVE_NAME}: it is not "
                               "a brief site; publish into a new or empty folder")  # fmt: skip
        return Archive(uuid.uuid4(), ())
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("format") != ARCHIVE_FORMAT:
            raise ValueError(f"not an archive of format {ARCHIVE_FORMAT}")
        if not isinstance(data.get("briefs"), list):
            raise ValueError("'briefs' is not a list")
        entries = tuple(_entry_from(item) for item in data["briefs"])
        return Archive(uuid.UUID(data["site_id"]), entries)
    except KeyError as exc:
        raise PublishError(f"{path} is damaged (no {exc}); {_DAMAGED_HINT}") from exc
    except RecursionError as exc:  # json.loads of a record nested thousands deep
        raise PublishError(f"{path} is damaged (nested too deeply); {_DAMAGED_HINT}") from exc
    except (OSError, ValueError, TypeError, AttributeError, OverflowError) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise PublishError(f"{path} is damaged ({reason}); {_DAMAGED_HINT}") from exc


def _merge(archive: Archive, brief: Brief, entry: Entry) -> tuple[Archive, bool]:
    """Replace the entry for the brief's date (keeping when it was first published) or add it."""
    old = next((e for e in archive.entries if e.date == brief.date), None)
    if old is not None:
        entry = Entry(entry.date, entry.title, entry.headlines, entry.content, old.published,
                      entry.updated)  # fmt: skip
    others = [e for e in archive.entries if e.date != brief.date]
    entries = sorted([*others, entry], key=lambda e: e.date, reverse=True)
    return Archive(archive.site_id, tuple(entries)), old is not None


def _site_title(settings: SiteSettings, entries: Sequence[Entry]) -> str:
    return settings.title or (entries[0].title if entries else "Daily Brief")


def render_site(
    stored: StoredBrief, archive: Archive, settings: SiteSettings, renderer: Renderer
) -> dict[str, str]:
    """Every file a publish writes, by name, in the order they must be replaced."""
    site_title = _site_title(settings, archive.entries)
    body = Markup(markdown_to_html(stored.markdown))  # escaped on its way into the Markdown
    page = renderer.page(PAGE_TEMPLATE, brief=stored.brief, body=body, site_title=site_title)
    index = renderer.page(INDEX_TEMPLATE, entries=archive.entries, site_title=site_title)
    feed = atom_feed(archive.entries, site_title, archive.site_id, settings.base_url)
    stem = brief_stem(stored.brief.date)
    # The page before its JSON: a crash between the two can make history repeat what the page
    # said, never remember a brief that was not published.
    return {
        f"{stem}.html": page,
        f"{stem}{JSON_SUFFIX}": brief_to_json(stored.brief),
        FEED_NAME: feed,
        INDEX_NAME: index,
        ARCHIVE_NAME: archive_json(archive),
    }


@contextlib.contextmanager
def _locked(site: Path) -> Iterator[None]:
    """Hold the site folder's lock (released by the OS even if the process dies)."""
    with contextlib.ExitStack() as stack:
        try:
            site.mkdir(parents=True, exist_ok=True)
            stack.enter_context(folder_lock(site))
        except OSError as exc:
            raise PublishError(f"cannot use site folder {site}: {exc.strerror or exc}") from exc
        yield


def publish(
    stored: StoredBrief,
    settings: SiteSettings,
    *,
    templates: Path | None = None,
    now: dt.datetime | None = None,
) -> PublishResult:
    """Add or replace the brief's date in the site folder ``settings.dir``."""
    site = settings.dir
    if site is None:
        raise ConfigError("site.dir: not set; give the site folder ([site] dir, or --site DIR)")
    moment = now or dt.datetime.now(dt.UTC)
    renderer = Renderer(templates)
    entry = Entry(
        date=stored.brief.date,
        title=stored.brief.title,
        headlines=headlines(stored.brief, settings.headlines),
        content=markdown_to_html(stored.markdown),
        published=moment,
        updated=moment,
    )
    with _locked(site):
        sweep_leftovers(site)
        archive, replaced = _merge(load_archive(site), stored.brief, entry)
        files = render_site(stored, archive, settings, renderer)
        try:
            written = atomic_write_files([(site / name, text) for name, text in files.items()])
        except OutputError as exc:
            raise PublishError(f"site not updated: {exc}") from exc
    return PublishResult(site, written[0], replaced, len(archive.entries))
