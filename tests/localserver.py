"""A real HTTP server on 127.0.0.1 for the tests: fixture pages and feeds, and the ways a
server fails (error statuses, a hang, a redirect loop, a hang-up, a body that is not text).

Everything it does is bounded: a hanging answer waits at most ``HANG_SECONDS`` (less when
the server is stopped), a streamed body stops after ``STREAM_LIMIT`` bytes.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.paths import FIXTURES

SERVED = FIXTURES / "web" / "served"
HANG_SECONDS = 5.0
STREAM_LIMIT = 4 * 1024 * 1024
TRICKLE_PAUSE = 0.05
ARTICLE = (
    "Ministers resume talks in Vienna\n\n"
    "Foreign ministers resumed their talks in Vienna on Wednesday after a break of one day.\n\n"
    "Source: Plain Text Wire\n"
)
# Fixture files served under a path, with the media type a real site would send.
FILES = {
    "/pages/vienna-talks": ("vienna_talks.html", "text/html; charset=utf-8"),
    "/feeds/wire": ("wire.atom", "application/atom+xml"),
    "/feeds/wire-as-xml": ("wire.atom", "text/xml"),
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def do_GET(self) -> None:
        self.server.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?", 1)[0]
        if path in FILES:
            name, kind = FILES[path]
            return self._send(200, (SERVED / name).read_bytes(), kind)
        route = getattr(self, "_" + path.strip("/").split("/")[0].replace("-", "_"), None)
        if route is None:
            return self._send(404, b"not here", "text/plain")
        return route(path)

    def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _status(self, path: str) -> None:
        code = int(path.rsplit("/", 1)[-1])
        self._send(code, f"<h1>Error {code}</h1>".encode(), "text/html")

    def _text(self, path: str) -> None:
        self._send(200, ARTICLE.encode(), "text/plain; charset=utf-8")

    def _latin1(self, path: str) -> None:
        body = ARTICLE.replace("Vienna", "Genève").encode("latin-1")
        self._send(200, body, "text/plain; charset=iso-8859-1")

    def _hang(self, path: str) -> None:
        self.server.release.wait(HANG_SECONDS)  # never answers while the client waits
        self.close_connection = True

    def _loop(self, path: str) -> None:
        self._send(302, b"", "text/plain", Location="/loop")

    def _hop(self, path: str) -> None:
        left = int(path.rsplit("/", 1)[-1])
        if left == 0:
            return self._text(path)
        self._send(302, b"", "text/plain", Location=f"/hop/{left - 1}")

    def _moved(self, path: str) -> None:
        self._send(301, b"", "text/plain", Location="/pages/vienna-talks")

    def _close(self, path: str) -> None:
        self.close_connection = True  # hang up without a word

    def _cut(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "5000")
        self.end_headers()
        self.wfile.write(ARTICLE.encode()[:60])
        self.close_connection = True

    def _trickle(self, path: str) -> None:
        """A body of one byte every ``TRICKLE_PAUSE`` s: no single read ever times out."""
        body = ARTICLE.encode() * 20
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._drip(body)

    def _slowloris(self, path: str) -> None:
        """The status line and headers themselves, one byte every ``TRICKLE_PAUSE`` s."""
        head = b"HTTP/1.1 200 OK\r\n" + b"".join(
            f"X-Padding-{n}: {'x' * 20}\r\n".encode() for n in range(40)
        )
        self._drip(head)

    def _drip(self, data: bytes) -> None:
        self.close_connection = True
        for byte in data:
            if self.server.release.wait(TRICKLE_PAUSE):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return  # the client gave up

    def _to(self, path: str) -> None:
        """A redirect to whatever follows /to/ (javascript:..., file:///...)."""
        self._send(302, b"", "text/plain", Location=path.removeprefix("/to/"))

    def _nowhere(self, path: str) -> None:
        self._send(302, b"", "text/plain")  # a redirect that names no address

    def _undeclared(self, path: str) -> None:
        """A page with no charset: ``/undeclared/utf8`` (UTF-8 with one stray byte) or
        ``/undeclared/latin1`` (short Latin-1)."""
        text = ARTICLE.replace("Vienna", "Genève").replace("Wednesday", "Wednesday, said Müller")
        if path.endswith("/latin1"):
            return self._send(200, text.encode("latin-1"), "text/plain")
        body = text.encode()
        return self._send(200, body[:20] + b"\xff" + body[20:], "text/plain")

    def _utf16(self, path: str) -> None:
        """UTF-16 as servers send it: ``/utf16/bom``, ``/utf16/declared`` (big-endian, no
        mark, the charset in the header) or ``/utf16/bare`` (no mark, no charset)."""
        kind = path.rsplit("/", 1)[-1]
        text = ARTICLE.replace("Vienna", "Wien")
        if kind == "bom":
            return self._send(200, text.encode("utf-16"), "text/plain")
        if kind == "declared":
            return self._send(200, text.encode("utf-16-be"), "text/plain; charset=utf-16")
        return self._send(200, text.encode("utf-16-le"), "text/plain")

    def _image(self, path: str) -> None:
        self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png")

    def _untyped_image(self, path: str) -> None:
        self.send_response(200)
        body = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _declared_big(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(200 * 1024 * 1024))
        self.end_headers()
        self.close_connection = True  # the client must refuse on the header alone

    def _stream_big(self, path: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.close_connection = True
        chunk = b"words " * 10_000
        try:
            for _ in range(STREAM_LIMIT // len(chunk)):
                self.wfile.write(chunk)
        except OSError:
            pass  # the client stopped reading at its cap


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.release = threading.Event()
        self.seen_agents: list[str] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


LocalServer = _Server


@contextmanager
def serving(tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    """Run the server on a free port of 127.0.0.1 for the block; ``.url`` is its base URL.
    With ``tls`` (a server context), it speaks HTTPS."""
    server = _Server()
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
        server.url = server.url.replace("http://", "https://")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=HANG_SECONDS)
