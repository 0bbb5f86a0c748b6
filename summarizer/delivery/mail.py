"""Turn a stored brief into an email message that mail clients show as the reader expects.

Mail clients drop ``<style>`` blocks, external CSS and scripts, so the HTML part carries every
style inline (css-inline resolves the CSS variables too); only ``@media`` rules, which cannot be
inlined, stay in a ``<style>`` block, and clients that ignore them still get the full light
look. The plain-text part is the Markdown rendered and flattened to readable text. Headers are
built by the standard library's email policy from single-line values, so article text or a
title with line breaks can never add a header of its own.
"""

from __future__ import annotations

import datetime as dt
import email.policy
import re
import textwrap
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from html.parser import HTMLParser
from pathlib import Path

import css_inline

from summarizer.config import EmailSettings
from summarizer.config.values import address
from summarizer.delivery.stored import StoredBrief
from summarizer.errors import ConfigError, TemplateError
from summarizer.output.render import iso_date, long_date, markdown_to_html
from summarizer.runtime.resources import default_templates_dir
from summarizer.storage.atomic import atomic_write_text

POLICY = email.policy.SMTP
TEXT_WIDTH = 76
# Dark colours for mail clients that honour prefers-color-scheme; a template users can override.
EMAIL_DARK_CSS = "email-dark.css"
_FIELD = re.compile(r"\{(title|date|long_date)\}")
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
# The From of a dry run's message when email.from is not set: plainly no real address
# (.invalid is reserved, RFC 2606), so a message written only to be looked at needs no sender.
PLACEHOLDER_SENDER = "email-from-not-set@example.invalid"
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "pre", "blockquote"}


def subject_line(template: str, title: str, date: dt.date) -> str:
    """The subject from its template, always on one line whatever the title holds."""
    values = {"title": title, "date": iso_date(date) or "", "long_date": long_date(date)}
    return " ".join(_FIELD.sub(lambda m: values[m.group(1)], template).split())


class _TextWriter(HTMLParser):
    """Flattens the brief's HTML to plain text: underlined headings, dashed list items,
    link targets in angle brackets after their text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._open: list[tuple[str, list[str]]] = []
        self._href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS and not (tag == "p" and self._inside("li")):
            self._open.append((tag, []))
        elif tag == "a":
            self._href.append(dict(attrs).get("href"))
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href:
            href = self._href.pop()
            if href and href.startswith(("http://", "https://", "mailto:")):
                self.handle_data(f" <{href}>")
        elif self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            words = " ".join("".join(parts).split())
            if words:
                self.blocks.append((name, words))

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][1].append(data)

    def _inside(self, tag: str) -> bool:
        return any(name == tag for name, _ in self._open)


def _format_block(kind: str, words: str) -> str:
    if kind == "h1":
        return f"{words}\n{'=' * min(len(words), TEXT_WIDTH)}"
    if kind in {"h2", "h3", "h4", "h5", "h6"}:
        return f"{words}\n{'-' * min(len(words), TEXT_WIDTH)}"
    if kind == "li":
        return textwrap.fill(words, TEXT_WIDTH, initial_indent="- ", subsequent_indent="  ")
    return textwrap.fill(words, TEXT_WIDTH, break_long_words=False, break_on_hyphens=False)


def markdown_to_text(markdown_text: str) -> str:
    """The brief as plain text, from the same Markdown the HTML comes from."""
    writer = _TextWriter()
    writer.feed(markdown_to_html(markdown_text))
    writer.close()
    return "\n\n".join(_format_block(kind, words) for kind, words in writer.blocks) + "\n"


def _template_text(name: str, templates: Path | None) -> str:
    """A packaged text template, or the user's copy of it when their folder has one."""
    for folder in (templates, default_templates_dir()):
        if folder is not None and (folder / name).is_file():
            try:
                return (folder / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise TemplateError(f"cannot read template {folder / name}: {exc}") from exc
    raise TemplateError(f"template {name} not found")


def inline_css(html: str, extra_css: str = "") -> str:
    """Every style moved into ``style`` attributes; only at-rules (dark mode, print) stay."""
    if extra_css.strip():
        style = f"<style>\n{extra_css}\n</style>\n"
        match = _HEAD_END.search(html)
        html = html[: match.start()] + style + html[match.start() :] if match else style + html
    inliner = css_inline.CSSInliner(
        keep_at_rules=True,
        resolve_css_variables=True,
        load_remote_stylesheets=False,
    )
    try:
        return str(inliner.inline(html))
    except ValueError as exc:
        raise TemplateError(f"cannot inline the brief's CSS: {exc}") from exc


def _recipients(recipients: Sequence[str], where: str) -> list[str]:
    if not recipients:
        raise ConfigError(f"{where}: email.to: no recipients; set email.to or pass --to ADDRESS")
    checked = []
    for recipient in recipients:
        try:
            checked.append(address(recipient))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{where}: email.to: {exc}") from None
    return checked


def _sender(settings: EmailSettings, where: str, dry_run: bool = False) -> str:
    sender = settings.sender or settings.user
    if sender is None and dry_run:
        return PLACEHOLDER_SENDER
    if sender is None:
        raise ConfigError(f"{where}: email.from: not set; give the address the brief comes from")
    try:
        return address(sender)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: email.from: {exc}") from None


def check_addresses(
    settings: EmailSettings, where: str = "settings", dry_run: bool = False
) -> tuple[str, list[str]]:
    """The sender and the recipients, checked; an error names the key that is wrong. A dry
    run (a message written to a file) takes ``PLACEHOLDER_SENDER`` when none is set."""
    return _sender(settings, where, dry_run), _recipients(settings.to, where)


def build_message(
    stored: StoredBrief,
    settings: EmailSettings,
    *,
    where: str = "settings",
    templates: Path | None = None,
    now: dt.datetime | None = None,
    dry_run: bool = False,
) -> EmailMessage:
    """A multipart/alternative message to ``settings.to``: plain text, then inlined HTML."""
    sender, recipients = check_addresses(settings, where, dry_run)
    message = EmailMessage(policy=POLICY)
    message["Subject"] = subject_line(settings.subject, stored.brief.title, stored.brief.date)
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.UTC).astimezone())
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].rstrip(">").strip())
    if settings.list_unsubscribe:
        message["List-Unsubscribe"] = ", ".join(f"<{t}>" for t in settings.list_unsubscribe)
    message.set_content(markdown_to_text(stored.markdown), cte="quoted-printable")
    html = inline_css(stored.html, _template_text(EMAIL_DARK_CSS, templates))
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


def write_eml(message: EmailMessage, path: Path) -> Path:
    """Save the message as a ``.eml`` file (what ``--dry-run`` does instead of sending)."""
    atomic_write_text(path, message.as_string(policy=POLICY))
    return path
