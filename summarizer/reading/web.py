"""Readers for the web's formats: HTML pages, RSS/Atom feeds and JSON Lines.

``readers`` registers them like any user's reader. Each recognises its format by content as
well as by name or media type. The third-party parsers (trafilatura, feedparser) raise many
kinds of error on hostile input; around each call, any of them becomes ``UnreadableSource``,
because one bad input must never stop a brief.
"""

from __future__ import annotations

import calendar
import html
import io
import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from summarizer.errors import UnreadableSource
from summarizer.models import GENERATOR, RawDocument, Skipped, Source
from summarizer.reading import dates
from summarizer.reading.readers import Reader

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_HTML_ROOTS = {"html", "head", "body"}
_FEED_SUFFIXES = {".rss", ".atom"}
_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_FEED_ROOTS = {"rss", "feed", "rdf:rdf"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_JSONL_TYPES = {
    "application/x-ndjson", "application/ndjson", "application/jsonl",
    "application/x-jsonlines", "application/jsonlines",
}  # fmt: skip
# What may come before the root element: a BOM, white space, XML declaration, processing
# instructions, comments, a doctype.
_PROLOG = re.compile(r"\A(?:\ufeff|\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)
_ROOT = re.compile(r"<([A-Za-z][\w:.\-]*)")
_DOCTYPE_HTML = re.compile(r"<!DOCTYPE\s+html", re.I)
_TAG = re.compile(r"<[^>]*>")
# A numeric character reference, to catch those to characters no text may hold.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9A-Fa-f]{1,8})|([0-9]{1,10}));")
_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"
# The page's own date, with its time and zone when the page states them.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": False,
}

# trafilatura and its helpers log every page they give up on; with no handler configured,
# Python would print those on stderr, where a user expects one line per skipped input.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def _root(head: str) -> str:
    """The name of the first element after any prolog, lower-cased ('' when there is none)."""
    prolog = _PROLOG.match(head)
    start = prolog.end() if prolog else 0
    found = _ROOT.match(head, start)
    return found[1].lower() if found else ""


def _host(url: object) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _plain(value: object) -> str:
    """A short text field (title, name) without tags, entities or runs of white space."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


# --- HTML pages ------------------------------------------------------------------------


def claims_html(source: Source, head: str) -> bool:
    """An HTML page by name, by declared type, or by its doctype or root element."""
    if source.suffix.lower() in _HTML_SUFFIXES or source.content_type in _HTML_TYPES:
        return True
    return bool(_DOCTYPE_HTML.search(head[:2048])) or _root(head) in _HTML_ROOTS


# The mark every page daily-brief writes (a brief, a site's page or index): read as an article,
# a brief would credit itself ("Daily Brief") with what its sources said.
_OWN_PAGE = re.compile(
    rf"<meta\s+name=[\"']generator[\"']\s+content=[\"']{re.escape(GENERATOR)}\b", re.I
)


def read_html(source: Source, text: str) -> list[RawDocument]:
    """The page's main text, title, date, site name, URL and author; furniture stays out."""
    if _OWN_PAGE.search(text[:4096]):
        raise UnreadableSource("a page daily-brief wrote, not an article")
    page = _extract(text, source.location if source.is_url else None)
    body = _paragraphs(page.get("text"), page.get("title"), page.get("author"))
    if not body:
        raise UnreadableSource("no article text found in the page")
    url = _plain(page.get("url")) or (source.location if source.is_url else None)
    stamp = dates.normalise(_page_date(page.get("date")))
    return [
        RawDocument(
            path=str(source),
            text=body,
            title=_plain(page.get("title")) or None,
            date=stamp.date if stamp else None,
            published=stamp.time if stamp else None,
            outlet=_plain(page.get("sitename")) or _host(url),
            url=url,
            author=_plain(page.get("author")) or None,
        )
    ]


def _extract(markup: str, url: str | None) -> Mapping[str, Any]:
    """trafilatura's main-content extraction, as a mapping of its fields ({} when none)."""
    import trafilatura  # imported here: only a run that meets HTML pays its 0.2 s import

    try:
        found = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # any parser failure on this input: see the module docstring
        raise UnreadableSource(f"cannot parse the page ({type(exc).__name__})") from exc
    if found is None or isinstance(found, dict):
        return found or {}
    return found.as_dict()


def _paragraphs(text: object, title: object, author: object) -> str:
    """One paragraph per block, without a repeated title or a byline glued to the lead."""
    if not isinstance(text, str):
        return ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and isinstance(title, str) and title.strip():
        head = " ".join(title.split())
        if lines[0] == head:
            lines = lines[1:]
        elif lines and lines[0].startswith(head + " "):
            lines[0] = lines[0][len(head) :].strip()
    if lines and isinstance(author, str) and author.strip():
        byline = re.compile(rf"^by\s+{re.escape(' '.join(author.split()))}\b[\s,|:–-]*", re.I)
        lines[0] = byline.sub("", lines[0])
    return "\n\n".join(line for line in lines if line)


def _page_date(value: object) -> str | None:
    """htmldate writes midnight without a zone when a page gives only a day: keep the day."""
    if not isinstance(value, str):
        return None
    return value[:10] if value.endswith("T00:00:00") else value


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment (a feed entry), cleaned like a page's main content."""
    if "<" not in markup:
        return " ".join(html.unescape(markup).split())
    page = _extract(f"<html><body><article>{markup}</article></body></html>", None)
    text = _paragraphs(page.get("text"), None, None)
    return text or " ".join(html.unescape(_TAG.sub(" ", markup)).split())


# --- RSS and Atom feeds ----------------------------------------------------------------


def claims_feed(source: Source, head: str) -> bool:
    """A feed by name or declared type, or by its root element (rss, feed, rdf:RDF)."""
    if source.suffix.lower() in _FEED_SUFFIXES or source.content_type in _FEED_TYPES:
        return True
    return _root(head) in _FEED_ROOTS


def read_feed(source: Source, text: str) -> list[RawDocument | Skipped]:
    """Every entry an article: its link, date, title, the feed's title as outlet, and its
    full content where the feed carries it, else its summary."""
    parsed = _parse_feed(source, text)
    feed = parsed.get("feed") or {}
    if str(feed.get("generator", "")).startswith(GENERATOR):
        raise UnreadableSource("a feed daily-brief wrote, not articles")
    outlet = _plain(feed.get("title")) or _host(feed.get("link")) or _host(source.location)
    entries = parsed.get("entries") or []
    found = [_entry(source, n, entry, outlet) for n, entry in enumerate(entries, 1)]
    if not any(isinstance(doc, RawDocument) for doc in found):
        broken = _broken(parsed)  # what is left of a broken feed is no article
        if broken or not found:
            raise UnreadableSource(broken or "feed has no entries")
    return found


def _parse_feed(source: Source, text: str) -> Mapping[str, Any]:
    import feedparser  # imported here: only a run that meets a feed pays for it

    # Bytes in a stream, never a string: feedparser would open a string that looks like a
    # path or a URL. The text is already decoded, so its charset is stated as UTF-8.
    headers = {"content-type": "application/xml; charset=utf-8"}
    if source.is_url:
        headers["content-location"] = source.location  # base for relative links
    # feedparser puts its own XML declaration on a line of its own before a feed without
    # one, which would put every line number one off: give it one to replace in place.
    text = text.removeprefix("\ufeff")
    if not text.startswith("<?xml"):
        text = _XML_DECLARATION + text
    try:
        stream = io.BytesIO(_CHAR_REF.sub(_valid_ref, text).encode("utf-8", "replace"))
        parsed: Mapping[str, Any] = feedparser.parse(stream, response_headers=headers)
    except Exception as exc:  # any parser failure on this input: see the module docstring
        raise UnreadableSource(f"cannot parse the feed ({type(exc).__name__})") from exc
    return parsed


def _valid_ref(ref: re.Match[str]) -> str:
    """A reference to a lone surrogate (``&#xD800;``) or past U+10FFFF becomes U+FFFD: the
    parser would turn it into a character no text can be written with, and drop the feed."""
    code = int(ref[1], 16) if ref[1] else int(ref[2])
    return "&#xFFFD;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else ref[0]


def _broken(parsed: Mapping[str, Any]) -> str | None:
    """Why a feed is not well-formed XML, or None (a feed declaring the wrong charset is fine)."""
    import feedparser

    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is None or isinstance(problem, feedparser.ThingsNobodyCaresAboutButMe):
        return None
    message = problem.getMessage() if hasattr(problem, "getMessage") else str(problem)
    line = problem.getLineNumber() if hasattr(problem, "getLineNumber") else None
    return f"malformed feed: {message}" + (f" at line {line}" if line else "")


def _entry(
    source: Source, number: int, entry: Mapping[str, Any], outlet: str | None
) -> RawDocument | Skipped:
    title = _plain(entry.get("title"))
    body = _entry_body(entry)
    if not body:
        return Skipped(str(source), f"entry {number}: no text")
    stamp = _entry_date(entry)
    origin = entry.get("source")
    named = _plain(origin.get("title")) if isinstance(origin, Mapping) else ""
    link = entry.get("link")
    return RawDocument(
        path=f"{source}#{number}",
        text=body,
        title=title or None,
        date=stamp.date if stamp else None,
        published=stamp.time if stamp else None,
        outlet=named or outlet,
        url=link if isinstance(link, str) and link else None,
        author=_plain(entry.get("author")) or None,
    )


def _entry_body(entry: Mapping[str, Any]) -> str:
    """The longest full content the entry carries, else its summary, as clean text."""
    details = [c for c in entry.get("content") or [] if isinstance(c, Mapping)]
    summary = entry.get("summary_detail")
    candidates = [*details, *([summary] if isinstance(summary, Mapping) else [])]
    for detail in sorted(candidates, key=lambda d: -len(str(d.get("value") or ""))):
        value = detail.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        kind = str(detail.get("type") or "")
        text = html_to_text(value) if "html" in kind else " ".join(value.split())
        if text:
            return "\n\n".join(p for p in text.split("\n\n") if p.strip())
    return ""


def _entry_date(entry: Mapping[str, Any]) -> dates.Stamp | None:
    for key in ("published", "updated", "created"):
        value = entry.get(key)
        stamp = dates.normalise(value) if isinstance(value, str) else None
        if stamp:
            return stamp
    for key in ("published", "updated"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:  # feedparser's own reading, already in UTC, for forms normalise lacks
            try:
                stamp = dates.vouched(entry.get(key), dates.normalise(calendar.timegm(parsed)))
            except (TypeError, ValueError, OverflowError):
                continue
            if stamp:
                return stamp
    return None


# --- JSON Lines ------------------------------------------------------------------------


def claims_jsonl(source: Source, head: str) -> bool:
    """JSON Lines by name or declared type, or when the first line is a JSON object."""
    if source.suffix.lower() in _JSONL_SUFFIXES or source.content_type in _JSONL_TYPES:
        return True
    first = next((line for line in head.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def read_jsonl(source: Source, text: str) -> list[RawDocument | Skipped]:
    """One article a line; a bad line is left out with its number and the rest is read."""
    out: list[RawDocument | Skipped] = []
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            out.append(_jsonl_article(f"{source}:{number}", line))
        except UnreadableSource as exc:
            out.append(Skipped(str(source), f"line {number}: {exc}"))
    return out


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()`` one line at a time: a list of them all is a second copy of the
    file, at its widest character's width (one emoji makes it four bytes a character)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end + 1
        yield from text[start:end].splitlines()
        start = end


def _jsonl_article(path: str, line: str) -> RawDocument:
    """Fields: ``text`` (required), ``title``, ``url``, ``date``, ``source`` (the outlet)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableSource(f"not valid JSON (column {exc.colno})") from exc
    except (ValueError, RecursionError) as exc:
        raise UnreadableSource("not valid JSON") from exc
    if not isinstance(record, dict):
        raise UnreadableSource("not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnreadableSource("no 'text'" if text is None else "'text' is not a non-empty string")
    fields = {key: record.get(key) for key in ("title", "url", "source")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise UnreadableSource(f"'{key}' is not a string")
    stamp = _jsonl_date(record.get("date"))
    url = fields["url"] or None
    return RawDocument(
        path=path,
        text=text,
        title=_plain(fields["title"]) or None,
        date=stamp.date if stamp else None,
        published=stamp.time if stamp else None,
        outlet=_plain(fields["source"]) or _host(url),
        url=url,
    )


def _jsonl_date(value: object) -> dates.Stamp | None:
    if value is None or value == "":
        return None
    stamp = dates.normalise(value) if isinstance(value, str | int | float) else None
    if stamp is None and isinstance(value, str | int | float) and dates.placeholder(value):
        return None  # 0001-01-01 and the like: "no date", as if the line gave none
    if stamp is None or isinstance(value, bool):
        raise UnreadableSource(f"'date' is not a date: {json.dumps(value)[:40]}")
    return stamp


FEED_READER = Reader("feed", claims_feed, read_feed)
HTML_READER = Reader("html", claims_html, read_html)
JSONL_READER = Reader("jsonl", claims_jsonl, read_jsonl)
