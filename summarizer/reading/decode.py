"""Bytes to text: the one place that decides what encoding an input is in.

Readers get text, never bytes: files and HTTP bodies are decoded here, by their byte order
mark, the charset a server or the document declares, and detection as a last resort
(charset-normalizer, imported only then: 0.01 s of every start, for input that is not UTF-8).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence

from summarizer.errors import UnreadableSource

# How much of an input is looked at to recognise it (a binary file's NULs, a reader's claim).
SNIFF_BYTES = 8192

# Magic numbers of common binary formats users drop into article folders by accident.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"RIFF": "a RIFF media file",
}
# Byte order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, ("utf-32", "utf-16")),
    (codecs.BOM_UTF32_BE, ("utf-32",)),
    (codecs.BOM_UTF16_LE, ("utf-16",)),
    (codecs.BOM_UTF16_BE, ("utf-16",)),
)
_WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")
_WIDE_NAMES = {codecs.lookup(name).name for name in _WIDE}
# Bytes that are not UTF-8 (as ``surrogateescape`` leaves them), and a sequence cut short at
# the end (a lead byte and fewer continuation bytes than it announces).
_ESCAPED = re.compile(r"[\udc80-\udcff]")
_UTF8_CUT = re.compile(rb"(?:[\xc2-\xdf]|[\xe0-\xef][\x80-\xbf]?|[\xf0-\xf4][\x80-\xbf]{0,2})\Z")
# Windows-1252 text: its accented letters, the signs Western news uses, and what marks it as
# another code page (a sign inside a word, a letter Western news does not use, a control).
_WESTERN_LETTERS = "À-ÏÑ-ÖØ-ÜßàáâãäåæçèéêëìíîïñòóôõöøùúûüÿŒœŠšŽž"
_SIGNS = "\u00a0¡¢£¥§©«®°±²´·»¼½¾¿€‚„…†‡‰‹›‘’“”•–—™"
_OTHER = re.compile(f"[^\x00-\x7f{_WESTERN_LETTERS}{_SIGNS}]")
# Icelandic (and Faroese) letters are Turkish ones in Windows-1254 (ð ğ, þ ş, ý ı): they
# count as Western beside the acute vowels Icelandic writes on every line and Turkish never.
_ICELANDIC = re.compile(f"[^\x00-\x7f{_WESTERN_LETTERS}{_SIGNS}ðþýÐÞÝ]")
_ICELANDIC_MARKS = (re.compile("[ðþÐÞ]"), re.compile("[áéíóúÁÉÍÓÚ]"))
# A word of two or more letters, none of them ASCII: Cyrillic, Greek or Hebrew as Windows-1252.
_WORD = re.compile(r"[^\W\d_]+")
_FOREIGN_MARK = re.compile(r"(?<=[^\W\d_])[£¥€¿¡±²¼½¾°§](?=[^\W\d_])")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Pages (DOS, Mac, HP) Western news is not written in, that a detector may rank first for short
# text.
_RARE = re.compile(r"cp437|cp7\d\d|cp8[5-6]\d|cp1125|mac_|hp_roman8")
# The accented letters of the languages written in Latin script in Europe: a reading whose
# accented letters all belong to one of them is a language, not a code page's noise (French
# read as the Baltic page mixes Latvian "ē" with Lithuanian "ą"; Hungarian read as
# Windows-1252 mixes "õ" with "ö", which no language writes together).
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "áàâãçéêíóôõúü",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü",  # Catalan
    "áàâäéèêëíïóôöúûü",  # Dutch
    "åäöé",  # Swedish
    "æøåéóôà",  # Danish, Norwegian
    "äöåšž",  # Finnish
    "áðéíóúýþæö",  # Icelandic
    "äöõüšž",  # Estonian
    "áéíóöőúüű",  # Hungarian
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "čćđšž",  # Croatian, Serbian, Slovene
    "ăâîșşțţ",  # Romanian
    "çğıöşüâîû",  # Turkish
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
)
# Signs that may touch a word: quotes, dashes, and the Spanish opening marks and currencies
# before one; any other sign glued to a letter is a letter read in the wrong page.
_BESIDE_WORDS = "‘’“”«»„‚‹›–—…•·"
_BEFORE_WORDS = _BESIDE_WORDS + "¿¡€£¥"
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:\-]{2,40})""")


def decode(data: bytes, charset: str | None = None) -> str:
    """Bytes to text (``decode_repaired``, without the count of bytes it replaced)."""
    return decode_repaired(data, charset)[0]


def decode_repaired(data: bytes, charset: str | None = None) -> tuple[str, int]:
    """Bytes to text, and how many bytes that were not UTF-8 it replaced with U+FFFD.

    By its byte order mark, else UTF-16 or UTF-32 when the server says so or charset-normalizer
    finds it (such text is full of NUL bytes, which otherwise mean a binary file), else UTF-8
    when it is or mostly is (a stray byte or a cut last character is replaced, not a reason to
    read every accent as a legacy code page), else the charset the input declares (an HTTP
    header, a ``<meta charset>`` or an XML declaration), else Windows-1252 when it reads as
    Western text, else what charset-normalizer detects."""
    if not data.strip():
        return "", 0
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UnreadableSource(f"binary file ({kind})")
    for bom, names in _BOMS:
        if data.startswith(bom):
            return _decoded_as(data, names), 0
    wide = _is_wide(charset)
    if wide or b"\x00" in data[:SNIFF_BYTES]:
        return _wide(data, charset if wide else None), 0
    utf8 = _utf8(data)
    if utf8 is not None:
        return utf8
    return _legacy(data, charset), 0


