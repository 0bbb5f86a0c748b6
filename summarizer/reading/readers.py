"""Reading one input: its bytes (a file, or a URL's body), decoded, handed to the reader that
claims it, which turns it into raw documents.

Readers come through the plug-in door (``summarizer.plugins``, entry point group
``daily_brief.readers``), the built-ins (``duc``, ``web``, ``text``) exactly as a user's. A
reader is chosen by content first (a DUC file or a feed has no telling extension, a URL may
have none), then by extension or the media type a server declared; a plug-in's reader is asked
before the built-ins, and a ``fallback`` reader (plain text) only after every other declined.
An input that cannot be used becomes a ``Skipped`` with a reason; it never stops the brief.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import stat
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer import plugins
from summarizer.config.options import DEFAULTS
from summarizer.errors import ConfigError, RepairedInput, UnreadableSource
from summarizer.models import RawDocument, Skipped, Source
from summarizer.reading import fetch, safe_text
from summarizer.reading.decode import SNIFF_BYTES, decode_repaired

# ``--max-size``'s default (in MB), declared with the option.
DEFAULT_MAX_BYTES = int(DEFAULTS["max_size"] * 1024 * 1024)


@dataclass(frozen=True)
class Reader:
    """A way to turn one input's decoded text into raw documents.

    ``claims`` sees the source (its path or URL, suffix and declared media type) and the decoded
    start of the input, so formats can be recognised by content; ``read`` gets the whole text and
    returns documents, plus ``Skipped`` entries for parts it had to leave out (a bad line).
    """

    name: str
    claims: Callable[[Source, str], bool]
    read: Callable[[Source, str], Sequence[RawDocument | Skipped]]
    # Asked only after every other reader declined: a format that takes whatever is left.
    fallback: bool = False


def readers() -> tuple[Reader, ...]:
    """The installed readers, in the order they are asked: plug-ins', the built-ins', then
    the fallbacks."""
    return _readers()


@functools.cache
def _readers() -> tuple[Reader, ...]:
    found = []
    for plugin, reader in plugins.load_all(plugins.READERS):
        if not isinstance(reader, Reader):
            raise ConfigError(f"reader {plugin.name!r} from {plugin.package} is not a "
                              "summarizer.reading.readers.Reader")  # fmt: skip
        found.append(reader)
    return tuple(sorted(found, key=lambda reader: reader.fallback))


def rescan() -> None:
    """Find the readers again (after a plug-in was installed in a running process)."""
    plugins.rescan()
    _readers.cache_clear()


def read_source(
    source: Source | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = fetch.DEFAULT_TIMEOUT,
) -> tuple[list[RawDocument], list[Skipped]]:
    """Load one input (a file, or a URL over the network), hand it to the first reader that
    claims it; return its documents and the parts the reader left out.

    Raises ``UnreadableSource`` with the reason a user should see when nothing is usable.
    """
    source = source if isinstance(source, Source) else Source(str(source))
    if source.is_url:
        response = fetch.fetch(source.location, fetch.FetchOptions(max_bytes, timeout))
        source = Source(response.url, response.content_type)
        text, replaced = decode_repaired(response.data, response.charset)
    else:
        text, replaced = decode_repaired(_read_bytes(Path(source.location), max_bytes))
    if replaced:
        _warn_replaced(source, replaced)
    text = safe_text.text(text)
    if not text or text.isspace():  # ``strip()`` would copy the whole text to find out
        raise UnreadableSource("empty file" if not source.is_url else "empty response")
    for reader in readers():
        if reader.claims(source, text[:SNIFF_BYTES]):
            return _parts(reader, source, text)
    if source.content_type:
        raise UnreadableSource(f"unsupported content type '{source.content_type}'")
    raise UnreadableSource(f"unsupported file type '{source.suffix}'")


def _warn_replaced(source: Source, count: int) -> None:
    """Name an input read as UTF-8 with some bytes replaced: it is used, but the user may want
    to know a character or two in it is lost (a ``RepairedInput`` warning)."""
    many = "bytes that are" if count > 1 else "byte that is"
    message = f"{safe_text.name(source.location)}: {count} {many} not UTF-8 replaced with \ufffd"
    warnings.warn(message, RepairedInput, stacklevel=1)


def _parts(reader: Reader, source: Source, text: str) -> tuple[list[RawDocument], list[Skipped]]:
    found = [_safe(part) for part in reader.read(source, text)]
    docs = [d for d in found if isinstance(d, RawDocument)]
    skipped = [s for s in found if isinstance(s, Skipped)]
    if not docs:
        why = f": {skipped[0].reason}" if skipped else ""
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        raise UnreadableSource(f"no article found ({reader.name}){why}{more}")
    return docs, skipped


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; one over the cap, or one that is not a regular file (a named pipe
    put there since the folder was listed), is refused after a stat, without being read.
    Opening never blocks: a pipe with no writer is opened non-blocking, then refused."""
    too_big = UnreadableSource(f"larger than the {fetch.human_size(max_bytes)} size cap")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableSource("not a regular file")
            if info.st_size > max_bytes:
                raise too_big
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise UnreadableSource("cannot read: permission denied") from exc
    except OSError as exc:
        raise UnreadableSource(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # it grew, or it is not a plain file
        raise too_big
    return data


def read_file(path: Path | Source, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawDocument]:
    """The documents of one input (parts a reader left out are dropped; see ``read_source``)."""
    return read_source(path, max_bytes)[0]


def iter_read(
    sources: Iterable[Path | Source],
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = fetch.DEFAULT_TIMEOUT,
) -> Iterator[RawDocument | Skipped]:
    """Read one input at a time, yielding its documents and what was left out, so a large
    day never holds more than one raw file (an HTML page, a feed) in memory."""
    for source in sources:
        try:
            found, left_out = read_source(source, max_bytes, timeout)
        except UnreadableSource as exc:
            yield _safe(Skipped(str(source), str(exc)))
            continue
        yield from found
        yield from left_out


def _safe(found: RawDocument | Skipped) -> RawDocument | Skipped:
    """What a reader found, with the text made safe where it enters (see ``safe_text``):
    a reader, built-in or a user's, never has to think of it."""
    if isinstance(found, Skipped):
        return Skipped(safe_text.name(found.path), safe_text.name(found.reason))
    return dataclasses.replace(
        found,
        path=safe_text.name(found.path),
        text=safe_text.text(found.text),
        title=safe_text.optional(found.title),
        outlet=safe_text.optional(found.outlet),
        url=safe_text.optional(found.url),
        author=safe_text.optional(found.author),
    )
