"""Reading a built brief back: any of its three files names it, the JSON is its data."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.delivery.stored import load_stored
from summarizer.errors import InputError
from summarizer.models import Brief
from summarizer.output.render import Renderer
from summarizer.storage.atomic import write_brief
from tests.conftest import make_brief
from tests.paths import TESTS


def built(folder: Path, brief: Brief | None = None) -> dict[str, Path]:
    """Write a brief as ``brief build`` does; return its files by suffix."""
    rendered = Renderer().render_all(brief or make_brief())
    paths = write_brief(folder, "2025-06-25", rendered)
    return {path.suffix[1:]: path for path in paths}


@pytest.mark.parametrize("suffix", ["html", "json", "md"])
def test_any_of_the_three_files_gives_the_same_brief(tmp_path: Path, suffix: str) -> None:
    files = built(tmp_path)
    stored = load_stored(files[suffix])
    assert stored.json_path == files["json"]
    assert stored.stem == "2025-06-25"
    assert stored.markdown == files["md"].read_text(encoding="utf-8")
    assert stored.html == files["html"].read_text(encoding="utf-8")
    assert stored.brief.title == "NATO summit in The Hague"


def test_missing_markdown_and_html_are_rendered_again_from_the_json(tmp_path: Path) -> None:
    files = built(tmp_path)
    expected_md, expected_html = files["md"].read_text(), files["html"].read_text()
    files["md"].unlink()
    files["html"].unlink()
    stored = load_stored(files["json"])
    assert (stored.markdown, stored.html) == (expected_md, expected_html)


def test_reading_never_writes(tmp_path: Path) -> None:
    files = built(tmp_path)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}
    load_stored(files["html"])
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()} == before


def test_what_is_not_a_brief_is_one_clear_error(tmp_path: Path) -> None:
    files = built(tmp_path)
    with pytest.raises(InputError, match=r"brief not found"):
        load_stored(tmp_path / "2024-01-01.html")
    with pytest.raises(InputError, match=r"give the .html or .json"):
        load_stored(tmp_path / "notes.txt")
    files["json"].unlink()
    with pytest.raises(InputError, match=r"2025-06-25.json is missing"):
        load_stored(files["html"])
    files["json"].write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"not valid JSON"):
        load_stored(files["html"])
    files["json"].write_text('{"title": "x", "date": "soon"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"'date' must be YYYY-MM-DD"):
        load_stored(files["html"])
    files["json"].write_text('{"title": "x", "date": "2025-06-25", "sections": 3}')
    with pytest.raises(InputError, match=r"'sections' must be a list"):
        load_stored(files["html"])
    files["json"].write_text('{"a": ' * 100_000 + "1" + "}" * 100_000)  # send, publish
    with pytest.raises(InputError, match=r"2025-06-25.json: not valid JSON: nested too deeply"):
        load_stored(files["html"])


_KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
from summarizer.storage.atomic import write_brief
from summarizer.output.render import Renderer
sys.path.insert(0, sys.argv[2])
from conftest import make_brief

real_replace = os.replace

def replace(src, dst):
    real_replace(src, dst)
    if str(dst).endswith(".md"):
        os.kill(os.getpid(), signal.SIGKILL)  # killed between the .md and the .html

os.replace = replace
write_brief(Path(sys.argv[1]), "2025-06-25", Renderer().render_all(make_brief(title="New title")))
"""


@pytest.mark.process
def test_a_brief_whose_build_was_killed_half_way_is_read_as_one_build(tmp_path: Path) -> None:
    paths = built(tmp_path, make_brief(title="Old title"))
    tests = str(TESTS)
    killed = subprocess.run([sys.executable, "-c", _KILLED_BUILD, str(tmp_path), tests],
                            capture_output=True, timeout=60, check=False)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "Old title" in paths["html"].read_text()  # the kill left a new .md, an old .html
    stored = load_stored(paths["html"])  # what brief send and brief publish do
    assert stored.brief.title == "New title"
    assert "New title" in stored.html and "New title" in stored.markdown
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths.values())
