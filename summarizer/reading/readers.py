"""Input stage: find the files and URLs a user named, decode them, turn each into raw documents.

Readers sit behind a small registry so a user can add one the same way the built-ins are
added. A reader is chosen by content first (a DUC file or a feed has no telling extension, a
URL may have none), then by extension or the media type a server declared. An input that
cannot be used becomes a ``Skipped`` with a reason; it never stops the brief.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument, Skipped, Source
from summarizer.reading import duc, fetch, safe_text, web

# Naming the inputs lives in ``sources``; these names stay here, where callers look for them.
from summarizer.reading.sources import discover as discover
from summarizer.reading.sources import gather as gather
from summarizer.reading.sources import sources_file as sources_file
from summarizer.reading.sources import url_key as url_key

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 8192

# Magic numbers of common binary formats users drop into article folders by accident.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
}
# Extensions that are text but not articles: reading them as prose would put code or data in
# the brief, so they are skipped by name unless a reader claims them.
_NOT_ARTICLES = {
    ".json", ".csv", ".tsv", ".py", ".js", ".css", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".sh", ".log", ".html", ".htm", ".xml", ".jsonl", ".rss", ".atom",
}  # fmt: skip
# Byte order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, ("utf-32", "utf-16")),
    (codecs.BOM_UTF32_BE, ("utf-32",)),
    (codecs.BOM_UTF16_LE, ("utf-16",)),
    (codecs.BOM_UTF16_BE, ("utf-16",)),
)
_WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")
_WIDE_NAMES = {codecs.lookup(name).name for name in _WIDE}
_PROSE_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:\-]{2,40})""")


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


_READERS: list[Reader] = []


def register_reader(reader: Reader, *, first: bool = False) -> None:
    """Add a reader; ``first`` puts it ahead of the built-ins (a user's override)."""
    if first:
        _READERS.insert(0, reader)
    else:
        _READERS.append(reader)


def readers() -> tuple[Reader, ...]:
    """The registered readers, in the order they are asked."""
    return tuple(_READERS)


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
        text = decode(response.data, response.charset)
    else:
        text = decode(_read_bytes(Path(source.location), max_bytes))
    text = safe_text.text(text)
    if not text.strip():
        raise UnreadableSource("empty file" if not source.is_url else "empty response")
    for reader in _READERS:
        if reader.claims(source, text[:SNIFF_BYTES]):
            return _parts(reader, source, text)
    if source.content_type:
        raise UnreadableSource(f"unsupported content type '{source.content_type}'")
    raise UnreadableSource(f"unsupported file type '{source.suffix}'")


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


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: by its byte order mark, else UTF-16 or UTF-32 when the server says so
    or charset-normalizer finds it (such text is full of NUL bytes, which otherwise mean a
    binary file), else UTF-8 when it is, else the charset the input declares (an HTTP
    header, a ``<meta charset>`` or an XML declaration), else what charset-normalizer detects."""
    if not data.strip():
        return ""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableSource(f"binary file ({kind})")
    for bom, names in _BOMS:
        if data.startswith(bom):
            return _decoded_as(data, names)
    wide = _is_wide(charset)
    if wide or b"\x00" in data[:SNIFF_BYTES]:
        match = from_bytes(data, cp_isolation=list(_WIDE)).best()
        if match is not None:
            return str(match)
        if not wide or charset is None:
            raise UnreadableSource("binary file")
        return _decoded_as(data, (charset,))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:1024])
    for name in (charset, declared[1].decode("ascii") if declared else None):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return _detected(data)


def _is_wide(charset: str | None) -> bool:
    """Whether a declared charset is UTF-16 or UTF-32 (in any spelling Python knows)."""
    try:
        return bool(charset) and codecs.lookup(str(charset)).name in _WIDE_NAMES
    except LookupError:
        return False


def _decoded_as(data: bytes, names: Sequence[str]) -> str:
    for name in names:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise UnreadableSource(f"not valid {names[0].upper()} text")


def _detected(data: bytes) -> str:
    """charset-normalizer's reading; where Windows-1252 fits as well as its first choice (short
    Latin-1 text often reads as well in Central European code pages), Windows-1252 wins: it is
    what legacy Western news files are in, and it reads Latin-1 text the same."""
    matches = list(from_bytes(data))
    if not matches:
        raise UnreadableSource("binary file or unknown text encoding")
    best = matches[0]
    for match in matches:
        if (
            match.encoding == "cp1252"
            and match.percent_chaos <= best.percent_chaos
            and match.percent_coherence >= best.percent_coherence
        ):
            return str(match)
    return str(best)


# --- built-in readers -------------------------------------------------------------------


def _claims_text(source: Source, head: str) -> bool:
    if source.content_type is not None and source.content_type not in _PROSE_TYPES:
        return False
    return source.suffix.lower() not in _NOT_ARTICLES


def _read_text(source: Source, text: str) -> list[RawDocument]:
    """Plain text or Markdown: the cleaning stage finds title, date and outlet in the text."""
    url = source.location if source.is_url else None
    return [RawDocument(path=str(source), text=text, url=url)]


# Content-recognised formats first; plain text, which takes any file left, last.
register_reader(Reader("duc-sgml", duc.claims_duc, duc.read_duc))
register_reader(Reader("feed", web.claims_feed, web.read_feed))
register_reader(Reader("html", web.claims_html, web.read_html))
register_reader(Reader("jsonl", web.claims_jsonl, web.read_jsonl))
register_reader(Reader("text", _claims_text, _read_text))
