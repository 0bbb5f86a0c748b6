"""What kind of piece an article is: news, or a view (an opinion piece or an editorial).

A columnist's "the consensus on global warming does not exist" is a view; printed in a brief
as a fact it misleads. The kind is read from what the piece itself offers, most certain first:

- what the source files it under: a section, category or tag, a wire slug ("BC-EDIT-SHEPARD",
  "BC-RICH-COLUMN"), a note ("This is an editorial from…"), a title's label ("Opinion | …",
  "EDITORIAL: …") or a URL's section ("/opinion/", "/commentisfree/");
- a lead that says so ("The New York Times said in an editorial for Tuesday");
- its voice: the writer speaking as "I" outside quotations in a good share of its paragraphs,
  which reporting does not do (a speaker's "I" is quoted; an interview's answers are labelled).

"The Week in Review" is a section of news analysis, not a critic's review.

A news service's schedule (its "budget" of the stories it will file, a photo package, an
advisory) is no piece at all: its lines are summaries of other stories and notes to editors
("If you have questions, please call…"). ``schedule`` tells it by its wording or its slug.
So is an almanac ("Today is Monday, Oct. 18, the 291st day of 1999."): a list of what happened
on this date in other years, each line true and none of it news.

A list is no story either: a fact box ("*DEAD:", "At least 12,018"), a table of prices, a roll
of names. Its few sentences introduce the list ("Figures available Saturday on the earthquake
that struck Turkey early Tuesday.") and mean nothing without it. ``listing`` tells it by its
lines: most are entries without a sentence's closing punctuation, and few sentences are left.

A wire story filed in parts ("… Up Yields (1)", "… Up Yields (2)") is one story; a later part
alone is not: its first line carries on from the part before ("…, said Li.") and its "the
technique" and "the experiments" were explained there. ``later_parts`` finds the parts whose
first part is not among the day's articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from summarizer.models import RawDocument

NEWS = "news"
OPINION = "opinion"
EDITORIAL = "editorial"

_EDITORIAL_WORDS = r"edit|editorials?"
_OPINION_WORDS = (
    r"opinions?|commentary|commentaries|columns?|columnists?|op-?eds?|letters?|essays?|"
    r"(?:book|film|movie|tv|theat(?:er|re)|music|restaurant)?reviews?|viewpoints?|commentisfree"
)
# A label or slug segment that is one of these words (any case, a number after it allowed):
# "Opinion", "BC-RICH-COLUMN-NYT", "BC-TEEPEN-COLUMN12-COX".
_LABEL = re.compile(
    rf"(?<![^\W_])(?:(?P<editorial>{_EDITORIAL_WORDS})|{_OPINION_WORDS})(?![^\W\d_])", re.I
)
# A title's label: "Opinion | …", "EDITORIAL: …", "… | Letters".
_TITLE = re.compile(
    r"^\s*(?:(?P<editorial>editorial)|opinion|commentary|column|op-?ed|letters?|essay|review)"
    r"\s*[:|—–]|[|—–]\s*(?:opinion|letters?|editorial|comment)\s*$",
    re.I,
)
_WEEK_IN_REVIEW = re.compile(r"\bweek in review\b", re.I)
_EDITORIAL_LEAD = re.compile(r"\b(?:said in an editorial|this is an editorial)\b", re.I)
# The writer's own "I" (outside quotations), in a paragraph no speaker label opens ("Q:", "A.",
# "CO-PILOT", "1:57").
# Quotation marks as wire copy prints them: a closing mark may open a quotation (”I'm sure…”).
_QUOTE_MARK = re.compile(r"[“”\"]")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself)\b")
_SPEAKER = re.compile(r"^\s*(?:[QA][.:]|\d{1,2}:\d\d\b|[A-Z][A-Z.\-]+(?: [A-Z][A-Z.\-]+)*:? )")
MIN_VOICE = 3  # paragraphs in the writer's own "I" …
VOICE_SHARE = 0.2  # … and at least this share of them


# A news service's note on what it will file: "The Hearst News Service has filed or will file
# the following…", "plans to move the following", "ATTENTION EDITORS:", "Story will move in
# the ``A'' category", "(Already filed.)".
_SCHEDULE = re.compile(
    r"\b(?:has filed or will file|(?:will|plans to) (?:file|move) the following|attention "
    r"editors|story will move|already filed|described below, have been|unless otherwise "
    r"embargoed|(?:stories|features) are moving today to clients)\b",
    re.I,
)
# A slug that names the piece a schedule: "BC-HEARST-NEWS-BUDGET-HNS", "BC-PHOTO-BUDGET-NYT",
# "BC-BUDGET-SPI" (not "BC-CLINTON-BUDGET-HNS", a story on a budget, nor an "ADVISORY" slug,
# which one news service gives its features).
_SCHEDULE_SLUG = re.compile(r"\bBC-(?:.*-)?(?:NEWS|PHOTO)-BUDGET(?:-|$)|^BC-BUDGET-")


# An almanac's opening: "Today is Monday, Oct. 18, the 291st day of 1999."
_ALMANAC = re.compile(
    r"^\W*Today is \w+day, [A-Z][a-z]+\.? \d{1,2}, the \d{1,3}(?:st|nd|rd|th) day of \d{4}\b"
)


def almanac(paragraphs: Sequence[str]) -> bool:
    """Whether the article is a wire almanac, "Today in History" (module docstring)."""
    return bool(paragraphs) and bool(_ALMANAC.match(paragraphs[0]))


def schedule(raw: RawDocument, paragraphs: Sequence[str]) -> bool:
    """Whether the article is a news service's schedule of stories (module docstring): its
    slug says so, or its opening paragraphs do."""
    if any(_SCHEDULE_SLUG.search(label.strip()) for label in raw.labels):
        return True
    return any(_SCHEDULE.search(p) for p in paragraphs[:3])


MIN_ENTRIES = 5  # a list has at least this many entry lines …
ENTRY_SHARE = 2 / 3  # … making at least this share of its lines …
MAX_PROSE = 4  # … and at most this many lines of prose


def listing(lines: Sequence[str], entry: Callable[[str], bool]) -> bool:
    """Whether the article's body ``lines`` are a list, not a story (module docstring);
    ``entry`` tells a line that is no sentence."""
    entries = sum(map(entry, lines))
    prose = len(lines) - entries
    return entries >= MIN_ENTRIES and entries >= ENTRY_SHARE * len(lines) and prose <= MAX_PROSE


def kind(raw: RawDocument, title: str, paragraphs: Sequence[str]) -> str:
    """``NEWS``, ``OPINION`` or ``EDITORIAL`` for one article (module docstring)."""
    labelled = _labelled(raw, title)
    if labelled:
        return labelled
    if paragraphs and _EDITORIAL_LEAD.search(paragraphs[0]):
        return EDITORIAL
    return OPINION if _own_voice(paragraphs) else NEWS


def _labelled(raw: RawDocument, title: str) -> str | None:
    """The kind the source's labels, the title or the URL's path state, if any."""
    if any(_WEEK_IN_REVIEW.search(label) for label in raw.labels):
        return None
    path = urlsplit(raw.url).path if raw.url else ""
    sections = [*raw.labels, *path.split("/")[1:-1]]
    found = [m for label in sections for m in _LABEL.finditer(label)]
    found += [m for m in map(_TITLE.search, (raw.title or "", title)) if m]
    if not found:
        return None
    return EDITORIAL if any(m["editorial"] for m in found) else OPINION


def _own_voice(paragraphs: Sequence[str]) -> bool:
    """Whether the writer speaks as "I" in at least ``MIN_VOICE`` paragraphs and
    ``VOICE_SHARE`` of them."""
    own = sum(1 for p in paragraphs if not _SPEAKER.match(p) and _FIRST_PERSON.search(_unquoted(p)))
    return own >= MIN_VOICE and own >= VOICE_SHARE * len(paragraphs)


def _unquoted(paragraph: str) -> str:
    """The paragraph outside its quotations: every other stretch between quotation marks (a
    quotation left open runs to the end, as a quoted paragraph does)."""
    return " ".join(_QUOTE_MARK.split(paragraph.replace("’", "'"))[::2])


# A part's number after its title: "Biodiversity Farming Helps China Combat Rice Blast (2)".
_PART = re.compile(r"\s*\(\s*(\d)\s*\)\s*$")


def later_parts(titles: Iterable[str]) -> set[int]:
    """The positions of the titles that name a later part of a wire story ("(2)" to "(9)")
    whose first part (the same title numbered "(1)", or not numbered) is not among them."""
    parts: list[tuple[str, int]] = []
    for title in titles:
        m = _PART.search(title)
        parts.append((_story(title[: m.start()] if m else title), int(m[1]) if m else 0))
    first: dict[str, int] = {}
    for story, number in parts:
        first[story] = min(number, first.get(story, number))
    return {i for i, (story, number) in enumerate(parts) if first[story] >= 2}


def _story(title: str) -> str:
    """A title as its parts share it: case and spacing aside."""
    return " ".join(title.casefold().split())
