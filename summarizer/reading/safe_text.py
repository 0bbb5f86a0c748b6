"""Text from outside (articles, feeds, file names, servers) made safe to write and to show.

Two hazards come in with it. A lone surrogate (``\\ud800`` in JSON, ``&#xD800;`` in a feed, an
undecodable byte in a file name) cannot be encoded as UTF-8, so it would stop the brief when
it is written. Control characters (ESC, BEL, DEL) are invisible in a brief but make its HTML
invalid, and a newline or ESC in a file name would forge or recolour lines on a terminal.
Article text loses them; names keep a visible escape, so the user can still find the file.
"""

from __future__ import annotations

import re

# C0 controls but tab, newline and carriage return; DEL; C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_PAGE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
# What a name may not show as is: every control character, line breaks included.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def text(value: str) -> str:
    """Article text: a lone surrogate becomes U+FFFD, a form feed or vertical tab a line
    break, and every other control character but tab, newline and CR is dropped."""
    value = _SURROGATES.sub("\ufffd", value)  # (``sub`` copies only when it finds one)
    if "\x0b" in value or "\x0c" in value:  # a copy of a 200 MB file only when it must
        value = value.translate(_PAGE_BREAKS)
    return _CONTROLS.sub("", value)


def optional(value: str | None) -> str | None:
    """``text`` for a field that may be missing."""
    return None if value is None else text(value)


def name(value: str) -> str:
    """A file name, URL or reason to show: control characters and undecodable bytes are
    written as escapes (``\\n``, ``\\x1b``, ``\\xff``), everything else is left as it is."""
    return _UNSHOWABLE.sub(_escape, value)


def _escape(found: re.Match[str]) -> str:
    char = found.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return char.encode("unicode_escape").decode("ascii")
