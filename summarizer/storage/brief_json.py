"""The brief as JSON: the one module that writes it and reads it back.

Every other tool's view of a brief, and daily-brief's own memory of it (``brief send``,
``brief publish``, the history of earlier briefs, the site's copy), goes through this file
format, so it is written and read in one place. It carries ``schema_version``; a JSON without
it was written by an earlier release and is read as version 1, and a newer version than this
release knows is refused rather than half-read. Briefs are named by their date (``brief_stem``):
``YYYY-MM-DD.json`` in a brief folder and in a site, so a folder's briefs are found by name.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.models import (
    Brief,
    Disagreement,
    Insertion,
    Item,
    Placement,
    Section,
    Skipped,
    SourceRef,
    ThemesUsed,
    Update,
)

# Raise it only when a reader of the old format would misread the new one (a key added that
# readers may ignore needs no new version).
# 1: the first versioned briefs; 2: a ``lead`` list before the sections, items may carry an
# opinion ``label``. Older versions are read (a brief without a lead has none).
SCHEMA_VERSION = 2
JSON_SUFFIX = ".json"
_DATED_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")


def brief_stem(day: dt.date) -> str:
    """The name (without suffix) of the brief for ``day``: YYYY-MM-DD, so names sort by date
    (a datetime's time is dropped)."""
    return dt.date(day.year, day.month, day.day).isoformat()


def dated_briefs(folder: Path) -> list[tuple[dt.date, Path]]:
    """The ``DATE.json`` files in ``folder`` (a brief folder or a site), oldest first: the
    briefs it holds, found by name alone (nothing is read). None in a folder that is not
    there; InputError for one that cannot be listed (a glob would quietly find nothing)."""
    try:
        with os.scandir(folder) as entries:
            named = [(_dated(e.name), e) for e in entries]
            found = [(day, folder / e.name) for day, e in named if day and e.is_file()]
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise InputError(f"{folder}: cannot list: {exc.strerror or exc}") from exc
    return sorted(found)


def _dated(name: str) -> dt.date | None:
    """The date a ``DATE.json`` is named for (None for any other name)."""
    stem = name.removesuffix(JSON_SUFFIX)
    if stem == name or not _DATED_NAME.fullmatch(stem):
        return None
    try:
        return dt.date.fromisoformat(stem)
    except ValueError:
        return None


# --- writing ------------------------------------------------------------------------------


def _day(value: dt.date | None) -> str | None:
    """YYYY-MM-DD, dropping any time part so a datetime cannot leak a timestamp."""
    return None if value is None else brief_stem(value)


def _source_json(ref: SourceRef) -> dict[str, str | None]:
    return {"name": ref.name, "title": ref.title, "path": ref.path, "url": ref.url}


def _credit_json(ref: SourceRef) -> dict[str, str | None]:
    """A credit with the outlet's own sentence, so every credit can be checked."""
    return {**_source_json(ref), "date": _day(ref.date), "text": ref.text}


def _item_json(item: Item) -> dict[str, object]:
    """An item; the optional keys appear only when the item has them, so a first brief's
    JSON is what it was before history, placements and insertions existed."""
    data: dict[str, object] = {
        "text": item.text,
        "score": round(float(item.score), 4),
        "sources": [_credit_json(ref) for ref in item.sources],
    }
    if item.dated is not None:
        data["date"] = _day(item.dated)
    if item.label is not None:
        data["label"] = item.label
    if item.disagreements:
        data["disagreements"] = [
            {"name": d.name, "figure": d.figure, "text": d.text, "path": d.path, "url": d.url}
            for d in item.disagreements
        ]
    if item.insertions:
        data["insertions"] = [
            {"words": i.words, "surname": i.surname, "full": i.full} for i in item.insertions
        ]
    if item.status is not None:
        data["status"] = item.status
    if item.updates is not None:
        data["updates"] = _update_json(item.updates)
    if item.placement is not None:
        data["placement"] = _placement_json(item.placement)
    return data


def _update_json(update: Update) -> dict[str, object]:
    return {
        "date": _day(update.date),
        "text": update.text,
        **({"figure": update.figure} if update.figure else {}),
    }


def _placement_json(placement: Placement) -> dict[str, object]:
    """Why the item is in its section: the themes file's words it has, the words the day
    taught the theme, the confidence and the article context (see ``themes.model``)."""
    return {
        "theme": placement.theme,
        "score": round(float(placement.score), 4),
        "terms": list(placement.terms),
        "learned": list(placement.learned),
        "context": round(float(placement.context), 4),
        "nearest": placement.nearest,
    }


def _section_json(section: Section) -> dict[str, object]:
    """A section says whether it is a theme, a story (with its articles: a theme section of
    a story has them too) or the day's smaller stories ("also"); readers that predate the
    key ignore it."""
    return {
        "theme": section.theme,
        "title": section.title,
        "kind": section.kind,
        **({"articles": list(section.articles)} if section.articles else {}),
        "items": [_item_json(item) for item in section.items],
    }


def _themes_json(used: ThemesUsed) -> dict[str, object]:
    """Where the sections came from and how well the themes file fits the day."""
    data: dict[str, object] = {"from": used.source, "fit": used.fit}
    if used.path is not None:
        data["file"] = used.path
    return data


def brief_to_json(brief: Brief) -> str:
    """The brief as data for other tools: fixed keys, no timestamps, same input same bytes."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "title": brief.title,
        "date": _day(brief.date),
        **({"since": _day(brief.since)} if brief.since else {}),
        "lead": [_item_json(item) for item in brief.lead],
        "sections": [_section_json(section) for section in brief.sections],
        **({"themes": _themes_json(brief.themes)} if brief.themes else {}),
        "sources": [{**_source_json(ref), "date": _day(ref.date)} for ref in brief.sources],
        "skipped": [{"path": skip.path, "reason": skip.reason} for skip in brief.skipped],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


# --- reading ------------------------------------------------------------------------------


def _text(data: Any, key: str, where: str) -> str:
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise InputError(f"{where}: not a brief: {key!r} must be text")
    return value


def _optional(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) else None


def _number(data: dict[str, Any], key: str) -> float:
    """A score or share; an odd value reads as 0 rather than refusing the whole brief."""
    value = _float(data.get(key, 0.0))
    return 0.0 if value is None else value


def _float(value: Any) -> float | None:
    """A JSON number as a float; None for anything else (an integer too large for a float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _list(data: Any, key: str, where: str) -> list[Any]:
    value = data.get(key, []) if isinstance(data, dict) else None
    if not isinstance(value, list):
        raise InputError(f"{where}: not a brief: {key!r} must be a list")
    return value


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
    return Item(
        text=_text(data, "text", where),
        score=_number(data, "score"),
        sources=tuple(_source(s, where) for s in _list(data, "sources", where)),
        sentences=(),
        placement=_placement(data.get("placement"), where),
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


def _placement(data: Any, where: str) -> Placement | None:
    """Why the item sits in its section (briefs before placements have none)."""
    if data is None:
        return None
    words = [_strings(data, key, where) for key in ("terms", "learned")]
    return Placement(
        theme=_text(data, "theme", where),
        score=_number(data, "score"),
        terms=words[0],
        learned=words[1],
        context=_number(data, "context"),
        nearest=_optional(data, "nearest"),
    )


def _strings(data: Any, key: str, where: str) -> tuple[str, ...]:
    values = _list(data, key, where)
    if not all(isinstance(value, str) for value in values):
        raise InputError(f"{where}: not a brief: {key!r} must be a list of text")
    return tuple(values)


def _themes(data: dict[str, Any], where: str) -> ThemesUsed | None:
    """The ``themes`` record, when the brief has one (older briefs do not)."""
    value = data.get("themes")
    if value is None:
        return None
    fit = _float(value.get("fit")) if isinstance(value, dict) else None
    if fit is None:
        raise InputError(f"{where}: not a brief: 'themes' must have a numeric 'fit'")
    return ThemesUsed(_text(value, "from", where), fit, _optional(value, "file"))


def _check_version(data: Any, where: str) -> None:
    """This version and the older ones (or none: the briefs of releases before the field) are
    read; a newer one would be misread, so it is refused."""
    if not isinstance(data, dict) or "schema_version" not in data:
        return
    version = data["schema_version"]
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and 1 <= version <= SCHEMA_VERSION
    ):
        return
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise InputError(
            f"{where}: brief format version {version} is newer than this daily-brief reads "
            f"(version {SCHEMA_VERSION}); upgrade daily-brief to read it"
        )
    raise InputError(
        f"{where}: not a brief: 'schema_version' must be a whole number from 1 to {SCHEMA_VERSION}"
    )


def brief_from_json(text: str, where: str) -> Brief:
    """Rebuild the ``Brief`` a JSON brief was written from (``where`` names it in errors)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{where}: not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise InputError(f"{where}: not valid JSON: nested too deeply") from exc
    _check_version(data, where)
    date = _date(_text(data, "date", where))
    if date is None:
        raise InputError(f"{where}: not a brief: 'date' must be YYYY-MM-DD")
    sections = tuple(
        Section(
            theme=_text(s, "theme", where),
            title=_text(s, "title", where),
            items=tuple(_item(i, where) for i in _list(s, "items", where)),
            kind=_optional(s, "kind") or "theme",
            articles=tuple(a for a in _list(s, "articles", where) if isinstance(a, str)),
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
    lead = tuple(_item(i, where) for i in _list(data, "lead", where))  # none before version 2
    return Brief(
        title, date, sections, sources, skipped, themes=_themes(data, where), since=since, lead=lead
    )


def read_brief(path: Path) -> Brief:
    """The brief in the JSON file ``path``; InputError (one line, starting with the path)
    when it cannot be read or is not a brief this release reads."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputError(f"{path}: cannot read: {' '.join(reason.split())}") from exc
    return brief_from_json(text, str(path))
