"""Input stage: find the files a user named, decode them, and turn each into raw documents.

Readers sit behind a small registry so a user can add one the same way the built-ins are
added. A reader is chosen by content first (a DUC file has no telling extension), then by
extension. A file that cannot be used becomes a ``Skipped`` with a reason; it never stops the
brief.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument, Skipped

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


@dataclass(frozen=True)
class Reader:
    """A way to turn one file's decoded text into raw documents.

    ``claims`` sees the path and the decoded start of the file, so formats can be recognised by
    content; ``read`` gets the whole decoded text.
    """

    name: str
    claims: Callable[[Path, str], bool]
    read: Callable[[Path, str], list[RawDocument]]


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


def discover(sources: Iterable[str]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders (recursively, hidden entries left out) into a sorted file list."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found = sorted(_walk(path))
            if not found:
                skipped.append(Skipped(source, "folder has no files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            skipped.append(Skipped(source, "not a regular file"))
        else:
            skipped.append(Skipped(source, "no such file or folder"))
    return _unique(files), skipped


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if not name.startswith("."):
                yield Path(root) / name


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[RawDocument]:
    """Decode one file and hand it to the first reader that claims it.

    Raises ``UnreadableSource`` with the reason a user should see.
    """
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableSource(f"larger than the {max_bytes // (1024 * 1024)} MB size cap")
        with path.open("rb") as fh:
            data = fh.read()
    except PermissionError as exc:
        raise UnreadableSource("cannot read: permission denied") from exc
    except OSError as exc:
        raise UnreadableSource(f"cannot read: {exc.strerror or exc}") from exc
    text = decode(data)
    if not text.strip():
        raise UnreadableSource("empty file")
    for reader in _READERS:
        if reader.claims(path, text[:SNIFF_BYTES]):
            docs = reader.read(path, text)
            if not docs:
                raise UnreadableSource(f"no article found ({reader.name})")
            return docs
    raise UnreadableSource(f"unsupported file type '{path.suffix}'")


def read_all(
    paths: Iterable[Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[RawDocument], list[Skipped]]:
    """Read every file; the ones that cannot be used are returned as skipped, with reasons."""
    docs: list[RawDocument] = []
    skipped: list[Skipped] = []
    for path in paths:
        try:
            docs.extend(read_file(path, max_bytes))
        except UnreadableSource as exc:
            skipped.append(Skipped(str(path), str(exc)))
    return docs, skipped


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 when it is, else the encoding charset-normalizer detects."""
    if not data.strip():
        return ""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableSource(f"binary file ({kind})")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise UnreadableSource("binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableSource("binary file or unknown text encoding")
    return str(best)


# --- built-in readers -------------------------------------------------------------------

_DUC_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_DUC_FIELDS = ("DOCNO", "DATE_TIME", "DATE", "HEADLINE", "TEXT")
_DUC_P = re.compile(r"<P>(.*?)</P>", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]+>")
_DUC_OUTLETS = {
    "APW": "Associated Press",
    "NYT": "New York Times",
    "XIE": "Xinhua",
    "LTW": "Los Angeles Times/Washington Post",
    "AFP": "Agence France-Presse",
    "FBIS": "FBIS",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "SJMN": "San Jose Mercury News",
    "WSJ": "Wall Street Journal",
}


def _claims_duc(path: Path, head: str) -> bool:
    return "<DOC>" in head.upper() and "<TEXT>" in head.upper()


def _read_duc(path: Path, text: str) -> list[RawDocument]:
    """DUC/TREC SGML: one or more <DOC> elements with <TEXT> and <P> paragraphs."""
    docs = []
    for block in _DUC_DOC.findall(text):
        fields = {}
        for tag in _DUC_FIELDS:
            m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S | re.I)
            if m:
                fields[tag] = m[1]
        body = fields.get("TEXT", "")
        paras = _DUC_P.findall(body) or re.split(r"\n\s*\n", body)
        clean = [html.unescape(" ".join(_ANY_TAG.sub(" ", p).split())) for p in paras]
        clean = [p for p in clean if p]
        if not clean:
            continue
        docno = " ".join(fields.get("DOCNO", path.name).split())
        docs.append(
            RawDocument(
                path=str(path),
                text="\n\n".join(clean),
                title=" ".join(_ANY_TAG.sub(" ", fields.get("HEADLINE", "")).split()) or None,
                date=_duc_date(fields.get("DATE_TIME") or fields.get("DATE") or docno),
                outlet=_DUC_OUTLETS.get(re.sub(r"[^A-Z].*", "", docno.upper())),
            )
        )
    return docs


def _duc_date(value: str) -> dt.date | None:
    m = re.search(r"(19|20)(\d\d)-?(\d\d)-?(\d\d)", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1] + m[2]), int(m[3]), int(m[4]))
    except ValueError:
        return None


def _claims_text(path: Path, head: str) -> bool:
    return path.suffix.lower() not in _NOT_ARTICLES


def _read_text(path: Path, text: str) -> list[RawDocument]:
    """Plain text or Markdown: the cleaning stage finds title, date and outlet in the text."""
    return [RawDocument(path=str(path), text=text)]


register_reader(Reader("duc-sgml", _claims_duc, _read_duc))
register_reader(Reader("text", _claims_text, _read_text))
