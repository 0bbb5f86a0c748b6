"""brief.toml: every key read and converted, every mistake one line naming file and key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from summarizer import plugins
from summarizer.cli import _parser
from summarizer.config import (
    CONFIG_NAME,
    Config,
    EmailSettings,
    SiteSettings,
    load_config,
    smtp_password,
    with_overrides,
)
from summarizer.config.docs import options_table
from summarizer.config.options import OPTIONS, SECTIONS, in_file, of_command
from summarizer.config.values import parse_bound
from summarizer.errors import ConfigError
from tests.conftest import Declare
from tests.paths import REPO

FULL = """
title = "Ukraine Brief"
sources = ["articles", "/abs/feed"]
out = "out"
themes = "themes.toml"
templates = "tpl"
algorithm = "lexrank"
items = 3
deliver = ["site", "email"]

[email]
host = "smtp.example.org"
security = "tls"
user = "brief@example.org"
password_env = "BRIEF_SMTP_PASSWORD"
from = "Daily Brief <brief@example.org>"
to = ["a@example.org", "Zoë <zoe@example.org>"]
subject = "{title} for {long_date}"
list_unsubscribe = "mailto:leave@example.org"
ca_file = "relay-ca.pem"
timeout = 1.5
retries = 0
retry_delay = 0

