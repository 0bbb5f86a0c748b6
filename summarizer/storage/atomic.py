"""Write rendered briefs to disk so that nobody ever sees a half-written one.

A brief is three files that must agree. Each is written to a temporary file in the target
folder first (same file system, so the final move is an atomic rename), and only when all
three are complete are they moved into place. If a move fails, the files already moved are
put back from hard-link backups, so an existing brief is either fully replaced or left
byte-for-byte as it was.

A process killed between two moves cannot put anything back, so before the first move a
journal naming the three complete temporary files is written (atomically) beside them. The
next write to the folder, and the next ``brief send`` or ``publish`` of that brief, finds the
journal and finishes the moves: the set is all new, never a new ``.md`` beside an old
``.json``. (A move that fails first turns the journal into an undo record, so a kill while
the old files are being put back is undone the same way.) Temporary files and backups a
killed run left behind are swept away then too. A lock on the folder keeps two builds from
doing any of this at the same time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from summarizer.errors import OutputError

if sys.platform == "win32":  # Windows has no flock and cannot open a folder to lock it
    from filelock import FileLock
else:
    import fcntl

SUFFIXES = ("md", "html", "json")
JOURNAL_SUFFIX = ".brief-journal"
WINDOWS_LOCK_NAME = ".brief-lock"
# What ``_write_temp`` and ``_backup`` name the files of a brief, a site or a journal:
# ".NAME.RANDOM.tmp", ".NAME.HEX.bak".
_LEFTOVER = re.compile(
    r"^\..+\.(?:md|html|json|xml|css|brief-journal)\.[A-Za-z0-9_]{6,}\.(?:tmp|bak)$"
)
# Recoverable failures while writing; anything else is a bug and should surface as such.
_WRITE_ERRORS = (OSError, TypeError, ValueError)


def _current_umask() -> int:
    """Read the umask once (it can only be read by setting it) to give files normal modes."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_current_umask()


def _reason(exc: BaseException) -> str:
    """The cause as one short line, without Python's class names where the OS gave words."""
    if isinstance(exc, OSError) and exc.strerror:
        culprit = exc.filename2 or exc.filename
        return f"{exc.strerror}: {culprit}" if culprit else exc.strerror
    return " ".join(str(exc).split()) or type(exc).__name__


def _make_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create folder {folder}: {_reason(exc)}") from exc


def _write_temp(target: Path, text: str) -> Path:
    """Write and fsync ``text`` to a fresh hidden file beside ``target``; return its path.

    The temp file is removed again if anything goes wrong, so a failure leaves no litter.
    """
    if not isinstance(text, str):
        raise TypeError(f"{target.name} content is {type(text).__name__}, not text")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _keep_mode(target))
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _keep_mode(target: Path) -> int:
    """Replacing a file keeps its permissions; a new file gets the usual umask-based ones."""
    try:
        return target.stat().st_mode & 0o7777 if target.is_file() else _FILE_MODE
    except OSError:
        return _FILE_MODE


def _backup(target: Path) -> Path | None:
    """A second name for the current file, so it can be put back if a later move fails.

    A hard link costs nothing; a copy is the fallback where links are not supported.
    """
    if not target.is_file():
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.bak")
    try:
        try:
            os.link(target, backup)
        except OSError:
            shutil.copy2(target, backup)
    except BaseException:
        backup.unlink(missing_ok=True)
        raise
    return backup


def _remove(paths: Iterable[Path | None]) -> None:
    for path in paths:
        if path is not None:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _restore(targets: Sequence[Path], backups: Sequence[Path | None], moved: int) -> None:
    """Undo the first ``moved`` moves: old files back, files that were new removed."""
    for target, backup in zip(targets[:moved], backups[:moved], strict=True):
        with contextlib.suppress(OSError):
            if backup is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(backup, target)


def _replace_all(
    temps: Sequence[Path], targets: Sequence[Path], journal: Path | None = None
) -> None:
    """Move every temp into place, or leave every target as it was. With a ``journal``, a
    failed move turns it into an undo record before the old files are put back, so a kill
    while putting them back is undone by the next run, not finished the wrong way."""
    backups: list[Path | None] = []
    moved = 0
    try:
        for target in targets:
            backups.append(_backup(target))
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
            moved += 1
    except BaseException:
        if journal is not None:
            _write_undo(journal, targets[:moved], backups[:moved])
        _restore(targets, backups, moved)
        raise
    finally:
        _remove(backups)


