"""Reading: finding files, decoding any encoding, refusing binaries, DUC SGML, the registry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer import readers
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument

FIXTURES = Path(__file__).parent / "fixtures"


def test_discover_walks_folders_recursively_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    files, skipped = readers.discover([str(tmp_path)])
    assert [f.name for f in files] == ["one.txt", "two.txt"]
    assert skipped == []


def test_discover_names_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    files, skipped = readers.discover([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert files == []
    assert [s.reason for s in skipped] == ["no such file or folder", "folder has no files"]


def test_the_same_file_named_twice_is_read_once() -> None:
    path = FIXTURES / "articles" / "harbour_copy.txt"
    files, _ = readers.discover([str(path), str(path.parent)])
    assert len([f for f in files if f.name == path.name]) == 1


def test_windows_1252_text_is_decoded() -> None:
    [doc] = readers.read_file(FIXTURES / "articles" / "cafes_cp1252.txt")
    assert "Café owners" in doc.text
    assert "£40,000" in doc.text
    assert "owners’ association" in doc.text


def test_latin_1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = "Le ministre a annoncé que la réunion de Genève aura lieu à l'été prochain."
    path.write_bytes(text.encode("latin-1"))
    [doc] = readers.read_file(path)
    assert doc.text == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"PK\x03\x04" + b"\x00\x01" * 200, "zip archive"),
        (b"abc\x00def" * 100, "binary file"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "thing.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableSource, match=reason):
        readers.read_file(path)


def test_empty_and_whitespace_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n  ")
    for name in ("empty.txt", "blank.txt"):
        with pytest.raises(UnreadableSource, match="empty file"):
            readers.read_file(tmp_path / name)


def test_files_over_the_size_cap_are_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 300_000)
    with pytest.raises(UnreadableSource, match="size cap"):
        readers.read_file(path, max_bytes=1024 * 1024)


def test_data_files_are_not_read_as_articles(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(UnreadableSource, match=r"unsupported file type '\.csv'"):
        readers.read_file(path)


def test_duc_sgml_is_recognised_by_content() -> None:
    [doc] = readers.read_file(FIXTURES / "duc" / "APW20240314.0001")
    assert doc.title == "Ferry service resumes on the northern route"
    assert doc.date == dt.date(2024, 3, 14)
    assert doc.outlet == "Associated Press"
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("The regional ferry company resumed its northern route")
    assert "<" not in doc.text


def test_a_user_reader_registered_first_wins(tmp_path: Path) -> None:
    path = tmp_path / "note.brief"
    path.write_text("HEADLINE|Body text of the note.")

    def claims(p: Path, head: str) -> bool:
        return p.suffix == ".brief"

    def read(p: Path, text: str) -> list[RawDocument]:
        title, body = text.split("|", 1)
        return [RawDocument(path=str(p), text=body, title=title)]

    reader = readers.Reader("pipe", claims, read)
    readers.register_reader(reader, first=True)
    try:
        [doc] = readers.read_file(path)
        assert doc.title == "HEADLINE"
    finally:
        readers._READERS.remove(reader)


def test_read_all_keeps_going_past_bad_files(tmp_path: Path) -> None:
    good = FIXTURES / "articles" / "harbour_copy.txt"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    docs, skipped = readers.read_all([bad, good])
    assert [Path(d.path).name for d in docs] == ["harbour_copy.txt"]
    assert [(s.path, s.reason) for s in skipped] == [(str(bad), "empty file")]
