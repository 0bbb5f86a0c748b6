"""Markup left in plain text: what a feed or scraper left of HTML, shown as what it stands for.

Part of the cleaning stage (``cleaning._lines`` calls ``plain`` on each raw text before it is
split into lines). Plain-text inputs (a ``.txt`` file, a JSON Lines ``text``, a feed's summary)
carry entities, even escaped twice or with their "&" lost, tags, and the instrument codes and
links of a finance page; a reader would see them as codes.
"""

from __future__ import annotations

import html
import re

from summarizer.reading import safe_text

# Entities a feed left in its plain text, even escaped twice ("&amp;lt;"), and ones whose "&"
# a scraper dropped ("Microsoft #39;s", "quot;Columbia Hills quot;"): the reader sees codes.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LOST_AMP = re.compile(r"( ?)(?<![&\w])(?:#(\d{2,4})|(quot|amp|apos|lt|gt|nbsp));")
_LOST_NAMES = ("quot;", "amp;", "apos;", "lt;", "gt;", "nbsp;")
_LOST_NUMBER = re.compile(r"#\d{2,4};")
# HTML tags left in plain text (or made by decoding "&lt;b&gt;"): inline ones go, block ones
# end a paragraph. Only HTML's own element names, so "x < y and y > z" is not read as markup.
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|cite|em|font|i|small|span|strong|sub|sup|u)(?:\s[^<>]*)?/?>", re.I
)
_BLOCK_TAG = re.compile(
    r"</?(?:blockquote|br|div|h[1-6]|hr|li|ol|p|section|table|td|tr|ul)(?:\s[^<>]*)?/?>", re.I
)
_CONTRACTION = re.compile(r"(?:s|t|d|m|ll|re|ve)\b", re.I)
# A Reuters instrument code after a company's name: "Apple Computer Inc.<AAPL.O> on Tuesday",
# and the links a finance page put beside one: "(SUPG.O: Quote, Profile, Research)".
_TICKER = re.compile(r"\s*<[A-Z0-9]{1,6}\.[A-Z]{1,3}>")
_LINK = r"(?:Quote|Chart|Profile|Research|News|Stock Buzz)"
_QUOTE_LINKS = re.compile(
    rf"\s*\((?:[A-Z0-9]{{1,6}}(?:\.[A-Z]{{1,3}})?:\s*{_LINK}(?:,\s*{_LINK})*|{_LINK}(?:,\s*{_LINK})+)\)"
)


def plain(text: str) -> str:
    """Entities as the characters they stand for; tags, instrument codes and their links
    out."""
    if "&" in text:
        for _ in range(3):  # "&amp;amp;lt;" is as far as feeds are seen to go
            decoded = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
            if decoded == text:
                break
            text = safe_text.text(decoded)  # "&#12;" is a form feed
    # Looked for first: the full pattern tried at every character costs 36 ms a MB.
    if any(name in text for name in _LOST_NAMES) or _LOST_NUMBER.search(text):
        text = _LOST_AMP.sub(_lost_entity, text)
    if any(link in text for link in ("Quote", "Chart", "Profile")):  # else 16 ms a MB
        text = _QUOTE_LINKS.sub("", text)
    if "<" in text:
        text = _BLOCK_TAG.sub("\n\n", _INLINE_TAG.sub("", _TICKER.sub("", text)))
    return text


def _lost_entity(m: re.Match[str]) -> str:
    """The character, joined to its word where it closes a quotation or is an apostrophe."""
    char = html.unescape(f"&#{m[2]};" if m[2] else f"&{m[3]};")
    if len(char) != 1 or char.isalnum() or not (char.isprintable() or char == "\xa0"):
        return m[0]  # "ranked #12;" (a form feed) or "#65;" ("A") is text, not a lost entity
    after = m.string[m.end() : m.end() + 3]
    closes = not after or after[0] in " .,;:!?)]'\""
    if char == "'" and (closes or _CONTRACTION.match(after)):
        return char  # "Jamaica #39;s", "wasn #39;t", "makers #39; efforts", " #39;Longhorn #39;"
    if char == '"' and closes:
        return char  # the closing one of " quot;Columbia Hills quot;"
    return m[1] + char
