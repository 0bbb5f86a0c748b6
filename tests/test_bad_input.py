"""Bad input never stops or hangs the brief: every kind found so far, each run as a user runs
``brief build``, in its own process with a time limit.

For every bad input: beside good articles the brief is built (exit 0), the bad input is named
on stderr with its reason and listed in the brief; alone, ``brief`` exits 2 with one line that
gives the reason. Never a traceback, never a hang, and the HTML stays valid.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.clirun import Run, brief
from tests.htmlcheck import assert_good_page
from tests.localserver import ARTICLE, LocalServer, serving
from tests.paths import FIXTURES

pytestmark = pytest.mark.process

WEB = FIXTURES / "web"
TOWN = FIXTURES / "town"
LIMIT = 30.0  # seconds a run may take before it counts as a hang
STORY = "Foreign ministers resumed their talks in Vienna on Wednesday after a break of one day."
DATED = "\n".join(
    json.dumps({"title": title, "text": text, "date": "2025-06-25", "source": outlet})
    for title, text, outlet in [
        (
            "Storm tears through Millbrook",
            "The storm tore the roof off the Millbrook town hall overnight, and storm winds "
            "brought down old trees across the valley.\n\nEmergency crews cleared fallen trees "
            "from the main road by noon on Wednesday, the mayor said.",
            "Valley Post",
        ),
        (
            "Council passes the Millbrook budget",
            "The Millbrook council passed its budget for the new school year on Wednesday "
            "after a long debate.\n\nThe budget gives the valley schools two new teachers and "
            "repairs the town hall roof, the council said.",
            "Town Wire",
        ),
    ]
)


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving() as running:
        yield running


@dataclass(frozen=True)
class Case:
    """One bad input: ``make`` puts it in a folder (or names a URL) and returns the sources;
    ``reason`` is what stderr must say about it (None: nothing is skipped, it is read)."""

    name: str
    make: Callable[[Path, str], list[str]]
    reason: str | None
    args: tuple[str, ...] = ()


def _file(name: str, data: bytes | str) -> Callable[[Path, str], list[str]]:
    def make(folder: Path, url: str) -> list[str]:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [str(path)]

    return make


def _url(route: str) -> Callable[[Path, str], list[str]]:
    return lambda folder, url: [url + route]


def _fifo(folder: Path, url: str) -> list[str]:
    os.mkfifo(folder / "pipe.txt")
    return [str(folder / "pipe.txt")]


def _loop(folder: Path, url: str) -> list[str]:
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    return [str(folder / "a.txt")]


def _broken_link(folder: Path, url: str) -> list[str]:
    (folder / "gone.txt").symlink_to(folder / "nothing.txt")
    return [str(folder / "gone.txt")]


def _link_out(folder: Path, url: str) -> list[str]:
    """A folder whose only entries are links out of it: a file and a folder of text."""
    (folder / "private").mkdir()
    (folder / "private" / "payroll.txt").write_text(f"Payroll\n\n{STORY}\n")
    (folder / "inbox").mkdir()
    (folder / "inbox" / "story.txt").symlink_to(folder / "private" / "payroll.txt")
    (folder / "inbox" / "more").symlink_to(folder / "private")
    return [str(folder / "inbox")]


def _missing(folder: Path, url: str) -> list[str]:
    return [str(folder / "nope.txt")]


def _empty_folder(folder: Path, url: str) -> list[str]:
    (folder / "empty").mkdir()
    return [str(folder / "empty")]


def _copy(path: Path, name: str | None = None) -> Callable[[Path, str], list[str]]:
    def make(folder: Path, url: str) -> list[str]:
        target = folder / (name or path.name)
        shutil.copyfile(path, target)
        return [str(target)]

    return make


DUC_HEAD = f"<DOC>\n<DOCNO> APW20250625.0001 </DOCNO>\n<TEXT>\n<P>{STORY}</P>\n"
FEED_WITH_SURROGATE = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    "<item><title>Bridge &#xD800; opens</title><description>The new bridge over the river will"
    " open next spring after years of delays, officials in the capital said on Monday."
    "</description></item></channel></rss>"
)

# Every case the adversarial runs found (faults 1-13 and the minor ones), and the earlier ones.
# fmt: off
CASES = [
    Case("named pipe", _fifo, "not a regular file (a named pipe)"),
    Case("symbolic link loop", _loop, "symbolic link loop"),
    Case("broken symbolic link", _broken_link, "broken symbolic link"),
    Case("links out of the folder", _link_out, "symbolic link to outside the folder, not followed"),
    Case("missing path", _missing, "no such file or folder"),
    Case("empty folder", _empty_folder, "folder has no files"),
    Case("empty file", _file("empty.txt", b""), "empty file"),
    Case("blank file", _file("blank.txt", b" \n\t\n"), "empty file"),
    Case("control characters only", _file("ctl.txt", b"\x1b\x07\x7f\n"), "empty file"),
    Case("PNG image", _file("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
         "binary file (a PNG image)"),
    Case("zip archive", _file("a.zip", b"PK\x03\x04" + bytes(range(256)) * 4), "binary file (a zip"),
    Case("binary with NUL bytes", _file("blob.dat", bytes(range(256)) * 40), "binary file"),
    Case("over the size cap", _file("big.txt", "Words. " * 4000), "larger than the 10.2393 KB size cap",
         ("--max-size", "0.01")),
    Case("furniture only", _file("nav.txt", "Back To Top\nLeave a Reply\n"),
         "no sentence left after cleaning"),
    Case("page without article", _copy(WEB / "cut_in_head.html"),
         "no article text found in the page"),
    Case("malformed feed", _copy(WEB / "malformed_feed.xml"),
         "malformed feed: unclosed token at line 9"),
    Case("one-line malformed feed",
         _file("one.rss", '<rss version="2.0"><channel><item><title>A</title><description>x</item>'),
         "malformed feed: mismatched tag at line 1"),
    Case("feed without entries", _copy(WEB / "empty_feed.xml", "feed.rss"), "feed has no entries"),
    Case("JSON Lines without a good line", _file("bad.jsonl", '{"title": "x"}\n{broken\n'),
         "no article found (jsonl): line 1: no 'text'"),
    Case("a data file", _file("table.csv", "a,b\n1,2\n"), "unsupported file type '.csv'"),
    Case("far-future article in a window",
         _file("far.jsonl", json.dumps({"text": STORY, "date": "9999-12-31"}) + "\n"),
         "dated 9999-12-31, the calendar's last day: a placeholder, not a date",
         ("--since", "2025-06-01")),
    Case("undated article in a window", _file("undated.txt", f"Talks resume\n\n{STORY}\n"),
         "no date, so not in the --since/--until window", ("--since", "2025-06-01")),
    Case("article outside the window",
         _file("old.jsonl", json.dumps({"text": STORY, "date": "2020-01-01"}) + "\n"),
         "dated 2020-01-01, outside the --since/--until window", ("--since", "2025-06-01")),
    Case("lone surrogate in JSON Lines",
         _file("s.jsonl", '{"title": "Bridge \\ud800 opens", "text": "' + STORY + '"}\n'), None),
    Case("lone surrogate reference in a feed", _file("s.rss", FEED_WITH_SURROGATE), None),
    Case("control characters in text and name",
         _file("ctl\x1b[31m\x07.txt", f"Talks\x1b[2J resume\x07\n\n{STORY[:-1]}\x7f today.\n"), None),
    Case("UTF-16 with a mark", _file("u16.txt", f"Talks\n\n{STORY}\n".encode("utf-16")), None),
    Case("UTF-16 without a mark", _file("u16be.txt", f"Talks\n\n{STORY}\n".encode("utf-16-be")), None),
    Case("DUC file full of '<'", _file("APW1", DUC_HEAD + "<" * 1_000_000), None),
    Case("DUC file of unclosed tags", _file("APW2", DUC_HEAD + "<P><DOC><TEXT>" * 50_000), None),
    Case("DUC file cut before </DOC>", _file("APW3", DUC_HEAD + "<P>The talks will go on"), None),
    Case("HTTP error status", _url("/status/404"), "HTTP 404 Not Found"),
    Case("server that hangs", _url("/hang"), "timed out after 0.3 s", ("--timeout", "0.3")),
    Case("server trickling its body", _url("/trickle"), "download took longer than 1 s",
         ("--timeout", "0.2")),
    Case("server trickling its headers", _url("/slowloris"), "download took longer than 1 s",
         ("--timeout", "0.2")),
    Case("redirect loop", _url("/loop"), "redirect loop"),
    Case("redirect to javascript:", _url("/to/javascript:alert(1)"),
         "redirected to a non-web address: javascript:alert(1)"),
    Case("redirect to file:", _url("/to/file:///etc/passwd"),
         "redirected to a non-web address: file:///etc/passwd"),
    Case("server that hangs up", _url("/close"), "the server closed the connection without answering"),
    Case("response cut short", _url("/cut"),
         "the server closed the connection before the end of the response"),
    Case("non-text content type", _url("/image"), "not text: the server sent 'image/png'"),
    Case("UTF-16 declared by the server", _url("/utf16/declared"), None),
]
# fmt: on


def _build(case: Case, tmp_path: Path, server: LocalServer, good: bool) -> tuple[Run, list[str]]:
    folder = tmp_path / "in"
    folder.mkdir()
    bad = case.make(folder, server.url)
    sources = [*bad]
    if good:
        (tmp_path / "good").mkdir()
        (tmp_path / "good" / "day.jsonl").write_text(DATED + "\n", encoding="utf-8")
        sources.append(str(tmp_path / "good"))
    out = tmp_path / "out"
    return brief(
        "build", *sources, "--out", str(out), *case.args, folder=tmp_path, limit=LIMIT
    ), bad


def _assert_clean(run: Run) -> None:
    assert not run.hung, f"still running after {LIMIT:g} s"
    assert "Traceback" not in run.err + run.out, run.err
    assert all(line.startswith("brief") for line in run.err.splitlines()), run.err


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_beside_good_articles_the_brief_is_built_and_the_bad_input_named(
    case: Case, tmp_path: Path, server: LocalServer
) -> None:
    run, _ = _build(case, tmp_path, server, good=True)
    _assert_clean(run)
    assert run.status == 0, run.err
    [json_path] = (tmp_path / "out").glob("*.json")
    written = json.loads(json_path.read_text(encoding="utf-8"))
    html = json_path.with_suffix(".html").read_text(encoding="utf-8")
    assert_good_page(html)
    markdown = json_path.with_suffix(".md").read_text(encoding="utf-8")
    assert not any(c in markdown + html for c in "\x1b\x07\x7f\ud800")
    skipped = written["skipped"]
    if case.reason is None:
        assert "skipped" not in run.err, run.err
        assert len(written["sources"]) == 3  # the two good articles and this one
    else:
        assert f": {case.reason}" in run.err
        assert any(case.reason in s["reason"] for s in skipped), skipped


@pytest.mark.parametrize("case", [c for c in CASES if c.reason], ids=lambda c: c.name)
def test_alone_it_is_one_line_and_exit_status_2(
    case: Case, tmp_path: Path, server: LocalServer
) -> None:
    run, _ = _build(case, tmp_path, server, good=False)
    _assert_clean(run)
    assert run.status == 2, run.err
    [line] = run.err.strip().splitlines()
    assert line.startswith("brief: error: nothing usable")
    assert case.reason in line
    assert not (tmp_path / "out").exists()


def test_a_file_name_cannot_forge_a_line_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "day.jsonl").write_text(DATED + "\n", encoding="utf-8")
    forged = tmp_path / "good" / "x.txt\nbrief: published everything to the world\n"
    forged.write_bytes(b"")
    run = brief("build", str(tmp_path / "good"), "--out", str(tmp_path / "out"), folder=tmp_path)
    _assert_clean(run)
    assert run.status == 0
    assert "brief: published" not in run.err.splitlines()[0][:20]
    assert "x.txt\\nbrief: published everything to the world\\n: empty file" in run.err


@pytest.mark.parametrize(
    ("args", "status", "last"),
    [
        (("--date", "0001-01-03"), 0, "0001-01-03.json"),
        (("--date", "0001-01-01", "--history-days", "30"), 0, "0001-01-01.json"),
        (("--date", "9999-12-31"), 0, "9999-12-31.json"),
        (("--until", "0001-01-01"), 2, "dated 2025-06-25, outside the --since/--until window)"),
        (("--since", "9999-12-31"), 2, "dated 2025-06-25, outside the --since/--until window)"),
    ],
)
def test_the_calendars_first_and_last_days_are_no_internal_error(
    tmp_path: Path, args: tuple[str, ...], status: int, last: str
) -> None:
    """Issue 29 case 3: these raised OverflowError (a history window or a day's end before
    year 1 or after 9999)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "day.jsonl").write_text(DATED + "\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "0001-01-02.json").write_text("{}", encoding="utf-8")  # history to read
    run = brief("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), *args,
                folder=tmp_path)  # fmt: skip
    _assert_clean(run)
    assert run.status == status, run.err
    lines = (run.out if status == 0 else run.err).strip().splitlines()
    assert lines[-1].endswith(last)
    assert status == 0 or len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("--until", "9999-12-31T23:00-05:00"),
        ("--since", "99999999999d"),
        ("--since", "0001-01-01T00:00+05:00"),
        ("--title", "Two\nlines"),
    ],
)
def test_an_option_value_out_of_range_is_one_line_and_exit_status_2(
    tmp_path: Path, args: tuple[str, str]
) -> None:
    run = brief("build", str(TOWN), "--out", str(tmp_path / "out"), *args, folder=tmp_path)
    assert not run.hung and "Traceback" not in run.err
    assert run.status == 2  # argparse's usage, then one error line
    assert run.err.strip().splitlines()[-1].startswith(f"brief build: error: argument {args[0]}")
    assert not (tmp_path / "out").exists()


