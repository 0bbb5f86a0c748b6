"""Option values: each kind checked one way, whether brief.toml or the command line gives it.

A ``Value`` converts what brief.toml holds (``check``: a TOML string, number, list …) and a
word typed on the command line (``parse``), raising ``ValueError`` or ``TypeError`` with the
problem in words; the caller says where the value came from (file and key, or the flag).
``in_folder`` makes a path read from a file relative to the file's folder, not to where cron
runs. ``text``, ``address`` and the other checks are also used where a value is checked
again before use (mail checks each recipient).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from summarizer import plugins

if TYPE_CHECKING:
    from email.headerregistry import HeaderRegistry

T = TypeVar("T")
SUBJECT_FIELDS = ("title", "date", "long_date")
_FIELD = re.compile(r"\{([^{}]*)\}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|min|h|d|w)\s*$", re.I)
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_ISO = re.compile(r"^\s*\d{4}-?\d{2}-?\d{2}")
_BARE_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}")
_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Value(Generic[T]):
    """How one kind of option value is checked: from a file, from the command line, and
    where a file's relative path points."""

    check: Callable[[Any], T]
    parse: Callable[[str], T]
    in_folder: Callable[[T, Path], T] | None = None

    def read(self, value: Any, folder: Path) -> T:
        """A value as a file in ``folder`` holds it."""
        checked = self.check(value)
        return checked if self.in_folder is None else self.in_folder(checked, folder)


def kind(
    check: Callable[[Any], T],
    parse: Callable[[str], T] | None = None,
    in_folder: Callable[[T, Path], T] | None = None,
) -> Value[T]:
    """A kind of value; a command-line word is checked like a file's string unless ``parse``
    says otherwise."""
    return Value(check, parse or check, in_folder)


def text(value: Any) -> str:
    """A non-empty string on one line."""
    if not isinstance(value, str):
        raise TypeError(f"must be a string, not {_shown(value)}")
    if not value.strip():
        raise ValueError("must not be empty")
    if _LINE_BREAKS.search(value):
        raise ValueError("must be on one line")
    if _CONTROLS.search(value):
        raise ValueError("must not hold control characters")
    return value.strip()


def texts(value: Any) -> tuple[str, ...]:
    """A string or a list of strings."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise TypeError(f"must be a string or a list of strings, not {_shown(value)}")
    return tuple(text(item) for item in items)


def whole(low: int, high: int | None = None) -> Value[int]:
    """A whole number from ``low`` to ``high`` (no upper bound when None)."""
    span = f"from {low} to {high}" if high is not None else f"of at least {low}"

    def check(value: Any) -> int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int)
            or value < low
            or (high is not None and value > high)
        ):
            raise ValueError(f"must be a whole number {span}, not {_shown(value)}")
        return value

    def parse(word: str) -> int:
        try:
            number = int(word)
        except ValueError:
            raise ValueError(f"not a whole number: {word!r}") from None
        return check(number)

    return kind(check, parse)


def seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 3600:
        raise ValueError(f"must be a number of seconds from 0 to 3600, not {_shown(value)}")
    return float(value)


def positive(value: Any) -> float:
    """A finite number above 0 (a size or a time limit)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"must be a number, not {_shown(value)}")
    if not value > 0:
        raise ValueError(f"must be more than 0, not {_shown(value)}")
    if math.isinf(value):
        raise ValueError(f"must be finite, not {_shown(value)}")
    return float(value)


def _number(word: str) -> float:
    try:
        number = float(word)
    except ValueError:
        raise ValueError(f"not a number: {word!r}") from None
    return positive(int(number) if number.is_integer() else number)


def choice(options: Sequence[str]) -> Value[str]:
    """One of a few words, in any case."""
    return kind(lambda given: _one_of(options, given))


def _one_of(options: Sequence[str], value: Any) -> str:
    word = text(value).lower()
    if word not in options:
        raise ValueError(f"must be one of {', '.join(options)}, not {_shown(value)}")
    return word


def plugin(group: str) -> Value[str]:
    """An installed plug-in's name. A file's is checked as it is read, naming the key; a
    command-line word is checked where the plug-in is looked up, whose message lists the
    installed ones (``--algorithm``'s help promises it)."""
    return kind(lambda given: _one_of(plugins.names(group), given), lambda word: word)


def address(value: Any) -> str:
    """An email address, optionally with a display name: ``Name <user@example.org>``."""
    from email.headerregistry import AddressHeader

    line = text(value)
    try:
        header = _headers()("To", line)
    except (IndexError, ValueError, TypeError):  # the parser's way of giving up on odd input
        header = None
    if not isinstance(header, AddressHeader) or header.defects:
        raise ValueError(f"not an email address: {line!r}")
    if len(header.addresses) != 1 or not header.addresses[0].domain:
        raise ValueError(f"not one email address: {line!r}")
    return line


