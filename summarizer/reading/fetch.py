"""Fetching URLs: one plain GET over HTTP(S), with limits, so a bad server costs one input.

Every way a fetch can go wrong (an HTTP error status, a timeout, a redirect loop, a server that
hangs up, a body that is too big or not text) becomes ``UnreadableSource`` with a reason a user
can act on; the brief is built from the rest. Nothing but the standard library is used.
"""

from __future__ import annotations

import contextlib
import http.client
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urljoin

from summarizer import __version__
from summarizer.config.options import DEFAULTS
from summarizer.errors import UnreadableSource

# ``--timeout``'s default, declared with the option.
DEFAULT_TIMEOUT: float = DEFAULTS["timeout"]
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
    deadline = _Deadline(options.timeout * TOTAL_TIME_FACTOR)
    try:
        request = urllib.request.Request(url, headers=headers)
        with _opener(options, deadline).open(request, timeout=options.timeout) as response:
            received = _receive(response, options)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise UnreadableSource(deadline.reason() or _status_reason(exc, options)) from exc
    except urllib.error.URLError as exc:
        why = deadline.reason() or _network_reason(exc.reason, options)
        raise UnreadableSource(why) from exc
    except UnreadableSource as exc:
        raise UnreadableSource(deadline.reason() or str(exc)) from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise UnreadableSource(deadline.reason() or _network_reason(exc, options)) from exc
    finally:
        deadline.stop()
    if deadline.reason():  # the last read was cut short at the deadline
        raise UnreadableSource(deadline.reason())
    return received


class _Deadline:
    """The whole fetch's time limit, enforced on every read: a server trickling a byte at a
    time (in its headers or its body) never waits out a per-read timeout, so a timer shuts
    the connection's socket down at the deadline, which ends whatever read is waiting."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def reason(self) -> str | None:
        return f"download took longer than {self.seconds:g} s" if self.expired else None

    def stop(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    """Shut the socket down from another thread (the plain socket's method, also for TLS:
    ``SSLSocket.shutdown`` would drop its TLS state under the reading thread's feet)."""
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _WatchedHTTP(http.client.HTTPConnection):
    deadline: _Deadline

    def connect(self) -> None:
        super().connect()
        self.deadline.watch(self.sock)


class _WatchedHTTPS(http.client.HTTPSConnection):
    """TLS with its socket watched before the handshake, which a server can trickle too."""

    deadline: _Deadline

    def connect(self) -> None:
        http.client.HTTPConnection.connect(self)
        context: ssl.SSLContext = getattr(self, "_context", None) or ssl.create_default_context()
        host = getattr(self, "_tunnel_host", None) or self.host
        tls = context.wrap_socket(self.sock, server_hostname=host, do_handshake_on_connect=False)
        self.sock = tls
        self.deadline.watch(tls)
        tls.do_handshake()


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> Callable[..., Any]:
    def connection(*args: Any, **kwargs: Any) -> http.client.HTTPConnection:
        made = base(*args, **kwargs)
        made.deadline = deadline  # type: ignore[attr-defined]
        return made

    return connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_watched(_WatchedHTTP, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        context = getattr(self, "_context", None)
        return self.do_open(_watched(_WatchedHTTPS, self.deadline), req, context=context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``limit`` redirects, and only to http(s); urllib itself stops a loop."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> IO[bytes] | None:
        """Say what a redirect to ``javascript:`` or ``file:`` is (urllib would refuse it as
        an HTTP error that reads like a loop) before urllib looks at it."""
        target = headers.get("Location") or headers.get("URI")
        if target:
            scheme = urljoin(req.full_url, target.strip()).split(":", 1)[0].lower()
            if scheme not in {"http", "https"}:
                fp.close()
                shown = target if len(target) <= 80 else target[:79] + "…"
                raise UnreadableSource(f"redirected to a non-web address: {shown}")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

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


def _opener(options: FetchOptions, deadline: _Deadline) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(
        _Redirects(options.max_redirects), _HTTPHandler(deadline), _HTTPSHandler(deadline)
    )


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
    if 300 <= exc.code < 400:
        if "infinite loop" in str(exc.msg):  # urllib's loop detection
            return "redirect loop"
        return f"HTTP {exc.code} redirect with no address to follow"
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
