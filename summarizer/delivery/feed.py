"""The archive's Atom feed (RFC 4287), so readers can follow the brief in a feed reader.

Built with ElementTree, which escapes every text and attribute, so nothing in a brief can
break the XML. Ids are ``urn:uuid`` values derived from the site's own id and the date:
stable when a date is published again (a reader sees an update, not a new entry) and when the
site moves to another address.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from summarizer.models import GENERATOR
from summarizer.output.render import long_date

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"
INDEX_NAME = "index.html"


@dataclass(frozen=True)
class Entry:
    """One published brief as the archive remembers it."""

    date: dt.date
    title: str
    headlines: tuple[str, ...]
    content: str
    published: dt.datetime
    updated: dt.datetime

    @property
    def page(self) -> str:
        """The brief's page in the site folder, named by its date."""
        return f"{self.date.isoformat()}.html"


def entry_id(site_id: uuid.UUID, date: dt.date) -> str:
    return f"urn:uuid:{uuid.uuid5(site_id, date.isoformat())}"


def timestamp(moment: dt.datetime) -> str:
    """RFC 3339 as Atom wants it, in UTC, to the second."""
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _link(base_url: str | None, name: str) -> str:
    return urljoin(base_url, name) if base_url else name


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _entry(feed: ET.Element, entry: Entry, site_id: uuid.UUID, base_url: str | None) -> None:
    node = _add(feed, "entry")
    _add(node, "title", f"{entry.title} — {long_date(entry.date)}")
    _add(node, "id", entry_id(site_id, entry.date))
    _add(node, "published", timestamp(entry.published))
    _add(node, "updated", timestamp(entry.updated))
    _add(node, "link", rel="alternate", type="text/html", href=_link(base_url, entry.page))
    _add(node, "summary", " ".join(entry.headlines) or entry.title, type="text")
    _add(node, "content", entry.content, type="html")


def atom_feed(
    entries: Sequence[Entry], title: str, site_id: uuid.UUID, base_url: str | None = None
) -> str:
    """Every entry, newest first, as an Atom document."""
    feed = ET.Element("feed", xmlns=ATOM_NS)
    _add(feed, "title", title)
    _add(feed, "id", f"urn:uuid:{site_id}")
    newest = max((e.updated for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    _add(feed, "updated", timestamp(newest))
    author = _add(feed, "author")
    _add(author, "name", title)
    _add(feed, "generator", GENERATOR)
    if base_url:
        _add(feed, "link", rel="self", type="application/atom+xml", href=_link(base_url, FEED_NAME))
    _add(feed, "link", rel="alternate", type="text/html", href=_link(base_url, INDEX_NAME))
    for entry in sorted(entries, key=lambda e: e.date, reverse=True):
        _entry(feed, entry, site_id, base_url)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
