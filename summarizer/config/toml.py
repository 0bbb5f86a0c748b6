"""Reading brief.toml: every key is an option's (``options.in_file``), checked by its value.

Every mistake is one line that names the file, the key and what is wrong with it, and unknown
keys are refused (a misspelt key silently ignored would mean mail never sent). A table named
after an installed plug-in delivery target is kept for the target to read.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from summarizer import plugins
from summarizer.config.options import CONFIG_NAME, SECTIONS, Option, in_file
from summarizer.config.settings import Config, EmailSettings, SiteSettings
from summarizer.errors import ConfigError

# Keys that are refused with a reason rather than as unknown.
_REFUSED = {
    "email.password": "not allowed here; name an environment variable that holds it in "
    "password_env instead"
}


class _Table:
    """One TOML table being read: converts keys and says which file and key were wrong."""

    def __init__(self, data: Mapping[str, Any], file: Path, section: str = "") -> None:
        self.data, self.file, self.section = data, file, section
        self.prefix = f"{section}." if section else ""

    def fail(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.file}: {self.prefix}{key}: {problem}")

    def check_keys(self, known: Sequence[str]) -> None:
        for key in self.data:
            refused = _REFUSED.get(self.prefix + key)
            if refused:
                raise self.fail(key, refused)
        for key in self.data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {self.prefix}{close[0]}?)" if close else ""
                raise self.fail(key, f"unknown key{hint}")

    def get(self, option: Option) -> Any:
        """The option's value, checked; its default when the table does not set it."""
        if option.key not in self.data:
            return option.default
        try:
            return option.value.read(self.data[option.key], self.file.parent)
        except (TypeError, ValueError) as exc:
            raise self.fail(option.key, str(exc)) from None

    def settings(self, *others: str) -> dict[str, Any]:
        """Every setting of this table by field, after refusing keys that are not one (nor
        one of ``others``: the tables within)."""
        options = in_file(self.section)
        self.check_keys((*(option.key for option in options), *others))
        return {option.field: self.get(option) for option in options}

    def table(self, key: str) -> _Table:
        value = self.data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, "must be a table ([" + key + "])")
        return _Table(value, self.file, f"{self.prefix}{key}")


def parse_config(data: Mapping[str, Any], file: Path) -> Config:
    """Check and convert a parsed TOML document (``file`` names it in errors)."""
    top = _Table(data, file)
    tables = _target_tables(data)
    settings = top.settings(*SECTIONS, *tables)
    return Config(
        path=file,
        **settings,
        email=EmailSettings(**top.table("email").settings()),
        site=SiteSettings(**top.table("site").settings()),
        tables=MappingProxyType(tables),
    )


def _target_tables(data: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """The tables named after an installed plug-in target, kept for it to read; any other
    unknown table stays an unknown key."""
    known = {*(option.key for option in in_file("")), *SECTIONS}
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
        data = tomllib.loads(raw.decode("utf-8-sig"))  # Notepad saves a BOM
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {' '.join(str(exc).split())}") from exc
    except RecursionError as exc:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from exc
    return parse_config(data, path)