def _sync_dir(folder: Path) -> None:
    """Persist the renames themselves; best effort, as not every platform can open a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _check_stem(stem: str) -> None:
    if not stem or stem in {".", ".."} or Path(stem).name != stem:
        raise OutputError(f"invalid brief name {stem!r}: it must be a plain file name")


def write_brief(out_dir: Path, stem: str, rendered: Mapping[str, str]) -> list[Path]:
    """Write ``out_dir/stem.md``, ``.html`` and ``.json`` all at once, or none of them.

    Returns the final paths in md, html, json order. Raises OutputError (one line) on any
    failure, after removing its temporary files. A write a killed run left half-done in the
    folder is finished first, and its leftovers swept (see the module docstring).
    """
    _check_stem(stem)
    missing = [suffix for suffix in SUFFIXES if suffix not in rendered]
    if missing:
        raise OutputError(f"nothing rendered for .{', .'.join(missing)} of {stem}")
    _make_dir(out_dir)
    targets = [out_dir / f"{stem}.{suffix}" for suffix in SUFFIXES]
    journal = out_dir / f".{stem}{JOURNAL_SUFFIX}"
    temps: list[Path] = []
    try:
        with folder_lock(out_dir):
            _recover_all(out_dir)
            sweep_leftovers(out_dir)
            for suffix, target in zip(SUFFIXES, targets, strict=True):
                temps.append(_write_temp(target, rendered[suffix]))
            _write_journal(journal, temps, targets)
            try:
                _replace_all(temps, targets, journal)
            finally:
                journal.unlink(missing_ok=True)
    except _WRITE_ERRORS as exc:
        raise OutputError(f"cannot write brief {out_dir / stem}: {_reason(exc)}") from exc
    finally:
        _remove(temps)
    _sync_dir(out_dir)
    return targets


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder itself (no lock file to leave behind); the OS
    releases it when the process ends, however it ends. Builds and publishes take the same
    lock, so a build into a site folder never sweeps a running publish's temporary files.

    On Windows the lock is held on a hidden file in the folder instead (``filelock``, which
    the OS also releases with the process and which removes the file when done)."""
    if sys.platform == "win32":
        with FileLock(folder / WINDOWS_LOCK_NAME):
            yield
    else:
        fd = os.open(folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def _write_journal(journal: Path, temps: Sequence[Path], targets: Sequence[Path]) -> None:
    """Record the moves about to be made, once every temporary file is complete on disk."""
    moves = [[temp.name, target.name] for temp, target in zip(temps, targets, strict=True)]
    temp = _write_temp(journal, json.dumps({"moves": moves}) + "\n")
    try:
        os.replace(temp, journal)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _sync_dir(journal.parent)


def _write_undo(journal: Path, moved: Sequence[Path], backups: Sequence[Path | None]) -> None:
    """Record how to put back the files already moved (best effort: the error being handled
    matters more than this record)."""
    undo = [[t.name, b.name if b else None] for t, b in zip(moved, backups, strict=True)]
    with contextlib.suppress(OSError):
        temp = _write_temp(journal, json.dumps({"undo": undo}) + "\n")
        try:
            os.replace(temp, journal)
        finally:
            temp.unlink(missing_ok=True)


def _recover_all(folder: Path) -> None:
    for journal in sorted(folder.glob(f".*{JOURNAL_SUFFIX}")):
        _roll_forward(journal)


def _roll_forward(journal: Path) -> None:
    """Finish the moves a killed write recorded, or, for an undo record, put the old files
    back; a journal that cannot be read is dropped (it is written atomically, so that is
    damage from outside, and nothing can be done from it)."""
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        undo = record.get("undo")
        pairs = [(str(a), None if b is None else str(b)) for a, b in undo or record["moves"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        undo, pairs = None, []
    folder = journal.parent
    for first, second in pairs:
        if any(name is not None and Path(name).name != name for name in (first, second)):
            continue  # only names in this folder
        with contextlib.suppress(FileNotFoundError):  # done before the kill
            if undo is None and second is not None:  # a move: temp -> target
                os.replace(folder / first, folder / second)
            elif second is not None:  # undo: backup -> target
                os.replace(folder / second, folder / first)
            else:  # undo of a file that was new
                (folder / first).unlink()
    _sync_dir(folder)
    journal.unlink(missing_ok=True)


def finish_interrupted(folder: Path, stem: str) -> None:
    """Finish a write of brief ``stem`` that a killed run left half-done, if there is one
    (``brief send`` and ``publish`` read a brief only after this). Raises OutputError."""
    journal = folder / f".{stem}{JOURNAL_SUFFIX}"
    if not journal.exists():
        return
    try:
        with folder_lock(folder):
            if journal.exists():
                _roll_forward(journal)
            sweep_leftovers(folder)
    except OSError as exc:
        why = f"cannot finish the interrupted brief {folder / stem}: {_reason(exc)}"
        raise OutputError(why) from exc


def sweep_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files and backups a killed run left in ``folder``; call it only
    while holding the folder's lock, when no other write can be under way."""
    swept = []
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if _LEFTOVER.match(entry.name) and entry.is_file() and not entry.is_symlink():
                with contextlib.suppress(OSError):
                    entry.unlink()
                    swept.append(entry)
    return swept


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) in one step: readers see old or new, never part."""
    _make_dir(path.parent)
    temp: Path | None = None
    try:
        temp = _write_temp(path, text)
        os.replace(temp, path)
    except _WRITE_ERRORS as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from exc
    finally:
        _remove([temp])
    _sync_dir(path.parent)


def atomic_write_files(files: Sequence[tuple[Path, str]]) -> list[Path]:
    """Replace several files together, moved into place in the order given.

    Every new file is complete on disk before the first move, and an error while moving puts
    the old files back, so callers see all new or all old. A crash between two moves leaves
    each file whole, some new and some old: callers order the files so that such a mix is
    still consistent (a page before the index that links to it).
    """
    targets = [path for path, _ in files]
    folders = list(dict.fromkeys(path.parent for path in targets))
    for folder in folders:
        _make_dir(folder)
    temps: list[Path] = []
    try:
        for target, text in files:
            temps.append(_write_temp(target, text))
        _replace_all(temps, targets)
    except _WRITE_ERRORS as exc:
        raise OutputError(f"cannot write {folders[0]}: {_reason(exc)}") from exc
    finally:
        _remove(temps)
    for folder in folders:
        _sync_dir(folder)
    return targets
