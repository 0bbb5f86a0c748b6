"""A built brief read back from disk, so it can be sent or published after ``brief build``.

``brief build`` writes ``STEM.md``, ``STEM.html`` and ``STEM.json``. Whichever of them is named,
the JSON beside it is the data (title, date, items); the Markdown and HTML are the sibling
files as written, so the reader gets exactly the brief that was built. A missing ``.md`` or
``.html`` is rendered again from the JSON with the same templates. Nothing here writes, but
for finishing the moves of a build that was killed half-way (``output.finish_interrupted``),
so the three files read are always one build's.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.models import (
    Brief,
    Disagreement,
    Insertion,
    Item,
    Section,
    Skipped,
    SourceRef,
    ThemesUsed,
    Update,
)
from summarizer.output.render import Renderer
from summarizer.storage.atomic import finish_interrupted

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


def _text(data: Any, key: str, where: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise InputError(f"{where}: not a brief: {key!r} must be text")
    return value


def _optional(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _source(data: Any, where: str) -> SourceRef:
    name = _text(data, "name", where)
    return SourceRef(
        name=name,
        title=_optional(data, "title") or "",
        path=_optional(data, "path") or "",
        url=_optional(data, "url"),
        date=_date(_optional(data, "date")),
        text=_optional(data, "text"),
    )


def _disagreement(data: Any, where: str) -> Disagreement:
    return Disagreement(
        name=_text(data, "name", where),
        figure=_text(data, "figure", where),
        text=_text(data, "text", where),
        path=_optional(data, "path") or "",
        url=_optional(data, "url"),
    )


def _insertion(data: Any, where: str) -> Insertion:
    return Insertion(
        _text(data, "words", where), _text(data, "surname", where), _text(data, "full", where)
    )


def _item(data: Any, where: str) -> Item:
    score = data.get("score", 0.0) if isinstance(data, dict) else 0.0
    return Item(
        text=_text(data, "text", where),
        score=float(score) if isinstance(score, int | float) else 0.0,
        sources=tuple(_source(s, where) for s in _list(data, "sources", where)),
        sentences=(),
        disagreements=tuple(_disagreement(d, where) for d in _list(data, "disagreements", where)),
        insertions=tuple(_insertion(i, where) for i in _list(data, "insertions", where)),
        dated=_date(_optional(data, "date")),
        status=_optional(data, "status"),
        updates=_update(data.get("updates"), where),
        label=_optional(data, "label"),
    )


def _update(data: Any, where: str) -> Update | None:
    """What an update item updates (briefs built with history have it)."""
    if data is None:
        return None
    date = _date(_text(data, "date", where))
    if date is None:
        raise InputError(f"{where}: not a brief: 'updates' must have a YYYY-MM-DD 'date'")
    return Update(date, _text(data, "text", where), _optional(data, "figure"))


def _list(data: Any, key: str, where: str) -> list[Any]:
    value = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(value, list):
        raise InputError(f"{where}: not a brief: {key!r} must be a list")
    return value


def brief_from_json(text: str, where: str) -> Brief:
    """Rebuild the ``Brief`` a JSON brief was written from (``where`` names it in errors)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{where}: not valid JSON: {exc}") from exc
    date = _date(_text(data, "date", where))
    if date is None:
        raise InputError(f"{where}: not a brief: 'date' must be YYYY-MM-DD")
    sections = tuple(
        Section(
            theme=_text(s, "theme", where),
            title=_text(s, "title", where),
            items=tuple(_item(i, where) for i in _list(s, "items", where)),
        )
        for s in _list(data, "sections", where)
    )
    skipped = tuple(
        Skipped(_text(s, "path", where), _text(s, "reason", where))
        for s in _list(data, "skipped", where)
    )
    sources = tuple(_source(s, where) for s in _list(data, "sources", where))
    title = _text(data, "title", where)
    since = _date(_optional(data, "since"))
    # Briefs written before the lead block have none.
    lead = tuple(_item(i, where) for i in (_list(data, "lead", where) if "lead" in data else ()))
    return Brief(
        title, date, sections, sources, skipped, themes=_themes(data, where), since=since, lead=lead
    )


def _themes(data: dict[str, Any], where: str) -> ThemesUsed | None:
    """The ``themes`` record, when the brief has one (older briefs do not)."""
    value = data.get("themes")
    if value is None:
        return None
    fit = value.get("fit") if isinstance(value, dict) else None
    if not isinstance(fit, int | float) or isinstance(fit, bool):
        raise InputError(f"{where}: not a brief: 'themes' must have a numeric 'fit'")
    return ThemesUsed(_text(value, "from", where), float(fit), _optional(value, "file"))


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
    brief = brief_from_json(_read(json_path), str(json_path))
    md_path, html_path = path.with_suffix(".md"), path.with_suffix(".html")
    markdown = _read(md_path) if md_path.is_file() else Renderer(templates).markdown(brief)
    html = _read(html_path) if html_path.is_file() else Renderer(templates).html(brief)
    return StoredBrief(json_path, brief, markdown, html)
