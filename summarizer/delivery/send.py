"""Send the brief by SMTP, retrying what may pass on a second try and nothing else.

Every way a send can fail becomes one ``SendError`` line that says what happened and where.
Transient failures (connection refused, timeout, a dropped connection, a 4xx reply) are
retried a bounded number of times with a doubling pause; TLS, authentication and permanent
(5xx) recipient failures are not, as they would fail the same way again. A recipient refused
for now (4xx to RCPT, such as 451) is retried alone, so nobody already accepted gets the
message twice. Once the message itself has gone out (after the server's 354 to DATA) nothing
is retried: the server may have taken it even if its answer never came; a connection lost
before the 354 lost nothing, and is retried. A server that takes the connection but never
greets is waited for once, ``timeout`` seconds, not once per retry: it is no SMTP server (or
the wrong port). A message over ``MAX_MESSAGE_MB`` is not sent at all, as most servers refuse
it after the upload and many mailboxes would. Sending only reads the brief.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from summarizer.config import EmailSettings, smtp_password
from summarizer.delivery.mail import PLACEHOLDER_SENDER, POLICY, build_message, write_eml
from summarizer.delivery.stored import StoredBrief
from summarizer.errors import ConfigError, SendError

_LOOPBACK = {"localhost", "127.0.0.1", "::1"}
MAX_MESSAGE_MB = 10  # the common limit of mail servers and mailboxes (Exchange's default)
NOTICE_AFTER = 2.0  # seconds of silence before stderr says what is being waited for
Notice = Callable[[str], None]


def _stderr(line: str) -> None:
    print(f"brief: {line}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Server:
    """One SMTP server and how to reach it; the password comes from the environment."""

    host: str
    port: int
    security: str
    timeout: float
    user: str | None = None
    password: str | None = None
    ca_file: Path | None = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def server_from(settings: EmailSettings, where: str) -> Server:
    """Check the settings a real send needs and resolve the password."""
    if settings.host is None:
        raise ConfigError(f"{where}: email.host: not set; give the SMTP server to send through")
    password = smtp_password(settings, where)
    if password and settings.security == "none" and settings.host not in _LOOPBACK:
        raise ConfigError(f"{where}: email.security: 'none' would send the password "
                          "unencrypted; use starttls or tls")  # fmt: skip
    if settings.ca_file is not None and not settings.ca_file.is_file():
        raise ConfigError(f"{where}: email.ca_file: no such file: {settings.ca_file}")
    return Server(
        host=settings.host,
        port=settings.server_port,
        security=settings.security,
        timeout=settings.timeout,
        user=settings.user,
        password=password,
        ca_file=settings.ca_file,
    )


def _tls_context(server: Server) -> ssl.SSLContext:
    """Certificates are always verified; ``ca_file`` trusts a private CA instead of the system's."""
    cafile = str(server.ca_file) if server.ca_file else None
    return ssl.create_default_context(cafile=cafile)


class _Client(smtplib.SMTP):
    """smtplib's client, noting how far it got: connected, greeted, DATA sent, and the 354
    that lets the message itself go out (from then on, no retry)."""

    reached = False
    greeted = False
    data_sent = False
    message_sent = False

    def connect(
        self, host: str = "localhost", port: int = 0, source_address: Any = None
    ) -> tuple[int, bytes]:
        self._host = host  # the name TLS checks, which smtplib sets only when it connects itself
        return super().connect(host, port, source_address)

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        """smtplib's own connection (it has no hook for "connected"), then noted."""
        sock = socket.create_connection((host, port), timeout, self.source_address)
        self.reached = True
        return sock

    def getreply(self) -> tuple[int, bytes]:
        reply = super().getreply()
        self.greeted = True
        self.message_sent = self.message_sent or (self.data_sent and reply[0] == 354)
        return reply

    def data(self, msg: Any) -> tuple[int, bytes]:
        self.data_sent = True
        return super().data(msg)


class _TLSClient(_Client, smtplib.SMTP_SSL):
    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        """Connected once TCP is, so a TLS handshake that never ends is a silent server's."""
        sock = _Client._get_socket(self, host, port, timeout)
        return self.context.wrap_socket(sock, server_hostname=host)


