"""Delivery targets and the daily job: ``brief build --publish --send`` against a real local
SMTP server and a site folder, and ``brief send`` / ``brief publish`` on a built brief."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest

from summarizer import plugins
from summarizer.cli import main
from summarizer.config import Config, SiteSettings
from summarizer.delivery import targets
from summarizer.delivery.stored import StoredBrief, load_stored
from summarizer.errors import ConfigError, DeliveryError, SendError
from summarizer.output.render import Renderer
from summarizer.runtime.resources import examples_dir
from summarizer.storage.atomic import write_brief
from tests.conftest import Declare, make_brief
from tests.mailserver import closed_port, smtp_server
from tests.paths import REPO

# What the recording targets were given, in order (each test starts with it empty).
DELIVERED: list[str] = []


class Recording:
    """A user's target: it only notes what it was given."""

    fail = False

    def check(self, config: Config) -> None:
        if config.title == "forbidden":
            raise ConfigError("recording: title forbidden")

    def deliver(self, stored: StoredBrief, config: Config) -> str:
        if self.fail:
            raise SendError("recording: server gone")
        DELIVERED.append(stored.stem)
        return f"recorded {stored.stem}"


class Broken(Recording):
    fail = True


@pytest.fixture
def stored(tmp_path: Path) -> StoredBrief:
    paths = write_brief(tmp_path / "briefs", "2025-06-25", Renderer().render_all(make_brief()))
    return load_stored(paths[2])


@pytest.fixture
def recording(declare: Declare) -> None:
    DELIVERED.clear()
    declare(plugins.TARGETS, "recording", f"{__name__}:Recording")
    declare(plugins.TARGETS, "broken", f"{__name__}:Broken")


def test_a_users_target_is_found_and_run_like_the_built_ins(
    stored: StoredBrief, recording: None
) -> None:
    assert {"email", "site", "recording"} <= set(targets.target_names())
    config = Config(deliver=("recording",))
    names = targets.targets_for(config)
    targets.check(names, config)
    lines: list[str] = []
    targets.deliver(stored, names, config, lines.append)
    assert lines == ["recorded 2025-06-25"] and DELIVERED == ["2025-06-25"]


def test_targets_come_from_the_config_then_the_options_each_once() -> None:
    config = Config(deliver=("Email",))
    assert targets.targets_for(config, publish=True, send=True) == ["email", "site"]
    assert targets.targets_for(Config(), publish=True, send=True) == ["site", "email"]
    assert targets.targets_for(Config()) == []


def test_checks_run_before_anything_is_delivered(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"deliver: unknown delivery target 'fax'"):
        targets.check(["fax"], Config(path=tmp_path / "brief.toml"))
    with pytest.raises(ConfigError, match=r"site.dir: not set"):
        targets.check(["site"], Config())
    with pytest.raises(ConfigError, match=r"email.from: not set"):
        targets.check(["email"], Config())


def test_one_failing_target_does_not_stop_the_others(
    stored: StoredBrief, recording: None, tmp_path: Path
) -> None:
    config = Config(site=SiteSettings(dir=tmp_path / "site"))
    lines: list[str] = []
    with pytest.raises(DeliveryError) as caught:
        targets.deliver(stored, ["broken", "site", "recording"], config, lines.append)
    assert str(caught.value) == "broken failed: recording: server gone"
    assert caught.value.exit_code == 3
    assert lines[0].startswith("published 2025-06-25.html") and lines[1] == "recorded 2025-06-25"


# The command line, as cron runs it.


