"""Naming the inputs: files, folders and URLs as a user gives them, lists of them, and the
identity of an article's URL (so the same article reached twice counts once).
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from summarizer.errors import ConfigError, InputError
from summarizer.models import Article, RawDocument, Skipped, Source
from summarizer.reading import fetch, safe_text
from summarizer.storage.atomic import SUFFIXES

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.I)


def gather(
    sources: Iterable[str], briefs_in: Path | None = None
) -> tuple[list[Source], list[Skipped]]:
    """Sources in the order given: URLs as they are, files and folders expanded (``discover``;
    a folder's briefs written in ``briefs_in`` are not articles)."""
    found: list[Source] = []
    skipped: list[Skipped] = []
    for source in sources:
        if fetch.is_url(source):
            if Source(source).is_url:
                found.append(Source(source))
            else:
                scheme = source.split(":", 1)[0].lower()
                why = f"unsupported URL scheme '{scheme}'"
                skipped.append(Skipped(safe_text.name(source), safe_text.name(why)))
            continue
        paths, missing = discover([source], briefs_in)
        found.extend(Source(str(p)) for p in paths)
        skipped.extend(missing)
    seen: set[str] = set()
    unique = []
    real = _Real()
    for item in found:
        key = url_key(item.location) if item.is_url else real(item.location)
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique, skipped


def _resolved(location: str) -> str:
    try:
        return str(Path(location).resolve())
    except (OSError, RuntimeError):
        return str(Path(location).absolute())


class _Real:
    """The real paths of many files, each folder's worked out once: a file that is no link
    is its real folder's entry of that name (resolving each of a folder of 10,000 files
    whole took 0.8 s before any was read)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, location: str) -> str:
        head, name = os.path.split(location)
        if name in ("", ".", "..") or ".." in Path(head).parts or os.path.islink(location):
            return _resolved(location)
        if head not in self._folders:
            self._folders[head] = _resolved(head or ".")
        return os.path.join(self._folders[head], name)


def sources_file(path: Path) -> list[str]:
    """The sources a list file names, one a line (``#`` comments and blank lines left out).

    Relative paths are taken from the list file's folder, so the list can travel with them.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read sources file {path}: not UTF-8 text") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read sources file {path}: {exc.strerror or exc}") from exc
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if fetch.is_url(line) or Path(line).is_absolute():
            entries.append(line)
        else:
            entries.append(str(path.parent / line))
    if not entries:
        raise InputError(f"sources file {path} lists no sources")
    return entries


def discover(
    sources: Iterable[str], briefs_in: Path | None = None
) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders (recursively, hidden entries left out) into a sorted file list.

    Only regular files are kept: a named pipe would block the read for ever and a symbolic
    link loop has no file at its end, so each is skipped with its reason before it is opened.
    A link is followed only when it points inside the folder given (``_walk``).
    The briefs a build writes (``briefs_in``/DATE.md, .html, .json) are left out of a folder
    silently: a daily job whose ``--out`` is inside its input folder must not read yesterday's
    brief as an article (a file named on its own is read as asked).
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    own = _resolved(str(briefs_in)) if briefs_in is not None else None
    for source in sources:
        path = Path(source)
        kind = _kind(path)
        if kind == "folder":
            found, missing = _folder(path, own)
            files.extend(found)
            skipped.extend(missing)
        elif kind == "file":
            files.append(path)
        else:
            skipped.append(Skipped(safe_text.name(source), kind))
    return _unique(files), skipped


def _folder(folder: Path, own: str | None) -> tuple[list[Path], list[Skipped]]:
    """A folder's files, sorted, and why each other entry is left out (``discover``)."""
    entries, left_out = _walk(folder)
    mine = {e for e in entries if _is_own_brief(e, own)}
    briefs: dict[Path, bool] = {}  # each DATE.json read once for its three files
    found: list[Path] = []
    why_not = dict(left_out)
    for entry in sorted(e for e in entries if e not in mine):
        why = _not_a_file(entry) or _written_brief(entry, briefs)
        if why:
            why_not[entry] = why
        else:
            found.append(entry)
    skipped = [Skipped(safe_text.name(str(p)), why_not[p]) for p in sorted(why_not)]
    if not found and not skipped:
        why = "folder holds only the briefs this build writes" if mine else "folder has no files"
        skipped.append(Skipped(safe_text.name(str(folder)), why))
    return found, skipped


# The files ``output.write_brief`` writes for a day.
_BRIEF_NAME = re.compile(rf"\d{{4}}-\d{{2}}-\d{{2}}\.(?:{'|'.join(SUFFIXES)})")


def _is_own_brief(entry: Path, own: str | None) -> bool:
    return (
        own is not None
        and bool(_BRIEF_NAME.fullmatch(entry.name))
        and (_resolved(str(entry.parent)) == own)
    )


def _written_brief(entry: Path, briefs: dict[Path, bool]) -> str | None:
    """Why a file of a folder is a brief daily-brief wrote (another ``--out`` folder, an old
    one): ``DATE.md``, ``.html`` or ``.json`` beside a ``DATE.json`` that is a brief's JSON. Read
    as an article, it would credit "Daily Brief" with what its sources said."""
    if not _BRIEF_NAME.fullmatch(entry.name):
        return None
    beside = entry.with_suffix(".json")
    if beside not in briefs:
        briefs[beside] = _is_brief_json(beside)
    return "a brief daily-brief wrote, not an article" if briefs[beside] else None


def _is_brief_json(path: Path) -> bool:
    """By its top-level keys only: ``brief_json.brief_from_json`` would refuse a brief another
    version wrote, whose Markdown must stay out all the same."""
    if _not_a_file(path):
        return False  # none there, or a pipe that would block the read
    try:
        with path.open("rb") as file:
            data = json.loads(file.read(_BRIEF_JSON_MAX))
    except (OSError, ValueError, RecursionError):
        return False
    keys = {"title", "date", "sections", "sources"}
    return isinstance(data, dict) and keys <= data.keys() and data["date"] == path.stem


_BRIEF_JSON_MAX = 64 * 1024 * 1024


def _kind(path: Path) -> str:
    """'folder', 'file', or why the path cannot be read."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _stat_failure(path, exc)
    if stat.S_ISDIR(mode):
        return "folder"
    return _not_a_file(path, mode) or "file"


def _not_a_file(path: Path, mode: int | None = None) -> str | None:
    """Why ``path`` is not a regular file to read (None when it is one)."""
    if mode is None:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            return _stat_failure(path, exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "not a regular file (a named pipe)"
    if stat.S_ISSOCK(mode):
        return "not a regular file (a socket)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "not a regular file (a device)"
    return "not a regular file"


def _stat_failure(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return "broken symbolic link"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"  # as ``readers`` says it of a file
    return f"cannot read: {exc.strerror or exc}"


def _walk(folder: Path) -> tuple[list[Path], dict[Path, str]]:
    """Every non-hidden entry under ``folder`` that is not a folder, and why each sub-folder or
    link left out is left out (a user whose folder reads as empty must learn why).

    A symbolic link is followed only when it points inside ``folder``: one pointing out would
    publish whatever it reaches (``/etc``, a private folder). Each real folder is walked once,
    real ones before links to them, so a link back up the tree cannot make the walk endless.
    """
    root = Path(os.path.realpath(folder))
    entries: list[Path] = []
    left_out: dict[Path, str] = {}
    seen: set[Path] = set()
    todo: list[Path] = [folder]
    links: list[Path] = []
    while todo or links:
        here = todo.pop() if todo else links.pop()
        real = Path(os.path.realpath(here))
        if real in seen:
            continue
        seen.add(real)
        try:
            with os.scandir(here) as listing:
                names = sorted(e.name for e in listing if not e.name.startswith("."))
        except OSError as exc:
            left_out[here] = _stat_failure(here, exc)
            continue
        for name in reversed(names):
            path = here / name
            if path.is_symlink() and not _inside(path, root):
                left_out[path] = "symbolic link to outside the folder, not followed"
            elif _is_folder(path):
                (links if path.is_symlink() else todo).append(path)
            else:
                entries.append(path)
    return entries, left_out


def _inside(link: Path, root: Path) -> bool:
    """Whether ``link`` ends inside ``root`` (a loop or a link to nothing counts as inside: it
    reaches no text, and ``_not_a_file`` names it)."""
    return Path(os.path.realpath(link)).is_relative_to(root)


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False  # a loop or a link to nothing: ``_not_a_file`` says which


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[str] = set()
    out = []
    real = _Real()  # a link loop that appeared since the walk: its path as given, absolute
    for p in paths:
        key = real(str(p))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


Doc = TypeVar("Doc", RawDocument, Article)


def one_per_url(
    docs: Sequence[Doc], size: Callable[[Doc], int] = lambda d: len(getattr(d, "text", ""))
) -> tuple[list[Doc], list[Skipped]]:
    """Keep one document per URL, the fullest text (a page beats its feed summary), in the
    place the first copy had. Works on raw documents and on cleaned articles alike."""
    best: dict[str, Doc] = {}
    for doc in docs:
        key = url_key(doc.url) if doc.url else None
        if key and (key not in best or size(doc) > size(best[key])):
            best[key] = doc
    kept: list[Doc] = []
    skipped: list[Skipped] = []
    placed: set[str] = set()
    for doc in docs:
        key = url_key(doc.url) if doc.url else None
        if key is None:
            kept.append(doc)
        elif key not in placed:
            placed.add(key)
            kept.append(best[key])
    for doc in docs:
        key = url_key(doc.url) if doc.url else None
        if key and best[key] is not doc:
            skipped.append(Skipped(doc.path, f"same URL as {best[key].path}"))
    return kept, skipped


def url_key(url: str) -> str:
    """A URL as an identity: scheme, ``www.``, fragment, tracking parameters and a trailing
    slash do not make a different article."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    try:
        port = f":{parts.port}" if parts.port not in (None, 80, 443) else ""
    except ValueError:  # a port out of range: the URL as written is its identity
        return url.strip()
    query = urlencode(sorted(q for q in parse_qsl(parts.query) if not _TRACKING.match(q[0])))
    return urlunsplit(("", host + port, parts.path.rstrip("/") or "/", query, ""))
