"""Fetching URLs: one plain GET over HTTP(S), with limits, so a bad server costs one input.

Every way a fetch can go wrong (an HTTP error status, a timeout, a redirect loop, a server that
hangs up, a body that is too big or not text) becomes ``UnreadableSource`` with a reason a user
can act on; the brief is built from the rest. Nothing but the standard library is used.
"""

from __future__ import annotations

import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO

from summarizer import __version__
from summarizer.errors import UnreadableSource

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5
# A whole download may take this many times the timeout, so a server that trickles bytes
# cannot hold the brief up for ever.
TOTAL_TIME_FACTOR = 5
USER_AGENT = f"daily-brief/{__version__} (news brief builder; Python urllib)"
CHUNK = 64 * 1024

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
# Media types worth reading; anything else (images, archives, PDFs, video) is refused before
# its body is downloaded.
_TEXT_TYPE = re.compile(
    r"^(?:text/[\w.+\-]+|application/(?:[\w.\-]+\+)?(?:xml|json)"
    r"|application/(?:x-)?(?:ndjson|jsonl|jsonlines))$"
)
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
    "application/xml;q=0.9, text/*;q=0.8, application/x-ndjson;q=0.8, */*;q=0.1"
)


@dataclass(frozen=True)
class FetchOptions:
    """The limits of one fetch: size cap, per-step timeout (seconds), redirects, user agent."""

    max_bytes: int
    timeout: float = DEFAULT_TIMEOUT
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    """What a server sent: the final URL (after redirects), the body and its declared type."""

    url: str
    data: bytes
    content_type: str | None
    charset: str | None


def is_url(text: str) -> bool:
    """Whether a source names a URL (any scheme) rather than a path."""
    return bool(_URL.match(text))


def human_size(n: int) -> str:
    """A size cap as people write it: 50 MB, 512 KB."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MB"
    if n >= 1024:
        return f"{n / 1024:g} KB"
    return f"{n} bytes"


def fetch(url: str, options: FetchOptions) -> Response:
    """GET ``url``; raise ``UnreadableSource`` with the reason when it cannot be used."""
    scheme = url.split(":", 1)[0].lower()
    if scheme not in {"http", "https"}:
        raise UnreadableSource(f"unsupported URL scheme '{scheme}' (only http and https)")
    headers = {"User-Agent": options.user_agent, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    try:
        request = urllib.request.Request(url, headers=headers)
        with _opener(options).open(request, timeout=options.timeout) as response:
            return _receive(response, options)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise UnreadableSource(_status_reason(exc, options)) from exc
    except urllib.error.URLError as exc:
        raise UnreadableSource(_network_reason(exc.reason, options)) from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise UnreadableSource(_network_reason(exc, options)) from exc


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, and only to http(s); urllib itself stops a loop."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if newurl.split(":", 1)[0].lower() not in {"http", "https"}:
            raise UnreadableSource(f"redirected to a non-web address: {newurl}")
        followed: dict[str, int] = getattr(req, "redirect_dict", {})
        if sum(followed.values()) >= self.limit:
            raise UnreadableSource(f"more than {self.limit} redirects")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(options: FetchOptions) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_Redirects(options.max_redirects))


def _receive(response: http.client.HTTPResponse, options: FetchOptions) -> Response:
    """Check the declared type and size before reading, then read at most the size cap."""
    headers = response.headers
    content_type = headers.get_content_type() if headers.get("Content-Type") else None
    if content_type and not _TEXT_TYPE.match(content_type):
        raise UnreadableSource(f"not text: the server sent '{content_type}'")
    declared = headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise UnreadableSource(f"larger than the {human_size(options.max_bytes)} size cap")
    data = _read_capped(response, options)
    return Response(response.geturl(), data, content_type, headers.get_content_charset())


def _read_capped(response: http.client.HTTPResponse, options: FetchOptions) -> bytes:
    deadline = time.monotonic() + options.timeout * TOTAL_TIME_FACTOR
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(CHUNK):
        total += len(chunk)
        if total > options.max_bytes:
            raise UnreadableSource(f"larger than the {human_size(options.max_bytes)} size cap")
        if time.monotonic() > deadline:
            limit = options.timeout * TOTAL_TIME_FACTOR
            raise UnreadableSource(f"download took longer than {limit:g} s")
        chunks.append(chunk)
    if response.length:  # http.client counts down what Content-Length promised
        raise UnreadableSource("the server closed the connection before the end of the response")
    return b"".join(chunks)


def _status_reason(exc: urllib.error.HTTPError, options: FetchOptions) -> str:
    if 300 <= exc.code < 400:  # urllib's loop detection, or a redirect without a target
        return "redirect loop"
    reason = http.client.responses.get(exc.code, "")
    return f"HTTP {exc.code} {reason}".rstrip()


def _network_reason(error: object, options: FetchOptions) -> str:
    """One line for a network failure, without Python's exception names."""
    if isinstance(error, TimeoutError):
        return f"timed out after {options.timeout:g} s"
    if isinstance(error, http.client.RemoteDisconnected):
        return "the server closed the connection without answering"
    if isinstance(error, http.client.IncompleteRead | ConnectionResetError | BrokenPipeError):
        return "the server closed the connection before the end of the response"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, socket.gaierror):
        return "host not found"
    if isinstance(error, ssl.SSLError):
        return f"TLS error: {error.reason or error}"
    if isinstance(error, http.client.HTTPException):
        return f"bad HTTP response: {type(error).__name__}"
    return f"cannot fetch: {getattr(error, 'strerror', None) or error}"
