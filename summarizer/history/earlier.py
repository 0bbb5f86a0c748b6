"""The earlier briefs a new brief is compared with: what they already told the reader.

They are read from their JSON alone (``storage.brief_json``, the one reader of the format),
never from a page: the pages are the user's templates, in any language and layout, while the
JSON is the brief's own data. They are found by name, ``DATE.json``: in the output folder,
and, when publishing, in the site folder, where each published brief's JSON sits beside its
page, so a brief built on a fresh machine still knows what the site published. Only the briefs
dated within ``days`` days before the new one are read; this stage never changes them, and a
damaged or foreign file is skipped with one warning line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import BriefError
from summarizer.models import Brief, Item
from summarizer.storage.brief_json import dated_briefs, read_brief


@dataclass(frozen=True)
class Said:
    """One item of an earlier brief: its date, its text and every wording behind it (the
    item's and each credited outlet's own sentence)."""

    date: dt.date
    text: str
    wordings: tuple[str, ...]


@dataclass(frozen=True)
class History:
    """The earlier briefs a new brief is compared with: their dates and their items."""

    dates: tuple[dt.date, ...] = ()
    said: tuple[Said, ...] = ()

    @property
    def since(self) -> dt.date | None:
        """The newest earlier brief's date, None when there is none."""
        return max(self.dates) if self.dates else None

    def __bool__(self) -> bool:
        return bool(self.said)


NO_HISTORY = History()


def remember(history: History, date: dt.date, items: Iterable[Item]) -> History:
    """``history`` with a brief of ``items`` dated ``date`` added (as a reader would have it)."""
    said = tuple(_said(date, it) for it in items)
    dates = tuple(sorted({*history.dates, date}, reverse=True))
    return History(dates, (*history.said, *said))


def _said(date: dt.date, item: Item) -> Said:
    wordings = [item.text, *(ref.text for ref in item.sources if ref.text)]
    return Said(date, item.text, tuple(dict.fromkeys(wordings)))


def read_history(
    folder: Path, date: dt.date, days: int, site: Path | None = None
) -> tuple[History, list[str]]:
    """The briefs in ``folder`` (and, when publishing, the site folder ``site``) dated in the
    ``days`` days before ``date``, and one warning line per file that could not be read.
    ``date``'s own brief (a brief built again) is not history. A date the folder has is taken
    from it; the site fills in the dates it lacks."""
    if days <= 0:
        return NO_HISTORY, []
    earliest = dt.date.fromordinal(max(1, date.toordinal() - days))  # year 1 has no before
    warnings: list[str] = []
    found: dict[dt.date, list[Said]] = {}
    for place in _places(folder, site):
        for brief in _briefs(place, (earliest, date), set(found), warnings):
            found[brief.date] = [_said(brief.date, it) for it in brief.items]
    dates = tuple(sorted(found, reverse=True))
    return History(dates, tuple(s for d in dates for s in found[d])), warnings


def _places(folder: Path, site: Path | None) -> list[Path]:
    """The folders to read: the output folder, then the site (once, if it is the same)."""
    if site is None or _same(site) == _same(folder):
        return [folder]
    return [folder, site]


def _same(folder: Path) -> Path:
    try:
        return folder.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python 3.11)
        return folder.absolute()


def _briefs(
    folder: Path, window: tuple[dt.date, dt.date], known: set[dt.date], warnings: list[str]
) -> list[Brief]:
    """The readable briefs in ``folder`` named for a day in the window (from its first day up
    to, not including, its last) that is not ``known`` already, newest first."""
    earliest, date = window
    briefs: list[Brief] = []
    try:
        found = dated_briefs(folder)
    except BriefError as exc:  # an unreadable folder: the day is built without its briefs
        warnings.append(f"history: skipped {folder}: {_reason(exc, folder)}")
        return briefs
    for named, path in reversed(found):
        if not earliest <= named < date or named in known:
            continue
        try:
            brief = read_brief(path)
        except BriefError as exc:
            warnings.append(f"history: skipped {path}: {_reason(exc, path)}")
            continue
        if brief.date != named:
            warnings.append(f"history: skipped {path}: its date is {brief.date}, not its name's")
            continue
        briefs.append(brief)
    return briefs


def _reason(exc: BaseException, path: Path) -> str:
    """The reader's one line, without the path it starts with (the warning names it once)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text.removeprefix(f"{path}: ")