def _connect(server: Server, notice: Notice) -> _Client:
    """Connect, be greeted and secure; after ``NOTICE_AFTER`` s of silence say what for."""
    client = (
        _TLSClient(timeout=server.timeout, context=_tls_context(server))
        if server.security == "tls"
        else _Client(timeout=server.timeout)
    )
    timer = threading.Timer(NOTICE_AFTER, lambda: notice(_waiting(client, server)))
    timer.daemon = True
    timer.start()
    try:
        client.connect(server.host, server.port)
        if server.security == "starttls":
            client.ehlo()
            client.starttls(context=_tls_context(server))
            client.ehlo()
    except BaseException as exc:
        client.close()
        if client.reached and not client.greeted and _timed_out(exc):
            raise _silent(server) from exc
        raise
    finally:
        timer.cancel()
    return client


def _waiting(client: _Client, server: Server) -> str:
    if not client.reached:
        what = f"connecting to {server}"
    elif not client.greeted:
        what = f"waiting for {server} to greet (it took the connection but says nothing)"
    else:
        what = f"waiting for {server} to answer"
    return f"{what}; giving up after {server.timeout:g} s"


def _silent(server: Server) -> SendError:
    """Not retried: waiting again would only double the wait; such a server is no SMTP server."""
    hint = (
        '465 wants security = "tls"'
        if server.port == 465 and server.security != "tls"
        else "is it the SMTP port?"
    )
    return SendError(
        f"{server}: connected, but no SMTP greeting within {server.timeout:g} s ({hint}); "
        "not sent, not retried"
    )


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {' '.join(words.split())}".strip()


Refusals = dict[str, tuple[int, bytes]]


def _send_once(
    message: EmailMessage, server: Server, envelope: Sequence[str], notice: Notice = _stderr
) -> Refusals:
    """One attempt: connect, secure, log in, send; return the recipients refused."""
    client = _connect(server, notice)
    try:
        if server.user and server.password:
            client.login(server.user, server.password)
        try:
            return client.send_message(message, to_addrs=list(envelope))
        except smtplib.SMTPRecipientsRefused as exc:  # every one refused: nothing was sent
            return dict(exc.recipients)
    except (OSError, smtplib.SMTPException) as exc:
        failure = classify(exc, server)
        if client.message_sent:
            raise SendError(f"{failure}; not retried, as the message had been sent") from exc
        if client.data_sent and failure.transient:
            lost = f"{failure} at DATA, before the message went out: not sent, safe to send again"
            raise SendError(lost, transient=True) from exc
        raise
    finally:
        _quit(client)


def _quit(client: smtplib.SMTP) -> None:
    """Say goodbye if the connection still stands; a failure here changes nothing sent."""
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


