"""Bytes to text: the one place that decides what encoding an input is in.

Readers get text, never bytes: files and HTTP bodies are decoded here, by their byte order
mark, the charset a server or the document declares, and detection as a last resort.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence

from charset_normalizer import from_bytes

from summarizer.errors import UnreadableSource

# How much of an input is looked at to recognise it (a binary file's NULs, a reader's claim).
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
# Byte order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, ("utf-32", "utf-16")),
    (codecs.BOM_UTF32_BE, ("utf-32",)),
    (codecs.BOM_UTF16_LE, ("utf-16",)),
    (codecs.BOM_UTF16_BE, ("utf-16",)),
)
_WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")
_WIDE_NAMES = {codecs.lookup(name).name for name in _WIDE}
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:\-]{2,40})""")


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
