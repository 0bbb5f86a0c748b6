"""Delivery targets: where a built brief goes next (a static site, readers' inboxes, ...).

A target is one small interface: ``check`` the settings before anything is built (so a cron
job with a bad config fails before doing any work) and ``deliver`` a stored brief, returning
one line that says what was done. Targets come through the plug-in door (entry point group
``daily_brief.targets``): the built-in ``site`` and ``email`` are declared exactly as a
user's target is, and each reads its own table of brief.toml (``[site]``, ``[email]``; a
plug-in's ``[chat]`` through ``config.table("chat")``). The ``deliver`` list in brief.toml
(or ``--publish`` / ``--send``) picks which run after a build; a target may also
``describe(config)`` where it delivers, for the line a build prints before delivering.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

from summarizer import plugins
from summarizer.config import Config
from summarizer.delivery.mail import check_addresses
from summarizer.delivery.publish import publish
from summarizer.delivery.send import send_brief, server_from
from summarizer.delivery.stored import StoredBrief, load_stored
from summarizer.errors import BriefError, ConfigError, DeliveryError


class Target(Protocol):
    """Something a built brief can be delivered to."""

    def check(self, config: Config) -> None:
        """Raise ``ConfigError`` when the settings this target needs are missing or wrong."""

    def deliver(self, stored: StoredBrief, config: Config) -> str:
        """Deliver the brief; return one line saying what was done."""


def target_names() -> list[str]:
    """The targets users can name in ``deliver``: the built-ins and every plug-in's."""
    return plugins.names(plugins.TARGETS)


def get_target(name: str, where: str = "deliver") -> Target:
    """A target by name; an unknown name is a configuration error naming the choices."""
    factory: Callable[[], Target] = plugins.load(plugins.TARGETS, name, where)
    return factory()


def targets_for(config: Config, *, publish: bool = False, send: bool = False) -> list[str]:
    """The config's ``deliver`` list plus what the options ask for, each once, in order."""
    names = [*config.deliver, *(["site"] if publish else []), *(["email"] if send else [])]
    return list(dict.fromkeys(name.strip().lower() for name in names))


def check(names: Iterable[str], config: Config) -> None:
    """Check every target's settings before anything is built or sent."""
    for name in names:
        get_target(name, f"{config.where()}: deliver").check(config)


def describe(names: Iterable[str], config: Config) -> str:
    """Where the brief will go, for the line a build prints before delivering: each target's
    name, with its own words on where (a plug-in without ``describe``: its name alone)."""
    parts = []
    for name in names:
        where = getattr(get_target(name), "describe", None)
        parts.append(f"{name} ({where(config)})" if callable(where) else name)
    return ", ".join(parts)


def deliver(
    stored: StoredBrief, names: Sequence[str], config: Config, report: Callable[[str], None]
) -> None:
    """Run every target, even after one fails, then raise one line naming the failures."""
    failures: list[tuple[str, BriefError]] = []
    for name in names:
        try:
            report(get_target(name).deliver(stored, config))
        except BriefError as exc:
            failures.append((name, exc))
    if failures:
        message = "; ".join(f"{name} failed: {exc}" for name, exc in failures)
        error = DeliveryError(message)
        error.exit_code = failures[0][1].exit_code
        raise error


def deliver_file(
    path: Path, names: Sequence[str], config: Config, report: Callable[[str], None]
) -> None:
    """Deliver the brief stored at ``path`` (any of its .md, .html or .json files)."""
    deliver(load_stored(path, config.templates), names, config, report)


class SiteTarget:
    """Adds the brief to the static archive in ``[site] dir``."""

    def check(self, config: Config) -> None:
        if config.site.dir is None:
            raise ConfigError(f"{config.where()}: site.dir: not set; give the site folder "
                              "([site] dir in brief.toml, or --site DIR)")  # fmt: skip

    def describe(self, config: Config) -> str:
        return str(config.site.dir)

    def deliver(self, stored: StoredBrief, config: Config) -> str:
        return str(publish(stored, config.site, templates=config.templates))


class EmailTarget:
    """Emails the brief to ``[email] to`` through ``[email] host``."""

    def check(self, config: Config) -> None:
        check_addresses(config.email, config.where())
        server_from(config.email, config.where())

    def describe(self, config: Config) -> str:
        count = len(config.email.to)
        return f"{count} recipient(s) via {config.email.host}:{config.email.server_port}"

    def deliver(self, stored: StoredBrief, config: Config) -> str:
        return send_brief(stored, config.email, where=config.where(), templates=config.templates)
