"""The reader for DUC/TREC-style SGML news files (``<DOC>``, ``<HEADLINE>``, ``<TEXT>``, ``<P>``).

``readers`` registers it like any user's reader. The file is read in one pass over its tags,
never by a search from every opening tag to its closing one: such a search is quadratic on a
run of ``<`` or of unclosed tags (a 1 MB file took minutes). A ``<DOC>``, field or paragraph
the file never closes ends where the next one starts, or at the end, so a file cut short keeps
the text it has.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

from summarizer.models import RawDocument, Source
from summarizer.reading.readers import Reader

_TAG = re.compile(r"<(/?)(DOCNO|DATE_TIME|DATE|HEADLINE|TEXT|SLUG|CATEGORY|DOC)>", re.I)
# Between the headline and the text, a wire story's notes and byline: "(The Week in Review)
# By FRANK RICH c.1998 N.Y. Times News Service". Kept as the field PRELUDE.
_PRELUDE = "PRELUDE"
_NOTE = re.compile(r"\(([^()]{3,200})\)")
_BYLINE = re.compile(r"\bBy ([A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){1,4})")
_COPYRIGHT = re.compile(r"\bc\. ?(?:19|20)\d\d\b.*$")
_NOTE_WORDS = 10
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|JR\.?|SR\.?)$")
_P_TAG = re.compile(r"<(/?)P>", re.I)
# Any tag: stops at the next "<", so a run of "<" without ">" costs one step each.
_ANY_TAG = re.compile(r"<[^<>]+>")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# The New York Times wire's typesetting codes (&QL; quad left, &UR; upper rail, &HT; tab, ...)
# and its list marker, a paragraph opening "_ ": layout, not words.
_NYT_CODES = re.compile(r"&(?:Q[LRC]|[UL]R|MD|HT|Cx[0-9A-Fa-f]+);")
_NYT_BULLET = re.compile(r"^_\s+(?=\S)")
_LINE_BREAK_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")
_ISO_DAY = re.compile(r"(19|20)(\d\d)-?(\d\d)-?(\d\d)")
_US_DAY = re.compile(r"\b(\d\d)/(\d\d)/((?:19|20)\d\d)\b")
_OUTLETS = {
    "APW": "Associated Press",
    "NYT": "The New York Times",
    "XIE": "Xinhua",
    "LTW": "Los Angeles Times/Washington Post",
    "AFP": "Agence France-Presse",
    "FBIS": "FBIS",
    "FT": "Financial Times",
    "LA": "Los Angeles Times",
    "SJMN": "San Jose Mercury News",
    "WSJ": "Wall Street Journal",
}


def claims_duc(source: Source, head: str) -> bool:
    """A <DOC> with its <TEXT> or <DOCNO> (a long wire header can push <TEXT> past the head)."""
    upper = head.upper()
    return "<DOC>" in upper and ("<TEXT>" in upper or "<DOCNO>" in upper)


def read_duc(source: Source, text: str) -> list[RawDocument]:
    """One document per <DOC> with text: its paragraphs, headline, date and agency."""
    docs = []
    for fields in _blocks(text):
        paras = (_paragraph(p) for p in _paragraphs(fields.get("TEXT", "")))
        clean = [p for p in paras if p]
        if not clean:
            continue
        docno = " ".join(fields.get("DOCNO", source.name).split())
        stated = (fields.get("DATE_TIME", ""), fields.get("DATE", ""))
        prelude = _paragraph(fields.get(_PRELUDE, ""))
        docs.append(
            RawDocument(
                path=str(source),
                text="\n\n".join(clean),
                title=_paragraph(fields.get("HEADLINE", "")) or None,
                date=_filed(stated, docno),
                outlet=_OUTLETS.get(re.sub(r"[^A-Z].*", "", docno.upper())),
                author=_author(prelude),
                labels=_labels(fields, prelude),
            )
        )
    return docs


def _labels(fields: dict[str, str], prelude: str) -> tuple[str, ...]:
    """The slug, the category and the prelude's short notes and words other than the byline
    and copyright ("Commentary", "(The Week in Review)"): what the wire files the story under.
    Longer notes are for editors (sales terms, "See also DOWD-COLUMN, EDIT-IMPEACH…")."""
    rest = _COPYRIGHT.sub("", _BYLINE.sub("", _NOTE.sub(" ", prelude)))
    notes = [" ".join(n.split()) for n in (*_NOTE.findall(prelude), rest)]
    found = (_paragraph(fields.get("SLUG", "")), _paragraph(fields.get("CATEGORY", "")))
    return tuple(x for x in (*found, *(n for n in notes if len(n.split()) <= _NOTE_WORDS)) if x)


def _author(prelude: str) -> str | None:
    """The byline's name ("By FRANK RICH" → "Frank Rich"), None without one."""
    found = _BYLINE.search(prelude)
    if found is None:
        return None
    return " ".join(
        w if _ROMAN.match(w) or not w.isupper() else w.title() for w in found[1].split()
    )


