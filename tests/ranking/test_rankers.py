"""Ranking: every ranker scores every sentence, across articles, without NLTK data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import nltk
import numpy as np
import pytest
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from summarizer import plugins
from summarizer.config import DEFAULT_RANKER
from summarizer.errors import ConfigError
from summarizer.models import Sentence
from summarizer.ranking import sumy as rs
from summarizer.ranking.rankers import LeadRanker, get_ranker, rank_sentences, ranker_names
from summarizer.runtime.resources import examples_dir
from summarizer.text.words import STOP_WORDS
from tests.conftest import Declare
from tests.paths import REPO

SUMY_NAMES = ["lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction"]
STOCK = {
    "lexrank": LexRankSummarizer,
    "textrank": TextRankSummarizer,
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
}

SHARED = "The governor declared a state of emergency in the river valley after the flood."
OFF_TOPIC = "A bakery on Market Street celebrated its fiftieth birthday with free cakes."
# Four outlets on one flood. One copies the governor's statement word for word; the others
# each touch one part of it, so it is the hub that ties the day's story together.
ARTICLES: tuple[tuple[tuple[str, ...], ...], ...] = (
    (
        (SHARED, "Flood damage will take months to repair."),
        (OFF_TOPIC, "The bakery owner thanked loyal customers for their support."),
    ),
    (
        (SHARED, "Rescue crews reached families trapped on rooftops."),
        ("The football club postponed its weekend match.",),
    ),
    (
        ("The governor toured shelters on Wednesday morning.",),
        ("Schools in the valley will stay closed this week.",),
    ),
    (
        ("Emergency services worked through the night.", "Water levels in the river fell slowly."),
        ("Insurers expect claims to rise sharply.", "Prices of bread rose."),
    ),
)


def make_sentences(articles: Sequence[Sequence[Sequence[str]]] = ARTICLES) -> list[Sentence]:
    """Sentences grouped by article, positions counted per article, as the splitter gives."""
    out: list[Sentence] = []
    for article, paragraphs in enumerate(articles):
        texts = [(p, t) for p, paragraph in enumerate(paragraphs) for t in paragraph]
        out.extend(Sentence(article, i, t, p) for i, (p, t) in enumerate(texts))
    return out


def index_of(sentences: Sequence[Sentence], text: str) -> int:
    return next(i for i, s in enumerate(sentences) if s.text == text)


@pytest.fixture
def no_nltk_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty NLTK data path, and any NLTK data lookup fails the test outright."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"NLTK data was looked up: {args!r}")

    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    monkeypatch.setattr(nltk.data, "find", refuse)
    monkeypatch.setattr(nltk.data, "load", refuse)
    yield


def test_every_builtin_is_registered() -> None:
    assert set(SUMY_NAMES) | {"concepts", "lead"} <= set(ranker_names())
    assert DEFAULT_RANKER in ranker_names()


@pytest.mark.parametrize("name", sorted({*SUMY_NAMES, "concepts", "lead"}))
def test_one_score_per_sentence_in_unit_range_without_nltk_data(
    name: str, no_nltk_data: None
) -> None:
    sentences = make_sentences()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # sumy's warnings must not reach the user
        scores = get_ranker(name).score(sentences)
    assert len(scores) == len(sentences)
    assert all(isinstance(s, float) and 0.0 <= s <= 1.0 for s in scores)
    assert max(scores) == 1.0
    assert get_ranker(name).name == name


@pytest.mark.parametrize("name", ranker_names())
def test_empty_single_and_wordless_inputs(name: str) -> None:
    ranker = get_ranker(name)
    assert ranker.score([]) == []
    assert ranker.score([Sentence(0, 0, SHARED)]) == [1.0]
    wordless = [Sentence(0, 0, "..."), Sentence(0, 1, "— !"), Sentence(1, 0, "The, and of.")]
    scores = ranker.score(wordless)
    assert len(scores) == 3 and all(0.0 <= s <= 1.0 for s in scores)


@pytest.mark.parametrize("name", SUMY_NAMES)
def test_identical_sentences_from_two_outlets_keep_their_identity(name: str) -> None:
    sentences = make_sentences()
    copies = [i for i, s in enumerate(sentences) if s.text == SHARED]
    assert len(copies) == 2 and sentences[copies[0]] != sentences[copies[1]]
    scores = get_ranker(name).score(sentences)
    assert len(scores) == len(sentences)
    assert scores[copies[0]] == scores[copies[1]]


@pytest.mark.parametrize("name", ["lexrank", "concepts"])
def test_a_statement_many_outlets_carry_outranks_an_off_topic_one(name: str) -> None:
    sentences = make_sentences()
    scores = get_ranker(name).score(sentences)
    assert scores[index_of(sentences, SHARED)] > scores[index_of(sentences, OFF_TOPIC)]


@pytest.mark.parametrize("name", ranker_names())
def test_same_input_gives_the_same_scores(name: str) -> None:
    assert get_ranker(name).score(make_sentences()) == get_ranker(name).score(make_sentences())


@pytest.mark.process
def test_scores_do_not_depend_on_the_hash_seed_nor_need_nltk_data(tmp_path: Path) -> None:
    """A fresh interpreter per seed, with an empty NLTK data folder, gives identical scores."""
    script = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); sys.path.insert(0, sys.argv[2]);"
        "from tests.ranking import test_rankers as t; from summarizer.ranking.rankers import get_ranker, ranker_names;"
        "print(json.dumps({n: get_ranker(n).score(t.make_sentences()) for n in ranker_names()}))"
    )
    runs = []
    for seed in ("1", "2"):
        env = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "NLTK_DATA": str(tmp_path),
            "HOME": str(tmp_path),
        }
        args = [sys.executable, "-c", script, str(REPO), str(REPO)]
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=True)
        runs.append(json.loads(done.stdout))
    assert runs[0] == runs[1]
    assert runs[0]["lexrank"] == get_ranker("lexrank").score(make_sentences())


def example_sentences() -> list[Sentence]:
    """The packaged sample articles, split crudely: real news text, about 200 sentences."""
    out: list[Sentence] = []
    for article, path in enumerate(sorted(examples_dir().glob("*.txt"))):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts = [(p, t) for p, line in enumerate(lines) for t in line.split(". ")]
        out.extend(Sentence(article, i, t, p) for i, (p, t) in enumerate(texts))
    return out


def sumy_ratings(summarizer_class: type[Any], sentences: Sequence[Sentence]) -> list[float]:
    summarizer = summarizer_class(rs._stem)
    summarizer.stop_words = STOP_WORDS
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(summarizer(rs.build_document(sentences), len(sentences)))


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa", "luhn", "reduction"])
def test_fast_adapters_rate_exactly_as_sumy_does(name: str) -> None:
    """The matrix rewrites of sumy's inner loops must not change a rating."""
    sentences = example_sentences()
    assert len(sentences) > 100
    stock = sumy_ratings(type(f"Stock{name}", (rs._RateAll, STOCK[name]), {}), sentences)
    fast = sumy_ratings(rs.SUMY_ALGORITHMS[name], sentences)
    assert np.allclose(stock, fast, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", ["kl", "sumbasic"])
def test_fast_greedy_adapters_make_sumys_choices(name: str) -> None:
    """Replayed with sumy's own code, every pick is a best one (ties go to the earlier)."""
    sentences = example_sentences()
    fast = sumy_ratings(rs.SUMY_ALGORITHMS[name], sentences)
    order = [int(i) for i in np.argsort(-np.asarray(fast), kind="stable")]
    assert sorted(fast) == [-float(i) for i in reversed(range(len(sentences)))]
    summarizer = STOCK[name](rs._stem)
    summarizer.stop_words = STOP_WORDS
    document = rs.build_document(sentences)
    replay = replay_kl if name == "kl" else replay_sumbasic
    for step, values in enumerate(replay(summarizer, document.sentences, order)):
        best = max(values.values())
        assert values[order[step]] >= best - 1e-12 * abs(best), f"step {step}"


def replay_sumbasic(
    summarizer: Any, sentences: Sequence[Any], order: list[int]
) -> Iterator[dict[int, float]]:
    """SumBasic's per-step averages (higher is better), following the given picks."""
    freq = summarizer._compute_tf(sentences)
    left = {i: summarizer._get_content_words_in_sentence(s) for i, s in enumerate(sentences)}
    for pick in order:
        yield {
            i: summarizer._compute_average_probability_of_words(freq, w) for i, w in left.items()
        }
        summarizer._update_tf(freq, left.pop(pick))


def replay_kl(
    summarizer: Any, sentences: Sequence[Any], order: list[int]
) -> Iterator[dict[int, float]]:
    """KL-Sum's per-step negated divergences (higher is better), following the given picks."""
    doc = summarizer.compute_tf(sentences)
    left = {i: summarizer._get_content_words_in_sentence(s) for i, s in enumerate(sentences)}
    summary: list[str] = []
    for pick in order:
        yield {
            i: -summarizer._kl_divergence(summarizer._joint_freq(w, summary), doc)
            for i, w in left.items()
        }
        left.pop(pick)
        summary.extend(sentences[pick].words)


def test_unknown_name_is_a_config_error_listing_the_choices() -> None:
    with pytest.raises(ConfigError) as caught:
        get_ranker("pagerank")
    message = str(caught.value)
    assert "pagerank" in message and "\n" not in message
    assert all(name in message for name in ranker_names())


class Shortest:
    """A user's ranker, declared as a plug-in by the tests below."""

    name = "shortest"

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        return [-float(len(s.text)) for s in sentences]  # out of range: rescaled


def test_a_users_ranker_plugs_in_by_name(declare: Declare) -> None:
    declare(plugins.RANKERS, "shortest", f"{__name__}:Shortest")
    assert "shortest" in ranker_names()
    ranker = get_ranker("Shortest")
    assert isinstance(ranker, Shortest)
    sentences = make_sentences()
    scores = rank_sentences(ranker, sentences)
    assert min(scores) == 0.0 and max(scores) == 1.0
    assert scores[index_of(sentences, "Prices of bread rose.")] == 1.0


def test_a_plugin_cannot_take_a_built_in_name_nor_a_bad_one(declare: Declare) -> None:
    declare(plugins.RANKERS, "lexrank", f"{__name__}:Shortest")
    with pytest.raises(
        ConfigError, match="'lexrank' is declared by both daily-brief and test-plugin"
    ):
        get_ranker("concepts")
    declare(plugins.RANKERS, "lexrank", "summarizer.ranking.sumy:lexrank")  # the clash gone
    declare(plugins.RANKERS, "two words", f"{__name__}:Shortest")
    with pytest.raises(ConfigError, match="invalid name 'two words'"):
        ranker_names()


def test_a_plugin_that_fails_to_import_is_named(declare: Declare) -> None:
    declare(plugins.RANKERS, "ghost", "no_such_module_here:Ranker")
    with pytest.raises(ConfigError, match=r"ranker 'ghost' from test-plugin cannot be loaded"):
        get_ranker("ghost")


def test_a_ranker_breaking_its_promise_is_reported() -> None:
    class Broken:
        name = "broken"

        def score(self, sentences: Sequence[Sentence]) -> list[float]:
            return [0.5]

    with pytest.raises(ConfigError, match="1 scores for"):
        rank_sentences(Broken(), make_sentences())


def test_lead_prefers_early_sentences_then_article_order() -> None:
    sentences = make_sentences()
    scores = LeadRanker().score(sentences)
    order = sorted(range(len(sentences)), key=lambda i: -scores[i])
    assert [sentences[i].key for i in order[:5]] == [(0, 0), (1, 0), (2, 0), (3, 0), (0, 1)]
    assert len(set(scores)) == len(scores)


def test_concepts_weigh_what_several_articles_share() -> None:
    lone = "Volcanic ash grounded flights across the northern islands yesterday."
    shared = "Volcanic ash grounded flights across the northern islands for a second day."
    sentences = [
        Sentence(0, 5, lone),
        Sentence(0, 6, "Ferry companies added extra crossings to move stranded passengers."),
        Sentence(1, 5, shared),
        Sentence(2, 5, "Airlines said volcanic ash grounded flights on several routes."),
    ]
    scores = get_ranker("concepts").score(sentences)
    assert scores[0] > scores[1]  # "volcan ash", "ash ground", "ground flight" recur
    one_article = [Sentence(0, i, s.text) for i, s in enumerate(sentences)]
    assert len(get_ranker("concepts").score(one_article)) == 4  # still ranks a lone article


def test_min_max_scaling() -> None:
    assert rs.min_max([]) == []
    assert rs.min_max([3.0, 3.0]) == [1.0, 1.0]
    assert rs.min_max([1.0, 3.0, 2.0]) == [0.0, 1.0, 0.5]
    assert rs.min_max([float("nan"), 2.0, 4.0]) == [0.0, 0.0, 1.0]
