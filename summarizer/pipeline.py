"""The pipeline: each function calls the stages in order and nothing else.

read → clean → split → (history) → rank → merge → keep current news → against history →
select (→ theme) → compose → render → write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from summarizer.cleaning import cleaner, intake
from summarizer.config import DEFAULT_RANKER, Config
from summarizer.errors import InputError
from summarizer.history.compare import against, discount, favour_new
from summarizer.history.earlier import NO_HISTORY, History, read_history
from summarizer.merging.candidates import IN_A_WORKER, neighbours_of
from summarizer.merging.currency import current
from summarizer.merging.redundancy import merge, units_of
from summarizer.merging.views import labelled, news_first
from summarizer.models import Article, Brief, Item, Sentence, Skipped, Story, ThemesUsed
from summarizer.ranking.concepts import ConceptModel
from summarizer.ranking.rankers import (
    CoversConcepts,
    Ranker,
    get_ranker,
    rank_sentences,
)
from summarizer.reading import dates, fetch, readers
from summarizer.reading.sources import gather, one_per_url
from summarizer.runtime import workers
from summarizer.runtime.background import in_background
from summarizer.runtime.progress import NO_STEPS, Steps, steps
from summarizer.selecting.brief import AS_THE_DAY_HOLDS, Chosen, Size, select_brief
from summarizer.selecting.budget import select_budget
from summarizer.selecting.sections import select_summary
from summarizer.storage.atomic import write_brief
from summarizer.storage.brief_json import brief_stem
from summarizer.text.sentences import prepare_split, split_all
from summarizer.themes.fit import learn_items as learn_themes

if TYPE_CHECKING:
    from summarizer.output.render import Renderer
    from summarizer.runtime.background import Background
    from summarizer.themes.themefile import Theme

# What the day's opinion lines become (``merging.views``).
Views = Callable[[Sequence[Item], Mapping[int, Article]], list[Item]]


@dataclass(frozen=True)
class Corpus:
    """The day's articles, their sentences, and the inputs that were skipped."""

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read: size cap, network timeout, date window, progress bar."""

    max_bytes: int = readers.DEFAULT_MAX_BYTES
    timeout: float = fetch.DEFAULT_TIMEOUT
    window: dates.Window = dates.ANY_TIME
    quiet: bool = False


DEFAULT_READ = ReadOptions()


@dataclass(frozen=True)
class BuildRequest:
    """What ``brief build`` was asked to do."""

    sources: tuple[str, ...]
    out_dir: Path
    algorithm: str
    title: str
    # At most this many items and about this many words; unset: as the day holds.
    size: Size = AS_THE_DAY_HOLDS
    date: dt.date | None = None
    # A themes file, "auto" (learn them from the day), or None (the bundled ones if they fit).
    themes: Path | str | None = None
    templates_dir: Path | None = None
    read: ReadOptions = DEFAULT_READ
    # Earlier briefs in ``out_dir`` (and in the site folder, when publishing) within this many
    # days are the history the brief is compared with; 0: none.
    history_days: int = Config.history_days
    history_site: Path | None = None
    # Words naming one of the day's stories: the brief is that story's alone
    # (``stories.detect.story_articles``).
    story: str | None = None


@dataclass(frozen=True)
class BuildResult:
    """The brief that was built, where it was written, and what was skipped."""

    brief: Brief
    paths: tuple[Path, ...]
    # One line on which themes were used and how well they fit (``theme_choice``).
    themes_note: str = ""
    # One line per earlier brief that could not be read as history.
    warnings: tuple[str, ...] = ()


def load(
    sources: Sequence[str],
    options: ReadOptions = DEFAULT_READ,
    briefs_in: Path | None = None,
    story: str | None = None,
) -> Corpus:
    """Read (files and URLs) and clean one input at a time, keep one copy per URL and the
    date window (and with ``story``, the articles of the story those words match), split;
    raise ``InputError`` when no article is usable. The briefs written in ``briefs_in`` are
    not read as articles."""
    articles, skipped = read_day(sources, options, briefs_in, story)
    return split_day(articles, skipped, options.quiet)


def read_day(
    sources: Sequence[str],
    options: ReadOptions = DEFAULT_READ,
    briefs_in: Path | None = None,
    story: str | None = None,
) -> tuple[tuple[Article, ...], tuple[Skipped, ...]]:
    """``load`` up to splitting: the day's articles (with ``story``, that story's) and what
    was skipped."""
    workers.forget()  # a new day: the words and statements of the last one are no use
    # What splitting needs (word lists) is read while worker processes read the articles.
    articles, skipped = read_articles(sources, options, briefs_in, meanwhile=prepare_split)
    if story is not None:
        from summarizer.stories.detect import story_articles  # only --story needs detection

        articles = story_articles(articles, story)
    return articles, skipped


def split_day(articles: tuple[Article, ...], skipped: tuple[Skipped, ...], quiet: bool) -> Corpus:
    """``load``'s last step: the articles' sentences."""
    return Corpus(articles, tuple(split_all(articles, quiet)), skipped)


def read_articles(
    sources: Sequence[str],
    options: ReadOptions = DEFAULT_READ,
    briefs_in: Path | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[tuple[Article, ...], tuple[Skipped, ...]]:
    """``load`` without splitting: the day's articles and what was skipped (``meanwhile``:
    work for this process while worker processes read)."""
    found, missing = gather(sources, briefs_in)
    articles, unread = intake.read_and_clean(
        found, options.max_bytes, options.timeout, options.quiet, meanwhile
    )
    articles, repeated = one_per_url(articles, cleaner.article_size)
    articles, outside = dates.select_window(cleaner.renumber(articles), options.window)
    skipped = (*missing, *unread, *repeated, *outside)
    if not articles:
        raise InputError(_nothing_usable(sources, skipped))
    return tuple(articles), skipped


@dataclass(frozen=True)
class DayStories:
    """The day's stories (largest first), the articles they are made of, and what was
    skipped."""

    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def day_stories(sources: Sequence[str], options: ReadOptions = DEFAULT_READ) -> DayStories:
    """Read the articles and find the stories they tell (``brief stories``)."""
    from summarizer.stories.detect import find_stories  # here: a summary finds no stories

    articles, skipped = read_articles(sources, options)
    return DayStories(find_stories(articles), articles, skipped)


def rank(corpus: Corpus, algorithm: str, step: Steps = NO_STEPS) -> list[Item]:
    """Score every sentence across all sources, then merge repeats into scored items."""
    return _rank(corpus, get_ranker(algorithm), step=step)


def _rank(
    corpus: Corpus,
    ranker: Ranker,
    history: History = NO_HISTORY,
    step: Steps = NO_STEPS,
    views: Views = news_first,
) -> list[Item]:
    """Scored items; ``views`` decides what becomes of lines only opinion pieces carry (left
    out of a brief's news, labelled in a plain summary: ``merging.views``)."""
    step("ranking")
    units = units_of(corpus.sentences)
    # Merging's candidate pairs need no scores: on a large day a worker process finds them on
    # the second core while this one ranks (beside story detection, which runs behind it).
    signatures = units.signatures()
    with in_background(neighbours_of, signatures, min_items=IN_A_WORKER) as finding:
        scores = rank_sentences(ranker, corpus.sentences)
        scores = favour_new(ranker, corpus.sentences, scores, history)
        step("merging")
        articles = {a.id: a for a in corpus.articles}
        merged = merge(corpus.sentences, scores, articles, units, finding.result())
    return views(current(merged, articles), articles)


_BUILD_STEPS = ("ranking", "merging", "themes", "selecting", "writing")


def build(request: BuildRequest) -> BuildResult:
    """Build the themed brief and write it as Markdown, HTML and JSON."""
    # Only a build composes, renders and finds stories: a summary need not import them.
    from summarizer.output.render import Renderer
    from summarizer.stories.detect import find_stories
    from summarizer.themes.choice import file_themes

    themes = file_themes(request.themes)  # a broken file fails before any reading
    ranker = get_ranker(request.algorithm)  # so does an unknown ranker
    renderer = Renderer(request.templates_dir)
    articles, skipped = read_day(request.sources, request.read, request.out_dir, request.story)
    # Stories are found from the articles alone, in a worker process started now, before the
    # splitting, at the lowest priority: it takes no time from the splitting's workers, which
    # keep both cores busy, and works on the core this process leaves free while it ranks.
    # Started from this process as it holds the articles alone, not every sentence too (a
    # worker forked then soon held its own copy of each page it read: 1.2 GB at 10,000
    # articles). With --story the day is that one story already: no second detection.
    day = () if request.story else articles
    with in_background(find_stories, day, behind=True) as detecting:
        corpus = split_day(articles, skipped, request.read.quiet)
        return _build(request, corpus, themes, ranker, renderer, detecting)


def _build(
    request: BuildRequest,
    corpus: Corpus,
    themes: tuple[Theme, ...],
    ranker: Ranker,
    renderer: Renderer,
    detecting: Background[tuple[Story, ...]],
) -> BuildResult:
    """``build`` from the split day on, its stories coming from ``detecting``."""
    from summarizer.output.compose import brief_date, compose

    date = brief_date(corpus.articles, request.date)
    earlier, warnings = read_history(
        request.out_dir, date, request.history_days, request.history_site
    )
    with steps(_BUILD_STEPS, request.read.quiet, len(corpus.articles)) as step:
        items = against(_rank(corpus, ranker, earlier, step), earlier)
        step("themes")
        concepts = _concepts(ranker, corpus, earlier)
        stories = detecting.result() if not request.story else ()
        articles = {a.id: a for a in corpus.articles}
        chosen, used, note = _select(
            request, _Day(items, themes, stories, articles, date), concepts, step
        )
        if not chosen.lead and not chosen.sections:
            raise InputError(_nothing_to_say(len(corpus.articles), earlier))
        brief = compose(
            request.title, date, chosen, corpus.articles, corpus.skipped, used, earlier.since,
        )  # fmt: skip
        step("writing")
        paths = write_brief(request.out_dir, brief_stem(date), renderer.render_all(brief))
    return BuildResult(brief, tuple(paths), note, tuple(warnings))


@dataclass(frozen=True)
class _Day:
    """What the selection of a build works on."""

    items: list[Item]
    themes: tuple[Theme, ...]
    stories: tuple[Story, ...]
    articles: dict[int, Article]
    date: dt.date


def _select(
    request: BuildRequest, day: _Day, concepts: ConceptModel | None, step: Steps
) -> tuple[Chosen, ThemesUsed, str]:
    """The brief's items, how they are organised and the line that says so: the day's top
    stories on a day of several (no theme learned), else the editor's themed brief."""
    # Only a build organises by stories or themes: a summary need not import them.
    from summarizer.selecting.stories import by_stories, select_stories, story_note
    from summarizer.themes.choice import choose_themes

    used = by_stories(day.stories, day.items, day.themes, request.themes)
    if used is not None:
        step("selecting")
        chosen = select_stories(
            day.items, concepts, day.stories, day.articles, day.date, day.themes
        )
        return chosen, used, story_note(day.stories, chosen)
    choice = choose_themes(day.items, day.themes, request.themes)
    model = learn_themes(day.items, choice.themes)
    step("selecting")
    chosen = select_brief(
        day.items, concepts, choice.themes, model, day.articles, request.size,
        keep_themes=choice.used.source == "file", date=day.date,
    )  # fmt: skip
    return chosen, choice.used, choice.note


def summarize(
    sources: Sequence[str],
    algorithm: str,
    words: int | None = None,
    sentences: int | None = None,
    options: ReadOptions = DEFAULT_READ,
    history: History = NO_HISTORY,
) -> tuple[list[Item], tuple[Skipped, ...]]:
    """A plain multi-document summary: the brief's selection without themes (for a reader of
    the earlier summaries in ``history``: what is new)."""
    get_ranker(algorithm)  # an unknown ranker fails before any reading
    corpus = load(sources, options)
    with steps(_SUMMARY_STEPS, options.quiet, len(corpus.articles)) as step:
        summary = summarize_corpus(corpus, algorithm, words, sentences, history, step)
    return summary, corpus.skipped


_SUMMARY_STEPS = ("ranking", "merging", "selecting")


def summarize_corpus(
    corpus: Corpus,
    algorithm: str,
    words: int | None = None,
    sentences: int | None = None,
    history: History = NO_HISTORY,
    step: Steps = NO_STEPS,
) -> list[Item]:
    """The summary of loaded articles. Within a word budget, a concept ranker's summary is the
    one covering the most concept weight (``budget.py``); otherwise items go best first."""
    ranker = get_ranker(algorithm)
    items = against(_rank(corpus, ranker, history, step, views=labelled), history)
    step("selecting")
    model = _concepts(ranker, corpus, history)
    if words is not None and sentences is None and model is not None:
        chosen = select_budget(items, model, words, {a.id: a for a in corpus.articles})
        if chosen:
            return chosen
    return select_summary(items, words=words, sentences=sentences)


def _concepts(ranker: Ranker, corpus: Corpus, history: History) -> ConceptModel | None:
    """The day's concepts as a concept ranker weighs them (less what earlier briefs said),
    for the budgeted selections; None for other rankers."""
    if not isinstance(ranker, CoversConcepts):
        return None
    return discount(ranker.concept_model(corpus.sentences), history)


def suggest_themes(
    sources: Sequence[str],
    groups: int | None = None,
    options: ReadOptions = DEFAULT_READ,
) -> tuple[str, tuple[Skipped, ...]]:
    """A draft themes file (TOML) for the story the articles tell: ``groups`` themes, or as
    many as the day holds (the themes a brief learns when no file fits)."""
    from summarizer.themes.learned import suggest, to_toml  # here: only this command drafts

    corpus = load(sources, options)
    with steps(("ranking", "merging", "grouping"), options.quiet, len(corpus.articles)) as step:
        items = rank(corpus, DEFAULT_RANKER, step)
        step("grouping")
        draft = suggest(items, groups)
    return to_toml(draft, len(items), len(corpus.articles)), corpus.skipped


def _nothing_to_say(articles: int, history: History) -> str:
    if history.since is not None:
        return f"nothing new in {articles} article(s) since the brief of {history.since}"
    return f"no sentence in {articles} article(s) can stand in a brief"


def _nothing_usable(sources: Sequence[str], skipped: Sequence[Skipped]) -> str:
    """One line saying why nothing could be used."""
    if not skipped:
        return "no input files given"
    if len(skipped) == 1:
        return f"nothing usable: {skipped[0].path}: {skipped[0].reason}"
    if len(skipped) <= 3:  # few enough to name each with its reason
        named = "; ".join(f"{s.path}: {s.reason}" for s in skipped)
        return f"nothing usable in {len(skipped)} inputs ({named})"
    reasons = sorted({s.reason for s in skipped})
    return f"nothing usable in {len(skipped)} inputs ({'; '.join(reasons[:3])})"