def _blocks(text: str) -> Iterator[dict[str, str]]:
    """Each <DOC>'s fields (the first of each kind), in one pass over the tags."""
    fields: dict[str, str] | None = None
    field: tuple[str, int] | None = None  # the open field and where its content starts
    for tag in _TAG.finditer(text):
        closing, name = tag[1] == "/", tag[2].upper()
        if name == "DOC":
            if fields is not None:
                if field:
                    fields.setdefault(field[0], text[field[1] : tag.start()])
                yield fields
            fields, field = (None if closing else {}), None
        elif fields is None:
            continue
        elif closing:
            if field and field[0] == name:
                fields.setdefault(name, text[field[1] : tag.start()])
                field = (_PRELUDE, tag.end()) if name == "HEADLINE" else None
        else:
            if field:  # a field left open ends where the next one starts
                fields.setdefault(field[0], text[field[1] : tag.start()])
            field = (name, tag.end())
    if fields is not None:  # a file cut before its </DOC>
        if field:
            fields.setdefault(field[0], text[field[1] :])
        yield fields


def _paragraphs(body: str) -> list[str]:
    """The <P> paragraphs of a body (an unclosed one ends at the next), else its blocks."""
    paras: list[str] = []
    start: int | None = None
    for tag in _P_TAG.finditer(body):
        if start is not None:
            paras.append(body[start : tag.start()])
        start = None if tag[1] else tag.end()
    if start is not None:
        paras.append(body[start:])
    return paras or _BLANK_LINE.split(body)


def _paragraph(markup: str) -> str:
    """One paragraph's text: tags and wire typesetting codes out, entities decoded, a word
    hyphenated across a line break joined again ("out-of-\\ncompetition")."""
    text = _LINE_BREAK_HYPHEN.sub("-", _NYT_CODES.sub(" ", _ANY_TAG.sub(" ", markup)))
    return _NYT_BULLET.sub("", html.unescape(" ".join(text.split())))


def _filed(stated: tuple[str, ...], docno: str) -> dt.date | None:
    """The date a document was filed: the first its fields state, else its DOCNO's. A stated
    date whose day and month are the DOCNO's swapped is the DOCNO's ("1998-03-06" in
    APW19980603.0043, a June story whose header says "06-03"): a wire clerk's slip, which put
    a June report in March, three months before the news it carries."""
    numbered = _date(docno)
    for value in stated:
        found = _date(value)
        if found is None:
            continue
        if numbered and (found.year, found.day, found.month) == (
            numbered.year,
            numbered.month,
            numbered.day,
        ):
            return numbered
        return found
    return numbered


def _date(value: str) -> dt.date | None:
    """``2000-01-19 19:04``, ``19980812`` (in a DOCNO) or ``08/12/1998 13:29:00``."""
    iso = _ISO_DAY.search(value)
    us = _US_DAY.search(value)
    try:
        if iso:
            return dt.date(int(iso[1] + iso[2]), int(iso[3]), int(iso[4]))
        if us:
            return dt.date(int(us[3]), int(us[1]), int(us[2]))
    except ValueError:
        pass
    return None


READER = Reader("duc-sgml", claims_duc, read_duc)
