"""A named registry: how rankers and delivery targets are plugged in.

Built-ins register through the same ``register`` a user's plug-in calls, and a taken name is
refused unless replacing it is asked for, so a plug-in cannot silently shadow a built-in.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

from summarizer.errors import ConfigError

T = TypeVar("T")

_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")


class Registry(Generic[T]):
    """Values by lower-case name, each with a one-line description."""

    def __init__(self, kind: str) -> None:
        self.kind = kind  # "ranker", "delivery target": used in messages
        self._entries: dict[str, tuple[T, str]] = {}

    def register(self, name: str, value: T, description: str, *, replace: bool = False) -> None:
        """Make ``value`` available as ``name`` (names are what users type)."""
        if not _NAME.match(name):
            raise ConfigError(
                f"invalid {self.kind} name {name!r}: use lower-case letters, digits, - or _"
            )
        if name in self._entries and not replace:
            raise ConfigError(f"a {self.kind} named {name!r} is already registered")
        self._entries[name] = (value, " ".join(description.split()))

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._entries)

    def descriptions(self) -> dict[str, str]:
        """Name -> one-line description, sorted by name (for help texts and listings)."""
        return {name: self._entries[name][1] for name in self.names()}

    def get(self, name: str, where: str = "") -> T:
        """The value for a name; an unknown name is a configuration error naming the choices."""
        entry = self._entries.get(name.strip().lower())
        if entry is None:
            prefix = f"{where}: " if where else ""
            known = ", ".join(self.names())
            raise ConfigError(f"{prefix}unknown {self.kind} {name!r}; choose one of: {known}")
        return entry[0]

    def copy(self) -> Registry[T]:
        """An independent copy (tests register throw-away entries in one)."""
        clone: Registry[T] = Registry(self.kind)
        clone._entries = dict(self._entries)
        return clone