def test_sources_after_options_and_leftovers_of_a_killed_run_swept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for name in (".2026-01-01.md.k2j4x9qz.tmp", ".2026-01-01.json.0f3a9c2d1b4e.bak"):
        (out / name).write_text("half a brief")
    run = brief(
        "build",
        str(TOWN / "storm.txt"),
        "--timeout",
        "3",
        str(TOWN / "budget.txt"),
        "--out",
        str(out),
        "--date",
        "2026-01-01",
        folder=tmp_path,
    )
    _assert_clean(run)
    assert run.status == 0, run.err
    assert sorted(p.name for p in out.iterdir()) == [
        f"2026-01-01.{s}" for s in ("html", "json", "md")
    ]
    written = json.loads((out / "2026-01-01.json").read_text(encoding="utf-8"))
    assert len(written["sources"]) == 2


def test_a_url_trickling_bytes_costs_at_most_its_deadline(
    tmp_path: Path, server: LocalServer
) -> None:
    run = brief(
        "build",
        server.url + "/trickle",
        server.url + "/text",
        "--timeout",
        "0.2",
        "--out",
        str(tmp_path / "out"),
        folder=tmp_path,
    )
    _assert_clean(run)
    assert run.status == 0, run.err
    assert run.seconds < 10
    written = json.loads(Path(run.out.split()[-1]).read_text(encoding="utf-8"))
    assert [s["url"] for s in written["sources"]] == [server.url + "/text"]
    assert ARTICLE.split("\n")[0] in written["sources"][0]["title"]
