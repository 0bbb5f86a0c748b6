"""Frozen values that flow between the pipeline stages.

Every stage takes these and returns new ones; nothing is mutated in place, so a stage can be
tested on its own and the same input always gives the same brief.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Skipped:
    """An input that was left out, and why (shown in the brief and on stderr)."""

    path: str
    reason: str


@dataclass(frozen=True)
class RawDocument:
    """A decoded input as a reader found it, before any cleaning.

    Readers fill in what the format itself states (a DUC headline, a date element); the
    cleaning stage finds the rest in the text.
    """

    path: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    # When the format states a time, in UTC; ``date`` is then its UTC date.
    published: dt.datetime | None = None
    author: str | None = None
    # What the source files the piece under: a page's section and categories, a feed entry's
    # tags, a wire's slug ("BC-RICH-COLUMN-NYT") and notes; cleaning reads the kind from them.
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where an input comes from: a file path or an http(s) URL, as readers see it.

    ``content_type`` is the media type a server declared (None for files), so a reader can
    claim a URL with no telling extension.
    """

    location: str
    content_type: str | None = None

    @property
    def is_url(self) -> bool:
        return self.location.lower().startswith(("http://", "https://"))

    @property
    def name(self) -> str:
        """The last part of the path (of the URL's path for a URL)."""
        path = urlsplit(self.location).path if self.is_url else self.location
        return PurePath(path).name

    @property
    def suffix(self) -> str:
        return PurePath(self.name).suffix

    def __str__(self) -> str:
        return self.location


@dataclass(frozen=True)
class Article:
    """One cleaned article: body paragraphs with furniture removed, plus its metadata.

    ``source_named`` is the outlet a "Source:" trailer names, which marks this article as a
    copy of that outlet's story.
    """

    id: int
    path: str
    outlet: str
    title: str
    date: dt.date | None
    url: str | None
    paragraphs: tuple[str, ...]
    source_named: str | None = None
    published: dt.datetime | None = None
    author: str | None = None
    # "news", or what the piece is instead: "opinion" (a column, an op-ed, a review) or
    # "editorial" (the outlet's own view). Its lines are views, never news (``merging.views``).
    kind: str = "news"
    # The city a wire dateline named ("NAIROBI, Kenya (AP) _" gives "Nairobi"), which the
    # report then calls "here" (``text.places``); None without a dateline.
    place: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence, identified by its article and position, never by its text.

    Two outlets can print the very same sentence; they must stay two sentences so both are
    credited. ``text`` is therefore left out of equality and hashing.
    """

    article: int
    position: int
    text: str = field(compare=False)
    paragraph: int = field(default=0, compare=False)
    # False when the sentence cannot stand alone in a brief (fragment, dangling opener, half
    # a quotation); it still counts for ranking and redundancy, it is just never shown.
    eligible: bool = field(default=True, compare=False)
    # The sentence as the outlet printed it, when ``text`` was edited to stand alone (a
    # connective dropped); None when the two are the same.
    printed: str | None = field(default=None, compare=False)
    # What the brief restores in brackets, as (word, words to put before it): people this
    # sentence names by surname only whom the article named in full before ("Hagel", "Sen.
    # Chuck"), and the body a description means ("agency", "Environmental Protection").
    names: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple[int, int]:
        return (self.article, self.position)

    @property
    def as_printed(self) -> str:
        return self.printed or self.text


@dataclass(frozen=True)
class SourceRef:
    """An outlet that carried an item, as the templates and the JSON show it."""

    name: str
    title: str
    path: str
    url: str | None = None
    date: dt.date | None = None
    # On an item's credit: the sentence this outlet printed (after cleaning), so a reader can
    # check the credit. None on the brief's list of sources.
    text: str | None = None


@dataclass(frozen=True)
class Disagreement:
    """An outlet that reported the item's statement with another figure ("AP: 15")."""

    name: str
    figure: str
    text: str
    path: str
    url: str | None = None


@dataclass(frozen=True)
class Insertion:
    """Words the brief added in square brackets so the item names someone in full: the
    article called them "Hagel" here and "Sen. Chuck Hagel" first; ``words`` is "Sen. Chuck".
    For a description, ``surname`` is its noun: "The [Environmental Protection] agency"."""

    words: str
    surname: str
    full: str


@dataclass(frozen=True)
class Item:
    """One statement of the brief: the chosen wording, its score and every outlet behind it.

    ``sources`` are the outlets whose own sentence states the wording shown (each with that
    sentence); ``disagreements`` the outlets that gave another figure for it.
    """

    text: str
    score: float
    sources: tuple[SourceRef, ...]
    sentences: tuple[Sentence, ...]
    # Why the item sits in its section; set by the selection stage, None before it.
    placement: Placement | None = field(default=None, compare=False)
    disagreements: tuple[Disagreement, ...] = ()
    insertions: tuple[Insertion, ...] = ()
    # The date of the article the wording comes from, when it is older than the brief: "on
    # Wednesday" then means that article's Wednesday. Set when the brief is composed.
    dated: dt.date | None = None
    # Against the briefs the reader had before (``history.py``): "new", or "update" with what
    # it updates; None when the brief has no history, so a first brief is exactly as before.
    status: str | None = None
    updates: Update | None = None
    # How the item is labelled when it is a view, not news: "Opinion — Frank Rich",
    # "Editorial"; None for news.
    label: str | None = None

    @property
    def stands_alone(self) -> bool:
        """Whether the wording it shows (its first sentence) can be read without the
        sentences before it (``Sentence.eligible``): only such an item is ever shown."""
        return bool(self.sentences) and self.sentences[0].eligible


