"""Real SMTP servers on 127.0.0.1 for the tests: aiosmtpd in a thread, and misbehaving ones.

Every server here listens on a port the OS picks, only on the loopback address, and is shut
down when its ``with`` block ends.
"""

from __future__ import annotations

import asyncio
import socket
import socketserver
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

HOST = "127.0.0.1"


@dataclass(frozen=True)
class Received:
    """One message as the server got it: the envelope, the raw bytes and the parsed message."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    raw: bytes
    message: EmailMessage
    tls: bool
    authenticated: bool


class Recorder:
    """An aiosmtpd handler that keeps every message and refuses the recipients it is told to:
    ``refuse`` for good (550), ``busy`` for now (451, the given number of times each).
    ``answer_after`` seconds pass between taking a message and saying so (a slow server)."""

    def __init__(
        self,
        refuse: frozenset[str] = frozenset(),
        busy: dict[str, int] | None = None,
        answer_after: float = 0.0,
    ) -> None:
        self.refuse = refuse
        self.busy = dict(busy or {})
        self.answer_after = answer_after
        self.received: list[Received] = []

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 <" + address + ">: no such user here"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.7.1 <" + address + ">: greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        raw = bytes(envelope.original_content or envelope.content)
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(parsed, EmailMessage)
        self.received.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                raw=raw,
                message=parsed,
                tls=session.ssl is not None,
                authenticated=bool(session.authenticated),
            )
        )
        if self.answer_after:
            await asyncio.sleep(self.answer_after)  # the message is taken; the answer is late
        return "250 Message accepted for delivery"


class _Users:
    """Accepts exactly the given user name and password."""

    def __init__(self, users: dict[str, str]) -> None:
        self.users = users

    def __call__(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if isinstance(auth_data, LoginPassword):
            login = auth_data.login.decode()
            ok = self.users.get(login) == auth_data.password.decode()
            return AuthResult(success=ok, handled=False)
        return AuthResult(success=False, handled=False)


class _Controller(Controller):
    """aiosmtpd's threaded controller, on a port the OS picks (port 0) without a race."""

    def _trigger_server(self) -> None:
        if self.port == 0 and isinstance(self.server, asyncio.Server):
            self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()  # type: ignore[no-untyped-call]


@dataclass(frozen=True)
class Server:
    port: int
    recorder: Recorder


@contextmanager
def smtp_server(
    *,
    refuse: frozenset[str] = frozenset(),
    busy: dict[str, int] | None = None,
    answer_after: float = 0.0,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
    users: dict[str, str] | None = None,
) -> Iterator[Server]:
    """A running aiosmtpd; ``starttls`` offers (and requires) STARTTLS with that context."""
    recorder = Recorder(refuse, busy, answer_after)
    kwargs: dict[str, Any] = {}
    if starttls is not None:
        kwargs.update(tls_context=starttls, require_starttls=True)
    if users is not None:
        kwargs.update(authenticator=_Users(users), auth_require_tls=starttls is not None)
    controller = _Controller(
        recorder, hostname=HOST, port=0, ssl_context=implicit_tls, ready_timeout=10, **kwargs
    )
    controller.start()
    try:
        yield Server(controller.port, recorder)
    finally:
        controller.stop()


@contextmanager
def hanging_server() -> Iterator[int]:
    """A port that accepts connections (the kernel completes them) but never says a word."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind((HOST, 0))
        listener.listen(8)
        yield listener.getsockname()[1]


class _Dropper(socketserver.StreamRequestHandler):
    """Greets, says 250 to every command, and hangs up without a word at ``drop_on``."""

    server: _DroppingServer

    def handle(self) -> None:
        self.server.connections += 1
        self.wfile.write(b"220 dropper.example ESMTP\r\n")
        for line in self.rfile:
            verb = line.split()[0].upper() if line.split() else b""
            if verb == self.server.drop_on:
                return  # the connection closes with the command unanswered
            self.wfile.write(b"221 Bye\r\n" if verb == b"QUIT" else b"250 OK\r\n")
            if verb == b"QUIT":
                return


class _DroppingServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    connections = 0
    drop_on = b"DATA"


@contextmanager
def dropping_server(drop_on: bytes = b"DATA") -> Iterator[_DroppingServer]:
    """A real SMTP conversation that ends when the client sends ``drop_on``: the server closes
    the connection instead of answering (a crash, a proxy's idle cut, a filter that gives up).
    ``connections`` counts the attempts."""
    with _DroppingServer((HOST, 0), _Dropper) as server:
        server.drop_on = drop_on
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield server
        finally:
            server.shutdown()


def closed_port() -> int:
    """A port nothing listens on: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Certificates:
    """A test CA (its PEM file is what the client trusts) and a server context it signed."""

    ca_file: Path
    server_context: ssl.SSLContext


def make_certificates(folder: Path) -> Certificates:
    ca = trustme.CA()
    cert = ca.issue_cert(HOST, "localhost")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(context)
    ca_file = folder / "test-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return Certificates(ca_file, context)
