"""NLTK's stemmer and sentence splitter, imported without the rest of nltk.

Why: ``import nltk`` runs nltk's package ``__init__``, which imports nearly all of nltk
(parsers, corpus readers, chunkers, translation metrics: 0.2-0.5 s at every start, a sixth of
a small day's run) for the two modules we use, Punkt and Snowball, which load in a fraction of
that beneath packages whose ``__init__`` waits (``runtime.deferred``). What wants the whole of
nltk (TextBlob) calls ``whole`` first; a name asked of a waiting package loads it too.

While the whole of nltk loads, ``scipy.stats`` is hidden: nltk's collocation measures import it
for Fisher's exact test (0.6 s of docstring parsing, for a measure we never use), and nltk
copes with it being absent (that one measure then raises ``NotImplementedError``); a later
``import scipy.stats`` works as usual.

Every module of ours that needs nltk imports it from here, so whichever loads first, nltk
loads this way.
"""

from __future__ import annotations

from summarizer.runtime import deferred

deferred.import_beneath(
    ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus"),
    ("nltk.tokenize.punkt", "nltk.stem.snowball"),
    # Snowball imports the stop words, and reads them only when asked to ignore them.
    later={"nltk.corpus": ("stopwords",)},
    hidden=("scipy.stats",),
)

from nltk.stem.snowball import SnowballStemmer  # noqa: E402
from nltk.tokenize.punkt import (  # noqa: E402
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    _re_non_punct,
)


def whole() -> None:
    """Load the whole of nltk (for TextBlob), without ``scipy.stats``; Punkt and Snowball, loaded
    already, are kept."""
    deferred.whole("nltk")


__all__ = [
    "_ORTHO_BEG_UC",
    "_ORTHO_MID_LC",
    "PunktLanguageVars",
    "PunktParameters",
    "PunktSentenceTokenizer",
    "PunktToken",
    "SnowballStemmer",
    "_re_non_punct",
    "whole",
]
