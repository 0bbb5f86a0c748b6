"""Fuzzing ``brief build`` end to end: mutated seeds, pages, feeds and JSON Lines.

Each example is a real run in its own process (``tests/clirun.py``) on inputs made from the
project's own samples with bytes inserted, deleted, repeated or cut and hostile pieces spliced
in. Whatever comes in, ``brief`` ends with status 0 (a brief) or 2 (nothing usable), never a
traceback, within 10 s. Hypothesis is derandomized and the examples are few, so CI runs the
same ~30 inputs every time in well under a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clirun import brief
from tests.paths import REPO

pytestmark = pytest.mark.process

ROOT = REPO
SEEDS = [
    *sorted((ROOT / "summarizer" / "examples").glob("*.txt")),
    ROOT / "tests" / "fixtures" / "web" / "served" / "vienna_talks.html",
    ROOT / "tests" / "fixtures" / "web" / "served" / "wire.atom",
    ROOT / "tests" / "fixtures" / "web" / "mixed" / "gazette_world.xml",
    ROOT / "tests" / "fixtures" / "web" / "mixed" / "meridian.jsonl",
    ROOT / "tests" / "fixtures" / "duc" / "APW20240314.0001",
]
# What broke readers before, and the pieces of every format, to splice in anywhere.
HOSTILE = [
    b"<", b"<" * 5000, b">", b"<DOC>", b"</DOC>", b"<TEXT>", b"<P>", b"&#xD800;", b"&#0;",
    b"&#x110000;", b"\\ud800", b'"\\udfff"', b"\x00", b"\x1b[2J", b"\x07", b"\x7f", b"\xff\xfe",
    b"\xfe\xff", b"\xef\xbb\xbf", b"\r", b"\n\n", b"]]>", b"<![CDATA[", b"<!--", b"<?xml",
    b'{"text": "', b'", "date": "9999-12-31"}', b'"date": 1e308', b"<item>", b"</entry>",
    b"<script>", b"<html>", b"\xc3", b"\xe2\x80", b"9999-12-31T23:59:59-05:00",
]  # fmt: skip
OPTIONS = [(), ("--since", "2025-06-01"), ("--until", "2025-06-30"), ("--items", "1")]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A seed file's name and its bytes after a few random edits."""
    seed = draw(st.sampled_from(SEEDS))
    data = bytearray(seed.read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["splice", "insert", "delete", "repeat", "cut"]))
        if edit == "splice":
            data[at:at] = draw(st.sampled_from(HOSTILE))
        elif edit == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif edit == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 100))] * draw(st.integers(2, 50))
        else:
            del data[at:]
    if draw(st.booleans()) and draw(st.booleans()):  # now and then, the whole file in UTF-16
        data = bytearray(data.decode("utf-8", "replace").encode("utf-16"))
    return seed.name, bytes(data)


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI never fails by chance
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(files=st.lists(mutated(), min_size=1, max_size=3), options=st.sampled_from(OPTIONS))
def test_mutated_inputs_give_a_brief_or_one_line_never_a_traceback(
    tmp_path_factory: pytest.TempPathFactory,
    files: list[tuple[str, bytes]],
    options: tuple[str, ...],
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")  # a new folder for each example
    (folder / "in").mkdir()
    for number, (name, data) in enumerate(files):
        (folder / "in" / f"{number}_{name}").write_bytes(data)
    run = brief("build", str(folder / "in"), "--out", str(folder / "out"), *options,
                folder=folder, limit=10.0)  # fmt: skip
    assert not run.hung, "took more than 10 s"
    assert "Traceback" not in run.err + run.out, run.err
    assert run.status in (0, 2), run.err
    lines = run.err.strip().splitlines()
    if run.status == 2:
        assert lines[-1].startswith("brief: error: ")
    else:
        assert len(list((folder / "out").iterdir())) == 3
