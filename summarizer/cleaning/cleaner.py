"""Cleaning stage: from a raw scraped document to an ``Article`` with furniture removed.

Scraped text carries page furniture (navigation, comment forms, widgets, captions), metadata
glued to the body (slug lines, ``date …`` prefixes, "Source:" trailers) and escaping left by
the scraper. Each rule below removes a *kind* of noise, recognised by its shape, rather than a
list of strings seen once; the metadata it strips is kept as the article's title, date and
outlet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from summarizer.cleaning import datelines, markup
from summarizer.cleaning.kind import almanac, kind, later_parts, listing, schedule
from summarizer.errors import UnreadableSource
from summarizer.models import Article, RawDocument, Skipped
from summarizer.reading.dates import parse_date
from summarizer.runtime.gated import Gated

_ESCAPES = {'\\"': '"', "\\'": "'", "\\n": "\n", "\\t": " ", "\\r": ""}
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_DATE = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?:\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})"
)
# A date, optionally labelled, at the very start of a line (glued to the body or alone).
_DATE_PREFIX = re.compile(
    rf"^\s*(?:(?:date|published|posted|updated|dated)\s*(?:on)?\s*[:\-–]?\s*)?(?P<date>{_DATE})"
    r"(?:\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|utc|gmt|z)?))?\s*[|,:\-–]?\s*",
    re.I,
)
_SOURCE_TRAILER = re.compile(
    r"^\s*(?:original\s+)?(?:source|sources|via|courtesy of|reporting by)\s*[:\-–]\s*"
    r"(?P<name>.{2,80})$",
    re.I,
)
# Lines from a comment section on: everything after them is readers' chatter or widgets.
_COMMENTS_START = re.compile(
    r"^\s*(?:leave a (?:reply|comment)|post a comment|\d+\s+comments?|comments|"
    r"join the (?:discussion|conversation)|related (?:posts|articles|stories))\s*:?\s*$",
    re.I,
)
# Kinds of furniture recognised by their wording: navigation, analytics and CMS placeholders,
# comment forms, sharing and subscription prompts, cookie and copyright notices, chat widgets.
_FURNITURE = re.compile(
    r"^\s*(?:back to top|top of page|bottom of page|skip to (?:main )?content|main menu|menu|"
    r"home|search|quantcast|google analytics|advertisement|sponsored(?: content)?|"
    r"share(?: this(?: article| story)?)?(?: on \w+)?|follow us\b.*|subscribe\b.*|sign up\b.*|"
    r"read more\b.*|related\s*:.*|see also\b.*|more on this story|click here\b.*|"
    r"(?:post|page|tags?|categor(?:y|ies)|filed under)\s*:.*|"
    r"your email address will not be published.*|required fields are marked.*|"
    r"(?:photo|image|picture|credit|caption|video)\s*:.*|"
    # A consent banner or a sign-up box, by the site speaking of itself: a news sentence about
    # cookies ("Chrome will block third-party cookies") or a bank's newsletter stays.
    r"(?:accept|allow|reject|decline|manage)(?: all)? cookies\b.*|cookies? (?:policy|settings)\b.*|"
    r".*\b(?:(?:we|this (?:site|website)) uses? cookies|our (?:use of cookies|cookie policy)|"
    r"our (?:(?:free|daily|weekly|morning|e-?mail) )*newsletters?|all rights reserved)\b.*|"
    r"newsletters?(?:\s*:.*)?|"
    r"©.*|copyright(?:\s*(?:©|\(c\)|\d{4}).*)?)\s*$",  # not "Copyright lawsuits rose…"
    re.I,
)
# A chat widget's greeting: short, speaking to the reader ("Hi, I'm here to help").
_WIDGET = re.compile(r"\b(?:here to help|chat with us|how can (?:i|we) help)\b", re.I)
# Notes to editors that wire services put in the copy: syndication terms (after a service's
# name in capitals or a "-0-" end mark: "NEW AMERICA NEWS SERVICE (Distributed by…"), contact
# details, and the line in brackets that says who the writer is ("(Margaret Talbot is a
# contributing writer for The New York Times Magazine.)").
# Matched at the line's start; the contact details (``_REACHED``) anywhere in it.
_WIRE_NOTE = re.compile(
    r"\s*(?:-0-\s*)?(?:(?-i:[A-Z][A-Z'’.&\-]*(?: [A-Z][A-Z'’.&\-]*)+) ?(?=\())?\(?\s*"
    r"(?:editors?(?:'s|’s)?(?:\s+note)?\s*:|for use by\b|distributed by\b|"
    r"to publish this article\b|to purchase this material\b)|"
    r"\s*\((?-i:[A-Z])[^()]{0,80}?\b(?:is|was) (?:a|an|the)\b[^()]{0,80}?\b(?:writer|editor|"
    r"columnist|correspondent|contributor|reporter|author)\b[^()]*\)\s*$",
    re.I,
)
_REACHED = Gated(
    re.compile(r"\bcan be reached\b.*(?:\(\d{3}\)|\d{3}-\d{4}|@|\(at\))", re.I), "reached"
)
_SLUG_TOKEN = re.compile(r"^[\w\-]*[A-Za-z0-9]_[\w\-]*$")
# Markup, an entity or typesetting code, a wire document id ("NYT20000119.0262") or budget
# slug ("BC-NJ--Evolution & Schools,730"): not a headline.
_MARKUP_OR_ID = re.compile(r"<[^>]*>|&[A-Za-z]+;|\b[A-Z]{2,5}\d{8}(?:\.\d+)?\b|^BC-|--|,\d{3,4}$")
_CREDIT_WORDS = 6
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]")
# An image's description ("A military landscape depicting tanks…", "A photo showing…"); with
# "shows" / "showing" the subject must be a picture: "The report shows…" and "A video
# showing…" are news.
_CAPTION = re.compile(
    r"^(?:an?|the)\s+\w+(?:\s+\w+)?\s+(?:\w+\s+)?(?:depicting|illustrating)\b|"
    r"^(?:an?|the)\s+(?:\w+\s+)?(?:photo(?:graph)?|image|picture|illustration|screenshot|still|"
    r"graphic|drawing|rendering)\s+(?:\w+\s+)?(?:showing|shows|featuring|pictured)\b",
    re.I,
)
# Typewriter conventions of wire copy: `` and '' for quotes, a spaced underscore for a dash.
_TYPEWRITER = (("``", "“"), ("''", "”"), (" _ ", " — "))
# Some wires (AP's 1990s copy) open a quotation with '' too: one that starts a line or follows
# a space or an opening bracket, before a word, opens it ("considers a ''modest'' flat"). Read
# as closing marks, both ends of the quotation were closings, and the sentence a half quote.
# Written to open on the marks, what comes before them asked after ("not after a character
# other than a space or bracket", true at the text's start): ``re`` then looks for the marks
# alone instead of trying the pattern at every position, a fiftieth of the time, the same
# matches (a line's start follows a line break, a space).
_OPENING_TYPEWRITER = re.compile(r"''(?<=(?<![^\s(\[—–-])'')(?=[^\s'])")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
# "150, 000 people": a number broken after its thousands separator by a typesetting slip.
_SPLIT_THOUSANDS = re.compile(r"\b(\d{1,3}), (000)\b")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
# A link or image: its text stops at the next bracket and its target at the next parenthesis
# (one level of nesting allowed), so a line of "[" or "](" costs one step per character.
_MD_TARGET = r"\((?:[^()]|\([^()]*\))*\)"
_MD_LINK = re.compile(rf"!\[[^\[\]]*\]{_MD_TARGET}|\[([^\[\]]+)\]{_MD_TARGET}")
_MD_MARKUP = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)|(\*\*|__|\*|`)")


def clean_all(
    docs: Iterable[RawDocument | Skipped],
) -> tuple[list[Article], list[Skipped]]:
    """Clean every document as it arrives (its raw text is not kept); the same text arriving
    twice counts once. Inputs the reader already skipped pass through, in order."""
    return distinct(clean_each(docs))


def clean_each(docs: Iterable[RawDocument | Skipped]) -> Iterator[Article | Skipped]:
    """Each document cleaned (numbered later, ``distinct``), or the reason it is skipped."""
    for raw in docs:
        if isinstance(raw, Skipped):
            yield raw
            continue
        try:
            yield clean(raw, 0)
        except UnreadableSource as exc:
            yield Skipped(raw.path, str(exc))


def distinct(found: Iterable[Article | Skipped]) -> tuple[list[Article], list[Skipped]]:
    """Articles numbered in order, each text once, no later part of a wire story without its
    first (``kind.later_parts``); what was skipped, in order."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for item in found:
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        key = " ".join(" ".join(item.paragraphs).lower().split())
        if key in seen:
            skipped.append(Skipped(item.path, f"same text as {seen[key]}"))
            continue
        seen[key] = item.path
        articles.append(item)
    alone = later_parts(a.title for a in articles)
    for i in sorted(alone):
        skipped.append(Skipped(articles[i].path, "a later part of a story whose first is missing"))
    return renumber(a for i, a in enumerate(articles) if i not in alone), skipped


