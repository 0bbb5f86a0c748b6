"""Sending through a real SMTP server on 127.0.0.1 (aiosmtpd), and every way it can fail."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import pytest

from summarizer.config import EmailSettings
from summarizer.delivery import send
from summarizer.delivery.mail import build_message
from summarizer.delivery.send import Server, send_brief, send_message, server_from
from summarizer.delivery.stored import StoredBrief, load_stored
from summarizer.errors import ConfigError, SendError
from summarizer.output.render import Renderer
from summarizer.storage.atomic import write_brief
from tests.conftest import make_brief
from tests.htmlcheck import assert_good_page, assert_styles_inlined
from tests.mailserver import (
    HOST,
    Certificates,
    closed_port,
    dropping_server,
    hanging_server,
    make_certificates,
    smtp_server,
)

TIMEOUT = 1.0  # seconds; every server here is local, so a second is plenty
PASSWORD_ENV = "BRIEF_TEST_SMTP_PASSWORD"


@pytest.fixture
def brief_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "briefs"
    write_brief(folder, "2025-06-25", Renderer().render_all(make_brief()))
    return folder


@pytest.fixture
def stored(brief_dir: Path) -> StoredBrief:
    return load_stored(brief_dir / "2025-06-25.html")


@pytest.fixture
def certs(tmp_path: Path) -> Certificates:
    return make_certificates(tmp_path)


def settings(port: int, **changes: object) -> EmailSettings:
    base = EmailSettings(
        host=HOST,
        port=port,
        security="none",
        sender="Daily Brief <brief@example.org>",
        to=("ann@example.org", "Bo Li <bo@example.org>"),
        timeout=TIMEOUT,
        retries=0,
        retry_delay=0,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_received_message_has_both_parts_inlined_styles_and_right_headers(
    stored: StoredBrief,
) -> None:
    with smtp_server() as server:
        line = send_brief(stored, settings(server.port))
        [got] = server.recorder.received
    assert line.startswith("emailed the 2025-06-25 brief to 2 recipient(s) via 127.0.0.1:")
    assert got.mail_from == "brief@example.org"
    assert got.rcpt_tos == ("ann@example.org", "bo@example.org")
    message = got.message
    assert message["Subject"] == "NATO summit in The Hague — Wednesday, 25 June 2025"
    assert [a.addr_spec for a in message["To"].addresses] == ["ann@example.org", "bo@example.org"]
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert text is not None and html is not None
    assert "- Zelenskyy and Trump met for 50 minutes." in text.get_content()
    assert_good_page(html.get_content())
    assert_styles_inlined(html.get_content())


def test_starttls_with_a_test_certificate_and_a_login(
    stored: StoredBrief, certs: Certificates, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    with smtp_server(starttls=certs.server_context, users={"brief": "s3cret"}) as server:
        mail = settings(server.port, security="starttls", ca_file=certs.ca_file,
                        user="brief", password_env=PASSWORD_ENV)  # fmt: skip
        assert "(starttls)" in send_brief(stored, mail)
        [got] = server.recorder.received
    assert got.tls and got.authenticated
    assert got.message["Subject"].startswith("NATO summit")


def test_implicit_tls(stored: StoredBrief, certs: Certificates) -> None:
    with smtp_server(implicit_tls=certs.server_context) as server:
        send_brief(stored, settings(server.port, security="tls", ca_file=certs.ca_file))
        [got] = server.recorder.received
    assert got.rcpt_tos == ("ann@example.org", "bo@example.org")


def test_server_down_is_retried_a_bounded_number_of_times(
    stored: StoredBrief, brief_dir: Path
) -> None:
    before = snapshot(brief_dir)
    server = server_from(settings(closed_port()), "brief.toml")
    pauses: list[float] = []
    said: list[str] = []
    with pytest.raises(SendError) as caught:
        send_message(build_message(stored, settings(1)), server, ["ann@example.org"],
                     retries=2, retry_delay=0.5, sleep=pauses.append, notice=said.append)  # fmt: skip
    assert str(caught.value).endswith(": cannot connect: connection refused (after 3 attempts)")
    assert caught.value.transient
    assert pauses == [0.5, 1.0]  # doubling pauses, and no pause after the last try
    # every wait is said before it starts: a down server never keeps `send` silent
    assert [line.split("; ", 1)[1] for line in said] == [
        "trying again in 0.5 s (attempt 2 of 3)",
        "trying again in 1 s (attempt 3 of 3)",
    ]
    assert all("cannot connect: connection refused" in line for line in said)
    assert snapshot(brief_dir) == before  # the brief on disk is never touched


def test_wrong_password_is_not_retried(
    stored: StoredBrief, certs: Certificates, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    pauses: list[float] = []
    with smtp_server(starttls=certs.server_context, users={"brief": "s3cret"}) as server:
        mail = settings(server.port, security="starttls", ca_file=certs.ca_file,
                        user="brief", password_env=PASSWORD_ENV)  # fmt: skip
        with pytest.raises(SendError) as caught:
            send_message(build_message(stored, mail), server_from(mail, "x"), mail.to,
                         retries=2, retry_delay=0, sleep=pauses.append)  # fmt: skip
        assert server.recorder.received == []
    assert "authentication failed for brief: 535" in str(caught.value)
    assert not caught.value.transient and pauses == []


def test_a_refused_recipient_fails_and_names_it(stored: StoredBrief) -> None:
    with smtp_server(refuse=frozenset({"gone@example.org"})) as server:
        mail = settings(server.port, to=("ann@example.org", "gone@example.org"), retries=2)
        with pytest.raises(SendError) as caught:
            send_brief(stored, mail)
        [got] = server.recorder.received  # sent once to the others, never repeated
    message = str(caught.value)
    assert "sent to 1 of 2; refused: gone@example.org (550 5.1.1" in message
    assert "attempts" not in message
    assert got.rcpt_tos == ("ann@example.org",)


def test_every_recipient_refused(stored: StoredBrief) -> None:
    with smtp_server(refuse=frozenset({"gone@example.org"})) as server:
        with pytest.raises(SendError, match=r"every recipient was refused: gone@example.org"):
            send_brief(stored, settings(server.port, to=("gone@example.org",)))
        assert server.recorder.received == []


@pytest.mark.parametrize("security", ["none", "tls"])
def test_a_server_that_never_greets_is_waited_for_once_and_said_so(
    stored: StoredBrief,
    security: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(send, "NOTICE_AFTER", 0.1)  # stderr speaks up after 0.1 s, not 2 s
    started = time.monotonic()
    with hanging_server() as port, pytest.raises(SendError) as caught:
        send_brief(stored, settings(port, timeout=0.5, retries=2, security=security))
    assert time.monotonic() - started < 1.4  # one wait, not one per retry (3 x 0.5 s)
    assert str(caught.value) == (
        f"{HOST}:{port}: connected, but no SMTP greeting within 0.5 s (is it the SMTP port?); "
        "not sent, not retried"
    )
    assert capsys.readouterr().err == (
        f"brief: waiting for {HOST}:{port} to greet (it took the connection but says nothing); "
        "giving up after 0.5 s\n"
    )


def test_a_connection_dropped_at_data_is_not_sent_and_is_retried(stored: StoredBrief) -> None:
    with dropping_server(b"DATA") as server, pytest.raises(SendError) as caught:
        send_brief(stored, settings(server.server_address[1], retries=2))
    assert server.connections == 3  # the message never went out, so trying again was safe
    message = str(caught.value)
    assert message.endswith(
        ": the server closed the connection at DATA, before the message went out: not sent, "
        "safe to send again (after 3 attempts)"
    )
    assert "had been sent" not in message
    assert caught.value.transient


def test_an_email_over_the_size_limit_is_refused_before_connecting(
    brief_dir: Path, stored: StoredBrief
) -> None:
    day = "Ministers met in Vienna on Wednesday and agreed to meet again on Friday. " * 150_000
    (brief_dir / "2025-06-25.md").write_text(stored.markdown + "\n" + day + "\n")
    big = load_stored(brief_dir / "2025-06-25.json")
    with dropping_server() as server, pytest.raises(SendError) as caught:
        send_brief(big, settings(server.server_address[1]))
    assert server.connections == 0
    assert re.fullmatch(
        r"the 2025-06-25 email is 1\d\.\d MB, over the 10 MB mail servers and mailboxes take: "
        rf"not sent; publish it instead \(brief publish {re.escape(str(big.json_path))}\) "
        r"and send its address",
        str(caught.value),
    )


def test_an_untrusted_certificate_is_a_tls_failure(
    stored: StoredBrief, certs: Certificates
) -> None:
    with smtp_server(starttls=certs.server_context) as server:
        with pytest.raises(SendError) as caught:
            send_brief(stored, settings(server.port, security="starttls", retries=2))
        assert server.recorder.received == []
    assert "TLS failure: certificate verify failed" in str(caught.value)
    assert "attempts" not in str(caught.value)


def test_starttls_asked_of_a_server_without_it(stored: StoredBrief) -> None:
    with smtp_server() as server, pytest.raises(SendError, match=r"STARTTLS extension not supp"):
        send_brief(stored, settings(server.port, security="starttls"))


def test_dry_run_writes_the_message_and_needs_no_server(
    stored: StoredBrief, tmp_path: Path
) -> None:
    eml = tmp_path / "out.eml"
    line = send_brief(stored, settings(closed_port(), host=None), eml=eml)
    assert line == f"wrote the 2025-06-25 email for 2 recipient(s) to {eml} (not sent)"
    assert b"Subject: NATO summit in The Hague" in eml.read_bytes()


def test_a_dry_run_without_a_sender_says_the_from_is_a_placeholder(
    stored: StoredBrief, tmp_path: Path
) -> None:
    eml = tmp_path / "out.eml"
    line = send_brief(stored, settings(closed_port(), host=None, sender=None), eml=eml)
    assert line.endswith(
        "(not sent; From is email-from-not-set@example.invalid, as email.from is not set)"
    )
    assert b"From: email-from-not-set@example.invalid" in eml.read_bytes()


def test_settings_a_real_send_needs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"^brief.toml: email.host: not set"):
        server_from(settings(25, host=None), "brief.toml")
    monkeypatch.setenv(PASSWORD_ENV, "s3cret")
    remote = settings(25, host="smtp.example.org", user="u", password_env=PASSWORD_ENV)
    with pytest.raises(ConfigError, match=r"would send the password unencrypted"):
        server_from(remote, "brief.toml")
    assert server_from(replace(remote, security="tls"), "x") == Server(
        "smtp.example.org", 25, "tls", TIMEOUT, "u", "s3cret", None
    )
    with pytest.raises(ConfigError, match=r"email.ca_file: no such file"):
        server_from(replace(remote, security="tls", ca_file=tmp_path / "no.pem"), "x")


def test_a_timeout_after_the_message_was_sent_is_never_retried(stored: StoredBrief) -> None:
    with smtp_server(answer_after=1.5) as server:
        mail = settings(server.port, timeout=0.5, retries=2)
        with pytest.raises(SendError) as caught:
            send_brief(stored, mail)
        assert len(server.recorder.received) == 1  # the server has it, once
    message = str(caught.value)
    assert "no answer within 0.5 s; not retried, as the message had been sent" in message
    assert "attempts" not in message
    assert not caught.value.transient


def test_a_recipient_refused_for_now_is_retried_alone(stored: StoredBrief) -> None:
    pauses: list[float] = []
    with smtp_server(busy={"bo@example.org": 1}) as server:
        mail = settings(server.port)
        attempts = send_message(build_message(stored, mail), server_from(mail, "x"), mail.to,
                                retries=2, retry_delay=0.1, sleep=pauses.append)  # fmt: skip
        first, second = server.recorder.received
    assert attempts == 2 and pauses == [0.1]
    assert first.rcpt_tos == ("ann@example.org",)  # ann is never mailed twice
    assert second.rcpt_tos == ("bo@example.org",)


def test_a_recipient_still_refused_for_now_after_the_retries_is_named(
    stored: StoredBrief,
) -> None:
    with smtp_server(busy={"bo@example.org": 9}) as server:
        mail = settings(server.port, retries=1)
        with pytest.raises(SendError) as caught:
            send_message(build_message(stored, mail), server_from(mail, "x"), mail.to,
                         retries=1, retry_delay=0, sleep=lambda _: None)  # fmt: skip
        assert [got.rcpt_tos for got in server.recorder.received] == [("ann@example.org",)]
    assert str(caught.value).endswith(
        "sent to 1 of 2; refused: bo@example.org (451 4.7.1 <bo@example.org>: greylisted, "
        "try again later) (after 2 attempts)"
    )
    assert caught.value.transient


def test_every_recipient_refused_for_now_is_retried(stored: StoredBrief) -> None:
    with smtp_server(busy={"ann@example.org": 1, "bo@example.org": 1}) as server:
        mail = settings(server.port, retries=1, retry_delay=0)
        line = send_brief(stored, mail)
        [got] = server.recorder.received
    assert line.endswith("after 2 attempts")
    assert got.rcpt_tos == ("ann@example.org", "bo@example.org")
