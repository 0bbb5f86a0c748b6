"""Which themes a brief uses: the bundled ones where they fit the day, learned ones elsewhere.

The fixtures are a day the bundled (war) themes were written for, the sample corpus, and a day
of my own on a small town (a storm, a council budget, a cup final) that they do not fit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import pipeline
from summarizer.cli import main
from summarizer.models import Item, Sentence
from summarizer.runtime.resources import examples_dir
from summarizer.themes.choice import FIT, Fit, choose_themes, measure_fit
from summarizer.themes.themefile import load_themes, themes_from_data
from tests.paths import FIXTURES, REPO

TOWN = FIXTURES / "town"
UKRAINE = {"Diplomacy", "Battlefield", "NATO"}


def day(source: Path) -> list[Item]:
    return pipeline.rank(pipeline.load([str(source)], pipeline.ReadOptions(quiet=True)), "concepts")


def build(capsys: pytest.CaptureFixture[str], out: Path, *args: str) -> tuple[dict, str]:
    assert main(["build", *args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    [path] = out.glob("*.json")
    return json.loads(path.read_text(encoding="utf-8")), err


def themes_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("brief: themes:")]


def test_the_default_themes_fit_the_story_they_were_written_for(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    brief, err = build(capsys, tmp_path, str(examples_dir()))
    assert brief["themes"]["from"] == "file" and brief["themes"]["file"] == "bundled"
    assert brief["themes"]["fit"] >= FIT
    assert {s["title"] for s in brief["sections"]} >= UKRAINE
    [line] = themes_lines(err)
    assert line.startswith("brief: themes: the default themes fit")


def test_a_story_they_do_not_fit_gets_learned_themes_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Nine items: the day's news beyond the lead is plain lines, which only a length the user
    # sets puts in sections.
    brief, err = build(capsys, tmp_path, str(TOWN), "--items", "9")
    assert brief["themes"]["from"] == "learned" and brief["themes"]["fit"] < FIT
    titles = [s["title"] for s in brief["sections"]]
    assert not UKRAINE & set(titles)
    # A heading an editor would print, or none: a day too small to title leaves its items in
    # the neutral section rather than under "Budget" or "Valley".
    assert titles and len(set(titles)) == len(titles)
    assert not {"Budget", "Valley", "Spending", "Cup"} & set(titles)
    [line] = themes_lines(err)
    assert "learned from the day" in line and "`brief themes suggest` drafts" in line
    assert f"{brief['themes']['fit']:.0%}" in line
    # Each learned section keeps to one of the day's three stories.
    files = {s["theme"]: {i["sources"][0]["path"] for i in s["items"]} for s in brief["sections"]}
    assert all(len(paths) == 1 for theme, paths in files.items() if theme != "other"), files


def test_a_file_the_user_names_is_always_used_with_a_warning_when_it_fits_poorly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bundled = REPO / "templates" / "themes.toml"
    brief, err = build(capsys, tmp_path / "a", str(TOWN), "--themes", str(bundled))
    assert brief["themes"] == {"from": "file", "fit": brief["themes"]["fit"], "file": str(bundled)}
    assert brief["themes"]["fit"] < FIT
    [line] = themes_lines(err)
    assert line.endswith("they fit the day poorly")
    town = tmp_path / "town.toml"
    town.write_text(
        '[[theme]]\nkey = "storm"\ntitle = "Storm"\nwords = ["storm", "winds", "trees"]\n'
        '[[theme]]\nkey = "council"\ntitle = "Council"\nwords = ["council", "budget", "taxes"]\n'
        '[[theme]]\nkey = "cup"\ntitle = "Cup"\nwords = ["team", "cup", "coach", "fans"]\n',
        encoding="utf-8",
    )
    brief, err = build(capsys, tmp_path / "b", str(TOWN), "--themes", str(town))
    assert brief["themes"]["from"] == "file" and brief["themes"]["fit"] >= FIT
    assert {"Storm", "Council", "Cup"} <= {s["title"] for s in brief["sections"]}
    [line] = themes_lines(err)
    assert "poorly" not in line


def test_auto_learns_even_where_the_default_themes_fit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    brief, err = build(capsys, tmp_path / "a", str(examples_dir()), "--themes", "auto")
    assert brief["themes"]["from"] == "learned" and brief["themes"]["fit"] >= FIT
    assert not UKRAINE & {s["title"] for s in brief["sections"]}
    assert "--themes auto" in themes_lines(err)[0]
    (tmp_path / "brief.toml").write_text('themes = "auto"\n', encoding="utf-8")
    config = ["--config", str(tmp_path / "brief.toml")]
    again, _ = build(capsys, tmp_path / "b", str(examples_dir()), *config)
    assert again["sections"] == brief["sections"] and again["themes"] == brief["themes"]


def test_learned_themes_are_deterministic(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first, _ = build(capsys, tmp_path / "a", str(TOWN))
    second, _ = build(capsys, tmp_path / "b", str(TOWN))
    assert [s["title"] for s in first["sections"]] == [s["title"] for s in second["sections"]]
    assert first == second


def test_quiet_says_nothing_about_themes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, err = build(capsys, tmp_path, str(TOWN), "-q")
    assert err == ""


def test_fit_counts_a_statement_once_and_asks_for_an_even_spread() -> None:
    themes = themes_from_data(
        {
            "theme": [
                {"key": "storm", "words": ["storm"]},
                {"key": "vote", "words": ["vote"]},
            ]
        }
    )
    storm = [Item(f"The storm hit street {n}.", 1.0, (), (Sentence(n, 0, "x"),)) for n in range(3)]
    other = Item("The bakery opened.", 1.0, (), (Sentence(9, 0, "x"),))
    one_sided = measure_fit([*storm, other], themes)
    assert one_sided == Fit(share=0.75, evenness=0.0) and one_sided.fit == 0.0
    assert f"{one_sided.fit:.0%}" == "0%"  # what the stderr line prints: never "-0%"
    vote = Item("The vote was close.", 1.0, (), (Sentence(8, 0, "x"),))
    even = measure_fit([storm[0], vote, other, other], themes)
    assert even.share == 0.5 and even.evenness == pytest.approx(1.0) and even.fit == 0.5


def test_the_seeds_fit_and_the_town_does_not() -> None:
    bundled = load_themes()
    assert measure_fit(day(examples_dir()), bundled).fit >= FIT
    town = day(TOWN)
    assert measure_fit(town, bundled).fit < FIT
    choice = choose_themes(town, bundled, None)
    assert choice.used.source == "learned"
    assert choice.themes[-1].fallback and all(t.seeded for t in choice.themes[:-1])


def test_a_learned_brief_s_fallback_says_it_is_more_of_the_story(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Learned themes are one story's sides: what fits none is more of the story, and an
    editor reads "Other" over it as a different subject."""
    brief, _ = build(capsys, tmp_path, str(TOWN), "--items", "9")
    fallbacks = [s["title"] for s in brief["sections"] if s["theme"] == "other"]
    assert fallbacks == ["Also reported"]