def brief(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BRIEF_DEBUG"}
    environment["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        cwd=cwd,
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def config_text(port: int, deliver_line: str = "") -> str:
    return f"""
title = "Ukraine Brief"
sources = ["{examples_dir()}"]
out = "briefs"
{deliver_line}

[email]
host = "127.0.0.1"
port = {port}
security = "none"
from = "Daily Brief <brief@example.org>"
to = ["ann@example.org", "bo@example.org"]
list_unsubscribe = "mailto:leave@example.org"
timeout = 1
retries = 1
retry_delay = 0

[site]
dir = "site"
"""


@pytest.mark.process
def test_the_daily_job_in_one_command(tmp_path: Path) -> None:
    with smtp_server() as server:
        (tmp_path / "brief.toml").write_text(config_text(server.port), encoding="utf-8")
        result = brief("build", "--publish", "--send", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        [got] = server.recorder.received
    lines = result.stdout.splitlines()
    assert lines[:3] == ["briefs/2025-06-25.md", "briefs/2025-06-25.html", "briefs/2025-06-25.json"]
    assert lines[3] == "published 2025-06-25.html to site (added; 1 brief(s) in index.html and " \
                       "feed.xml)"  # fmt: skip
    assert lines[4].startswith("emailed the 2025-06-25 brief to 2 recipient(s) via 127.0.0.1:")
    assert got.rcpt_tos == ("ann@example.org", "bo@example.org")
    assert got.message["Subject"] == "Ukraine Brief — Wednesday, 25 June 2025"
    assert got.message["List-Unsubscribe"] == "<mailto:leave@example.org>"
    feed = feedparser.parse((tmp_path / "site" / "feed.xml").read_text(encoding="utf-8"))
    assert [e.link for e in feed.entries] == ["2025-06-25.html"]


@pytest.mark.process
def test_the_daily_job_driven_by_the_config_alone(tmp_path: Path) -> None:
    with smtp_server() as server:
        text = config_text(server.port, 'deliver = ["site", "email"]')
        (tmp_path / "brief.toml").write_text(text, encoding="utf-8")
        result = brief("build", "--date", "2025-06-26", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert len(server.recorder.received) == 1
    assert (tmp_path / "site" / "2025-06-26.html").is_file()


@pytest.mark.process
def test_a_build_names_where_it_delivers_before_it_does(tmp_path: Path) -> None:
    with smtp_server() as server:
        text = config_text(server.port, 'deliver = ["site", "email"]')
        (tmp_path / "brief.toml").write_text(text, encoding="utf-8")
        result = subprocess.run(  # stdout and stderr in one unbuffered stream: their real order
            [sys.executable, "-m", "summarizer", "build"], cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"},
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout
        assert len(server.recorder.received) == 1
    lines = result.stdout.splitlines()
    plan = (
        f"brief: delivering to: site (site), email (2 recipient(s) via 127.0.0.1:{server.port})"
        " once built (--no-deliver: build only)"
    )
    assert lines[0] == plan  # before the build, so before anything is delivered
    assert lines.index("briefs/2025-06-25.json") < len(lines) - 2
    assert lines[-2].startswith("published 2025-06-25.html") and lines[-1].startswith("emailed")


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Outcome]:
    """The same entry point in this process (faster than a new one), run from ``tmp_path``."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BRIEF_DEBUG", raising=False)

    def run(*args: str) -> Outcome:
        code = main(list(args))
        out, err = capsys.readouterr()
        return Outcome(code, out, err)

    return run


def test_a_send_that_fails_says_so_in_one_line_and_keeps_the_brief(
    cli: Callable[..., Outcome], tmp_path: Path
) -> None:
    (tmp_path / "brief.toml").write_text(config_text(closed_port()), encoding="utf-8")
    result = cli("build", "--publish", "--send")
    assert result.code == 3
    # where to, themes, the retry said before its pause, the one error
    plan, themes, retry, line = result.err.strip().splitlines()
    assert plan.startswith("brief: delivering to: site (site), email (2 recipient(s) via ")
    assert themes.startswith("brief: themes: the default themes fit")
    assert retry.endswith(
        "cannot connect: connection refused; trying again in 0 s (attempt 2 of 2)"
    )
    assert line.startswith("brief: error: email failed: 127.0.0.1:")
    assert line.endswith("cannot connect: connection refused (after 2 attempts)")
    assert "published 2025-06-25.html" in result.out  # the site was still updated
    before = {p.name: p.read_bytes() for p in (tmp_path / "briefs").iterdir()}
    assert cli("send", "briefs/2025-06-25.html").code == 3
    assert {p.name: p.read_bytes() for p in (tmp_path / "briefs").iterdir()} == before


def test_no_deliver_builds_and_delivers_nothing(
    cli: Callable[..., Outcome], tmp_path: Path
) -> None:
    with smtp_server() as server:
        text = config_text(server.port, 'deliver = ["site", "email"]')
        (tmp_path / "brief.toml").write_text(text, encoding="utf-8")
        result = cli("build", "--no-deliver", "--themes", "auto")
        assert result.code == 0, result.err
        assert server.recorder.received == []
    assert result.out.splitlines() == [f"briefs/2025-06-25.{ext}" for ext in ("md", "html", "json")]
    assert "deliver" not in result.err
    assert not (tmp_path / "site").exists()


def test_no_deliver_beside_publish_or_send_is_refused_before_building(
    cli: Callable[..., Outcome], tmp_path: Path
) -> None:
    (tmp_path / "brief.toml").write_text(config_text(closed_port()), encoding="utf-8")
    for flag in ("--send", "--publish"):
        result = cli("build", "--no-deliver", flag)
        assert result.code == 2
        assert result.err.strip() == (
            "brief: error: --no-deliver contradicts --publish and --send; give one or the other"
        )
    assert not (tmp_path / "briefs").exists()


def test_bad_settings_stop_the_job_before_it_builds(
    cli: Callable[..., Outcome], tmp_path: Path
) -> None:
    (tmp_path / "brief.toml").write_text('[email]\nport = "x"\n', encoding="utf-8")
    result = cli("build", "--send")
    assert result.code == 2
    assert result.err.strip() == (
        "brief: error: brief.toml: email.port: must be a whole number from 1 to 65535, not 'x'"
    )
    (tmp_path / "brief.toml").write_text("[site]\n", encoding="utf-8")
    result = cli("build", "--publish", "--send")
    assert result.code == 2
    assert "site.dir: not set" in result.err
    assert not (tmp_path / "briefs").exists()


def test_send_dry_run_and_publish_on_a_built_brief(
    cli: Callable[..., Outcome], stored: StoredBrief, tmp_path: Path
) -> None:
    folder = stored.json_path.parent
    (tmp_path / "mail.toml").write_text('[email]\nfrom = "brief@example.org"\n')
    result = cli("send", str(folder / "2025-06-25.json"), "--dry-run", "--to", "cy@example.org",
                 "--config", "mail.toml")  # fmt: skip
    assert result.code == 0, result.err
    eml = folder / "2025-06-25.eml"
    assert result.out.strip().endswith(f"to {eml} (not sent)")
    assert b"To: cy@example.org" in eml.read_bytes()
    (tmp_path / "mail.toml").write_text('[email]\nto = ["cy@example.org"]\n')  # no from
    result = cli("send", str(folder / "2025-06-25.md"), "--dry-run", "--config", "mail.toml")
    assert result.code == 0, result.err
    assert result.out.strip().endswith("as email.from is not set)")
    assert b"From: email-from-not-set@example.invalid" in eml.read_bytes()
    result = cli("publish", str(folder / "2025-06-25.html"), "--site", "www")
    assert result.code == 0, result.err
    assert result.out.startswith("published 2025-06-25.html to www (added;")
    assert (tmp_path / "www" / "index.html").is_file()
