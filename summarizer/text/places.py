""" "Here" in a wire report: the city its dateline named, which the brief says in brackets.

A wire report opens "NAIROBI, Kenya (AP) _ Police said Saturday that seven people had been
arrested in the bombing of the U.S. Embassy here", and cleaning takes the dateline off
(``Article.place`` keeps its city). Alone in a brief, "the U.S. Embassy here" says nowhere;
so such a sentence could not be shown, and the news services that write "said here today"
in every lead (Xinhua's reports of a meeting, a visit, a ruling) had no opening a brief could
print. With the city known, the brief prints "the U.S. Embassy here [in Nairobi]": the words
are the reporter's, the place the dateline's, marked as the brief's as names are.
"""

from __future__ import annotations

import re

from summarizer.text.quotes import quotations_blanked

# The anchor under which a sentence's ``names`` carry the place (``Sentence.names``).
HERE = "here"
# "here" as a place, outside quotations: before punctuation, a time or place word or what
# was said ("signed here on Thursday", "said here today", "a report issued here Thursday",
# "warnings here that…", "the embassy here."), not "here is" or "here and now".
PATTERN = (
    r"\bhere\b(?=\s*[.,;:]|\s+(?:on|in|at|this|last|today|yesterday|tonight|that|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b)"
)
_HERE = re.compile(PATTERN)


def where(text: str) -> list[int]:
    """Where ``text`` says "here" for its place, outside its quotations: the end of each."""
    if HERE not in text:
        return []  # most sentences
    return [m.end() for m in _HERE.finditer(quotations_blanked(text))]


def named(text: str, place: str) -> str | None:
    """``text`` with each place's "here" replaced by "in ``place``" (what a reader will
    read), to judge whether it then stands alone; None when it has no such "here"."""
    ends = where(text)
    if not ends:
        return None
    out, start = [], 0
    for end in ends:
        out.append(text[start : end - len(HERE)] + f"in {place}")
        start = end
    return "".join(out) + text[start:]


def insert(text: str, words: str) -> str:
    """``text`` with "[words]" after its first place's "here": "the embassy here [in Nairobi]"."""
    ends = where(text)
    if not ends:
        return text
    return f"{text[: ends[0]]} [{words}]{text[ends[0] :]}"
