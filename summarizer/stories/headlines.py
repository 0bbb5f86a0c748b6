"""Headlines as headings: which of a story's headlines a reader can use, and in what form.

One place for the test both the story list (``brief stories``) and the brief of many stories
use: a headline says what happened when it has ``TITLE_WORDS`` words or more, was written as
a headline (not made by cleaning from an untitled article's lead), is more than a date (a
news service's advisory, "Sunday, Nov. 13") and heads a report, not a notice (``notice``: a
news service's list of the stories it will file, an advisory to editors, a photo's caption)
nor a view: a column's or an editorial's title is a turn of phrase ("Thorn in Asean's Side",
"Dollars and Nonsense"), not what happened, and its lines never reach the brief as news.
A wire's note to editors after it is cut ("… EDS-Updates with more details", "(UPDATE 2)"),
and one in capitals (a wire's slug line) is set in title case and taken only when no other
will do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.cleaning.kind import NEWS
from summarizer.models import Article

TITLE_WORDS = 3  # a headline this short or longer reads as a phrase
WIRE_NOTE = re.compile(r"\s+(?:EDS\b.*|\((?:UPDATE|CORRECTED|REFILE)\b[^)]*\)|\([A-Za-z]{1,3}\))$")
DATE_WORDS = re.compile(
    r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|june?|july?|aug|"
    r"sept?|oct|nov|dec|[a-z]+ber|january|february|march|april|august|\d+(?:st|nd|rd|th)?"
)
# A wire's typewriter single quotes: a backtick opens, a straight quote closes.
TYPEWRITER = re.compile(r"`([^`']+)'")
# What a notice says of itself in its title or its opening paragraphs: a news service's list
# ("The Hearst News Service will file the following for Wednesday", "news budget"), an
# advisory ("EDITORS:", "ADVISORY"), a picture ("PHOTO:", "Photo caption").
NOTICE = re.compile(
    r"(?i)\b(?:will|has|have) (?:filed|file|moved|move)(?: or will (?:file|move))? the following\b"
    r"|\bnews budget\b|^\W*(?:editors?|advisory|budget|photos?|graphics?|caption)\b\s*[:_-]"
    r"|\bphoto caption\b"
)
NOTICE_PARAGRAPHS = 3  # a notice says so in its title or its first few paragraphs
# Words a headline written in capitals keeps in lower case once it is not.
SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def headline(article: Article) -> str | None:
    """The article's own headline as a heading, or None when it is too short to say what
    happened, only a date, was made from its lead (an untitled article), heads a notice or
    heads a view (an opinion piece, an editorial)."""
    if article.kind != NEWS:
        return None
    text = _bare(article)
    words = [w.strip(".,:;") for w in text.split()]
    if len(words) < TITLE_WORDS or from_lead(article) or notice(article):
        return None
    if all(DATE_WORDS.fullmatch(w) for w in words if w):
        return None
    return title_case(text)


def story_title(ranked: Sequence[Article]) -> str:
    """The first usable headline of ``ranked`` (``headline``), one written in capitals only
    when no other is; else the first title that reads as a phrase, else the first title."""
    usable = [(text, _bare(a).isupper()) for a in ranked if (text := headline(a))]
    quiet = [text for text, capitals in usable if not capitals]
    if quiet or usable:
        return (quiet or [text for text, _ in usable])[0]
    titles = [_bare(a) for a in ranked]
    phrases = [t for t in titles if len(t.split()) >= TITLE_WORDS]
    return title_case(next(iter(phrases or titles)))


def notice(article: Article) -> bool:
    """Whether the article is a notice, not a report: a news service's list of stories, an
    advisory to editors or a photo's caption, as its title or opening paragraphs say."""
    opening = (article.title, *article.paragraphs[:NOTICE_PARAGRAPHS])
    return any(NOTICE.search(" ".join(text.split())) for text in opening)


def from_lead(article: Article) -> bool:
    """Whether the title is the start of the lead, as cleaning names an untitled article."""
    head = article.title.rstrip("…").split()
    return bool(article.paragraphs) and article.paragraphs[0].split()[: len(head)] == head


def title_case(text: str) -> str:
    """A headline in capitals in title case ("ARMY RETREATS ON WETLANDS" -> "Army Retreats on
    Wetlands"); any other as it is."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if n and w in SMALL_WORDS else _capital(w) for n, w in enumerate(words))


def _capital(word: str) -> str:
    """The word with its first letter up, after any opening quote ("‘black" -> "‘Black"); one
    that opens with a figure as it is ("10th", not "10Th")."""
    at = next((n for n, c in enumerate(word) if c.isalnum()), 0)
    if word[at : at + 1].isdigit():
        return word
    return word[:at] + word[at : at + 1].upper() + word[at + 1 :]


def _bare(article: Article) -> str:
    """The title on one line, without a wire's note to editors, a typewriter's single quotes
    set as printed ("`BLACK BOXES' FOR CARS" -> "‘BLACK BOXES’ FOR CARS")."""
    return TYPEWRITER.sub(r"‘\1’", WIRE_NOTE.sub("", " ".join(article.title.split())))
