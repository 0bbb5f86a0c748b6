"""Writing a brief: all three files appear together, and a failure never damages an old brief."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summarizer.errors import OutputError
from summarizer.storage.atomic import (
    atomic_write_files,
    atomic_write_text,
    finish_interrupted,
    write_brief,
)

NEW = {"md": "# New\n", "html": "<!DOCTYPE html>\n<p>new</p>\n", "json": '{"new": "ü"}\n'}


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, so "unchanged" can be checked exactly."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def old_brief(tmp_path: Path) -> Path:
    """An out folder holding a complete earlier brief named ``2025-06-25``."""
    out = tmp_path / "out"
    write_brief(out, "2025-06-25", {"md": "# Old\n", "html": "<p>old</p>\n", "json": "{}\n"})
    return out


def test_writes_three_files_in_order(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "out"
    paths = write_brief(out, "2025-06-25", NEW)
    assert paths == [out / "2025-06-25.md", out / "2025-06-25.html", out / "2025-06-25.json"]
    for path, suffix in zip(paths, ("md", "html", "json"), strict=True):
        assert path.read_bytes() == NEW[suffix].encode("utf-8")
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)


def test_replaces_an_existing_brief(old_brief: Path) -> None:
    write_brief(old_brief, "2025-06-25", NEW)
    assert (old_brief / "2025-06-25.md").read_text(encoding="utf-8") == "# New\n"
    assert len(list(old_brief.iterdir())) == 3


def test_text_is_written_verbatim_as_utf8(tmp_path: Path) -> None:
    text = "line\r\nother\nZelenskyy\u2019s \u201cpeace\u201d\n"
    write_brief(tmp_path, "b", {"md": text, "html": text, "json": text})
    assert (tmp_path / "b.md").read_bytes() == text.encode("utf-8")


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_failure_while_writing_leaves_old_brief_untouched(old_brief: Path, bad: Any) -> None:
    before = _snapshot(old_brief)
    rendered: dict[str, Any] = {"md": "# New\n", "html": "<p>new</p>\n", "json": bad}
    with pytest.raises(OutputError) as caught:
        write_brief(old_brief, "2025-06-25", rendered)
    assert "\n" not in str(caught.value)
    assert _snapshot(old_brief) == before  # same names (no temp files left), same bytes


def test_failure_while_moving_into_place_rolls_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.md").write_bytes(b"# Old md\n")
    (out / "b.html").write_bytes(b"<p>old html</p>\n")
    (out / "b.json").mkdir()  # the last move fails: a file cannot replace a folder
    before = _snapshot(out)
    with pytest.raises(OutputError, match=r"cannot write brief .*b"):
        write_brief(out, "b", NEW)
    assert _snapshot(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["b.html", "b.json", "b.md"]


def test_failure_on_a_new_brief_leaves_nothing_behind(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").mkdir()
    with pytest.raises(OutputError):
        write_brief(out, "b", NEW)
    assert [p.name for p in out.iterdir()] == ["b.json"]


def test_missing_format_is_refused_before_touching_disk(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"\.json"):
        write_brief(tmp_path / "out", "b", {"md": "x", "html": "y"})
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("stem", ["", ".", "..", "a/b", "../escape"])
def test_stem_must_be_a_plain_name(tmp_path: Path, stem: str) -> None:
    with pytest.raises(OutputError, match="invalid brief name"):
        write_brief(tmp_path, stem, NEW)


def test_out_dir_that_is_a_file_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot create folder"):
        write_brief(blocker / "sub", "b", NEW)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_files_get_normal_permissions_not_temp_file_ones(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    os.umask(mask)
    paths = write_brief(tmp_path, "b", NEW)
    assert {path.stat().st_mode & 0o777 for path in paths} == {0o666 & ~mask}
    paths[0].chmod(0o640)
    write_brief(tmp_path, "b", NEW)
    assert paths[0].stat().st_mode & 0o777 == 0o640  # replacing keeps the file's mode


def test_atomic_write_text_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "notes.txt"
    atomic_write_text(target, "first\n")
    atomic_write_text(target, "second \u2713\n")
    assert target.read_text(encoding="utf-8") == "second \u2713\n"
    assert [p.name for p in target.parent.iterdir()] == ["notes.txt"]


def test_atomic_write_text_failure_keeps_old_content(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me\n", encoding="utf-8")
    bad: Any = None
    with pytest.raises(OutputError, match=r"notes\.txt"):
        atomic_write_text(target, bad)
    assert target.read_text(encoding="utf-8") == "keep me\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_atomic_write_files_replaces_all_in_order(tmp_path: Path) -> None:
    first, second = tmp_path / "site" / "a.html", tmp_path / "site" / "index.html"
    second.parent.mkdir()
    second.write_text("old index\n", encoding="utf-8")
    assert atomic_write_files([(first, "page\n"), (second, "new index\n")]) == [first, second]
    assert (first.read_text(), second.read_text()) == ("page\n", "new index\n")
    assert sorted(p.name for p in first.parent.iterdir()) == ["a.html", "index.html"]


def test_atomic_write_files_failure_keeps_every_old_file(tmp_path: Path) -> None:
    write_brief(tmp_path, "b", NEW)
    before = _snapshot(tmp_path)
    bad: Any = None
    with pytest.raises(OutputError, match=r"cannot write"):
        atomic_write_files([(tmp_path / "b.md", "changed\n"), (tmp_path / "b.json", bad)])
    assert _snapshot(tmp_path) == before


_KILL_AFTER_MOVES = """
import os, signal, sys
from pathlib import Path
from summarizer.storage import atomic

