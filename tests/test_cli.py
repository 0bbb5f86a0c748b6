"""The command line, driven as a user drives it: exit status, messages, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import __version__

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_DEBUG"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def assert_fails_cleanly(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("brief: error: ")
    assert message in lines[-1]


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"brief {__version__}"
    for args in (["--help"], ["build", "--help"], ["summarize", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "usage: brief" in result.stdout


def test_missing_path(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert_fails_cleanly(result, "no such file or folder")
    assert not (tmp_path / "out").exists()


def test_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    assert_fails_cleanly(
        run("build", str(tmp_path / "in"), "--out", str(tmp_path)), "folder has no files"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary file"),
        (b"Back To Top\nLeave a Reply\n", "no sentence left after cleaning"),
    ],
)
def test_single_bad_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert_fails_cleanly(run("build", str(path), "--out", str(tmp_path / "out")), message)
    assert_fails_cleanly(run("summarize", str(path)), message)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("The council approved the new harbour budget on Monday evening.")
    path.chmod(0)
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:  # root reads anything: drop the capability that allows it
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv")
        caps = "-dac_override,-dac_read_search"
        prefix = ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")
    result = run("build", str(path), "--out", str(tmp_path / "out"), prefix=prefix)
    assert_fails_cleanly(result, "permission denied")


def test_several_bad_inputs_give_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = run("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert_fails_cleanly(result, "nothing usable in 2 inputs")


def test_usable_files_give_a_brief_and_the_bad_ones_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    out = tmp_path / "out"
    result = run("build", str(folder), str(tmp_path / "missing.txt"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert f"brief: skipped {folder / 'empty.txt'}: empty file" in result.stderr
    assert f"brief: skipped {folder / 'photo.jpg'}: binary file (a JPEG image)" in result.stderr
    assert "missing.txt: no such file or folder" in result.stderr
    paths = result.stdout.split()
    assert [Path(p).name for p in paths] == ["2024-03-14.md", "2024-03-14.html", "2024-03-14.json"]
    brief = json.loads(Path(paths[2]).read_text())
    assert {s["reason"] for s in brief["skipped"]} == {
        "empty file",
        "binary file (a JPEG image)",
        "no such file or folder",
    }
    assert "empty.txt" in Path(paths[0]).read_text()


def test_build_options(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "build", str(FIXTURES / "articles"), "--out", str(out), "--date", "2024-04-01",
        "--title", "Harbour Morning", "--items", "1", "--algorithm", "lexrank",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    brief = json.loads((out / "2024-04-01.json").read_text())
    assert brief["title"] == "Harbour Morning"
    assert brief["date"] == "2024-04-01"
    assert all(len(s["items"]) == 1 for s in brief["sections"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "yesterday"], "not a date in YYYY-MM-DD form"),
        (["--items", "0"], "must be at least 1"),
        (["--algorithm", "magic"], "invalid choice"),
    ],
)
def test_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("build", str(FIXTURES / "articles"), "--out", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_themes_file_is_one_line(tmp_path: Path) -> None:
    themes = tmp_path / "themes.toml"
    themes.write_text("[[theme]\n")
    result = run(
        "build", str(FIXTURES / "articles"), "--out", str(tmp_path), "--themes", str(themes)
    )
    assert_fails_cleanly(result, "is not valid TOML")


def test_summarize_prints_one_sentence_a_line_within_the_budget() -> None:
    result = run("summarize", str(FIXTURES / "articles"), "--words", "30")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    words = [len(line.split()) for line in lines]
    assert sum(words[:-1]) < 30 <= sum(words)
    assert all(line[0].isupper() and line.endswith(".") for line in lines)


def test_summarize_sentences_and_algorithms() -> None:
    for algorithm in ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction"):
        result = run(
            "summarize", str(FIXTURES / "articles"), "--sentences", "2", "--algorithm", algorithm
        )
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.strip().splitlines()) == 2