def article_size(article: Article) -> int:
    """How much text an article has: of two copies of one URL, the fuller one is kept."""
    return sum(len(p) for p in article.paragraphs)


def renumber(articles: Iterable[Article]) -> list[Article]:
    """Articles numbered 0, 1, 2… in order, after some were left out."""
    return [a if a.id == i else dataclasses.replace(a, id=i) for i, a in enumerate(articles)]


def clean(raw: RawDocument, article_id: int) -> Article:
    """Turn one raw document into an article, or raise ``UnreadableSource`` if nothing is left."""
    lines = _lines(raw)
    lines, source_named = _take_source(lines)
    lines, date = _take_date(lines)
    heading, body = _split_title(lines)
    paragraphs = tuple(
        datelines.strip_labels(p, i == 0) for i, p in enumerate(body) if not _is_heading(p)
    )
    _refuse_non_story(raw, heading, body, paragraphs)
    # A feed's title field can carry what its text does: "Langer #39;s challenge".
    given = markup.plain(raw.title) if raw.title else None
    title = next(filter(_is_title, (given, heading)), None) or _title_from(paragraphs[0])
    # A heading line can be what says the kind: "The Times said in an editorial for Tuesday:".
    found = kind(raw, title, (heading, *paragraphs) if heading else paragraphs)
    # With no outlet known, the article is credited by its title, never by a file name.
    outlet = (
        raw.outlet
        or _outlet_name(source_named)
        or datelines.agency(body[:1])
        or _credit_line(title)
    )
    return Article(
        id=article_id,
        path=raw.path,
        outlet=outlet,
        title=title,
        date=raw.date or date,
        url=raw.url,
        paragraphs=paragraphs,
        source_named=_outlet_name(source_named),
        published=raw.published if raw.date else None,
        author=raw.author,
        kind=found,
        place=datelines.place(body[0], paragraphs),
    )


