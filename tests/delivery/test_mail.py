"""The email message: both parts, inlined styles, right headers, and no way to inject one."""

from __future__ import annotations

import datetime as dt
from email import message_from_bytes, policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from summarizer.config import EmailSettings
from summarizer.delivery.mail import (
    build_message,
    inline_css,
    markdown_to_text,
    subject_line,
    write_eml,
)
from summarizer.delivery.stored import StoredBrief
from summarizer.errors import ConfigError
from summarizer.models import Brief
from summarizer.output.render import Renderer
from tests.conftest import HOSTILE_TEXT, make_brief
from tests.htmlcheck import assert_good_page, assert_styles_inlined

DAY = dt.date(2025, 6, 25)
SETTINGS = EmailSettings(
    sender="Daily Brief <brief@example.org>",
    to=("ann@example.org", "Zoë SS <zoe@example.org>"),
    list_unsubscribe=("mailto:leave@example.org", "https://example.org/leave"),
)


def stored(brief: Brief | None = None) -> StoredBrief:
    brief = brief or make_brief()
    renderer = Renderer()
    markdown = renderer.markdown(brief)
    return StoredBrief(Path("b/2025-06-25.json"), brief, markdown, renderer.html(brief, markdown))


def parts(message: EmailMessage) -> tuple[str, str]:
    text = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
    return text.get_content(), html.get_content()


def test_subject_fields_and_one_line() -> None:
    assert subject_line("{title} — {long_date}", "Brief", DAY) == (
        "Brief — Wednesday, 25 June 2025"
    )
    assert subject_line("[{date}] {title}", "Two\r\nlines\tand\n\nmore", DAY) == (
        "[2025-06-25] Two lines and more"
    )


def test_plain_text_reads_as_text() -> None:
    text = markdown_to_text(stored().markdown)
    lines = text.splitlines()
    assert lines[:2] == ["NATO summit in The Hague", "=" * len("NATO summit in The Hague")]
    assert "Diplomacy\n---------" in text
    assert "- Zelenskyy and Trump met for 50 minutes." in text
    assert "Reuters <https://www.reuters.com/world/nato-summit>" in text
    assert " ".join(HOSTILE_TEXT.split()) in " ".join(text.split())  # literally, not as markup
    assert "\\" not in text and "&amp;" not in text and "&lt;" not in text
    assert max(len(line) for line in lines if " " in line) <= 76


def test_inlined_html_keeps_only_at_rules_in_style() -> None:
    html = inline_css(stored().html, "@media (prefers-color-scheme: dark) { a { color: red } }")
    assert_styles_inlined(html)
    assert "prefers-color-scheme: dark" in html


def test_message_is_multipart_alternative_with_both_parts() -> None:
    message = build_message(stored(), SETTINGS)
    assert message.get_content_type() == "multipart/alternative"
    types = [part.get_content_type() for part in message.iter_parts()]
    assert types == ["text/plain", "text/html"]  # the last part is the preferred one
    text, html = parts(message)
    assert "Zelenskyy and Trump met for 50 minutes." in text
    assert_good_page(html)
    assert_styles_inlined(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html  # the hostile item arrives as text


def test_headers_are_right_and_encoded() -> None:
    now = dt.datetime(2025, 6, 25, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    message = build_message(stored(make_brief(title="Ukraine: Zoë’s brief")), SETTINGS, now=now)
    raw = message.as_bytes()
    assert raw.isascii()  # every non-ASCII header is RFC 2047 encoded
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == "Ukraine: Zoë’s brief — Wednesday, 25 June 2025"
    assert parsed["From"].addresses[0].addr_spec == "brief@example.org"
    assert [a.addr_spec for a in parsed["To"].addresses] == ["ann@example.org", "zoe@example.org"]
    assert parsed["To"].addresses[1].display_name == "Zoë SS"
    assert parsedate_to_datetime(parsed["Date"]) == now
    assert parsed["Message-ID"].startswith("<") and parsed["Message-ID"].endswith("@example.org>")
    assert parsed["List-Unsubscribe"] == "<mailto:leave@example.org>, <https://example.org/leave>"
    assert parsed["MIME-Version"] == "1.0"


def test_each_message_has_its_own_id_and_no_unsubscribe_unless_configured() -> None:
    bare = EmailSettings(sender="brief@example.org", to=("ann@example.org",))
    first, second = build_message(stored(), bare), build_message(stored(), bare)
    assert first["Message-ID"] != second["Message-ID"]
    assert "List-Unsubscribe" not in first


def test_a_title_with_line_breaks_cannot_add_headers() -> None:
    evil = make_brief(title="Brief\r\nBcc: victim@evil.test\r\n\r\n<b>body</b>")
    message = build_message(stored(evil), SETTINGS)
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed["Bcc"] is None
    assert parsed["Subject"].startswith("Brief Bcc: victim@evil.test <b>body</b> — ")
    header_block = message.as_bytes().split(b"\r\n\r\n", 1)[0]
    assert not any(line.startswith(b"Bcc") for line in header_block.split(b"\r\n"))


@pytest.mark.parametrize(
    "recipient", ["ann@example.org\r\nBcc: victim@evil.test", "not an address", ""]
)
def test_a_bad_recipient_is_refused_before_anything_is_built(recipient: str) -> None:
    settings = EmailSettings(sender="brief@example.org", to=(recipient,))
    with pytest.raises(ConfigError, match=r"email.to: "):
        build_message(stored(), settings)


def test_sender_and_recipients_are_required() -> None:
    with pytest.raises(ConfigError, match=r"email.from: not set"):
        build_message(stored(), EmailSettings(to=("ann@example.org",)))
    with pytest.raises(ConfigError, match=r"email.to: no recipients"):
        build_message(stored(), EmailSettings(sender="brief@example.org"))


def test_a_dry_run_needs_no_sender_and_says_its_from_is_a_placeholder() -> None:
    settings = EmailSettings(to=("ann@example.org",))
    message = build_message(stored(), settings, dry_run=True)
    assert message["From"] == "email-from-not-set@example.invalid"
    assert message["Message-ID"].endswith("@example.invalid>")
    with pytest.raises(ConfigError, match=r"email.from: not set"):  # a real send still needs it
        build_message(stored(), settings)


def test_eml_file_parses_back_to_the_same_message(tmp_path: Path) -> None:
    message = build_message(stored(), SETTINGS)
    path = write_eml(message, tmp_path / "out" / "brief.eml")
    parsed = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed["Subject"] == message["Subject"]
    assert b"\r\n" in path.read_bytes()  # SMTP line endings, as a mail client expects
    unix = [part.replace("\r\n", "\n") for part in parts(parsed)]
    assert unix == list(parts(message))
