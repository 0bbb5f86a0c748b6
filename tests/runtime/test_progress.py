"""The progress bar: drawn on a terminal for long runs, never in pipes, never with -q."""

from __future__ import annotations

import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from summarizer.runtime.progress import MIN_ITEMS, progress
from tests.paths import FIXTURES

FIXTURES = FIXTURES / "articles"


def _many_articles(folder: Path) -> Path:
    """Enough articles for a bar, each its own (the same text twice counts once)."""
    folder.mkdir()
    text = (FIXTURES / "harbour_original.txt").read_text(encoding="utf-8")
    for i in range(MIN_ITEMS + 5):
        extra = f"The harbour master counted {i + 2} boats back at their moorings by noon.\n\n"
        own = text.replace("Leave a Reply", extra + "Leave a Reply")  # before the comment form
        (folder / f"copy{i:02}.txt").write_text(own, encoding="utf-8")
    return folder


def _stderr_on_a_terminal(*args: str) -> str:
    """Run the CLI with stderr on a pseudo-terminal, as a person at a shell sees it."""
    main, tty = pty.openpty()
    fcntl.ioctl(tty, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a real size
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "summarizer", *args],
            stdout=subprocess.DEVNULL,
            stderr=tty,
            timeout=120,
            check=False,
        )
        os.close(tty)
        tty = -1
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(main)
        if tty >= 0:
            os.close(tty)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.process
@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_a_bar_on_a_terminal_and_none_with_quiet(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    shown = _stderr_on_a_terminal("summarize", str(folder), "--sentences", "1")
    assert "reading" in shown
    assert "files" in shown
    quiet = _stderr_on_a_terminal("summarize", str(folder), "--sentences", "1", "-q")
    assert "reading" not in quiet


@pytest.mark.process
def test_no_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "summarize", str(folder), "--sentences", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert "reading" not in result.stderr


def test_progress_yields_everything_in_order() -> None:
    assert list(progress(range(50), "x")) == list(range(50))
    assert list(progress(iter(range(5)), "x", quiet=True)) == list(range(5))


# The steps of a build that each take seconds on a large day; each is named while it runs.
BUILD_STEPS = ("reading", "splitting", "ranking", "merging", "themes", "writing")


@pytest.mark.process
@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_every_long_step_of_a_build_is_shown_on_a_terminal(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    shown = _stderr_on_a_terminal("build", str(folder), "--out", str(tmp_path / "out"))
    for step in BUILD_STEPS:
        assert step in shown, step
    quiet = _stderr_on_a_terminal("build", str(folder), "--out", str(tmp_path / "q"), "-q")
    assert not [step for step in BUILD_STEPS if step in quiet]


@pytest.mark.process
@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_themes_suggest_shows_its_steps_on_a_terminal(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    shown = _stderr_on_a_terminal("themes", "suggest", str(folder))
    for step in ("reading", "splitting", "ranking", "merging", "grouping"):
        assert step in shown, step
    assert "grouping" not in _stderr_on_a_terminal("themes", "suggest", str(folder), "-q")


@pytest.mark.process
@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_evaluate_shows_each_cluster_even_for_a_few(tmp_path: Path) -> None:
    clusters, refs = tmp_path / "clusters", tmp_path / "refs"
    for name in ("one", "two"):
        (clusters / name).mkdir(parents=True)
        shutil.copy(FIXTURES / "harbour_original.txt", clusters / name / "a.txt")
        (refs / name).mkdir(parents=True)
        (refs / name / "ref.txt").write_text("The harbour reopened after the storm.\n")
    shown = _stderr_on_a_terminal("evaluate", str(clusters), str(refs))
    assert "evaluating" in shown
    assert "clusters" in shown
    assert "evaluating" not in _stderr_on_a_terminal("evaluate", str(clusters), str(refs), "-q")


@pytest.mark.process
def test_no_step_is_shown_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "build", str(folder), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    # The one line naming the themes used is the only thing on stderr.
    assert [line for line in result.stderr.splitlines() if line] == [
        line for line in result.stderr.splitlines() if line.startswith("brief: themes:")
    ]
    assert "%|" not in result.stderr