real_replace = os.replace
moves = []

def replace(src, dst):
    real_replace(src, dst)
    if str(dst).endswith(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)  # the machine loses power right here

os.replace = replace
atomic.write_brief(Path(sys.argv[1]), "b", {"md": "# New\\n", "html": "<p>new</p>\\n", "json": "{}\\n"})
"""


def _killed_write(out: Path, after: str) -> None:
    """A real process writing a brief, killed (SIGKILL) right after the move that puts
    ``after`` in place: nothing of its own can clean up."""
    result = subprocess.run(
        [sys.executable, "-c", _KILL_AFTER_MOVES, str(out), after],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr


@pytest.mark.process
@pytest.mark.parametrize("after", ["b.md", "b.html"])
def test_a_write_killed_between_moves_is_finished_by_the_next_one(
    tmp_path: Path, after: str
) -> None:
    out = tmp_path / "out"
    write_brief(out, "b", {"md": "# Old\n", "html": "<p>old</p>\n", "json": '{"old": 1}\n'})
    _killed_write(out, after)
    assert (out / "b.md").read_text() == "# New\n"  # the kill left a mixed set behind
    assert (out / "b.json").read_text() == '{"old": 1}\n'
    write_brief(out, "other", NEW)  # the next build, of any brief, into the folder
    assert [(out / f"b.{s}").read_text() for s in ("md", "html", "json")] == [
        "# New\n",
        "<p>new</p>\n",
        "{}\n",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{s}" for stem in ("b", "other") for s in ("md", "html", "json")
    )  # no journal, temporary file or backup left


@pytest.mark.process
def test_reading_a_brief_back_finishes_a_killed_write_first(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_brief(out, "b", {"md": "# Old\n", "html": "<p>old</p>\n", "json": '{"old": 1}\n'})
    _killed_write(out, "b.md")
    finish_interrupted(out, "b")  # what brief send and brief publish do before reading
    assert (out / "b.json").read_text() == "{}\n"
    assert sorted(p.name for p in out.iterdir()) == ["b.html", "b.json", "b.md"]


def test_leftovers_of_a_write_killed_before_its_moves_are_swept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_brief(out, "b", {"md": "# Old\n", "html": "<p>old</p>\n", "json": "{}\n"})
    for name in (".b.md.k2j4x9qz.tmp", ".b.html.0f3a9c2d1b4e.bak", ".b.brief-journal.ab12cd34.tmp"):
        (out / name).write_text("half")
    (out / ".notes.txt").write_text("mine")  # a user's own hidden file stays
    write_brief(out, "b", NEW)
    assert sorted(p.name for p in out.iterdir()) == [".notes.txt", "b.html", "b.json", "b.md"]


_KILL_WHILE_PUTTING_BACK = """
import errno, os, signal, sys
from pathlib import Path
from summarizer.storage import atomic

real_replace = os.replace

def replace(src, dst):
    if str(src).endswith(".bak"):
        os.kill(os.getpid(), signal.SIGKILL)  # killed while putting the old .md back
    if str(src).endswith(".tmp") and str(dst).endswith("b.html"):
        raise OSError(errno.EIO, "Input/output error", str(dst))  # the second move fails
    real_replace(src, dst)

os.replace = replace
atomic.write_brief(Path(sys.argv[1]), "b", {"md": "# New\\n", "html": "<p>new</p>\\n", "json": "{}\\n"})
"""


@pytest.mark.process
def test_a_failed_write_killed_while_putting_the_old_files_back_is_undone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = {"md": "# Old\n", "html": "<p>old</p>\n", "json": '{"old": 1}\n'}
    write_brief(out, "b", old)
    result = subprocess.run([sys.executable, "-c", _KILL_WHILE_PUTTING_BACK, str(out)],
                            capture_output=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert (out / "b.md").read_text() == "# New\n"  # killed before the old .md was back
    write_brief(out, "other", NEW)
    assert {s: (out / f"b.{s}").read_text() for s in ("md", "html", "json")} == old
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{stem}.{s}" for stem in ("b", "other") for s in ("md", "html", "json")
    )