@functools.cache
def _headers() -> HeaderRegistry:
    """Made on first use: the email package is not needed for ``--help``."""
    from email.headerregistry import HeaderRegistry

    return HeaderRegistry()


def addresses(value: Any) -> tuple[str, ...]:
    return tuple(address(item) for item in texts(value))


def unsubscribe(value: Any) -> tuple[str, ...]:
    """``mailto:`` or ``https:`` targets for the List-Unsubscribe header."""
    targets = texts(value)
    for target in targets:
        if not target.lower().startswith(("mailto:", "https://", "http://")):
            raise ValueError(f"must be a mailto: or https: address, not {target!r}")
        if any(c in target for c in "<>, \t"):
            raise ValueError(f"must not contain spaces, commas or angle brackets: {target!r}")
    return targets


def subject_template(value: Any) -> str:
    template = text(value)
    for name in _FIELD.findall(template):
        if name not in SUBJECT_FIELDS:
            fields = ", ".join("{" + f + "}" for f in SUBJECT_FIELDS)
            raise ValueError(f"unknown field {{{name}}}; use {fields}")
    return template


def env_name(value: Any) -> str:
    name = text(value)
    if not _ENV_NAME.fullmatch(name):
        raise ValueError(f"not an environment variable name: {name!r}")
    return name


def base_url(value: Any) -> str:
    url = text(value)
    if not url.lower().startswith(("https://", "http://")) or " " in url:
        raise ValueError(f"must be an http(s) address, not {url!r}")
    return url if url.endswith("/") else url + "/"


def _path(value: Any) -> Path:
    return Path(text(value)).expanduser()


def _join(path: Path, folder: Path) -> Path:
    return folder / path


def _themes(value: Any) -> Path | str:
    """A themes file, or ``auto``: learn the themes from the day."""
    return "auto" if value == "auto" else _path(value)


def _themes_word(word: str) -> Path | str:
    return "auto" if word == "auto" else Path(word)


def _themes_in(themes: Path | str, folder: Path) -> Path | str:
    return folder / themes if isinstance(themes, Path) else themes


def _sources_in(sources: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    return tuple(str(folder / Path(source).expanduser()) for source in sources)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"must be true or false, not {_shown(value)}")
    return value


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"not a date in YYYY-MM-DD form: {_shown(value)}") from None


def when(*, end: bool) -> Value[dt.datetime]:
    """A bound of the ``--since``/``--until`` window, as of now (see ``parse_bound``)."""

    def check(given: Any) -> dt.datetime:
        if not isinstance(given, str):
            raise TypeError(f"must be a string, not {_shown(given)}")
        return parse_bound(given, dt.datetime.now(dt.UTC), end=end)

    return kind(check)


def parse_bound(word: str, now: dt.datetime, *, end: bool = False) -> dt.datetime:
    """``24h``/``90m``/``2d``/``1w`` before ``now``, an ISO date, or an ISO date and time (no
    zone: UTC), as an aware UTC time.

    A bare date as the ``end`` bound means the end of that day. Raises ``ValueError``, also
    for a time the calendar cannot hold (``99999999999d`` ago, the end of 9999-12-31).
    """
    try:
        return _bound(word, now, end)
    except OverflowError:
        raise ValueError(f"out of range: {word!r} (dates run from year 1 to 9999)") from None


def _bound(word: str, now: dt.datetime, end: bool) -> dt.datetime:
    relative = _RELATIVE.match(word)
    if relative:
        amount = float(relative[1])
        return now.astimezone(dt.UTC) - dt.timedelta(**{_UNITS[relative[2].lower()]: amount})
    stated = word.strip()
    try:
        parsed = dt.datetime.fromisoformat(stated) if _ISO.match(word) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValueError(f"not a time: {word!r} (use e.g. 24h, 2d, 2025-06-24 or 2025-06-24T18:00)")
    if _BARE_DATE.fullmatch(stated):
        start = dt.datetime.combine(parsed.date(), dt.time(), dt.UTC)
        return start + (_DAY - dt.timedelta(microseconds=1)) if end else start
    return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__


TEXT = kind(text)
TEXTS = kind(texts)
SOURCES = kind(texts, in_folder=_sources_in)
PATH = kind(_path, Path, _join)
THEMES = kind(_themes, _themes_word, _themes_in)
ADDRESS = kind(address)
# One recipient per word on the command line (``--to`` again for each).
ADDRESSES = kind(addresses, address)
UNSUBSCRIBE = kind(unsubscribe)
SUBJECT = kind(subject_template)
ENV_NAME = kind(env_name)
BASE_URL = kind(base_url)
SECONDS = kind(seconds)
POSITIVE = kind(positive, _number)
FLAG = kind(_flag)
DATE = kind(_date)
RANKER = plugin(plugins.RANKERS)
