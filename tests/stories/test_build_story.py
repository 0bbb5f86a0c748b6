"""``brief build --story WORDS``: the brief of the one story the words match, from its
articles alone; a story no article tells fails as bad input does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.errors import InputError
from summarizer.stories.detect import story_articles
from tests.paths import REPO
from tests.stories.days import interleaved, write


def test_the_brief_is_built_from_the_matching_story_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "day", interleaved(("quake", 4), ("antitrust", 4), ("torch", 3)))
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "day"), "--story", "Microsoft antitrust appeal"]
    assert main([*args, "--out", str(out), "-q", "--no-history", "--no-deliver"]) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    brief = json.loads(next(p for p in written if p.suffix == ".json").read_text("utf-8"))
    sources = sorted(Path(s["path"]).name for s in brief["sources"])
    assert sources == [f"antitrust-{n}.txt" for n in range(4)]


def test_no_matching_story_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "day", interleaved(("quake", 3), ("torch", 3)))
    args = ["build", str(tmp_path / "day"), "--story", "football scores"]
    assert main([*args, "--out", str(tmp_path / "out"), "-q", "--no-deliver"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == (
        "brief: error: no story matches 'football scores': the day's 2 stories are listed "
        "by brief stories"
    )
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_the_story_s_articles_are_renumbered_in_their_order() -> None:
    day = interleaved(("quake", 3), ("torch", 3))
    kept = story_articles(day, "Olympic torch")
    assert [a.path for a in kept] == [f"torch-{n}.txt" for n in range(3)]
    assert [a.id for a in kept] == [0, 1, 2]
    with pytest.raises(InputError):
        story_articles(day, "the")  # only stop words: nothing to match


def test_a_word_of_the_title_finds_the_one_story_of_the_sample_day(tmp_path: Path) -> None:
    """ "Ukraine" is in every article of the sample day, so no telling term of its one story,
    but it is in the title ``brief stories`` shows."""
    examples = REPO / "summarizer" / "examples"
    args = ["build", str(examples), "--story", "Ukraine", "--out", str(tmp_path / "out")]
    assert main([*args, "-q", "--no-history", "--no-deliver"]) == 0
    brief = json.loads(next((tmp_path / "out").glob("*.json")).read_text("utf-8"))
    assert len(brief["sources"]) == 5
