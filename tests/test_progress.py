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

from summarizer.progress import MIN_ITEMS, progress

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def _many_articles(folder: Path) -> Path:
    folder.mkdir()
    for i in range(MIN_ITEMS + 5):
        shutil.copy(FIXTURES / "harbour_original.txt", folder / f"copy{i:02}.txt")
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


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_a_bar_on_a_terminal_and_none_with_quiet(tmp_path: Path) -> None:
    folder = _many_articles(tmp_path / "in")
    shown = _stderr_on_a_terminal("summarize", str(folder), "--sentences", "1")
    assert "reading" in shown
    assert "files" in shown
    quiet = _stderr_on_a_terminal("summarize", str(folder), "--sentences", "1", "-q")
    assert "reading" not in quiet


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
