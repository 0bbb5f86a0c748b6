"""Quotations in a sentence: what a speaker said, set apart from what the writer says.

Several judgements of a sentence read only the writer's words (who is named, what a
description points back to, whether "also" opens it), so they share one notion of a
quotation: straight or curly double quotes, opened and closed within the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.runtime.workers import item_cache

QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]")


def may_quote(text: str) -> bool:
    """Whether ``text`` has a mark that can open a quotation: without one (most sentences) it
    has none, and the rules that measure quotations can stop before searching."""
    return '"' in text or "“" in text


@item_cache
@lru_cache(maxsize=20_000)
def outside_quotations(text: str) -> str:
    """``text`` with each quotation made one space: the writer's own words. Cached: the
    sentence stage asks it of a sentence up to five times (``sentences.is_standalone``, the
    rules of ``voices``, ``value._mostly_quoted``)."""
    return QUOTATION.sub(" ", text)


def blanked(text: str, fill: str = " ") -> str:
    """``text`` with each quotation replaced by as many ``fill`` characters, so offsets in
    the result are offsets in ``text``."""
    return QUOTATION.sub(lambda m: fill * len(m.group(0)), text)


@item_cache
@lru_cache(maxsize=20_000)
def quotations_blanked(text: str) -> str:
    """``blanked(text)``, cached: a sentence's subject (``descriptions``), the descriptions in
    it that point back (``pointing``) and its "here" (``places``) are all read in it."""
    return blanked(text)
