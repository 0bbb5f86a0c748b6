"""The settings as the commands use them: ``Config`` and its two tables.

Each field's default is its option's (``options.OPTIONS``); a test checks that every field has
exactly one declaration and every declaration a field.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from summarizer.config.options import CONFIG_NAME, DEFAULT_PORTS, DEFAULTS, SECTIONS
from summarizer.errors import ConfigError


@dataclass(frozen=True)
class EmailSettings:
    """Where and how to send the brief; the password itself is never stored here."""

    host: str | None = DEFAULTS["email.host"]
    port: int | None = DEFAULTS["email.port"]
    security: str = DEFAULTS["email.security"]
    user: str | None = DEFAULTS["email.user"]
    password_env: str | None = DEFAULTS["email.password_env"]
    sender: str | None = DEFAULTS["email.sender"]
    to: tuple[str, ...] = DEFAULTS["email.to"]
    subject: str = DEFAULTS["email.subject"]
    list_unsubscribe: tuple[str, ...] = DEFAULTS["email.list_unsubscribe"]
    ca_file: Path | None = DEFAULTS["email.ca_file"]
    timeout: float = DEFAULTS["email.timeout"]
    retries: int = DEFAULTS["email.retries"]
    retry_delay: float = DEFAULTS["email.retry_delay"]

    @property
    def server_port(self) -> int:
        """The configured port, else the usual one for the security mode."""
        return self.port or DEFAULT_PORTS[self.security]


@dataclass(frozen=True)
class SiteSettings:
    """The static archive: its folder, its title and the public address it is served from."""

    dir: Path | None = DEFAULTS["site.dir"]
    title: str | None = DEFAULTS["site.title"]
    base_url: str | None = DEFAULTS["site.base_url"]
    headlines: int = DEFAULTS["site.headlines"]


@dataclass(frozen=True)
class Config:
    """Everything ``brief build``, ``send`` and ``publish`` can take from the file."""

    path: Path | None = None
    sources: tuple[str, ...] = DEFAULTS["sources"]
    out: Path = DEFAULTS["out"]
    title: str = DEFAULTS["title"]
    # A themes file, or "auto": learn the themes from the day; None: the bundled themes when
    # they fit the day, else learned ones.
    themes: Path | str | None = DEFAULTS["themes"]
    templates: Path | None = DEFAULTS["templates"]
    algorithm: str = DEFAULTS["algorithm"]
    # At most this many items and about this many words in a brief; None: as the day holds.
    items: int | None = DEFAULTS["items"]
    words: int | None = DEFAULTS["words"]
    # Earlier briefs in ``out`` within this many days are the brief's history; 0: none.
    history_days: int = DEFAULTS["history_days"]
    deliver: tuple[str, ...] = DEFAULTS["deliver"]
    email: EmailSettings = field(default_factory=EmailSettings)
    site: SiteSettings = field(default_factory=SiteSettings)
    # The tables of plug-in delivery targets (``[chat]`` for a target named chat), as read:
    # each target checks its own.
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=lambda: MappingProxyType({}))

    def where(self) -> str:
        """How error messages name the settings' origin."""
        return str(self.path) if self.path else f"no {CONFIG_NAME}"

    def table(self, name: str) -> Mapping[str, Any]:
        """A plug-in target's own table of brief.toml (empty when the file has none)."""
        return self.tables.get(name, MappingProxyType({}))


def with_overrides(config: Config, **options: Any) -> Config:
    """Command-line values replace the file's; ``None`` (an option not given) keeps it.

    Keys are Config fields, or ``email_<field>`` / ``site_<field>`` for the two tables.
    """
    top: dict[str, Any] = {}
    tables: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    for key, value in options.items():
        if value is None or value == ():
            continue
        section, _, name = key.partition("_")
        if section in tables and name:
            tables[section][name] = value
        else:
            top[key] = value
    return replace(
        config,
        **top,
        email=replace(config.email, **tables["email"]),
        site=replace(config.site, **tables["site"]),
    )


def smtp_password(settings: EmailSettings, where: str) -> str | None:
    """The password from the environment variable the config names, or None for no login."""
    if settings.user is None:
        return None
    if settings.password_env is None:
        raise ConfigError(f"{where}: email.password_env: not set, but email.user is; name the "
                          "environment variable that holds the password")  # fmt: skip
    password = os.environ.get(settings.password_env)
    if not password:
        raise ConfigError(
            f"{where}: email.password_env: environment variable "
            f"{settings.password_env} is not set or empty"
        )
    return password