[site]
dir = "public"
title = "Archive"
base_url = "https://example.org/brief"
headlines = 2
"""


def write(folder: Path, text: str) -> Path:
    path = folder / CONFIG_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read_and_paths_are_relative_to_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    assert config.title == "Ukraine Brief"
    assert config.sources == (str(tmp_path / "articles"), "/abs/feed")
    assert (config.out, config.themes, config.templates) == (
        tmp_path / "out",
        tmp_path / "themes.toml",
        tmp_path / "tpl",
    )
    assert (config.algorithm, config.items, config.deliver) == ("lexrank", 3, ("site", "email"))
    email = config.email
    assert (email.host, email.security, email.server_port) == ("smtp.example.org", "tls", 465)
    assert email.sender == "Daily Brief <brief@example.org>"
    assert email.to == ("a@example.org", "Zoë <zoe@example.org>")
    assert email.list_unsubscribe == ("mailto:leave@example.org",)
    assert email.ca_file == tmp_path / "relay-ca.pem"
    assert (email.timeout, email.retries, email.retry_delay) == (1.5, 0, 0.0)
    assert config.site.dir == tmp_path / "public"
    assert config.site.base_url == "https://example.org/brief/"
    assert config.site.headlines == 2


def test_no_file_means_defaults_and_the_working_folder_file_is_found(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == Config()
    write(tmp_path, 'title = "Found"\n')
    assert load_config(cwd=tmp_path).title == "Found"


def test_default_ports_follow_security() -> None:
    ports = {mode: EmailSettings(security=mode).server_port for mode in ("none", "starttls", "tls")}
    assert ports == {"none": 25, "starttls": 587, "tls": 465}
    assert EmailSettings(security="tls", port=2465).server_port == 2465


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        ("titel = 'x'", "titel", "unknown key (did you mean title?)"),
        ("[email]\nhots = 'x'", "email.hots", "unknown key (did you mean email.host?)"),
        ("[email]\nport = 'abc'", "email.port", "whole number from 1 to 65535"),
        ("[email]\nport = 70000", "email.port", "whole number from 1 to 65535"),
        ("[email]\nsecurity = 'ssl'", "email.security", "one of none, starttls, tls"),
        ("[email]\npassword = 'hunter2'", "email.password", "name an environment variable"),
        ("[email]\npassword_env = 'MY PASS'", "email.password_env", "not an environment variable"),
        ("[email]\nto = ['bob']", "email.to", "not an email address: 'bob'"),
        ("[email]\nto = 'a@x.org, b@x.org'", "email.to", "not one email address"),
        ('[email]\nfrom = "x@y.org\\nBcc: z@y.org"', "email.from", "must be on one line"),
        ("[email]\nsubject = '{title} {when}'", "email.subject", "unknown field {when}"),
        ("[email]\nlist_unsubscribe = 'ftp://x'", "email.list_unsubscribe", "mailto: or https:"),
        ("[email]\ntimeout = -1", "email.timeout", "seconds from 0 to 3600"),
        ("[email]\nretries = 99", "email.retries", "from 0 to 10"),
        ("email = 3", "email", "must be a table"),
        ("[site]\nbase_url = 'example.org'", "site.base_url", "http(s) address"),
        ("items = 0", "items", "whole number from 1 to 100"),
        ("algorithm = 'magic'", "algorithm", "must be one of"),
        ("sources = 3", "sources", "string or a list of strings"),
        ("title = ''", "title", "must not be empty"),
    ],
)
def test_a_bad_value_is_one_line_naming_file_and_key(
    tmp_path: Path, text: str, key: str, problem: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: {key}: "), message
    assert problem in message


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "title = \n")
    with pytest.raises(ConfigError, match=re.escape(f"{path}: not valid TOML: ")):
        load_config(path)
    with pytest.raises(ConfigError, match=r"cannot read config .*No such file"):
        load_config(tmp_path / "absent.toml")


@pytest.mark.parametrize("depth", [900, 100_000])
def test_a_file_nested_too_deeply_is_one_line(tmp_path: Path, depth: int) -> None:
    """tomllib recurses once a level: a deep array was an internal RecursionError."""
    path = write(tmp_path, "title = " + "[" * depth + "]" * depth + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value) == f"{path}: not valid TOML: nested too deeply"


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "brief.toml"
    path.write_bytes(b"\xef\xbb\xbf" + FULL.encode("utf-8"))  # Notepad's "UTF-8 with BOM"
    config = load_config(path)
    assert (config.title, config.email.to[1]) == ("Ukraine Brief", "Zoë <zoe@example.org>")


def test_command_line_values_override_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    merged = with_overrides(
        config, title="Given", items=None, email_to=("c@example.org",), site_dir=Path("here")
    )
    assert merged.title == "Given"
    assert merged.items == 3  # not given on the command line: the file's value stays
    assert merged.email.to == ("c@example.org",)
    assert merged.email.host == "smtp.example.org"
    assert merged.site.dir == Path("here")
    assert merged.site.base_url == config.site.base_url


def test_password_comes_only_from_the_named_environment_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = EmailSettings(user="brief", password_env="BRIEF_TEST_PASSWORD")
    monkeypatch.delenv("BRIEF_TEST_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match=r"BRIEF_TEST_PASSWORD is not set"):
        smtp_password(settings, "brief.toml")
    monkeypatch.setenv("BRIEF_TEST_PASSWORD", "s3cret")
    assert smtp_password(settings, "brief.toml") == "s3cret"
    with pytest.raises(ConfigError, match=r"email.password_env: not set"):
        smtp_password(EmailSettings(user="brief"), "brief.toml")
    assert smtp_password(EmailSettings(), "brief.toml") is None


def test_the_readme_example_is_a_valid_config(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(# brief\.toml\n.*?)```", readme, re.DOTALL)
    assert example, "README lost its brief.toml example"
    config = load_config(write(tmp_path, example.group(1)))
    assert config.deliver == ("site", "email")
    assert config.email.password_env == "BRIEF_SMTP_PASSWORD"
    assert config.site.dir == tmp_path / "site"


def test_history_days_is_read_and_checked(tmp_path: Path) -> None:
    assert load_config(write(tmp_path, "history_days = 3\n")).history_days == 3
    assert load_config(write(tmp_path, "history_days = 0\n")).history_days == 0  # none
    assert Config().history_days == 7
    with pytest.raises(ConfigError, match=r"history_days: must be a whole number from 0 to 366"):
        load_config(write(tmp_path, 'history_days = "week"\n'))
    with pytest.raises(ConfigError, match=r"unknown key \(did you mean history_days\?\)"):
        load_config(write(tmp_path, "history_day = 2\n"))


def test_a_plugin_targets_table_is_kept_for_it_and_any_other_table_refused(
    tmp_path: Path, declare: Declare
) -> None:
    path = tmp_path / "brief.toml"
    path.write_text('deliver = ["chat"]\n\n[chat]\nchannel = "#news"\n')
    with pytest.raises(ConfigError, match=r"brief.toml: chat: unknown key"):
        load_config(path)
    declare(plugins.TARGETS, "chat", "tests.delivery.test_targets:Recording")
    config = load_config(path)
    assert dict(config.table("chat")) == {"channel": "#news"}
    assert dict(config.table("fax")) == {}


# --- one declaration per option: the settings, the command line and the README agree ------

SETTINGS = {"": Config, "email": EmailSettings, "site": SiteSettings}
# Config's fields that are not options: where it was read from, and its tables.
NOT_OPTIONS = {"path", *SECTIONS, "tables"}


@pytest.mark.parametrize("section", list(SETTINGS))
def test_every_setting_has_one_declaration_and_its_default(section: str) -> None:
    declared = [option.field for option in in_file(section)]
    fields = dataclasses.fields(SETTINGS[section])
    assert sorted(declared) == sorted(f.name for f in fields if f.name not in NOT_OPTIONS)
    made = SETTINGS[section]()
    for option in in_file(section):
        assert getattr(made, option.field) == option.default, option.name


def test_names_are_unique_and_each_command_has_each_flag_once() -> None:
    assert len({option.name for option in OPTIONS}) == len(OPTIONS)
    for option in OPTIONS:  # a setting's key is in its own table ("email.from": email.sender)
        assert option.toml is None or option.toml.rpartition(".")[0] == option.section
    commands = {command for option in OPTIONS for command in option.commands}
    for command in commands:
        flags = [flag for option in of_command(command) for flag in option.flags]
        assert len(flags) == len(set(flags)), command


def help_of(capsys: pytest.CaptureFixture[str], command: str) -> str:
    """``brief COMMAND --help``, its lines joined as one."""
    with pytest.raises(SystemExit):
        _parser().parse_args([*command.split(), "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_every_command_line_option_is_on_its_commands_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in {command for option in OPTIONS for command in option.commands}:
        shown = help_of(capsys, command)
        for option in of_command(command):
            assert all(flag in shown for flag in option.flags), (command, option.name)


def test_help_shows_the_real_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    build = help_of(capsys, "build")
    assert "(default: concepts; brief.toml: algorithm)" in build
    assert "(default: 7; brief.toml: history_days)" in build
    assert "network timeout for URLs, in seconds (default: 20)" in help_of(capsys, "summarize")
    evaluate = help_of(capsys, "evaluate")
    assert "algorithms to compare, or all (default: concepts)" in evaluate
    assert "['concepts']" not in evaluate


def test_no_help_shows_a_python_value_and_the_date_says_its_format(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in {command for option in OPTIONS for command in option.commands}:
        shown = help_of(capsys, command)
        assert "None" not in shown and "['" not in shown and "()" not in shown, command
    assert "--date YYYY-MM-DD date of the brief, as YYYY-MM-DD" in help_of(capsys, "build")


def test_the_readme_table_of_options_is_the_declarations() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert options_table() in readme, (
        "README's table of options differs from summarizer/config/options.py: replace it "
        "with the output of python -m summarizer.config.docs"
    )


# --- the --since/--until bounds ------------------------------------------------------------

UTC = dt.UTC
NOW = dt.datetime(2025, 6, 25, 12, 0, tzinfo=UTC)


def at(day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(2025, 6, day, hour, minute, tzinfo=UTC)


def test_bounds_relative_dates_and_times() -> None:
    assert parse_bound("24h", NOW) == at(24, 12)
    assert parse_bound("90m", NOW) == at(25, 10, 30)
    assert parse_bound("2d", NOW) == at(23, 12)
    assert parse_bound("1w", NOW) == dt.datetime(2025, 6, 18, 12, tzinfo=UTC)
    assert parse_bound("2025-06-24", NOW) == at(24)
    assert parse_bound("2025-06-24", NOW, end=True) == at(25) - dt.timedelta(microseconds=1)
    assert parse_bound("2025-06-24T18:00+02:00", NOW) == at(24, 16)


@pytest.mark.parametrize("value", ["soon", "24", "h24", "24 hours ago", "2025-06-31"])
def test_bad_bounds_are_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a time"):
        parse_bound(value, NOW)


@pytest.mark.parametrize(
    "value", ["99999999999d", "1000000w", "0001-01-01T00:00+05:00", "9999-12-31T23:00-05:00"]
)
def test_a_bound_past_the_calendar_is_a_plain_error(value: str) -> None:
    with pytest.raises(ValueError, match=r"^out of range: .* \(dates run from year 1 to 9999\)$"):
        parse_bound(value, NOW)


def test_the_calendars_last_day_is_a_bound_not_an_overflow() -> None:
    assert parse_bound("9999-12-31", NOW, end=True) == dt.datetime.max.replace(tzinfo=UTC)
