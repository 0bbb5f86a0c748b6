"""Settings: ``brief.toml`` and the command line, from one table of options.

Every option is declared once in ``options.OPTIONS``: its value (``values``), default, help,
brief.toml key and flags. The settings (``settings``), the file's reader (``toml``), the
command line's flags (cli.py) and the README's table (``docs``) are derived from it.
Command-line options override the file, and the file overrides the declared defaults.
Relative paths in the file are relative to the file's own folder, not to where cron runs.
"""

from __future__ import annotations

from summarizer.config.options import CONFIG_NAME, DEFAULT_RANKER
from summarizer.config.settings import (
    Config,
    EmailSettings,
    SiteSettings,
    smtp_password,
    with_overrides,
)
from summarizer.config.toml import load_config, parse_config

__all__ = [
    "CONFIG_NAME",
    "DEFAULT_RANKER",
    "Config",
    "EmailSettings",
    "SiteSettings",
    "load_config",
    "parse_config",
    "smtp_password",
    "with_overrides",
]
