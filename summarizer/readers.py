"""Input stage: find the files and URLs a user named, decode them, turn each into raw documents.

Readers sit behind a small registry so a user can add one the same way the built-ins are
added. A reader is chosen by content first (a DUC file or a feed has no telling extension, a
URL may have none), then by extension or the media type a server declared. An input that
cannot be used becomes a ``Skipped`` with a reason; it never stops the brief.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from summarizer import fetch, readers_web
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument, Skipped, Source

# Naming the inputs lives in ``sources``; these names stay here, where callers look for them.
from summarizer.sources import discover as discover
from summarizer.sources import gather as gather
from summarizer.sources import sources_file as sources_file
from summarizer.sources import url_key as url_key

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
    if not text.strip():
        raise UnreadableSource("empty file" if not source.is_url else "empty response")
    for reader in _READERS:
        if reader.claims(source, text[:SNIFF_BYTES]):
            return _parts(reader, source, text)
    if source.content_type:
        raise UnreadableSource(f"unsupported content type '{source.content_type}'")
    raise UnreadableSource(f"unsupported file type '{source.suffix}'")


def _parts(reader: Reader, source: Source, text: str) -> tuple[list[RawDocument], list[Skipped]]:
    found = reader.read(source, text)
    docs = [d for d in found if isinstance(d, RawDocument)]
    skipped = [s for s in found if isinstance(s, Skipped)]
    if not docs:
        why = f": {skipped[0].reason}" if skipped else ""
        more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
        raise UnreadableSource(f"no article found ({reader.name}){why}{more}")
    return docs, skipped


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; one over the cap is refused after a stat, without being read."""
    too_big = UnreadableSource(f"larger than the {fetch.human_size(max_bytes)} size cap")
    try:
        if path.stat().st_size > max_bytes:
            raise too_big
        with path.open("rb") as fh:
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
            yield Skipped(str(source), str(exc))
            continue
        yield from found
        yield from left_out


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: UTF-8 when it is, else the charset the input declares (an HTTP header, a
    ``<meta charset>`` or an XML declaration), else what charset-normalizer detects."""
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
    declared = _DECLARED_CHARSET.search(data[:1024])
    for name in (charset, declared[1].decode("ascii") if declared else None):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return _detected(data)


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

_DUC_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.S | re.I)
_DUC_FIELDS = ("DOCNO", "DATE_TIME", "DATE", "HEADLINE", "TEXT")
_DUC_P = re.compile(r"<P>(.*?)</P>", re.S | re.I)
_ANY_TAG = re.compile(r"<[^>]+>")
# The New York Times wire's typesetting codes (&QL; quad left, &UR; upper rail, &HT; tab, ...)
# and its list marker, a paragraph opening "_ ": layout, not words.
_NYT_CODES = re.compile(r"&(?:Q[LRC]|[UL]R|MD|HT|Cx[0-9A-Fa-f]+);")
_NYT_BULLET = re.compile(r"^_\s+(?=\S)")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")
_DUC_OUTLETS = {
    "APW": "Associated Press",
    "NYT": "The New York Times",
    "XIE": "Xinhua",
    "LTW": "Los Angeles Times/Washington Post",
    "AFP": "Agence France-Presse",
    "FBIS": "FBIS",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "SJMN": "San Jose Mercury News",
    "WSJ": "Wall Street Journal",
}


def _claims_duc(source: Source, head: str) -> bool:
    """A <DOC> with its <TEXT> or <DOCNO> (a long wire header can push <TEXT> past the head)."""
    upper = head.upper()
    return "<DOC>" in upper and ("<TEXT>" in upper or "<DOCNO>" in upper)


def _read_duc(source: Source, text: str) -> list[RawDocument]:
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
        clean = [_duc_paragraph(p) for p in paras]
        clean = [p for p in clean if p]
        if not clean:
            continue
        docno = " ".join(fields.get("DOCNO", source.name).split())
        docs.append(
            RawDocument(
                path=str(source),
                text="\n\n".join(clean),
                title=_duc_paragraph(fields.get("HEADLINE", "")) or None,
                date=next(
                    filter(
                        None,
                        map(
                            _duc_date, (fields.get("DATE_TIME", ""), fields.get("DATE", ""), docno)
                        ),
                    ),
                    None,
                ),
                outlet=_DUC_OUTLETS.get(re.sub(r"[^A-Z].*", "", docno.upper())),
            )
        )
    return docs


def _duc_paragraph(markup: str) -> str:
    """One paragraph's text: tags and wire typesetting codes out, entities decoded, a word
    hyphenated across a line break joined again ("out-of-\ncompetition")."""
    text = _LINE_BREAK_HYPHEN.sub("-", _NYT_CODES.sub(" ", _ANY_TAG.sub(" ", markup)))
    return _NYT_BULLET.sub("", html.unescape(" ".join(text.split())))


def _duc_date(value: str) -> dt.date | None:
    """``2000-01-19 19:04``, ``19980812`` (in a DOCNO) or ``08/12/1998 13:29:00``."""
    m = re.search(r"(19|20)(\d\d)-?(\d\d)-?(\d\d)", value)
    us = re.search(r"\b(\d\d)/(\d\d)/((?:19|20)\d\d)\b", value)
    try:
        if m:
            return dt.date(int(m[1] + m[2]), int(m[3]), int(m[4]))
        if us:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
    except ValueError:
        pass
    return None


def _claims_text(source: Source, head: str) -> bool:
    if source.content_type is not None and source.content_type not in _PROSE_TYPES:
        return False
    return source.suffix.lower() not in _NOT_ARTICLES


def _read_text(source: Source, text: str) -> list[RawDocument]:
    """Plain text or Markdown: the cleaning stage finds title, date and outlet in the text."""
    url = source.location if source.is_url else None
    return [RawDocument(path=str(source), text=text, url=url)]


# Content-recognised formats first; plain text, which takes any file left, last.
register_reader(Reader("duc-sgml", _claims_duc, _read_duc))
register_reader(Reader("feed", readers_web.claims_feed, readers_web.read_feed))
register_reader(Reader("html", readers_web.claims_html, readers_web.read_html))
register_reader(Reader("jsonl", readers_web.claims_jsonl, readers_web.read_jsonl))
register_reader(Reader("text", _claims_text, _read_text))
