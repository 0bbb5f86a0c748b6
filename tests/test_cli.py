"""The command line, driven as a user drives it: exit status, messages, never a traceback."""

from __future__ import annotations

import atexit
import datetime as dt
import email
import gc
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from email import policy
from pathlib import Path

import pytest

from summarizer import __version__
from summarizer.cli import main
from tests import clirun
from tests.brief_items import brief_items
from tests.localserver import LocalServer, serving
from tests.paths import FIXTURES, REPO


def run(*args: str, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """``python -m summarizer ARGS`` in a fresh interpreter: for what only a new process shows
    (the ``-m`` entry point, a dropped capability); ``child`` runs the rest."""
    env = {k: v for k, v in os.environ.items() if k != "BRIEF_DEBUG"}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "summarizer", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


Child = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def child(tmp_path_factory: pytest.TempPathFactory) -> Child:
    """``brief ARGS`` in a process of its own, with its own exit status, stdout and stderr, as
    ``run`` gives them, but forked from one that imported the tool once (``tests/clirun.py``):
    no 1.5 s interpreter start per run. Its working folder is none of the inputs."""
    folder = tmp_path_factory.mktemp("cwd")

    def call(*args: str) -> subprocess.CompletedProcess[str]:
        done = clirun.brief(*args, folder=folder, limit=120)
        assert done.status is not None, f"brief {' '.join(args)} still ran after 120 s"
        return subprocess.CompletedProcess(["brief", *args], done.status, done.out, done.err)

    return call


def assert_fails_cleanly(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("brief: error: ")
    assert message in lines[-1]


@pytest.mark.process
def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"brief {__version__}"
    for args in (["--help"], ["build", "--help"], ["summarize", "--help"]):
        result = run(*args)
        assert result.returncode == 0
        assert "usage: brief" in result.stdout


def test_the_collector_is_left_out_of_the_exit_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The exit freezes what is left rather than collecting it (``cli.main``): registered
    once however many commands one process runs, and a command's output is all there."""
    registered: list[Callable[[], None]] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    monkeypatch.setattr(
        atexit, "unregister", lambda f: registered.remove(f) if f in registered else None
    )
    for _ in range(2):
        assert main(["summarize", str(FIXTURES / "articles"), "--words", "30", "-q"]) == 0
        assert capsys.readouterr().out.strip()
    assert registered == [gc.freeze]


# What a command that only answers (--help, --version, a mistyped option) must not import:
# these take about 2 s between them, where Python itself starts in 0.03 s.
HEAVY = ("nltk", "numpy", "scipy", "sumy", "textblob", "trafilatura", "feedparser", "tqdm")


@pytest.mark.process
@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], ["build", "--help"], ["build", "--items", "0"]]
)
def test_answering_imports_no_heavy_library(args: list[str]) -> None:
    code = (
        "import sys\n"
        "from summarizer.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", ["build", "summarize"])
