"""A built brief read back from disk, so it can be sent or published after ``brief build``.

``brief build`` writes ``STEM.md``, ``STEM.html`` and ``STEM.json``. Whichever of them is named,
the JSON beside it is the data (title, date, items; read by ``storage.brief_json``); the
Markdown and HTML are the sibling files as written, so the reader gets exactly the brief that
was built. A missing ``.md`` or ``.html`` is rendered again from the JSON with the same
templates. Nothing here writes, but for finishing the moves of a build that was killed half-way
(``storage.atomic.finish_interrupted``), so the three files read are always one build's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.models import Brief
from summarizer.output.render import Renderer
from summarizer.storage.atomic import finish_interrupted
from summarizer.storage.brief_json import read_brief

BRIEF_SUFFIXES = (".json", ".html", ".md")


@dataclass(frozen=True)
class StoredBrief:
    """A brief as data plus the exact Markdown and HTML a reader is given."""

    json_path: Path
    brief: Brief
    markdown: str
    html: str

    @property
    def stem(self) -> str:
        return self.json_path.stem


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"brief not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"cannot read brief {path}: {reason}") from exc


def load_stored(path: Path, templates: Path | None = None) -> StoredBrief:
    """Read the brief named by any of its three files (see the module docstring)."""
    if path.suffix.lower() not in BRIEF_SUFFIXES:
        raise InputError(f"not a brief: {path} (give the .html or .json that brief build wrote)")
    finish_interrupted(path.parent, path.stem)
    if not path.is_file():
        raise InputError(f"brief not found: {path}")
    json_path = path.with_suffix(".json")
    if not json_path.is_file():
        raise InputError(f"{path}: its data file {json_path.name} is missing beside it")
    brief = read_brief(json_path)
    md_path, html_path = path.with_suffix(".md"), path.with_suffix(".html")
    markdown = _read(md_path) if md_path.is_file() else Renderer(templates).markdown(brief)
    html = _read(html_path) if html_path.is_file() else Renderer(templates).html(brief)
    return StoredBrief(json_path, brief, markdown, html)
