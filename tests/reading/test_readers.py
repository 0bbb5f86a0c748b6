"""Reading: finding files, decoding any encoding, refusing binaries, DUC SGML, the registry."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
import tracemalloc
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import pipeline, plugins
from summarizer.errors import BriefError, ConfigError, RepairedInput, UnreadableSource
from summarizer.models import RawDocument, Skipped, Source
from summarizer.reading import decode, readers, sources
from tests.conftest import Declare
from tests.localserver import LocalServer, serving
from tests.paths import FIXTURES

FIXTURES = FIXTURES


def test_discover_walks_folders_recursively_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    files, skipped = sources.discover([str(tmp_path)])
    assert [f.name for f in files] == ["one.txt", "two.txt"]
    assert skipped == []


def test_discover_names_missing_paths_and_empty_folders(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    files, skipped = sources.discover([str(tmp_path / "nope.txt"), str(tmp_path / "empty")])
    assert files == []
    assert [s.reason for s in skipped] == ["no such file or folder", "folder has no files"]


def test_the_same_file_named_twice_is_read_once() -> None:
    path = FIXTURES / "articles" / "harbour_copy.txt"
    files, _ = sources.discover([str(path), str(path.parent)])
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


def test_nyt_wire_typesetting_codes_and_list_markers_are_not_text(tmp_path: Path) -> None:
    path = tmp_path / "NYT19980612.0403"
    path.write_text(
        "<DOC>\n<DOCNO> NYT19980612.0403 </DOCNO>\n<TEXT>\n"
        "<P>\n&UR; &LR; Parker, a teacher on the reservation, sees 15 of 26 students. &QL;\n</P>\n"
        "<P>\n_ Attendance fell by half in two years &AMP; truancy doubled.\n</P>\n"
        "</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    [doc] = readers.read_file(path)
    assert doc.text.split("\n\n") == [
        "Parker, a teacher on the reservation, sees 15 of 26 students.",
        "Attendance fell by half in two years & truancy doubled.",
    ]
    assert doc.outlet == "The New York Times"


def test_duc_dates_headline_codes_and_line_break_hyphens(tmp_path: Path) -> None:
    path = tmp_path / "XIE19980812.0062"
    path.write_text(
        "<DOC>\n<DOCNO> XIE19980812.0062 </DOCNO>\n<DATE_TIME> 08/12/1998 13:29:00 </DATE_TIME>\n"
        "<HEADLINE> &HT; Egypt Tests Athletes &AMP; Coaches &HT; </HEADLINE>\n<TEXT>\n"
        "<P>\nThe federation tested 40 athletes out-of-\ncompetition, said Hassan el-\n"
        "Batouti, its medical officer.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    [doc] = readers.read_file(path)
    assert doc.date == dt.date(1998, 8, 12)
    assert doc.title == "Egypt Tests Athletes & Coaches"
    assert doc.outlet == "Xinhua"
    assert "out-of-competition" in doc.text and "el-Batouti" in doc.text


def test_a_duc_file_whose_text_starts_after_a_long_wire_header_is_still_duc(
    tmp_path: Path,
) -> None:
    path = tmp_path / "NYT20000119.0262"
    header = "(To publish this article, it must be purchased from the syndicate.)\n" * 200
    path.write_text(
        f"\n<DOC>\n<DOCNO> NYT20000119.0262 </DOCNO>\n<HEADER>\n{header}</HEADER>\n"
        "<HEADLINE>\nA HEALTHY JOLT\n</HEADLINE>\n<TEXT>\n<P>\nOrganic coffee farms in "
        "Chiapas are thriving as prices rise.\n</P>\n</TEXT>\n</DOC>\n",
        encoding="utf-8",
    )
    [doc] = readers.read_file(path)
    assert doc.title == "A HEALTHY JOLT"
    assert doc.outlet == "The New York Times"
    assert doc.date == dt.date(2000, 1, 19)
    assert doc.text == "Organic coffee farms in Chiapas are thriving as prices rise."


def _claims_note(p: Source, head: str) -> bool:
    return p.suffix in (".brief", ".txt") and "|" in head


def _read_note(p: Source, text: str) -> list[RawDocument]:
    title, body = text.split("|", 1)
    return [RawDocument(path=str(p), text=body, title=title)]


NOTE_READER = readers.Reader("pipe", _claims_note, _read_note)


def test_a_plugin_reader_is_asked_before_the_built_ins(tmp_path: Path, declare: Declare) -> None:
    note = tmp_path / "note.txt"
    note.write_text("HEADLINE|Body text of the note.")
    assert readers.read_file(note)[0].title is None  # the built-in text reader's reading
    declare(plugins.READERS, "pipe", f"{__name__}:NOTE_READER")
    assert [r.name for r in readers.readers()] == [
        "pipe",
        "duc-sgml",
        "feed",
        "html",
        "jsonl",
        "text",
    ]
    [doc] = readers.read_file(note)
    assert (doc.title, doc.text) == ("HEADLINE", "Body text of the note.")


def test_a_reader_plugin_that_is_no_reader_is_refused(declare: Declare) -> None:
    declare(plugins.READERS, "odd", f"{__name__}:_read_note")
    with pytest.raises(ConfigError, match="reader 'odd' from test-plugin is not a"):
        readers.readers()


def _read(
    sources: list[Path] | list[Source], timeout: float = 20.0
) -> tuple[list[RawDocument], list[Skipped]]:
    """The reading stage's stream, split into documents and what was skipped."""
    found = list(readers.iter_read(sources, timeout=timeout))
    return (
        [d for d in found if isinstance(d, RawDocument)],
        [d for d in found if isinstance(d, Skipped)],
    )