def test_a_build_or_summary_imports_no_library_it_does_not_use(
    command: str, tmp_path: Path
) -> None:
    """scipy.optimize (0.2 s to import) was loaded only for the budgeted selection's solver:
    HiGHS's own binding does the same work without it, and nothing else needs it."""
    out = ["--out", str(tmp_path)] if command == "build" else []
    args = [command, str(REPO / "summarizer" / "examples"), "-q", *out]
    code = (
        "import sys\n"
        "from summarizer.cli import main\n"
        f"status = main({args!r})\n"
        "print(status, 'highspy' in sys.modules, sorted(m for m in sys.modules if m.startswith("
        "('scipy.optimize', 'scipy.stats', 'sklearn', 'pandas', 'matplotlib'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 True []"  # the solver ran, on its own


def test_a_summary_imports_none_of_the_build_stages() -> None:
    """A summary composes, renders and organises nothing: the pipeline imports those stages
    (and jinja2, markdown, textblob: about 50 ms) where a build calls them."""
    args = ["summarize", str(REPO / "summarizer" / "examples"), "-q"]
    build_only = ("summarizer.output", "summarizer.selecting.stories", "summarizer.themes.choice",
                  "summarizer.themes.learned", "jinja2", "markdown", "textblob")  # fmt: skip
    code = (
        "import sys\n"
        "from summarizer.cli import main\n"
        f"status = main({args!r})\n"
        f"print(status, sorted(m for m in sys.modules if m.startswith({build_only!r})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 []"


@pytest.mark.process
def test_missing_path(child: Child, tmp_path: Path) -> None:
    result = child("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert_fails_cleanly(result, "no such file or folder")
    assert not (tmp_path / "out").exists()


@pytest.mark.process
def test_empty_folder(child: Child, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    assert_fails_cleanly(
        child("build", str(tmp_path / "in"), "--out", str(tmp_path)), "folder has no files"
    )


@pytest.mark.process
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary file"),
        (b"Back To Top\nLeave a Reply\n", "no sentence left after cleaning"),
    ],
)
def test_single_bad_file(child: Child, tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert_fails_cleanly(child("build", str(path), "--out", str(tmp_path / "out")), message)
    assert_fails_cleanly(child("summarize", str(path)), message)


@pytest.mark.process
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("The council approved the new harbour budget on Monday evening.")
    path.chmod(0)
    result = run("build", str(path), "--out", str(tmp_path / "out"), prefix=_unprivileged())
    assert_fails_cleanly(result, "permission denied")


def _unprivileged() -> tuple[str, ...]:
    """The command prefix under which file modes bind: none for a user; root reads and writes
    anything, so for root the capabilities that allow it dropped (skips without setpriv)."""
    if os.geteuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv")
    caps = "-dac_override,-dac_read_search"
    return ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}")


@pytest.mark.process
def test_an_unreadable_out_folder_is_one_line(tmp_path: Path) -> None:
    """Issue 29: was "internal error: PermissionError"."""
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0)
    try:
        args = ("build", str(FIXTURES / "articles"), "--out", str(out), "--date", "2025-06-25")
        result = run(*args, prefix=_unprivileged())
    finally:
        out.chmod(0o755)
    assert (result.returncode, result.stdout) == (1, "")  # an output error, not bad input
    assert result.stderr.splitlines() == [
        f"brief: error: cannot write brief {out / '2025-06-25'}: Permission denied: {out}"
    ]
    assert list(out.iterdir()) == []


@pytest.mark.process
def test_unreadable_and_linked_sub_folders_are_named_with_their_reasons(tmp_path: Path) -> None:
    """Issue 29 case 4: a folder whose sub-folders cannot be read or lead outside it said
    "folder has no files"; each is named with its reason, beside good articles or alone."""
    (tmp_path / "elsewhere").mkdir()
    story = (FIXTURES / "articles" / "harbour_original.txt").read_text(encoding="utf-8")
    (tmp_path / "elsewhere" / "payroll.txt").write_text(story)
    day = tmp_path / "day"
    (day / "locked").mkdir(parents=True)
    (day / "locked" / "story.txt").write_text(story)
    (day / "payroll.txt").symlink_to(tmp_path / "elsewhere" / "payroll.txt")
    (day / "locked").chmod(0)
    try:
        alone = run("build", str(day), "--out", str(tmp_path / "o1"), prefix=_unprivileged())
        shutil.copy(FIXTURES / "articles" / "harbour_weather.md", day)
        beside = run("build", str(day), "--out", str(tmp_path / "o2"), prefix=_unprivileged())
    finally:
        (day / "locked").chmod(0o755)
    assert_fails_cleanly(
        alone,
        f"nothing usable in 2 inputs ({day / 'locked'}: cannot read: permission denied; "
        f"{day / 'payroll.txt'}: symbolic link to outside the folder, not followed)",
    )
    assert beside.returncode == 0, beside.stderr
    assert f"brief: skipped {day / 'locked'}: cannot read: permission denied" in beside.stderr
    assert (
        f"brief: skipped {day / 'payroll.txt'}: symbolic link to outside the folder, not followed"
        in beside.stderr
    )
    credited = json.loads(Path(beside.stdout.split()[-1]).read_text(encoding="utf-8"))["sources"]
    assert [source["path"] for source in credited] == [str(day / "harbour_weather.md")]


@pytest.mark.process
def test_several_bad_inputs_give_one_line(child: Child, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = child("build", str(tmp_path), "--out", str(tmp_path / "out"))
    assert_fails_cleanly(result, "nothing usable in 2 inputs")


@pytest.mark.process
def test_usable_files_give_a_brief_and_the_bad_ones_are_named(child: Child, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    out = tmp_path / "out"
    result = child("build", str(folder), str(tmp_path / "missing.txt"), "--out", str(out))
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


ACCENTED = (
    "François Müller, the mayor of Zürich, said on Monday that the city would spend £600m on "
    "new trams.\n\nThe council approved the plan after a long debate about the café owners’ "
    "complaints, the mayor said.\n"
)


@pytest.mark.process
@pytest.mark.parametrize(
    ("fault", "replaced"),
    [
        (lambda data: data[:30] + b"\xff" + data[30:], 1),  # one invalid byte
        (lambda data: data + "é".encode()[:1], 1),  # cut inside its last character
        (lambda data: data.replace(b"Mon", b"Mo\xc3\x28n").replace(b"plan", b"p\xa0\xa1l"), 3),
    ],
    ids=["one-bad-byte", "cut-last-character", "a-few-bad-sequences"],
)
def test_mostly_utf8_reaches_brief_email_and_site_with_every_accent(
    child: Child, tmp_path: Path, fault: Callable[[bytes], bytes], replaced: int
) -> None:
    """Issue 29 case 1: these were read as a legacy page ("FranÃ§ois", "Â£600m") or dropped
    as binary; the bad bytes are replaced and the file named in a warning."""
    story = tmp_path / "trams.txt"
    story.write_bytes(fault(ACCENTED.encode()))
    out = tmp_path / "out"
    built = child("build", str(story), "--out", str(out), "--date", "2025-06-25", "-q")
    assert built.returncode == 0, built.stderr
    many = "byte that is" if replaced == 1 else "bytes that are"
    assert built.stderr.splitlines()[0] == (
        f"brief: warning: {story}: {replaced} {many} not UTF-8 replaced with \ufffd"
    )
    brief_json = out / "2025-06-25.json"
    sent = child("send", str(brief_json), "--to", "a@example.org", "--eml", str(tmp_path / "m.eml"))
    published = child("publish", str(brief_json), "--site", str(tmp_path / "site"))
    assert (sent.returncode, published.returncode) == (0, 0), sent.stderr + published.stderr
    message = email.message_from_bytes((tmp_path / "m.eml").read_bytes(), policy=policy.default)
    texts = [
        (out / "2025-06-25.md").read_text(encoding="utf-8"),
        (out / "2025-06-25.html").read_text(encoding="utf-8"),
        (tmp_path / "site" / "2025-06-25.html").read_text(encoding="utf-8"),
        *(part.get_content() for part in message.walk() if part.get_content_maintype() == "text"),
    ]
    for text in texts:
        assert "François Müller" in text and "Zürich" in text and "£600m" in text
        assert "Ã" not in text and "Â" not in text


@pytest.mark.process
def test_build_options(child: Child, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = child(
        "build", str(FIXTURES / "articles"), "--out", str(out), "--date", "2024-04-01",
        "--title", "Harbour Morning", "--items", "1", "--algorithm", "lexrank",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    brief = json.loads((out / "2024-04-01.json").read_text())
    assert brief["title"] == "Harbour Morning"
    assert brief["date"] == "2024-04-01"
    assert all(len(s["items"]) <= 1 for s in brief["sections"]) and len(brief_items(brief)) == 1


@pytest.mark.process
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "yesterday"], "not a date in YYYY-MM-DD form"),
        (["--items", "0"], "--items: must be a whole number from 1 to 100, not 0"),
        (["--items", "101"], "must be a whole number from 1 to 100"),  # as items = in brief.toml
        (["--algorithm", "magic"], "unknown ranker 'magic'; choose one of: concepts, kl, lead"),
    ],
)
def test_bad_options(child: Child, tmp_path: Path, args: list[str], message: str) -> None:
    result = child("build", str(FIXTURES / "articles"), "--out", str(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.process
def test_bad_themes_file_is_one_line(child: Child, tmp_path: Path) -> None:
    themes = tmp_path / "themes.toml"
    themes.write_text("[[theme]\n")
    result = child(
        "build", str(FIXTURES / "articles"), "--out", str(tmp_path), "--themes", str(themes)
    )
    assert_fails_cleanly(result, "is not valid TOML")


@pytest.mark.process
def test_summarize_prints_one_sentence_a_line_within_the_budget(child: Child) -> None:
    result = child("summarize", str(FIXTURES / "articles"), "--words", "30")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    words = [len(line.split()) for line in lines]
    assert sum(words[:-1]) < 30 <= sum(words)
    assert all(line[0].isupper() and line.endswith(".") for line in lines)


@pytest.mark.process
def test_summarize_sentences_and_algorithms(child: Child) -> None:
    for algorithm in ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction"):
        result = child(
            "summarize", str(FIXTURES / "articles"), "--sentences", "2", "--algorithm", algorithm
        )
        assert result.returncode == 0, result.stderr
        assert len(result.stdout.strip().splitlines()) == 2


# --- real-world input through the CLI: formats, URLs, windows, and bad input ------------
# Run in-process (``main`` is the whole command): each case costs milliseconds, not an
# interpreter start. The end-to-end tests run the mixed-input brief as a subprocess.

WEB = FIXTURES / "web"


@pytest.fixture
def brief(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    monkeypatch.delenv("BRIEF_DEBUG", raising=False)

    def call(*args: str) -> tuple[int, str, str]:
        try:
            status = main(list(args))
        except SystemExit as exc:  # argparse refuses an option value this way
            status = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        return status, out, err

    return call


def assert_skipped_cleanly(status: int, err: str, message: str) -> None:
    """Exit 2, one error line naming the reason, no traceback."""
    assert status == 2, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("brief: error: ")
    assert message in err.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving() as running:
        yield running


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("archive.zip", b"PK\x03\x04\x14\x00" + bytes(range(256)) * 4, "binary file (a zip"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (a PNG image)"),
        ("empty.html", b"", "empty file"),
        ("head.html", (WEB / "cut_in_head.html").read_bytes(), "no article text found in the page"),
        (
            "feed.xml",
            (WEB / "malformed_feed.xml").read_bytes(),
            "malformed feed: unclosed token at line 9",
        ),
        ("feed.rss", (WEB / "empty_feed.xml").read_bytes(), "feed has no entries"),
        (
            "lines.jsonl",
            b'{"title": "no text"}\n{broken\n',
            "no article found (jsonl): line 1: no 'text'",
        ),
    ],
)
def test_a_bad_input_alone_fails_with_its_reason(
    brief: Callable[..., tuple[int, str, str]],
    tmp_path: Path,
    name: str,
    content: bytes,
    message: str,
) -> None:
    (tmp_path / name).write_bytes(content)
    status, _, err = brief("build", str(tmp_path / name), "--out", str(tmp_path / "out"))
    assert_skipped_cleanly(status, err, f"nothing usable: {tmp_path / name}: {message}")
    assert not (tmp_path / "out").exists()


def test_a_200_mb_file_is_skipped_over_the_size_cap(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    shutil.copytree(WEB / "mixed", folder)
    with (folder / "dump.txt").open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk, and must not be read
    status, out, err = brief("build", str(folder), "--out", str(tmp_path / "out"))
    assert status == 0, err
    assert f"brief: skipped {folder / 'dump.txt'}: larger than the 50 MB size cap" in err
    skipped = json.loads(Path(out.split()[2]).read_text())["skipped"]
    assert {"path": str(folder / "dump.txt"), "reason": "larger than the 50 MB size cap"} in skipped


def test_the_size_cap_is_an_option(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The ministers met in Vienna on Tuesday to talk about peace.\n\n" * 40_000)
    status, _, err = brief("build", str(path), "--max-size", "1", "--out", str(tmp_path))
    assert_skipped_cleanly(status, err, "larger than the 1 MB size cap")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_encodings_through_the_cli(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path, encoding: str
) -> None:
    text = (
        "Talks in Genève resume\n\n"
        "Negotiators from both delegations returned to the table in Genève on Tuesday morning.\n\n"
        "The Swiss hosts said the café where the first round ended had been booked again for lunch.\n"
    )
    if encoding == "cp1252":
        text = text.replace("on Tuesday morning", "on Tuesday morning, €5m in aid on the agenda")
    (tmp_path / "talks.txt").write_bytes(text.encode(encoding))
    status, out, err = brief("build", str(tmp_path / "talks.txt"), "--out", str(tmp_path / "out"))
    assert status == 0, err
    assert "Traceback" not in err
    items = brief_items(json.loads(Path(out.split()[2]).read_text()))
    assert any("Genève" in item["text"] for item in items)


def test_a_utf8_file_with_a_bad_byte_keeps_its_accents_and_is_named_in_a_warning(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    text = (
        "Bank sells stake in Genève\n\n"
        "François Müller, the bank’s chairman, said it would sell its stake for £600m on Tuesday.\n\n"
        "The Treasury said the sale would go ahead after a long review of the terms in Genève.\n"
    )
    path = tmp_path / "bank.txt"
    path.write_bytes(text.encode().replace(b"review", b"re\xffview") + "é".encode()[:1])
    status, out, err = brief("build", str(path), "--out", str(tmp_path / "out"))
    assert status == 0, err
    assert f"brief: warning: {path}: 2 bytes that are not UTF-8 replaced" in err
    items = brief_items(json.loads(Path(out.split()[2]).read_text()))
    said = " ".join(item["text"] for item in items)
    assert "François Müller" in said and "£600m" in said and "Ã" not in said


def test_a_truncated_page_still_gives_its_sentences(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    status, out, err = brief("build", str(WEB / "truncated_page.html"), "--out", str(tmp_path))
    assert status == 0, err
    brief_json = json.loads(Path(out.split()[2]).read_text())
    assert [(s["name"], s["date"]) for s in brief_json["sources"]] == [
        ("Danube Herald", "2025-06-25")
    ]
    texts = [i["text"] for i in brief_items(brief_json)]
    assert texts and all(t.endswith(".") for t in texts)
    assert not any("shipping ag" in t for t in texts)  # the cut sentence never reaches the brief


def test_broken_json_lines_are_listed_and_the_rest_is_read(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    path = WEB / "bad_lines.jsonl"
    status, out, err = brief("build", str(path), "--out", str(tmp_path))
    assert status == 0, err
    for reason in (
        "line 2: not valid JSON (column 34)",
        "line 3: not a JSON object",
        "line 4: no 'text'",
        "line 6: 'date' is not a date",
        "line 7: 'text' is not a non-empty string",
    ):
        assert f"brief: skipped {path}: {reason}" in err
    brief_json = json.loads(Path(out.split()[2]).read_text())
    assert len(brief_json["skipped"]) == 5
    assert {s["name"] for s in brief_json["sources"]} == {"Quay Report"}


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ("/status/404", "HTTP 404 Not Found"),
        ("/status/500", "HTTP 500 Internal Server Error"),
        ("/hang", "timed out after 0.5 s"),
        ("/loop", "redirect loop"),
        ("/close", "the server closed the connection without answering"),
        ("/image", "not text: the server sent 'image/png'"),
    ],
)
def test_a_failing_url_fails_with_its_reason(
    brief: Callable[..., tuple[int, str, str]],
    server: LocalServer,
    tmp_path: Path,
    route: str,
    message: str,
) -> None:
    url = server.url + route
    status, _, err = brief("build", url, "--timeout", "0.5", "--out", str(tmp_path / "out"))
    assert_skipped_cleanly(status, err, f"nothing usable: {url}: {message}")


def test_failing_urls_in_a_sources_file_are_listed_and_the_rest_is_read(
    brief: Callable[..., tuple[int, str, str]], server: LocalServer, tmp_path: Path
) -> None:
    listed = tmp_path / "sources.txt"
    listed.write_text(f"{server.url}/feeds/wire\n{server.url}/status/404\n{server.url}/close\n")
    status, out, err = brief(
        "summarize", "--sources-file", str(listed), "--sentences", "2", "--timeout", "0.5"
    )
    assert status == 0, err
    assert f"brief: skipped {server.url}/status/404: HTTP 404 Not Found" in err
    assert f"brief: skipped {server.url}/close: the server closed the connection" in err
    assert len(out.strip().splitlines()) == 2


def test_since_keeps_the_last_hours(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    now = dt.datetime.now(dt.UTC)
    lines = [
        {"text": "Ministers met in Vienna this morning to discuss a ceasefire plan for the east.",
         "date": (now - dt.timedelta(hours=2)).isoformat(), "source": "Fresh Wire"},
        {"text": "Ministers met in Brussels three days ago to discuss the supply of air defence.",
         "date": (now - dt.timedelta(days=3)).isoformat(), "source": "Old Wire"},
    ]  # fmt: skip
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    status, out, err = brief("build", str(path), "--since", "24h", "--out", str(tmp_path / "out"))
    assert status == 0, err
    brief_json = json.loads(Path(out.split()[2]).read_text())
    assert [s["name"] for s in brief_json["sources"]] == ["Fresh Wire"]
    assert brief_json["date"] == (now - dt.timedelta(hours=2)).date().isoformat()
    assert "outside the --since/--until window" in brief_json["skipped"][0]["reason"]
    status, _, err = brief("build", str(path), "--until", "2d", "--out", str(tmp_path / "o2"))
    assert status == 0, err
    assert f"brief: skipped {path}:1: dated " in err


def test_one_article_dated_far_ahead_does_not_date_the_brief(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    """A placeholder (9999-12-31) or a typo in one article's date must not name the brief's file
    and mark every other item as older news; the articles' real dates still decide."""
    lines = [
        {"text": "Ministers met in Vienna on Tuesday to discuss a ceasefire plan for the east.",
         "date": "2025-06-24", "source": "Day Wire"},
        {"text": "Officials in Kyiv said the new air defence systems arrived at the front.",
         "date": "2025-06-23", "source": "Early Wire"},
        {"text": "Engineers restored power to the city after the overnight strike on its grid.",
         "date": "9999-12-31", "source": "Placeholder Wire"},
        {"text": "The parliament approved the budget for reconstruction of the damaged ports.",
         "date": "2062-06-24", "source": "Typo Wire"},
    ]  # fmt: skip
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    status, out, err = brief("build", str(path), "--out", str(tmp_path / "out"))
    assert status == 0, err
    brief_json = json.loads(Path(out.split()[2]).read_text())
    assert brief_json["date"] == "2025-06-24"
    assert Path(out.split()[2]).name == "2025-06-24.json"
    dated = {i["text"][:9]: i.get("date") for i in brief_items(brief_json)}
    assert dated["Ministers"] is None  # from the brief's own day: no "older news" date


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "not a time: 'yesterday'"),
        (["--since", "2025-06-25", "--until", "2025-06-24"], "--since is later than --until"),
        (["--max-size", "0"], "must be more than 0"),
        (["--timeout", "soon"], "not a number"),
        (
            ["--sources-file", "/nonexistent/list.txt"],
            "cannot read sources file /nonexistent/list.txt",
        ),
    ],
)
def test_bad_input_options(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path, args: list[str], message: str
) -> None:
    status, _, err = brief("build", str(WEB / "mixed"), "--out", str(tmp_path), *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["--until", "9999-12-31T23:00-05:00"],
        ["--since", "99999999999d"],
        ["--since", "0001-01-01T00:00+05:00"],
    ],
)
def test_a_bound_past_the_calendar_is_one_line_and_status_2(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path, args: list[str]
) -> None:
    status, _, err = brief("build", str(FIXTURES / "articles"), "--out", str(tmp_path), *args)
    assert status == 2
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].endswith("(dates run from year 1 to 9999)")


@pytest.mark.process
def test_sources_may_follow_options(child: Child, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = child(
        "build",
        str(FIXTURES / "town" / "budget.txt"),
        "--timeout",
        "3",
        str(FIXTURES / "town" / "storm.txt"),
        "--out",
        str(out),
        str(FIXTURES / "town" / "football.txt"),
    )
    assert result.returncode == 0, result.stderr
    [written] = out.glob("*.json")
    paths = {s["path"] for s in json.loads(written.read_text())["sources"]}
    assert {Path(p).name for p in paths} == {"budget.txt", "storm.txt", "football.txt"}
    refused = child("build", str(FIXTURES / "town"), "--bogus", str(tmp_path))
    assert refused.returncode == 2
    assert "unrecognized arguments: --bogus" in refused.stderr


@pytest.mark.parametrize("title", ["Morning\nBrief", "Morning\rBrief", "Morning\x1b[2J"])
def test_a_title_on_more_than_one_line_is_refused_as_in_brief_toml(
    brief: Callable[..., tuple[int, str, str]], tmp_path: Path, title: str
) -> None:
    status, _, err = brief("build", str(FIXTURES / "articles"), "--out", str(tmp_path / "o"),
                           "--title", title)  # fmt: skip
    assert status == 2
    assert "argument --title: must" in err
    assert not (tmp_path / "o").exists()
    config = tmp_path / "brief.toml"
    config.write_text(f"title = {json.dumps(title)}\n")
    status, _, err = brief("build", str(FIXTURES / "articles"), "--config", str(config))
    assert status == 2
    assert "title: must" in err


def test_summarize_reads_brief_toml_sources_as_build_does(
    brief: Callable[..., tuple[int, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURES / "articles", tmp_path / "articles")
    named = brief("summarize", "articles", "--words", "30")
    assert named[0] == 0, named[2]
    (tmp_path / "brief.toml").write_text('sources = ["articles"]\n', encoding="utf-8")
    assert brief("summarize", "--words", "30") == named  # the same summary, from the file
    (tmp_path / "other.toml").write_text('sources = ["missing"]\n', encoding="utf-8")
    status, _, err = brief("summarize", "--config", "other.toml")
    assert status == 2
    assert err.strip().splitlines()[-1].startswith("brief: error: nothing usable: ")


def test_positional_help_names_every_kind_of_input(capsys: pytest.CaptureFixture[str]) -> None:
    def help_of(*command: str) -> str:
        with pytest.raises(SystemExit):
            main([*command, "--help"])
        return " ".join(capsys.readouterr().out.split())

    assert ("SOURCES files, folders or URLs of articles (default: brief.toml's sources, else "
            "the bundled sample corpus)") in help_of("build")  # fmt: skip
    assert "SOURCES files, folders or URLs of articles (default: brief.toml's sources)" in (
        help_of("summarize")
    )
    for command in ("send", "publish"):
        assert "BRIEF the .md, .html or .json file that brief build wrote" in help_of(command)
