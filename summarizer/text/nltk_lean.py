"""NLTK's stemmer and sentence splitter, imported without scipy.stats.

Why: ``import nltk`` runs nltk's package ``__init__``, which loads its collocation measures,
one of which (Fisher's exact test) imports ``scipy.stats``: about 0.6 s of docstring parsing at
every start, a third of a small day's whole run, for a measure we never use. nltk already copes
with scipy being absent (that one measure then raises ``NotImplementedError``), so
``scipy.stats`` is hidden while nltk loads and restored at once: a later ``import scipy.stats``
works as usual. When nltk or scipy.stats is already loaded, nothing is hidden.

Every module of ours that needs nltk imports it from here, so whichever loads first, nltk
loads this way.
"""

from __future__ import annotations

import sys


def _load_nltk() -> None:
    """Import nltk with ``scipy.stats`` hidden (a ``None`` entry makes its import fail)."""
    if "nltk" in sys.modules or "scipy.stats" in sys.modules:
        return
    sys.modules["scipy.stats"] = None  # type: ignore[assignment]
    try:
        import nltk  # noqa: F401
    finally:
        if "scipy.stats" in sys.modules and sys.modules["scipy.stats"] is None:
            del sys.modules["scipy.stats"]


_load_nltk()

from nltk.stem.snowball import SnowballStemmer  # noqa: E402
from nltk.tokenize.punkt import (  # noqa: E402
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktParameters,
    PunktSentenceTokenizer,
)

__all__ = [
    "_ORTHO_BEG_UC",
    "_ORTHO_MID_LC",
    "PunktParameters",
    "PunktSentenceTokenizer",
    "SnowballStemmer",
]