@dataclass(frozen=True)
class Update:
    """What an update item updates: an earlier brief's item, its date, and the figure it gave
    where the new item gives another ("at least 100" before "231"), else None."""

    date: dt.date
    text: str
    figure: str | None = None


@dataclass(frozen=True)
class Placement:
    """Why an item is in its section, so a user who disagrees knows what to edit.

    ``score`` is the confidence (0 to 1) in ``theme``; ``terms`` are the themes file's words
    and phrases the item has, ``learned`` the words the day's articles taught the theme, and
    ``context`` the theme's share of the item's article(s). In the fallback section,
    ``nearest`` is the theme the item leaned to but not surely enough, and the rest is about it.
    """

    theme: str
    score: float
    terms: tuple[str, ...] = ()
    learned: tuple[str, ...] = ()
    context: float = 0.0
    nearest: str | None = None


@dataclass(frozen=True)
class Section:
    """A theme's items, most important first; on a day of many stories, a story's (``kind``
    "story", with the paths of its ``articles``) or the smaller stories' one line each
    ("also")."""

    theme: str
    title: str
    items: tuple[Item, ...]
    kind: str = "theme"
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemesUsed:
    """Where the brief's sections came from: a themes ``file`` (``path``: "bundled" for the
    default themes) or themes ``learned`` from the day; ``fit`` is how well the file (or,
    for learned themes, the bundled file) fits the day's statements, from 0 to 1."""

    source: str
    fit: float
    path: str | None = None


@dataclass(frozen=True)
class Story:
    """One of the day's stories: the articles about the same event or ongoing story, wire
    copies and rewrites included (``stories``), so a brief can give each its own section.

    ``articles`` are ``Article.id``s, the most central article first (the one closest to the
    story's other articles, whose headline is the ``title``); ``outlets`` are distinct, in
    that order. ``terms`` are the story's most telling stemmed content terms, best first,
    what a request for a story by its words is matched with.
    """

    title: str
    articles: tuple[int, ...]
    outlets: tuple[str, ...]
    first: dt.date | None = None
    last: dt.date | None = None
    terms: tuple[str, ...] = ()


# The name every page and feed daily-brief writes carries as its generator; the readers skip
# what carries it (a brief read back as an article would credit itself).
GENERATOR = "daily-brief"

# How many sources a brief's Markdown and HTML list by name; the JSON lists every one. A day of
# 140,000 articles listed in full made a 17 MB page no one reads to its end.
SOURCES_LISTED = 50


@dataclass(frozen=True)
class Brief:
    """Everything the templates see: they get this value and nothing else."""

    title: str
    date: dt.date
    sections: tuple[Section, ...]
    sources: tuple[SourceRef, ...]
    skipped: tuple[Skipped, ...]
    generator: str = GENERATOR
    # The day's main news, before the sections: the best summary of the day, main fact first.
    lead: tuple[Item, ...] = ()
    # Which themes made the sections; None for a brief read back from an older JSON file.
    themes: ThemesUsed | None = None
    # The date of the newest earlier brief the items were compared with (``history.py``);
    # None for a first brief.
    since: dt.date | None = None

    @property
    def changes(self) -> tuple[int, int]:
        """How many items are new and how many update an earlier brief's."""
        statuses = [item.status for item in self.items]
        return statuses.count("new"), statuses.count("update")

    @property
    def items(self) -> tuple[Item, ...]:
        """Every item in reading order: the lead, then each section's."""
        return (*self.lead, *(item for section in self.sections for item in section.items))

    @property
    def listed_sources(self) -> tuple[SourceRef, ...]:
        """The sources the page lists by name, in the brief's order: all of them up to
        ``SOURCES_LISTED``, else the ones the items cite (in reading order) before the rest."""
        if len(self.sources) <= SOURCES_LISTED:
            return self.sources
        where: dict[str, int] = {}
        for i, ref in enumerate(self.sources):
            where.setdefault(ref.path, i)
        paths = [
            p
            for i in self.items
            for p in (*(r.path for r in i.sources), *(d.path for d in i.disagreements))
        ]
        cited = dict.fromkeys(where[p] for p in paths if p in where)
        rest = (i for i in range(len(self.sources)) if i not in cited)
        keep = [*cited, *itertools.islice(rest, max(0, SOURCES_LISTED - len(cited)))]
        return tuple(self.sources[i] for i in sorted(keep[:SOURCES_LISTED]))

    @property
    def unlisted_sources(self) -> int:
        """How many sources the page counts without naming (``listed_sources``)."""
        return len(self.sources) - len(self.listed_sources)