def test_reading_keeps_going_past_bad_files(tmp_path: Path) -> None:
    good = FIXTURES / "articles" / "harbour_copy.txt"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    docs, skipped = _read([bad, good])
    assert [Path(d.path).name for d in docs] == ["harbour_copy.txt"]
    assert [(s.path, s.reason) for s in skipped] == [(str(bad), "empty file")]


# --- sources: paths, URLs and lists of them ---------------------------------------------


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB that take no disk
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableSource, match=r"^larger than the 50 MB size cap$"):
            readers.read_source(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_a_large_json_lines_file_is_read_within_a_few_times_its_size(tmp_path: Path) -> None:
    """A 200 MB file took 4.9 GB. One emoji makes the decoded text four bytes a character; on
    top of that text (and, while decoding, the bytes) reading makes no whole copy of it:
    not to strip it, not to make it safe, not to split it into lines (the peak was 9 times
    the file's size, now about 6)."""
    path = tmp_path / "day.jsonl"
    story = {"source": "North Post", "text": "The council closed the harbour bridge. " * 20}
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({**story, "title": "Ferry \U0001f6a2 sinks"}, ensure_ascii=False))
        for n in range(3_000):
            fh.write("\n" + json.dumps({**story, "url": f"https://example.org/{n}"}))
        fh.write("\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        docs, _ = readers.read_source(path, max_bytes=size)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(docs) == 3_001 and docs[0].title == "Ferry \U0001f6a2 sinks"
    assert peak < 7 * size


def test_the_declared_charset_is_used_when_the_bytes_are_not_utf8() -> None:
    data = "Der Bürgermeister sagte, die Brücke sei sicher.".encode("latin-1")
    assert decode.decode(data, "iso-8859-1") == "Der Bürgermeister sagte, die Brücke sei sicher."
    page = b'<meta charset="windows-1252"><p>\x93Quoted\x94 \x80 5</p>'
    assert decode.decode(page) == '<meta charset="windows-1252"><p>“Quoted” € 5</p>'
    assert decode.decode("déjà vu".encode(), "latin-1") == "déjà vu"  # UTF-8 first
    short = "Negotiators returned to the table in Genève on Tuesday."
    assert decode.decode(short.encode("latin-1")) == short  # not cp1250's "Genčve"


def test_the_same_url_twice_counts_once_keeping_the_fuller_text(tmp_path: Path) -> None:
    page = FIXTURES / "web" / "served" / "vienna_talks.html"
    feed = tmp_path / "digest.jsonl"
    feed.write_text(
        '{"text": "Delegations met at the Hofburg for talks.", '
        '"url": "https://atlas-post.example/europe/vienna-talks?utm_source=digest"}\n'
        '{"text": "A different story about the harbour.", "url": "https://atlas-post.example/x"}\n'
    )
    corpus = pipeline.load([str(feed), str(page)])  # the stages a build runs
    assert [a.path for a in corpus.articles] == [str(page), f"{feed}:2"]
    assert list(corpus.skipped) == [Skipped(f"{feed}:1", f"same URL as {page}")]


def test_the_builtin_readers_are_registered_in_order() -> None:
    names = [r.name for r in readers.readers()]
    assert names[-5:] == ["duc-sgml", "feed", "html", "jsonl", "text"]


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with serving() as running:
        yield running


def test_urls_are_read_by_what_they_serve(server: LocalServer) -> None:
    docs, _ = readers.read_source(Source(server.url + "/feeds/wire-as-xml"))
    assert [d.outlet for d in docs] == ["Continental Wire", "Continental Wire"]
    [page], _ = readers.read_source(Source(server.url + "/moved"))
    assert (page.path, page.outlet) == (server.url + "/pages/vienna-talks", "Atlas Post")
    [text], _ = readers.read_source(Source(server.url + "/latin1"))
    assert "Genève" in text.text
    assert text.url == server.url + "/latin1"


def test_urls_that_fail_are_skipped_with_the_reason(server: LocalServer) -> None:
    urls = [server.url + route for route in ("/status/404", "/image", "/text")]
    docs, skipped = _read([Source(u) for u in urls], timeout=0.5)
    assert [d.path for d in docs] == [server.url + "/text"]
    assert [(s.path, s.reason) for s in skipped] == [
        (urls[0], "HTTP 404 Not Found"),
        (urls[1], "not text: the server sent 'image/png'"),
    ]


# --- fuzzing: random bytes and random markup at every reader -----------------------------

# Pieces of every format the readers know, so random strings come close to real inputs.
TOKENS = [
    '<?xml version="1.0" encoding="', "utf-16", "latin-1", '"?>', '<rss version="2.0">',
    "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<link>",
    "</link>", "<description>", "</description>", "<content:encoded><![CDATA[", "]]>",
    "<pubDate>", "</pubDate>", "Tue, 99 Jun 2025 25:61:00 +9999", '<feed xmlns="http://www.w3.org/2005/Atom">',
    "<entry>", "</entry>", '<content type="xhtml">', '<summary type="html">', "</summary>",
    "<updated>", "2025-13-45T99:99:99Z", "<source>", "<!DOCTYPE html>", "<html>", "<head>",
    '<meta charset="', '<meta property="article:published_time" content="', '">', "<body>",
    "<article>", "<p>", "</p>", "<figure><figcaption>", "<script>", "<!--", "-->", "&amp;",
    "&#0;", "&#x110000;", "&bogus;", "<DOC>", "<TEXT>", "<P>", "<HEADLINE>", "{", "}", "[",
    '"text": "', '"date": ', '"url": "', '"title": ', "null", "1e999", "-1e400", '", ', "\n",
    "\r\n", " ", "\x00", "\ufeff", "\udcff", "Ministers met in Vienna on Tuesday. ",
]  # fmt: skip
MARKUP = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map(
    "".join
)
SUFFIXES = ["", ".txt", ".html", ".xml", ".rss", ".atom", ".jsonl", ".json", ".md"]
FUZZ = settings(
    max_examples=400,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never fails by chance
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("reader", readers.readers(), ids=lambda r: r.name)
@FUZZ
@given(text=MARKUP, suffix=st.sampled_from(SUFFIXES))
def test_no_reader_lets_a_foreign_error_escape(
    reader: readers.Reader, text: str, suffix: str
) -> None:
    source = Source(f"fuzz{suffix}")
    assert reader.claims(source, text[: decode.SNIFF_BYTES]) in (True, False)
    try:
        found = reader.read(source, text)
    except BriefError:
        return
    assert all(isinstance(x, RawDocument | Skipped) for x in found)


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.builds(
            lambda t, e: t.encode(e, "replace"),
            MARKUP,
            st.sampled_from(["utf-8", "cp1252", "utf-16"]),
        ),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_random_bytes_are_read_or_skipped_with_a_reason(
    fuzz_dir: Path, data: bytes, suffix: str
) -> None:
    path = fuzz_dir / f"input{suffix}"
    path.write_bytes(data)
    try:
        docs, _ = readers.read_source(path)
    except UnreadableSource as exc:
        assert str(exc)
        return
    assert all(isinstance(d, RawDocument) and d.text.strip() for d in docs)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# --- UTF-16 and UTF-32, DUC files cut short or full of "<" ---------------------------------

STORY = "Foreign ministers resumed their talks in Wien on Wednesday after a break of one day."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf_16_and_32_text_is_decoded_with_or_without_a_mark(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(f"Talks resume\n\n{STORY} Ça va.\n".encode(encoding))
    [doc] = readers.read_file(path)
    assert doc.text == f"Talks resume\n\n{STORY} Ça va.\n"


@pytest.mark.parametrize(
    ("route", "expected"),
    [("/utf16/bom", "Wien"), ("/utf16/declared", "Wien"), ("/utf16/bare", "Wien")],
)
def test_utf_16_from_a_server_is_decoded(server: LocalServer, route: str, expected: str) -> None:
    [doc], _ = readers.read_source(Source(server.url + route))
    assert f"resumed their talks in {expected} on Wednesday" in doc.text


def test_a_file_with_a_stray_byte_is_read_as_utf8_and_named_in_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_bytes(f"Talks resume in Genève\n\n{STORY}".encode() + b"\xa0 \xc3\x87a va.\n")
    with pytest.warns(RepairedInput, match=re.escape(f"{path}: 1 byte that is not UTF-8")):
        [doc] = readers.read_file(path)
    assert doc.text == f"Talks resume in Genève\n\n{STORY}\ufffd Ça va.\n"


@pytest.mark.parametrize(
    ("route", "repaired"), [("/undeclared/utf8", 1), ("/undeclared/latin1", 0)]
)
def test_a_page_without_a_charset_is_read_by_the_same_rule(
    server: LocalServer, route: str, repaired: int
) -> None:
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        [doc], _ = readers.read_source(Source(server.url + route))
    assert "resumed their talks in Genève on Wednesday, said Müller" in doc.text
    assert [str(w.message) for w in seen if w.category is RepairedInput] == [
        f"{server.url}{route}: 1 byte that is not UTF-8 replaced with \ufffd"
    ][:repaired]


def test_binary_with_nul_bytes_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableSource, match="binary file"):
        readers.read_file(path)


def test_a_duc_file_cut_before_its_end_keeps_the_text_it_has(tmp_path: Path) -> None:
    path = tmp_path / "APW20240315.0002"
    whole = (FIXTURES / "duc" / "APW20240314.0001").read_text()
    path.write_text(
        whole + "<DOC>\n<DOCNO> APW20240315.0002 </DOCNO>\n<HEADLINE>Ferry back in service"
        "\n<TEXT>\n<P>\nThe ferry returned to service on Friday after repairs to its hull.\n</P>"
        "\n<P>\nOfficials said the crossing would run hourly until the end of the"
    )
    docs = readers.read_file(path)
    assert len(docs) == 2
    assert docs[1].title == "Ferry back in service"
    assert docs[1].text == (
        "The ferry returned to service on Friday after repairs to its hull.\n\n"
        "Officials said the crossing would run hourly until the end of the"
    )


@pytest.mark.parametrize("junk", ["<" * 200_000, "<P>" * 70_000, "<DOC><TEXT>" * 20_000])
def test_a_duc_file_full_of_unclosed_tags_is_read_in_time(tmp_path: Path, junk: str) -> None:
    """Linear, not quadratic: 200 KB of "<" took 37 s before (the benchmark times 1 MB)."""
    path = tmp_path / "APW20240316.0003"
    path.write_text(f"<DOC>\n<DOCNO> APW20240316.0003 </DOCNO>\n<TEXT>\n<P>{STORY}</P>\n{junk}")
    docs = readers.read_file(path)
    assert docs[0].text.startswith(STORY)


def test_a_named_pipe_read_directly_is_refused_without_waiting(tmp_path: Path) -> None:
    """A pipe named on the command line, or put where a file was after the folder was
    listed: opening it must not wait for a writer (the read runs in a thread to show it)."""
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            readers.read_source(pipe)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():  # unblock it, then fail
        with open(pipe, "wb"):
            pass
        pytest.fail("reading a named pipe waited for a writer")
    [error] = outcome
    assert isinstance(error, UnreadableSource)
    assert str(error) == "not a regular file"
