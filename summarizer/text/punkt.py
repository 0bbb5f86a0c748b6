"""NLTK's Punkt with hand-made parameters, asked only where it breaks (``splitting.py``).

A module of its own so that nltk loads when a day's first article is split, not when the
package is imported: a build reads its articles in worker processes first, and this process
loads nltk meanwhile (``sentences.prepare_split``), a tenth of a second of every run hidden
behind the reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from summarizer.text.nltk_lean import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    _re_non_punct,
)

_DOTTED = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")


def _in_re(compiled: Any, flags: int = 0) -> re.Pattern[str]:
    """One of Punkt's own patterns, as ``re`` runs it (``flags`` as nltk gives them). nltk 3.10
    runs every pattern through the third-party ``regex`` engine under a timer (``nltk.redos``,
    a guard against patterns a caller supplies): on Punkt's few fixed patterns a third of
    Punkt's time here. nltk 3.9 compiled them with ``re``; the breaks are the same."""
    return re.compile(compiled.pattern, flags)


_NON_PUNCT = _in_re(_re_non_punct)


class _LanguageVars(PunktLanguageVars):  # type: ignore[misc]
    """Punkt's English word and candidate-period patterns, compiled by ``re``."""

    def __init__(self) -> None:
        super().__init__()
        self._words = _in_re(super()._word_tokenizer_re(), re.VERBOSE)
        self._periods = _in_re(super().period_context_re(), re.VERBOSE)

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        return self._words

    def period_context_re(self) -> re.Pattern[str]:
        return self._periods


class _Token(PunktToken):  # type: ignore[misc]
    """Punkt's token, its tests of a token's form compiled by ``re``."""

    __slots__ = ()
    _RE_ELLIPSIS = _in_re(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _in_re(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _in_re(PunktToken._RE_INITIAL)
    _RE_ALPHA = _in_re(PunktToken._RE_ALPHA)

    @property
    def is_non_punct(self) -> re.Match[str] | None:
        return _NON_PUNCT.search(self.type)


class _AbbreviationSet(set[str]):
    """Punkt's abbreviation lookup, also accepting any dotted initialism (N.Y., D.C., U.S.A.)."""

    def __contains__(self, item: object) -> bool:
        if super().__contains__(item):
            return True
        return isinstance(item, str) and _DOTTED.fullmatch(item) is not None


class Punkt(PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt, asked only where it breaks."""

    def break_periods(self, text: str) -> Iterator[int]:
        """Offsets of the candidate periods Punkt breaks after, each judged on its own token
        as ``debug_decisions`` judges it (``splitting._punkt_breaks`` says why), without
        building that diagnostic record for every candidate: the same decisions at a fraction
        of the cost."""
        for match, context in self._match_potential_end_contexts(text):
            if self.breaks(context):
                yield match.end() - 1

    @lru_cache(maxsize=50_000)  # noqa: B019 - one tokenizer for the process's lifetime
    def breaks(self, context: str) -> bool:
        """Punkt's decision for one candidate, which depends on its context alone ("said.
        The" recurs): cached."""
        tokens = list(self._annotate_first_pass(self._tokenize_words(context)))
        while tokens and not tokens[0].tok.endswith(self._lang_vars.sent_end_chars):
            tokens.pop(0)
        self._second_pass_annotation(tokens[0], tokens[1])
        return bool(tokens[0].sentbreak)


def build(abbreviations: Iterable[str], starters: Iterable[str], labels: Iterable[str]) -> Punkt:
    """Punkt with hand-made parameters (known ``abbreviations``, frequent sentence ``starters``,
    number ``labels`` as in "No. 5"): no training data, no download, same result every run."""
    params = PunktParameters()
    params.abbrev_types = _AbbreviationSet(abbreviations)
    params.sent_starters = set(starters)
    params.collocations = {(label, "##number##") for label in labels}
    for word in params.sent_starters:
        if len(word) > 1:  # one letter would make initials ("J. A. Smith") look like ends
            params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return Punkt(params, lang_vars=_LanguageVars(), token_cls=_Token)
