"""`brief summarize` on every cluster of the shared development data, when it is present.

The data (DUC, TAC: NIST's, evaluation only) is never part of this repository: the path comes
from BRIEF_DEV_DATA, else ../shared/dev-data beside the checkout, and the tests skip cleanly
when it is absent.
"""

from __future__ import annotations

import re

import pytest

from summarizer import cli
from tests.paths import DEV_DATA, REPO


def _clusters() -> list[tuple[str, list[str]]]:
    if not DEV_DATA.is_dir():
        return []
    found = [(p.name, [str(p)]) for p in sorted((DEV_DATA / "duc2006" / "docs").glob("*"))]
    found += [
        (p.name, [str(p)]) for p in sorted((DEV_DATA / "duc2007_update" / "docs").glob("*/*"))
    ]
    tac = sorted((DEV_DATA / "tac2011_multiling_english" / "source_texts").glob("*.english"))
    for topic in sorted({p.name[:4] for p in tac}):
        found.append((topic, [str(p) for p in tac if p.name.startswith(topic)]))
    return found


CLUSTERS = _clusters()


@pytest.mark.skipif(not CLUSTERS, reason=f"no development data at {DEV_DATA}")
@pytest.mark.parametrize(("name", "sources"), CLUSTERS, ids=[c[0] for c in CLUSTERS] or None)
def test_summarize_every_cluster(
    name: str, sources: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["summarize", *sources, "--words", "100"]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines, f"{name}: empty summary"
    # A view's line opens with its label ("Editorial: ", "Opinion — Frank Rich: "), not counted.
    said = [re.sub(r"^(?:Editorial|Opinion|Column|Letter)[^:]{0,60}: ", "", t) for t in lines]
    words = [len(line.split()) for line in said]
    assert sum(words[:-1]) < 100 <= sum(words), f"{name}: summary does not stop at 100 words"
    assert "Traceback" not in err
    for line in lines:  # no markup, wire datelines or underscores from the source files
        assert "<" not in line
        assert " _ " not in line
        assert "(AP)" not in line
        assert line[0].isupper() or line[0] in "\"“‘'0123456789"


def test_the_docs_commands_take_dev_data_not_a_path_a_clone_lacks() -> None:
    """Issue 29: the README pointed at ../shared/… paths; a clone has no ../shared, so a
    command a user copies names DEV_DATA, the folder the README says to pass."""
    docs = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
    found = [
        f"{path.name}:{number}"
        for path in docs
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "../shared" in line
    ]
    assert found == []
