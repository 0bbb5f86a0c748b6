"""Dates: every article date in one form (UTC), and the ``--since``/``--until`` window stage.

Feeds, pages and JSON Lines state dates in many forms and time zones. Comparing them, and
choosing the brief's date, only works once they are all the same kind of value: an aware UTC
``datetime`` when a time is known, and always the UTC ``date``. A date without a time covers
its whole day. A date before 1800 is no date: what systems write for "none" (0001-01-01,
1601-01-01, 1753-01-01, 1000-01-01) or a typo, never a news article's day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.models import Article, Skipped

UTC = dt.UTC
_ISO = re.compile(r"^\s*\d{4}-?\d{2}-?\d{2}")
_DAY = dt.timedelta(days=1)
FIRST_YEAR = 1800  # earlier years are placeholders for "no date" (see the module's docstring)
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


@dataclass(frozen=True)
class Stamp:
    """A normalised date: the UTC day, and the UTC instant when the input stated a time."""

    date: dt.date
    time: dt.datetime | None = None


def normalise(value: str | float | None) -> Stamp | None:
    """Parse ISO 8601, RFC 822 (feeds), the date forms pages print, or Unix seconds; an
    impossible date, or one before ``FIRST_YEAR``, is none."""
    stamp = _parse(value)
    return stamp if stamp is None or stamp.date.year >= FIRST_YEAR else None


def _parse(value: str | float | None) -> Stamp | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        if isinstance(value, int | float):
            return _from_instant(dt.datetime.fromtimestamp(value, UTC))
        text = " ".join(value.split())
        if not text:
            return None
        if _ISO.match(text):
            return _from_iso(text)
        parsed = _from_rfc822(text)
        if parsed is not None:
            return parsed
        day = parse_date(text)
        return Stamp(day) if day else None
    except (ValueError, OverflowError, OSError):
        return None


def _from_iso(text: str) -> Stamp | None:
    """A zone that moves the time past year 1 or 9999 makes it no date."""
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if re.fullmatch(r"\d{4}-?\d{2}-?\d{2}", text):
        return Stamp(parsed.date())
    try:
        return _from_instant(parsed)
    except OverflowError:
        return None


def _from_rfc822(text: str) -> Stamp | None:
    """The standard library reads a year written 0001 as 2001 (the two-digit rule): a year
    of three or four digits is taken as written."""
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    written = re.search(r"\b0\d{2,3}\b", text.split(":")[0])  # 0001, 099: not 2001, 1999
    if written:
        parsed = parsed.replace(year=max(1, int(written.group())))
    return _from_instant(parsed)


def placeholder(value: str | float | None) -> bool:
    """Whether ``value`` is a date before ``FIRST_YEAR``: "no date" written as one, which
    leaves the article undated rather than refusing it."""
    stamp = _parse(value)
    return stamp is not None and stamp.date.year < FIRST_YEAR


def vouched(text: object, stamp: Stamp | None) -> Stamp | None:
    """Another parser's reading of ``text`` (feedparser's, which rolls 13-45 over into a real
    day), kept only when ``text`` is no numeric date or starts with the same day (give or take
    the zone's). Numeric dates are this module's to judge: one it refused stays refused."""
    if stamp is None or stamp.date.year < FIRST_YEAR:
        return None
    if not isinstance(text, str) or not text.strip()[:1].isdigit():
        return stamp
    match = _YMD.match(text)
    try:
        stated = dt.date(*(int(part) for part in match.groups())) if match else None
    except ValueError:
        return None
    return stamp if stated and abs(stated - stamp.date) <= _DAY else None


def _from_instant(value: dt.datetime) -> Stamp:
    """A stated time without a zone is taken as UTC (what feeds and APIs mostly mean)."""
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return Stamp(value.date(), value)


@dataclass(frozen=True)
class Window:
    """The ``--since``/``--until`` bounds (inclusive, UTC; ``config.values.parse_bound``
    reads them); ``None`` leaves a side open."""

    since: dt.datetime | None = None
    until: dt.datetime | None = None

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None

    def contains(self, date: dt.date, time: dt.datetime | None) -> bool:
        """Whether an article falls in the window; a bare date counts if its day overlaps."""
        start = time or dt.datetime.combine(date, dt.time(), UTC)
        end = time or start + (_DAY - dt.timedelta(microseconds=1))
        return (self.since is None or end >= self.since) and (
            self.until is None or start <= self.until
        )


ANY_TIME = Window()


def select_window(
    articles: Sequence[Article], window: Window
) -> tuple[list[Article], list[Skipped]]:
    """Keep the articles inside the window, renumbered; the rest are skipped with their date.

    An undated article cannot be placed in a window, so a window leaves it out.
    """
    if not window:
        return list(articles), []
    kept: list[Article] = []
    skipped: list[Skipped] = []
    for article in articles:
        if article.date is None:
            skipped.append(Skipped(article.path, "no date, so not in the --since/--until window"))
        elif not _placeable(article):
            reason = f"dated {article.date}, the calendar's last day: a placeholder, not a date"
            skipped.append(Skipped(article.path, reason))
        elif window.contains(article.date, article.published):
            kept.append(dataclasses.replace(article, id=len(kept)))
        else:
            when = _describe(article.published) if article.published else str(article.date)
            reason = f"dated {when}, outside the --since/--until window"
            skipped.append(Skipped(article.path, reason))
    return kept, skipped


def _placeable(article: Article) -> bool:
    """Not dated 9999-12-31, which systems write for "no date" and no window should keep."""
    return article.date is None or article.date < dt.date.max


def _describe(value: dt.datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def parse_date(value: str) -> dt.date | None:
    """Parse the date forms news pages print (ISO, 25 June 2025, June 25, 2025, 25/06/2025)."""
    value = re.sub(r"(?i)^[a-z]+day\b", "", re.sub(r"[,.]", " ", value.strip()))
    value = value.replace("/", "-") if re.match(r"\s*\d{4}/", value) else value
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y"):
        try:
            return dt.datetime.strptime(" ".join(value.split()), fmt).date()
        except ValueError:
            continue
    if re.match(r"(?i)sept\b", value):
        return parse_date("Sep" + value[4:])
    return None