def _timed_out(exc: BaseException) -> bool:
    """smtplib reports a read timeout as a lost connection; the cause says which it was."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, TimeoutError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "timed out" in str(exc)


def _smtp_failure(exc: smtplib.SMTPException, server: Server) -> SendError:
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return SendError(f"{server}: authentication failed for {server.user}: {reply}")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        names = "; ".join(f"{a} ({_reply(*r)})" for a, r in exc.recipients.items())
        return SendError(f"{server}: every recipient was refused: {names}")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return SendError(f"{server}: {' '.join(str(exc).split())}")
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        if _timed_out(exc):
            return SendError(f"{server}: no answer within {server.timeout:g} s", transient=True)
        return SendError(f"{server}: the server closed the connection", transient=True)
    if isinstance(exc, smtplib.SMTPResponseException):
        reply = _reply(exc.smtp_code, exc.smtp_error)
        return SendError(f"{server}: the server refused: {reply}", transient=exc.smtp_code < 500)
    return SendError(f"{server}: {' '.join(str(exc).split()) or type(exc).__name__}")


def classify(exc: Exception, server: Server) -> SendError:
    """One line for any failure of one attempt, marked transient when a retry may help."""
    if isinstance(exc, SendError):
        return exc
    if isinstance(exc, ssl.SSLCertVerificationError):
        detail = exc.verify_message or exc.reason or "unknown reason"
        return SendError(f"{server}: TLS failure: certificate verify failed: {detail}")
    if isinstance(exc, ssl.SSLError):
        return SendError(f"{server}: TLS failure: {exc.reason or exc}")
    if isinstance(exc, smtplib.SMTPException):
        return _smtp_failure(exc, server)
    if isinstance(exc, TimeoutError):
        return SendError(f"{server}: no answer within {server.timeout:g} s", transient=True)
    if isinstance(exc, ConnectionRefusedError):
        return SendError(f"{server}: cannot connect: connection refused", transient=True)
    if isinstance(exc, OSError):
        reason = exc.strerror or " ".join(str(exc).split()) or type(exc).__name__
        return SendError(f"{server}: cannot connect: {reason}", transient=True)
    raise exc


def send_message(
    message: EmailMessage,
    server: Server,
    recipients: Sequence[str],
    *,
    retries: int = 2,
    retry_delay: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
    notice: Notice = _stderr,
) -> int:
    """Send, retrying transient failures up to ``retries`` times; return the attempts made.
    Recipients refused for now (4xx) are tried again alone, those refused for good (5xx) not;
    raises ``SendError`` naming every recipient still refused at the end."""
    pending = [addr for _, addr in getaddresses(list(recipients))]
    final: Refusals = {}
    last: Refusals = {}
    attempt = 0
    for attempt in range(1, retries + 2):
        try:
            refused = _send_once(message, server, pending, notice)
        except (OSError, smtplib.SMTPException, SendError) as exc:
            failure = classify(exc, server)
            if not failure.transient or attempt > retries:
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise SendError(f"{failure}{tries}", transient=failure.transient) from exc
            why = str(failure)
        else:
            final |= {addr: reply for addr, reply in refused.items() if reply[0] >= 500}
            pending = [addr for addr, reply in refused.items() if reply[0] < 500]
            if not pending or attempt > retries:
                last = {addr: refused[addr] for addr in pending}
                break
            why = f"{server}: {len(pending)} recipient(s) refused for now"
        pause = retry_delay * 2 ** (attempt - 1)
        notice(f"{why}; trying again in {pause:g} s (attempt {attempt + 1} of {retries + 1})")
        sleep(pause)
    if final or last:
        raise _refusal(server, len(recipients), final | last, attempt, transient=bool(last))
    return attempt


def _refusal(
    server: Server, total: int, refused: Refusals, attempts: int, *, transient: bool
) -> SendError:
    names = "; ".join(f"{addr} ({_reply(*reply)})" for addr, reply in refused.items())
    tries = f" (after {attempts} attempts)" if attempts > 1 else ""
    if len(refused) >= total:
        return SendError(
            f"{server}: every recipient was refused: {names}{tries}", transient=transient
        )
    sent = total - len(refused)
    return SendError(
        f"{server}: sent to {sent} of {total}; refused: {names}{tries}", transient=transient
    )


def send_brief(
    stored: StoredBrief,
    settings: EmailSettings,
    *,
    where: str = "settings",
    templates: Path | None = None,
    eml: Path | None = None,
) -> str:
    """Email the brief (or, with ``eml``, write the message there); say what was done."""
    recipients = settings.to
    dry_run = eml is not None
    message = build_message(stored, settings, where=where, templates=templates, dry_run=dry_run)
    date = stored.brief.date.isoformat()
    if eml is not None:
        write_eml(message, eml)
        note = "not sent"
        if message["From"] == PLACEHOLDER_SENDER:
            note += f"; From is {PLACEHOLDER_SENDER}, as email.from is not set"
        return f"wrote the {date} email for {len(recipients)} recipient(s) to {eml} ({note})"
    server = server_from(settings, where)
    _check_size(message, stored)
    attempts = send_message(
        message, server, recipients, retries=settings.retries, retry_delay=settings.retry_delay
    )
    tries = f" after {attempts} attempts" if attempts > 1 else ""
    return (
        f"emailed the {date} brief to {len(recipients)} recipient(s) "
        f"via {server} ({server.security}){tries}"
    )


def _check_size(message: EmailMessage, stored: StoredBrief) -> None:
    """Refuse, before connecting, a message most servers would refuse after the upload."""
    size = len(message.as_bytes(policy=POLICY)) / (1024 * 1024)
    if size > MAX_MESSAGE_MB:
        raise SendError(
            f"the {stored.brief.date.isoformat()} email is {size:.1f} MB, over the "
            f"{MAX_MESSAGE_MB} MB mail servers and mailboxes take: not sent; publish it "
            f"instead (brief publish {stored.json_path}) and send its address"
        )
