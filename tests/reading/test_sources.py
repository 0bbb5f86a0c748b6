"""Naming the inputs: paths and URLs in order, lists of sources, and URL identity."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from summarizer.errors import ConfigError, InputError
from summarizer.models import Skipped
from summarizer.reading import sources
from tests.paths import REPO


def test_gather_keeps_the_order_given_and_each_source_once(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    found, skipped = sources.gather(
        [
            "https://www.example.org/story?utm_source=feed",
            str(tmp_path),
            "http://example.org/story/",
            str(tmp_path / "a.txt"),
            "ftp://example.org/story.txt",
            str(tmp_path / "nope.txt"),
        ]
    )
    assert [s.location for s in found] == [
        "https://www.example.org/story?utm_source=feed",
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
    ]
    assert [(s.path, s.reason) for s in skipped] == [
        ("ftp://example.org/story.txt", "unsupported URL scheme 'ftp'"),
        (str(tmp_path / "nope.txt"), "no such file or folder"),
    ]


def test_a_file_named_through_a_linked_folder_a_link_or_dot_dot_counts_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each folder's real path is worked out once for all its files: the same file by any
    route is one source."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (tmp_path / "alias.txt").symlink_to(real / "a.txt")
    monkeypatch.chdir(tmp_path)
    routes = [
        str(real / "a.txt"),
        str(tmp_path / "linked" / "a.txt"),
        str(tmp_path / "alias.txt"),
        str(tmp_path / "linked" / ".." / "real" / "a.txt"),
        "real/a.txt",
    ]
    found, skipped = sources.gather(routes)
    assert [s.location for s in found] == routes[:1] and not skipped


def test_the_briefs_a_build_writes_are_not_read_back_from_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "briefs"
    out.mkdir()
    for name in ("2025-06-24.md", "2025-06-24.html", "2025-06-24.json", "notes.md"):
        (out / name).write_text("x")
    (tmp_path / "2025-06-24.md").write_text("x")  # an article named by its date, elsewhere
    found, skipped = sources.discover([str(tmp_path)], out)
    assert (found, skipped) == ([tmp_path / "2025-06-24.md", out / "notes.md"], [])
    assert len(sources.discover([str(tmp_path)])[0]) == 5  # another build's folder: all read
    named = sources.discover([str(out / "2025-06-24.md")], out)[0]
    assert named == [out / "2025-06-24.md"]  # named on its own: read as asked
    (out / "notes.md").unlink()
    assert sources.discover([str(out)], out) == (
        [],
        [Skipped(str(out), "folder holds only the briefs this build writes")],
    )


def test_a_brief_in_another_folder_is_named_as_skipped(tmp_path: Path) -> None:
    """An old --out folder inside the input: its brief is skipped with its reason, every
    file of it; a file merely named like a date, or beside a JSON of another kind, is read."""
    sample = REPO / "briefs" / "sample"
    old = tmp_path / "old-briefs"
    shutil.copytree(sample, old)
    (tmp_path / "2025-06-26.md").write_text("An article named by its date.")
    (tmp_path / "2025-06-27.md").write_text("An article beside data.")
    (tmp_path / "2025-06-27.json").write_text('{"date": "2025-06-27", "rows": []}')
    found, skipped = sources.discover([str(tmp_path)])
    assert found == [
        tmp_path / "2025-06-26.md",
        tmp_path / "2025-06-27.json",
        tmp_path / "2025-06-27.md",
    ]
    reason = "a brief daily-brief wrote, not an article"
    assert skipped == [
        Skipped(str(old / f"2025-06-25.{x}"), reason) for x in ("html", "json", "md")
    ]


def test_a_sources_file_lists_paths_and_urls(tmp_path: Path) -> None:
    listed = tmp_path / "lists" / "today.txt"
    listed.parent.mkdir()
    listed.write_text(
        "# morning sources\n\nhttps://example.org/feed.xml\n  ../articles  \n/abs/story.html\n"
    )
    assert sources.sources_file(listed) == [
        "https://example.org/feed.xml",
        str(listed.parent / "../articles"),
        "/abs/story.html",
    ]


def test_a_missing_or_empty_sources_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot read sources file .*nope\.txt"):
        sources.sources_file(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_text("# nothing yet\n\n")
    with pytest.raises(InputError, match="lists no sources"):
        sources.sources_file(tmp_path / "empty.txt")


def test_urls_are_compared_without_tracking_or_cosmetic_parts() -> None:
    key = sources.url_key("https://example.org/world/story")
    for same in (
        "http://www.example.org/world/story/",
        "https://EXAMPLE.org/world/story?utm_source=rss&utm_medium=feed#comments",
        "https://example.org:443/world/story",
    ):
        assert sources.url_key(same) == key
    assert sources.url_key("https://example.org/world/story?id=2") != key
    assert sources.url_key("https://example.org/world/other") != key


def test_a_sources_file_in_a_legacy_encoding_is_refused(tmp_path: Path) -> None:
    listed = tmp_path / "list.txt"
    listed.write_bytes("/news/Genève.txt\n".encode("latin-1"))
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        sources.sources_file(listed)


def test_a_named_pipe_in_a_folder_is_skipped_before_it_is_opened(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("x")
    os.mkfifo(tmp_path / "pipe.txt")  # opening it to read would wait for a writer for ever
    files, skipped = sources.discover([str(tmp_path)])
    assert [f.name for f in files] == ["story.txt"]
    assert skipped == [Skipped(str(tmp_path / "pipe.txt"), "not a regular file (a named pipe)")]


def test_a_symbolic_link_loop_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("x")
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "up").symlink_to(tmp_path)  # a link to a folder is not followed
    (tmp_path / "gone").symlink_to(tmp_path / "nothing")
    files, skipped = sources.discover([str(tmp_path), str(tmp_path / "a")])
    assert [f.name for f in files] == ["story.txt"]
    assert [(Path(s.path).name, s.reason) for s in skipped] == [
        ("a", "symbolic link loop"),
        ("b", "symbolic link loop"),
        ("gone", "broken symbolic link"),
        ("a", "symbolic link loop"),
    ]


def test_a_link_is_followed_only_inside_the_folder_given(tmp_path: Path) -> None:
    """A link out of the folder would publish whatever it reaches: it is named, not read."""
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "payroll.txt").write_text("x")
    inbox = tmp_path / "inbox"
    (inbox / ".archive").mkdir(parents=True)
    (inbox / ".archive" / "kept.txt").write_text("x")
    (inbox / "story.txt").write_text("x")
    (inbox / "payroll.txt").symlink_to(tmp_path / "private" / "payroll.txt")
    (inbox / "private").symlink_to(tmp_path / "private")
    (inbox / "archive").symlink_to(inbox / ".archive")  # inside: read, once
    (inbox / "again").symlink_to(inbox / ".archive")
    (inbox / "same.txt").symlink_to(inbox / "story.txt")  # inside: read once
    files, skipped = sources.discover([str(inbox)])
    assert sorted(f.resolve() for f in files) == [
        (inbox / ".archive" / "kept.txt").resolve(),
        (inbox / "story.txt").resolve(),
    ]
    why = "symbolic link to outside the folder, not followed"
    assert skipped == [
        Skipped(str(inbox / "payroll.txt"), why),
        Skipped(str(inbox / "private"), why),
    ]


def test_a_folder_of_only_links_out_says_so_not_that_it_is_empty(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "story.txt").write_text("x")
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "news").symlink_to(tmp_path / "elsewhere")
    assert sources.discover([str(tmp_path / "inbox")]) == (
        [],
        [
            Skipped(
                str(tmp_path / "inbox" / "news"),
                "symbolic link to outside the folder, not followed",
            )
        ],
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod-000 folder all the same")
def test_an_unreadable_sub_folder_is_named_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "hidden.txt").write_text("x")
    locked.chmod(0)
    try:
        files, skipped = sources.discover([str(tmp_path)])
        alone = sources.discover([str(locked)])
    finally:
        locked.chmod(0o755)
    assert [f.name for f in files] == ["story.txt"]
    assert skipped == [Skipped(str(locked), "cannot read: permission denied")]
    assert alone == ([], [Skipped(str(locked), "cannot read: permission denied")])


def test_a_name_with_a_line_break_or_escape_is_shown_escaped(tmp_path: Path) -> None:
    missing = str(tmp_path / "x\nbrief: skipped everything\x1b[2J.txt")
    _, [skipped] = sources.discover([missing])
    assert "\n" not in skipped.path and "\x1b" not in skipped.path
    assert skipped.path.endswith("x\\nbrief: skipped everything\\x1b[2J.txt")


def test_a_url_with_a_port_out_of_range_is_its_own_identity() -> None:
    assert sources.url_key("http://example.org:99999/a") == "http://example.org:99999/a"