def _refuse_non_story(
    raw: RawDocument, heading: str | None, body: list[str], paragraphs: tuple[str, ...]
) -> None:
    """Raise ``UnreadableSource`` for a document with no story to tell: nothing left, a
    news service's schedule, a fact box, an almanac."""
    if not paragraphs:
        raise UnreadableSource("no sentence left after cleaning")
    # Read before labels are stripped: "ATTENTION EDITORS: The following photos…".
    if schedule(raw, (heading, *body) if heading else body):
        raise UnreadableSource("a news service's schedule of stories, not a story")
    if listing(body, _is_heading):
        raise UnreadableSource("a list or table (a fact box), not a story")
    if almanac(paragraphs):
        raise UnreadableSource("an almanac (today in history), not a story")


def _lines(raw: RawDocument) -> list[str]:
    """Normalised paragraph lines, with furniture and anything after a comment form removed."""
    text = raw.text
    if "''" in text:
        text = _OPENING_TYPEWRITER.sub("“", text)
    for escaped, plain in (*_ESCAPES.items(), *_TYPEWRITER):
        text = text.replace(escaped, plain)
    text = markup.plain(text)
    if not text.isascii():  # ASCII has none of them; deleting each one found is C speed
        for invisible in _INVISIBLE:
            if invisible in text:
                text = text.replace(invisible, "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    markdown = Path(raw.path).suffix.lower() in {".md", ".markdown"}
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        for line in _unwrap(block.split("\n")):
            line = _spaced(_strip_markdown(line) if markdown else line)
            if ", 000" in line:
                line = _SPLIT_THOUSANDS.sub(r"\1,000", line)
            if _COMMENTS_START.match(line):
                return out
            if line and not _is_furniture(line):
                out.append(line)
    return out


def _spaced(line: str) -> str:
    """The line with each run of white space one space, stripped. An ASCII line with no two
    spaces together and no tab has nothing to change (most lines: no pattern run)."""
    if line.isascii() and "  " not in line and "\t" not in line:
        return line.strip()
    return _SPACES.sub(" ", line).strip()


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines of one block; keep one-paragraph-per-line text as it is.

    A block is wrapped when most of its lines stop without closing punctuation.
    """
    lines = [ln for ln in lines if ln.strip()]
    if len(lines) < 2:
        return lines
    open_ended = sum(1 for ln in lines[:-1] if not _TERMINAL.search(ln.strip()))
    if open_ended * 2 > len(lines) - 1 and all(len(ln.split()) > 4 for ln in lines[:-1]):
        return [_join(ln.strip() for ln in lines)]
    return lines


def _join(lines: Iterable[str]) -> str:
    """Lines of one paragraph as one: a space between, none after a hyphen that ends a line
    inside a word ("out-of-" + "competition"): wire copy breaks at a compound's hyphen."""
    out = ""
    for line in lines:
        joined = out and not _HYPHEN_END.search(out)
        out = f"{out} {line}" if joined else out + line
    return out


def _strip_markdown(line: str) -> str:
    line = _MD_LINK.sub(lambda m: m.group(1) or "", line)
    return _MD_MARKUP.sub("", line)


def _is_furniture(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    words = line.split()
    if not re.search(r"[^\W\d_]", line):
        return True  # numbers, bullets, stray symbols
    if len(words) <= 3 and any(_SLUG_TOKEN.match(w) for w in words):
        return True  # slugs and CMS identifiers such as Blog2_Post
    if len(words) < 15 and not line.isascii() and _EMOJI.search(line):
        return True  # chat widgets and social prompts
    if len(words) < 40 and _CAPTION.match(line):
        return True  # image descriptions / alt text
    if len(words) < 80 and _is_wire_note(line):
        return True  # notes to editors, reporters' contact details
    if len(words) <= 8 and _WIDGET.search(line):
        return True
    return len(words) < 25 and bool(_FURNITURE.match(line))


def _is_wire_note(line: str) -> bool:
    """A note to editors (``_WIRE_NOTE``), or a reporter's contact details (``_REACHED``)."""
    return bool(_WIRE_NOTE.match(line)) or _REACHED.search(line, line.casefold())


def _take_source(lines: list[str]) -> tuple[list[str], str | None]:
    """Remove "Source: X" trailers; the first one names the outlet the story came from."""
    named = None
    kept = []
    for line in lines:
        m = _SOURCE_TRAILER.match(line)
        if m and len(line.split()) <= 8:
            named = named or m["name"].strip(" .")
        else:
            kept.append(line)
    return kept, named


def _take_date(lines: list[str]) -> tuple[list[str], dt.date | None]:
    """Find the article date in its first lines; strip a date glued to the body's start."""
    for i, line in enumerate(lines[:6]):
        m = _DATE_PREFIX.match(line)
        if not m:
            continue
        date = parse_date(m["date"])
        if date is None:
            continue
        rest = line[m.end() :].strip()
        if rest:
            return [*lines[:i], rest, *lines[i + 1 :]], date
        return [*lines[:i], *lines[i + 1 :]], date
    return lines, None


def _is_heading(line: str) -> bool:
    """A title, sub-heading or navigation label: short and without closing punctuation."""
    return not _TERMINAL.search(line) and len(line.split()) <= 20


def _split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The title is the first heading-like line before the body starts."""
    for i, line in enumerate(lines):
        if not _is_heading(line):
            return None, lines
        if len(line.split()) >= 3:
            return line, lines[i + 1 :]
    return None, lines


def _outlet_name(named: str | None) -> str | None:
    """Outlet from a trailer: a bare web address is shown as its domain."""
    if not named:
        return None
    named = re.sub(r"^https?://", "", named.strip()).split("/")[0] if "." in named else named
    return re.sub(r"^www\.", "", named).strip() or None


def _is_title(text: str | None) -> bool:
    """A headline, not markup, a document id ("NYT20000119.0262") or a CMS slug."""
    if not text or not re.search(r"[^\W\d_]{2}", text):
        return False
    return not (_MARKUP_OR_ID.search(text) or _SLUG_TOKEN.match(text))


def _credit_line(title: str) -> str:
    """An article credited by its title, shortened and quoted: “Putin Open to Negotiations…”."""
    words = title.rstrip("…").split()
    head = " ".join(words[:_CREDIT_WORDS]).rstrip(",;:–—-")
    return f"“{head}{'…' if len(words) > _CREDIT_WORDS else ''}”"


def _title_from(paragraph: str) -> str:
    """A title made from the lead when the article has none: its first dozen words."""
    words = paragraph.split()
    head = " ".join(words[:12]).rstrip(",;:")
    return head + ("…" if len(words) > 12 else "")
