"""Small generated days for the story tests: stories told by several outlets in different
words, so that only what a story's articles share (its names, places, figures) ties them.

Each story has its own words (names, places, figures, subject); every sentence mixes a few of
them with the words any news story uses, chosen by a seeded generator: the same day every
run, and no two articles alike unless a test copies one.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from summarizer.models import Article

STORIES = {
    "quake": (
        "An earthquake near Izmit kills hundreds in western Turkey",
        "earthquake Izmit Turkey Turkish rescuers rubble magnitude aftershock Kocaeli "
        "collapsed buildings 7.4 Ecevit seismologists survivors tents",
    ),
    "antitrust": (
        "Microsoft loses its antitrust case before Judge Jackson",
        "Microsoft antitrust Jackson Gates Windows browser Netscape monopoly appeal "
        "breakup Justice Department software remedy Redmond",
    ),
    "torch": (
        "The Olympic torch relay reaches London amid protests",
        "Olympic torch relay London Beijing protesters Tibet flame runners Wembley "
        "2008 Games police route athletes",
    ),
}
GENERAL = [
    "officials",
    "said",
    "on",
    "Tuesday",
    "that",
    "the",
    "government",
    "would",
    "announce",
    "more",
    "details",
    "after",
    "a",
    "meeting",
    "with",
    "local",
    "leaders",
    "and",
    "many",
    "people",
    "in",
    "the",
    "region",
    "waited",
    "for",
    "news",
    "of",
    "what",
    "happened",
    "next",
    "while",
    "reports",
    "from",
    "the",
    "capital",
    "described",
    "the",
    "situation",
    "as",
    "serious",
]
OUTLETS = ("Associated Press", "Reuters", "Xinhua", "BBC", "Al Jazeera", "NPR", "CNN")


def sentence(rng: random.Random, story: str) -> str:
    """One sentence: four of the story's words among eight general ones."""
    own = STORIES[story][1].split()
    chosen = rng.sample(own, 4) + rng.sample(GENERAL, 8)
    rng.shuffle(chosen)
    return " ".join(chosen).capitalize() + "."


def article(story: str, number: int, seed: int = 0, outlet: str | None = None) -> Article:
    """Article ``number`` of a story: four paragraphs of two sentences; the story's headline
    for the first, six of its words for the others."""
    rng = random.Random(f"{story}-{number}-{seed}")
    title, own = STORIES[story]
    if number:
        title = " ".join(rng.sample(own.split(), 6)).capitalize()
    paragraphs = tuple(f"{sentence(rng, story)} {sentence(rng, story)}" for _ in range(4))
    return Article(
        id=0,
        path=f"{story}-{number}.txt",
        outlet=outlet or OUTLETS[number % len(OUTLETS)],
        title=title,
        date=dt.date(2025, 6, 1) + dt.timedelta(days=number),
        url=None,
        paragraphs=paragraphs,
    )


def numbered(articles: list[Article]) -> list[Article]:
    """The articles with ids in their order, as cleaning numbers them."""
    return [
        Article(i, a.path, a.outlet, a.title, a.date, a.url, a.paragraphs)
        for i, a in enumerate(articles)
    ]


def interleaved(*stories: tuple[str, int]) -> list[Article]:
    """Each (story, how many articles), taken in turn: A1 B1 A2 B2 ..."""
    made = [[article(story, n) for n in range(count)] for story, count in stories]
    longest = max(len(m) for m in made)
    return numbered([m[i] for i in range(longest) for m in made if i < len(m)])


def write(folder: Path, articles: list[Article]) -> list[Path]:
    """Each article as a text file: headline, date, then its paragraphs (the outlet is not
    in the file: an article is then credited by its headline)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in articles:
        path = folder / a.path
        body = "\n\n".join(a.paragraphs)
        day = f"{a.date:%B} {a.date.day}, {a.date.year}" if a.date else ""
        path.write_text(f"{a.title}\n\n{day}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths
