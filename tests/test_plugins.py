"""The plug-in door end to end: a package installed into this virtualenv adds a ranker, a
reader and a delivery target with its own brief.toml table, and the CLI uses all three."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import TESTS

pytestmark = [pytest.mark.process, pytest.mark.slow]

PACKAGE = "brief-plugin-example"
WIRES = {
    "kyiv.wire": "talks-resume|Wire One|2025-06-24\n"
    "Ukrainian and Russian negotiators resumed talks in Istanbul on Tuesday after a pause of "
    "three weeks, officials in both capitals said.\n\nIstanbul talks ended after two hours.\n\n"
    "Both delegations agreed to exchange 1,000 prisoners of war before the end of the month, "
    "the Turkish foreign ministry said in a statement.\n",
    "hague.wire": "summit-opens|Wire Two|2025-06-25\n"
    "NATO leaders gathered in The Hague on Wednesday for a summit expected to raise the "
    "alliance's spending target to five percent of economic output.\n\n"
    "Leaders arrived late in the evening from their capitals.\n\n"
    "Spain said it would not meet the new target and asked for an exemption from the "
    "commitment, according to a letter seen by reporters.\n",
}


def _pip(*args: str) -> None:
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The example package installed as a user installs one (built from a copy, so the
    checkout gets no build files), and uninstalled afterwards."""
    source = tmp_path_factory.mktemp("plugin") / "brief-plugin-example"
    shutil.copytree(TESTS / "plugin", source)
    _pip("install", "--no-deps", "--no-build-isolation", "--no-index", str(source))
    try:
        yield
    finally:
        _pip("uninstall", "-y", PACKAGE)


def _brief(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "BRIEF_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_an_installed_plugin_ranks_reads_and_delivers(installed: None, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in WIRES.items():
        (inbox / name).write_text(text, encoding="utf-8")
    (tmp_path / "brief.toml").write_text(
        'deliver = ["outbox"]\nalgorithm = "shortest"\n\n[outbox]\ndir = "sent"\n'
    )
    run = _brief(tmp_path, "build", "inbox", "--out", "briefs", "-q")
    assert run.returncode == 0, run.stderr
    assert "put 2025-06-25.md in the outbox" in run.stdout
    brief = json.loads((tmp_path / "briefs" / "2025-06-25.json").read_text(encoding="utf-8"))
    assert {s["name"] for s in brief["sources"]} == {"Wire One", "Wire Two"}  # the wire reader
    assert (tmp_path / "sent" / "2025-06-25.md").read_text(encoding="utf-8") == (
        tmp_path / "briefs" / "2025-06-25.md"
    ).read_text(encoding="utf-8")
    summary = _brief(tmp_path, "summarize", "inbox", "--algorithm", "shortest", "--sentences", "1")
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout == "Istanbul talks ended after two hours.\n"  # the day's shortest


def test_a_plugin_targets_table_is_checked_by_the_target(installed: None, tmp_path: Path) -> None:
    (tmp_path / "brief.toml").write_text('deliver = ["outbox"]\n\n[outbox]\nfolder = "sent"\n')
    run = _brief(tmp_path, "build", "--out", "briefs", "-q")
    assert run.returncode == 2
    assert (
        run.stderr.strip()
        == "brief: error: brief.toml: outbox.dir: not set; name the outbox folder"
    )
