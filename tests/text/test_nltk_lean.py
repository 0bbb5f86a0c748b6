"""nltk loads at first use (not when the package is imported), Punkt and Snowball alone,
without scipy.stats; the whole of nltk and scipy.stats still load afterwards."""

from __future__ import annotations

import pytest

from tests.pyrun import says_ok

pytestmark = pytest.mark.process

_CHECK = """
import sys
import summarizer.pipeline
from summarizer.text.words import stem
from summarizer.text.splitting import split_sentences
assert "nltk" not in sys.modules, "loaded at import: a build cannot load it while it reads"
assert stem("running") == "run"
assert split_sentences("Mr. Smith left. He came back.") == ["Mr. Smith left.", "He came back."]
assert "nltk" in sys.modules and "scipy.stats" not in sys.modules, sorted(sys.modules)
assert "nltk.tokenize.treebank" not in sys.modules and "nltk.corpus.reader" not in sys.modules
import scipy.stats
assert abs(scipy.stats.norm.cdf(0) - 0.5) < 1e-9
print("ok")
"""


def test_nltk_loads_without_scipy_stats_and_scipy_stats_loads_after() -> None:
    says_ok(_CHECK)


_LOADED_FIRST = """
import scipy.stats
from summarizer.text.words import stem
assert stem("running") == "run"
assert scipy.stats.fisher_exact([[1, 2], [3, 4]])[1] > 0
print("ok")
"""


def test_a_program_that_loaded_scipy_stats_first_keeps_it() -> None:
    says_ok(_LOADED_FIRST)


_TEXTBLOB_FIRST = """
import sys
from summarizer.themes.titles import noun_phrases
assert [p.words for p in noun_phrases("The black box was found.")] == [("black", "box")]
assert "nltk" in sys.modules and "scipy.stats" not in sys.modules, sorted(sys.modules)
print("ok")
"""


def test_textblob_used_first_still_loads_nltk_without_scipy_stats() -> None:
    says_ok(_TEXTBLOB_FIRST)


_WHOLE_AFTER = """
import sys
from summarizer.text.words import stem
assert stem("running") == "run"
import nltk
punkt, snowball = sys.modules["nltk.tokenize.punkt"], sys.modules["nltk.stem.snowball"]
assert nltk.TreebankWordTokenizer().tokenize("It ends.") == ["It", "ends", "."]
assert "scipy.stats" not in sys.modules, "the whole of nltk loaded without scipy.stats"
import nltk.tokenize.punkt, nltk.stem.snowball
assert nltk.tokenize.punkt is punkt and nltk.stem.snowball is snowball, "not loaded twice"
assert sys.modules["nltk"].tokenize.api.TokenizerI is nltk.tokenize.api.TokenizerI
from summarizer.themes.titles import noun_phrases
assert [p.words for p in noun_phrases("The black box was found.")] == [("black", "box")]
assert snowball.stopwords.subdir == "corpora"  # nltk.corpus.stopwords, not yet read
print("ok")
"""


def test_the_whole_of_nltk_loads_after_punkt_and_snowball() -> None:
    says_ok(_WHOLE_AFTER)
