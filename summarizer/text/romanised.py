"""Names written family name first: "Chen Shui-bian", "Ban Ki-moon", "Cheung Tze-keung".

Chinese and Korean names in English news put the family name first and romanise the given
name as syllables joined by a hyphen; the article then calls the person by the family name
alone ("Chen said"). Out of its article "Chen said" leaves the reader asking who, as
"Hagel lambasted…" does (``names.py``), and the repair goes after the name, where the given
name stands: "Chen [Shui-bian] said".

Only a hyphenated given name of short syllables counts ("Shui-bian", "Ki-moon"), whose first
syllable opens no English compound (``_PREFIXES``) and whose second ends none
(``_COMPOUNDS``): "West Nile-like", "El Nino-caused" and "President-elect"
are no names. A name romanised without a hyphen ("Zhu Rongji") is not told from two English
words, and is left alone.
"""

from __future__ import annotations

import re

# A given name of two romanised syllables joined by a hyphen: "Shui-bian", "Ki-moon".
_GIVEN = re.compile(r"[A-Z][a-z]{0,5}-[a-z]{1,6}")
# A family name: one short capitalised word ("Chen", "Ban", "Cheung").
_FAMILY = re.compile(r"[A-Z][a-z]{1,5}")
# Words that end an English compound after a name ("Nile-like", "Nino-caused", "Gore-led"):
# the article's own lower-case words cannot tell them, since "Yu-chou" gives "chou" too.
_COMPOUNDS = frozenset(
    {"like", "based", "born", "led", "caused", "style", "type", "era", "made", "wide", "free",
     "elect", "run", "owned", "linked", "related", "bound", "backed", "held", "funded", "sized",
     "shaped", "long", "old", "day", "year", "term", "time", "level", "scale", "class", "area",
     "bred", "grown", "built", "only", "less", "proof", "tied", "friendly"}
)  # fmt: skip
# Words that open an English compound ("Vice-mayor", "Ex-wife", "Co-op"). The article's
# lower-case words cannot tell a syllable either: "Sun Tao-yu" puts "yu" among them.
_PREFIXES = frozenset(
    {"anti", "pre", "non", "co", "ex", "re", "post", "pro", "mid", "self", "well", "all",
     "half", "semi", "vice", "sub", "inter", "multi", "over", "under", "out", "de", "un"}
)  # fmt: skip


def is_given_after(token: str) -> bool:
    """Whether ``token`` is a romanised given name that follows a family name (module
    docstring)."""
    if _GIVEN.fullmatch(token) is None:
        return False
    first, second = token.lower().split("-")
    return first not in _PREFIXES and second not in _COMPOUNDS


def is_family(token: str) -> bool:
    """Whether ``token`` has the form of a family name before a romanised given name."""
    return _FAMILY.fullmatch(token) is not None


def given_of(family: str, words: str) -> str | None:
    """The given name in ``words`` when they are "family given" ("Chen Shui-bian" for
    "Chen"), as ``names`` hands a family-name-first person to the brief; else None."""
    rest = words[len(family) + 1 :] if words.startswith(f"{family} ") else ""
    return rest if _GIVEN.fullmatch(rest) else None


def insert_after(text: str, end: int, given: str) -> str:
    """``text`` with " [given]" at ``end``, where the family name's first bare use ends
    (``names.insert`` finds it), unless the given name follows it there already."""
    if text[end:].lstrip().startswith(given):
        return text
    return f"{text[:end]} [{given}]{text[end:]}"
