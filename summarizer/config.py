"""``brief.toml``: the daily job's settings in one file, so cron needs only ``brief build``.

Command-line options override the file, and the file overrides the built-in defaults. Every
mistake is reported as one line that names the file, the key and what is wrong with it, and
unknown keys are refused (a misspelt key silently ignored would mean mail never sent).
Relative paths in the file are relative to the file's own folder, not to where cron runs.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from email.headerregistry import AddressHeader, HeaderRegistry
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from summarizer import plugins
from summarizer.errors import ConfigError

CONFIG_NAME = "brief.toml"
SECURITY_MODES = ("none", "starttls", "tls")
DEFAULT_PORTS = {"none": 25, "starttls": 587, "tls": 465}
SUBJECT_FIELDS = ("title", "date", "long_date")
_FIELD = re.compile(r"\{([^{}]*)\}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_T = TypeVar("_T")
_HEADERS = HeaderRegistry()
_NO_TEXTS: tuple[str, ...] = ()
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# The ranker a brief uses unless told otherwise (``--algorithm``, ``algorithm =``).
DEFAULT_RANKER = "concepts"


@dataclass(frozen=True)
class EmailSettings:
    """Where and how to send the brief; the password itself is never stored here."""

    host: str | None = None
    port: int | None = None
    security: str = "starttls"
    user: str | None = None
    password_env: str | None = None
    sender: str | None = None
    to: tuple[str, ...] = ()
    subject: str = "{title} — {long_date}"
    list_unsubscribe: tuple[str, ...] = ()
    ca_file: Path | None = None
    timeout: float = 30.0
    retries: int = 2
    retry_delay: float = 5.0

    @property
    def server_port(self) -> int:
        """The configured port, else the usual one for the security mode."""
        return self.port or DEFAULT_PORTS[self.security]


@dataclass(frozen=True)
class SiteSettings:
    """The static archive: its folder, its title and the public address it is served from."""

    dir: Path | None = None
    title: str | None = None
    base_url: str | None = None
    headlines: int = 3


@dataclass(frozen=True)
class Config:
    """Everything ``brief build``, ``send`` and ``publish`` can take from the file."""

    path: Path | None = None
    sources: tuple[str, ...] = ()
    out: Path = Path("briefs")
    title: str = "Daily Brief"
    # A themes file, or "auto": learn the themes from the day; None: the bundled themes when
    # they fit the day, else learned ones.
    themes: Path | str | None = None
    templates: Path | None = None
    algorithm: str = DEFAULT_RANKER
    # At most this many items and about this many words in a brief; None: as the day holds.
    items: int | None = None
    words: int | None = None
    # Earlier briefs in ``out`` within this many days are the brief's history; 0: none
    # (``history.DEFAULT_DAYS``, not imported: history reads the site, which reads this).
    history_days: int = 7
    deliver: tuple[str, ...] = ()
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


class _Table:
    """One TOML table being read: converts keys and says which file and key were wrong."""

    def __init__(self, data: Mapping[str, Any], file: Path, prefix: str = "") -> None:
        self.data, self.file, self.prefix = data, file, prefix

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.file}: {self.prefix}{key}: {problem}")

    def check_keys(self, known: Sequence[str]) -> None:
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {self.prefix}{close[0]}?)" if close else ""
                raise self.fail(key, f"unknown key{hint}")

    def get(self, key: str, convert: Callable[[Any], _T], default: _T) -> _T:
        if key not in self.data:
            return default
        try:
            return convert(self.data[key])
        except (TypeError, ValueError) as exc:
            raise self.fail(key, str(exc)) from None

    def path(self, key: str) -> Path | None:
        value = self.get(key, text, None)
        return None if value is None else self.file.parent / Path(value).expanduser()

    def table(self, key: str) -> _Table:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table ([" + key + "])")
        return _Table(value, self.file, f"{self.prefix}{key}.")


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


def whole(low: int, high: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"must be a whole number from {low} to {high}, not {_shown(value)}")
        return value

    return convert


def seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 3600:
        raise ValueError(f"must be a number of seconds from 0 to 3600, not {_shown(value)}")
    return float(value)


def choice(options: Sequence[str]) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        word = text(value).lower()
        if word not in options:
            raise ValueError(f"must be one of {', '.join(options)}, not {_shown(value)}")
        return word

    return convert


def address(value: Any) -> str:
    """An email address, optionally with a display name: ``Name <user@example.org>``."""
    line = text(value)
    try:
        header = _HEADERS("To", line)
    except (IndexError, ValueError, TypeError):  # the parser's way of giving up on odd input
        header = None
    if not isinstance(header, AddressHeader) or header.defects:
        raise ValueError(f"not an email address: {line!r}")
    if len(header.addresses) != 1 or not header.addresses[0].domain:
        raise ValueError(f"not one email address: {line!r}")
    return line


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


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__


_TOP_KEYS = (
    *("sources", "out", "title", "themes", "templates", "algorithm", "items", "words"),
    "history_days",
    "deliver",
)
_EMAIL_KEYS = (
    *("host", "port", "security", "user", "password_env", "from", "to", "subject"),
    *("list_unsubscribe", "ca_file", "timeout", "retries", "retry_delay"),
)
_SITE_KEYS = ("dir", "title", "base_url", "headlines")


def _email(table: _Table) -> EmailSettings:
    if "password" in table.data:
        raise table.fail("password", "not allowed here; name an environment variable that "
                         "holds it in password_env instead")  # fmt: skip
    table.check_keys(_EMAIL_KEYS)
    return EmailSettings(
        host=table.get("host", text, None),
        port=table.get("port", whole(1, 65535), None),
        security=table.get("security", choice(SECURITY_MODES), "starttls"),
        user=table.get("user", text, None),
        password_env=table.get("password_env", env_name, None),
        sender=table.get("from", address, None),
        to=table.get("to", addresses, _NO_TEXTS),
        subject=table.get("subject", subject_template, EmailSettings.subject),
        list_unsubscribe=table.get("list_unsubscribe", unsubscribe, _NO_TEXTS),
        ca_file=table.path("ca_file"),
        timeout=table.get("timeout", seconds, EmailSettings.timeout),
        retries=table.get("retries", whole(0, 10), EmailSettings.retries),
        retry_delay=table.get("retry_delay", seconds, EmailSettings.retry_delay),
    )


def _site(table: _Table) -> SiteSettings:
    table.check_keys(_SITE_KEYS)
    return SiteSettings(
        dir=table.path("dir"),
        title=table.get("title", text, None),
        base_url=table.get("base_url", base_url, None),
        headlines=table.get("headlines", whole(1, 20), SiteSettings.headlines),
    )


def parse_config(data: Mapping[str, Any], file: Path) -> Config:
    """Check and convert a parsed TOML document (``file`` names it in errors)."""
    top = _Table(data, file)
    tables = _target_tables(data, file)
    top.check_keys((*_TOP_KEYS, "email", "site", *tables))
    sources = top.get("sources", texts, _NO_TEXTS)
    return Config(
        path=file,
        sources=tuple(str(file.parent / Path(s).expanduser()) for s in sources),
        out=top.path("out") or Config.out,
        title=top.get("title", text, Config.title),
        themes="auto" if data.get("themes") == "auto" else top.path("themes"),
        templates=top.path("templates"),
        algorithm=top.get("algorithm", choice(plugins.names(plugins.RANKERS)), Config.algorithm),
        items=top.get("items", whole(1, 100), Config.items),
        words=top.get("words", whole(20, 5000), Config.words),
        history_days=top.get("history_days", whole(0, 366), Config.history_days),
        deliver=top.get("deliver", texts, _NO_TEXTS),
        email=_email(top.table("email")),
        site=_site(top.table("site")),
        tables=MappingProxyType(tables),
    )


def _target_tables(data: Mapping[str, Any], file: Path) -> dict[str, Mapping[str, Any]]:
    """The tables named after an installed plug-in target, kept for it to read; any other
    unknown table stays an unknown key."""
    known = {*_TOP_KEYS, "email", "site"}
    wanted = [key for key, value in data.items() if key not in known and isinstance(value, dict)]
    if not wanted:
        return {}
    targets = set(plugins.names(plugins.TARGETS))
    return {key: MappingProxyType(dict(data[key])) for key in wanted if key in targets}


def load_config(path: Path | None = None, cwd: Path | None = None) -> Config:
    """The file given, else ``brief.toml`` in the working folder if there is one, else defaults.

    A file named explicitly must exist; the implicit one is optional.
    """
    if path is None:
        implicit = (cwd or Path.cwd()) / CONFIG_NAME
        if not implicit.is_file():
            return Config()
        path = Path(os.path.relpath(implicit)) if cwd is None else implicit
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read config {path}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {' '.join(str(exc).split())}") from exc
    return parse_config(data, path)


def with_overrides(config: Config, **options: Any) -> Config:
    """Command-line values replace the file's; ``None`` (an option not given) keeps it.

    Keys are Config fields, or ``email_<field>`` / ``site_<field>`` for the two tables.
    """
    top: dict[str, Any] = {}
    email: dict[str, Any] = {}
    site: dict[str, Any] = {}
    for key, value in options.items():
        if value is None or value == ():
            continue
        section, _, name = key.partition("_")
        if section == "email" and name:
            email[name] = value
        elif section == "site" and name:
            site[name] = value
        else:
            top[key] = value
    return replace(
        config,
        **top,
        email=replace(config.email, **email),
        site=replace(config.site, **site),
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
