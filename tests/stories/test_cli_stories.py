"""``brief stories``: the day's stories listed for a desk, as text and as JSON, end to end
from files on disk; bad input fails as ``brief build`` does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.runtime.resources import examples_dir
from tests import clirun
from tests.stories.days import interleaved, write


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder of three stories' articles, interleaved: 4, 3 and 2 articles."""
    folder = tmp_path / "day"
    write(folder, interleaved(("quake", 4), ("antitrust", 3), ("torch", 2)))
    return folder


def test_lists_the_stories_largest_first(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(mixed), "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1. ") and lines[2].startswith("2. ") and lines[4].startswith("3. ")
    assert lines[1].strip().startswith("4 articles, 4 outlets · 2025-06-01 to 2025-06-04")
    assert lines[3].strip().startswith("3 articles")
    assert lines[-1] == "3 stories in 9 articles: a day of several stories"


def test_json_lists_each_story_with_its_article_paths(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stories", str(mixed), "--json", "-q"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert [s["articles"] for s in stories] == [4, 3, 2]
    names = [sorted(Path(p).name for p in s["paths"]) for s in stories]
    assert names[0] == [f"quake-{n}.txt" for n in range(4)]
    assert names[1] == [f"antitrust-{n}.txt" for n in range(3)]
    assert names[2] == [f"torch-{n}.txt" for n in range(2)]
    first = stories[0]
    assert (first["first"], first["last"]) == ("2025-06-01", "2025-06-04")
    assert len(first["outlets"]) == 4 and len(first["title"].split()) >= 3
    assert "izmit" in first["terms"]


def test_the_sample_corpus_is_one_story(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", str(examples_dir()), "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("1. ") and "5 articles" in out[1]
    assert out[-1] == "1 story in 5 articles: a day of one story"


def test_nothing_usable_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stories", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        err[-1] == f"brief: error: nothing usable: {tmp_path / 'missing'}: no such file or folder"
    )


def test_a_skipped_input_is_named_and_the_rest_listed(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mixed / "empty.txt").write_text("", encoding="utf-8")
    assert main(["stories", str(mixed)]) == 0
    captured = capsys.readouterr()
    assert "brief: skipped" in captured.err and "empty.txt: empty file" in captured.err
    assert captured.out.splitlines()[-1].startswith("3 stories in 9 articles")


@pytest.mark.process
def test_brief_stories_in_a_process_of_its_own(mixed: Path, tmp_path: Path) -> None:
    done = clirun.brief("stories", str(mixed), "--json", "-q", folder=tmp_path, limit=120)
    assert done.status == 0, done.err
    assert [s["articles"] for s in json.loads(done.out)] == [4, 3, 2]
    empty = clirun.brief("stories", folder=tmp_path, limit=120)
    assert empty.status == 2
    assert empty.err.strip().splitlines()[-1] == "brief: error: no input files given"


@pytest.mark.process
def test_a_reader_that_stops_early_gets_no_error(mixed: Path) -> None:
    """``brief stories … | head -1``: the pipe closes before the list is written; the command
    ends quietly (status 141, as for SIGPIPE), with no traceback and no "internal error"."""
    child = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "stories", str(mixed), "--json", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader is gone before anything is written
    err = child.stderr.read().decode()
    assert child.wait(timeout=120) == 141
    assert err == ""
