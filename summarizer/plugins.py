"""The one plug-in door: rankers, readers and delivery targets are found by entry point.

A package adds one by declaring it in its own ``pyproject.toml``, exactly as daily-brief
declares its built-ins::

    [project.entry-points."daily_brief.rankers"]
    shortest = "my_plugin:Shortest"         # a ranker factory: called once per run

    [project.entry-points."daily_brief.readers"]
    wire = "my_plugin:WIRE_READER"          # a reading.readers.Reader

    [project.entry-points."daily_brief.targets"]
    chat = "my_plugin:ChatTarget"           # a delivery target factory; reads [chat] in brief.toml

A name is what users type (``--algorithm shortest``, ``deliver = ["chat"]``). Two packages
declaring one name is refused rather than resolved silently. Nothing is imported until a
plug-in is asked for by name, so ``--help`` and the other stages never pay for a plug-in they
do not use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from importlib.metadata import Distribution, EntryPoint

RANKERS = "daily_brief.rankers"
READERS = "daily_brief.readers"
TARGETS = "daily_brief.targets"
# What each group's plug-ins are called in messages.
KINDS = {RANKERS: "ranker", READERS: "reader", TARGETS: "delivery target"}
# The distribution whose entry points are the built-ins.
BUILT_IN = "daily-brief"

_NAME = re.compile(r"[a-z][a-z0-9_-]*\Z")


@dataclass(frozen=True)
class Plugin:
    """One declared plug-in: its name, the package that declares it, and where it lives."""

    name: str
    package: str
    entry_point: EntryPoint

    @property
    def built_in(self) -> bool:
        return self.package == BUILT_IN

    def load(self) -> Any:
        """Import the plug-in; a broken one is a configuration error that names it."""
        try:
            return self.entry_point.load()
        except Exception as exc:  # a third party's import can fail in any way
            raise ConfigError(
                f"{KINDS[self.entry_point.group]} {self.name!r} from {self.package} cannot be "
                f"loaded: {type(exc).__name__}: {exc}"
            ) from exc


def declared(group: str) -> tuple[Plugin, ...]:
    """Every plug-in of a group, sorted by name; a clash or a bad name is refused."""
    found: dict[str, Plugin] = {}
    for plugin in _scan(group):
        if not _NAME.match(plugin.name):
            raise ConfigError(
                f"{plugin.package} declares a {KINDS[group]} with an invalid name "
                f"{plugin.name!r}: use lower-case letters, digits, - or _"
            )
        other = found.get(plugin.name)
        if other is not None and other.package != plugin.package:
            first, second = sorted((other.package, plugin.package))
            raise ConfigError(f"the {KINDS[group]} {plugin.name!r} is declared by both "
                              f"{first} and {second}; uninstall one")  # fmt: skip
        found[plugin.name] = plugin
    return tuple(found[name] for name in sorted(found))


def names(group: str) -> list[str]:
    """The names users can type for a group, sorted."""
    return [plugin.name for plugin in declared(group)]


def load(group: str, name: str, where: str = "") -> Any:
    """The plug-in a name stands for; an unknown name is a configuration error that lists
    the choices."""
    wanted = name.strip().lower()
    for plugin in declared(group):
        if plugin.name == wanted:
            return plugin.load()
    prefix = f"{where}: " if where else ""
    known = ", ".join(names(group)) or "none is installed"
    raise ConfigError(f"{prefix}unknown {KINDS[group]} {name!r}; choose one of: {known}")


def load_all(group: str) -> list[tuple[Plugin, Any]]:
    """Every plug-in of a group, loaded: other packages' before the built-ins (so a plug-in
    can claim what a built-in would), each part sorted by name."""
    plugins = sorted(declared(group), key=lambda p: (p.built_in, p.name))
    return [(plugin, plugin.load()) for plugin in plugins]


def rescan() -> None:
    """Forget what was found, so packages installed since are seen (a long-lived process,
    tests)."""
    _scan_all.cache_clear()


def _scan(group: str) -> tuple[Plugin, ...]:
    return _scan_all().get(group, ())


@functools.cache
def _scan_all() -> dict[str, tuple[Plugin, ...]]:
    """Every group's plug-ins, from one look at the installed packages. A package's name is
    read from its metadata once, not once per entry point: ``EntryPoint.dist.name`` parses
    the whole metadata file (daily-brief's holds its README) at each call, which took a
    twentieth of a second of every run (``_name`` reads its header alone)."""
    from importlib.metadata import entry_points

    package: dict[int, str] = {}  # id of a distribution (alive while this runs) → its name

    def package_of(dist: Distribution | None) -> str:
        if dist is None:
            return "?"
        if id(dist) not in package:
            package[id(dist)] = _name(dist)
        return package[id(dist)]

    every = entry_points()
    return {
        group: tuple(
            Plugin(ep.name.strip().lower(), package_of(ep.dist), ep)
            for ep in every.select(group=group)
        )
        for group in KINDS
    }


def _name(dist: Distribution) -> str:
    """A distribution's name, from its metadata's ``Name:`` header: ``Distribution.name``
    parses the whole file as a mail message, daily-brief's README with it (2.5 ms a run)."""
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
    for line in text.partition("\n\n")[0].splitlines():
        if line.startswith("Name:"):
            return line[len("Name:") :].strip()
    return str(dist.name)
