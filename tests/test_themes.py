"""Themes: the file format, assignment by words and phrases, the fallback theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.errors import ConfigError
from summarizer.themes import assign, load_themes


def test_default_themes_are_the_ukraine_brief() -> None:
    themes = load_themes()
    assert [t.key for t in themes] == ["diplomacy", "battlefield", "nato", "other"]
    assert themes[-1].fallback


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Russian missile strikes killed 17 people in the city of Dnipro on Tuesday.",
            "battlefield",
        ),
        ("NATO endorsed a higher defence spending goal of five percent of GDP by 2035.", "nato"),
        ("Zelenskyy and Trump held talks on sanctions and a possible ceasefire.", "diplomacy"),
        ("Slovak police detained eight people over the misuse of funds.", "other"),
    ],
)
def test_assignment(text: str, key: str) -> None:
    assert assign(text, load_themes()).key == key


def test_a_user_themes_file(tmp_path: Path) -> None:
    path = tmp_path / "themes.toml"
    path.write_text(
        '[[theme]]\nkey = "weather"\ntitle = "Weather"\norder = 2\nwords = ["storm", "rain"]\n'
        '[[theme]]\nkey = "roads"\ntitle = "Roads"\norder = 1\nwords = []\nphrases = ["harbour bridge"]\n'
    )
    themes = load_themes(path)
    assert [t.key for t in themes] == ["roads", "weather", "other"]  # order, then a fallback
    assert assign("The Harbour Bridge reopened after the storms.", themes).key == "roads"
    assert assign("Heavy rain is expected on Friday.", themes).key == "weather"
    assert assign("The council met on Monday.", themes).key == "other"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[theme]\nkey=", "not valid TOML"),
        ("title = 'x'", "no \\[\\[theme\\]\\] tables"),
        ("[[theme]]\ntitle = 'x'", "'key' must be a non-empty string"),
        ("[[theme]]\nkey = 'a'\nwords = 'storm'", "'words' must be a list of strings"),
        ("[[theme]]\nkey = 'a'\n[[theme]]\nkey = 'a'", "repeats a theme key"),
    ],
)
def test_bad_themes_files_say_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "themes.toml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_themes(path)


def test_missing_themes_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="themes file not found"):
        load_themes(tmp_path / "nope.toml")