def _wide(data: bytes, charset: str | None) -> str:
    """UTF-16 or UTF-32 text, found by charset-normalizer or as the server declared it."""
    from charset_normalizer import from_bytes  # here: UTF-8 text (most) never needs it

    match = from_bytes(data, cp_isolation=list(_WIDE)).best()
    if match is not None:
        return str(match)
    if charset is None:
        raise UnreadableSource("binary file")
    return _decoded_as(data, (charset,))


def _utf8(data: bytes) -> tuple[str, int] | None:
    """The text as UTF-8 and the bytes replaced, when it is mostly UTF-8; else None.

    Legacy text almost never forms valid multi-byte sequences: at least three in five of its
    non-ASCII bytes are invalid as UTF-8 (CJK pages; every one in Western, Cyrillic or Greek
    ones). A file where at most one in three is, or whose only fault is a last character cut
    short (an incomplete sequence at the very end), is UTF-8 with a few bad bytes."""
    try:
        return data.decode("utf-8-sig"), 0
    except UnicodeDecodeError:
        pass
    body = data.rstrip(b" \t\r\n")
    cut = _UTF8_CUT.search(body)
    end = cut.start() if cut else len(body)
    escaped = body[:end].decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    foreign = sum(byte >= 0x80 for byte in body[:end])
    evident = foreign > bad or (cut is not None and cut.end() - cut.start() > 1)
    if not evident or bad * 3 > foreign:
        return None
    text = data.decode("utf-8-sig", "replace")
    return text, bad + (len(cut[0]) if cut else 0)


def _is_wide(charset: str | None) -> bool:
    """Whether a declared charset is UTF-16 or UTF-32 (in any spelling Python knows)."""
    try:
        return bool(charset) and codecs.lookup(str(charset)).name in _WIDE_NAMES
    except LookupError:
        return False


def _decoded_as(data: bytes, names: Sequence[str]) -> str:
    for name in names:
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise UnreadableSource(f"not valid {names[0].upper()} text")


def _legacy(data: bytes, charset: str | None) -> str:
    """Text that is not UTF-8: in the charset it declares, else Windows-1252 when that reads
    as Western text, else in what charset-normalizer detects."""
    declared = _DECLARED_CHARSET.search(data[:1024])
    for name in (charset, declared[1].decode("ascii") if declared else None):
        if name:
            try:
                return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                continue
    return _detected(data, _western(data))


def _western(data: bytes) -> str | None:
    """The text in Windows-1252 when it reads as Western text, else None.

    Legacy Western news files are in Windows-1252 (which reads Latin-1 the same). Text in
    another page shows itself there: Cyrillic, Greek or Arabic as words of accented letters
    only, Polish or Turkish as ``³``, ``¿`` or ``ý`` inside words."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    icelandic = all(mark.search(text) for mark in _ICELANDIC_MARKS)
    other = _ICELANDIC if icelandic else _OTHER
    if _CONTROL.search(text) or _FOREIGN_MARK.search(text) or other.search(text):
        return None
    accented = [word for word in _WORD.findall(text) if not word.isascii()]
    foreign = sum(len(word) > 1 and not any(char.isascii() for char in word) for word in accented)
    return text if foreign * 3 <= len(accented) and foreign < 3 else None


def _detected(data: bytes, western: str | None) -> str:
    """The reading whose accented letters are one language's: Windows-1252 when the text reads
    as Western and so, else the first such among charset-normalizer's readings in Latin script,
    else charset-normalizer's first choice (or Windows-1252 where that finds no less noise).

    A detector's measure of noise misleads on short text: French read as the Baltic page
    ("franēais … ą Genčve") scores as less noisy than French, and short Latin-1 as a Central
    European page ("Franńois M³ller"); but no language writes "ē" beside "ą", and a Hungarian
    ``ő`` read as Windows-1252 (``õ`` beside ``ö``) is no language either. DOS and Mac pages
    (and HP Roman-8) are no rivals: "£600m — (€700m)" reads without noise in DOS's cp437 too."""
    from charset_normalizer import from_bytes  # here: UTF-8 text (most) never needs it

    matches = list(from_bytes(data))
    if not matches:
        if western is not None:
            return western
        raise UnreadableSource("binary file or unknown text encoding")
    if western is not None and _one_language(western):
        return western
    if _latin(str(matches[0])):  # before any reading is checked: Cyrillic needs none
        readable = (m for m in matches if not _RARE.match(m.encoding) and _one_language(str(m)))
        if (reading := next(readable, None)) is not None:
            return str(reading)
    if western is None:
        return str(matches[0])
    rival = next((match for match in matches if not _RARE.match(match.encoding)), matches[0])
    cp1252 = next((match for match in matches if match.encoding == "cp1252"), None)
    return str(rival) if cp1252 and cp1252.percent_chaos > rival.percent_chaos else western


def _one_language(text: str) -> bool:
    """Whether the text's accented letters are all letters of one European language, with no
    sign glued to a word ("powiedzia³", "£odzi": Polish read in the wrong page)."""
    if _glued(text):
        return False
    accented = {char for char in text.lower() if char.isalpha() and not char.isascii()}
    return any(accented <= set(alphabet) for alphabet in _ALPHABETS)


def _latin(text: str) -> bool:
    """Whether every letter of the text is a Latin one (the text is no Cyrillic or Greek)."""
    return all(
        char.isascii() or "LATIN" in unicodedata.name(char, "") for char in text if char.isalpha()
    )


def _glued(text: str) -> bool:
    """Whether a sign that is no letter sits inside or at the end of a word ("zia³ we")."""
    for before, char, after in zip(" " + text[:-1], text, text[1:] + " ", strict=True):
        if char.isascii() or char.isalpha():
            continue
        if (before.isalpha() and char not in _BESIDE_WORDS) or (
            after.isalpha() and char not in _BEFORE_WORDS
        ):
            return True
    return False
