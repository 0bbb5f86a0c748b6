"""Sentence stage: split each article into ``Sentence`` values and judge which can stand alone.

Every sentence is kept for ranking and redundancy (it is evidence of what the day's story is
about), but only sentences a reader can understand out of context are eligible to be shown:
no fragments, no dangling "He said…", no half quotations, no headline run into the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from summarizer.models import Article, Sentence
from summarizer.runtime.gated import Gated
from summarizer.runtime.progress import progress
from summarizer.runtime.workers import map_in_order
from summarizer.text import context, descriptions, name_lists, names, places, pointing, voices
from summarizer.text.quotes import blanked, outside_quotations
from summarizer.text.splitting import split_sentences, tokenizer
from summarizer.text.statements import statement
from summarizer.text.timing import day_bound, expects
from summarizer.text.value import news_value
from summarizer.text.words import STOP_WORDS, content_terms, stem, stemmer, words

MIN_WORDS = 6
MAX_WORDS = 70

# "Drama series: “All My Children,” ABC; “Days of Our Lives,” NBC; …": an entry of a list.
_LIST_ENTRY = re.compile(r"^[^:;]{1,60}:\s")
# "1992: Makes Test debut against India.": an entry of a timeline whose subject is the list's
# title (a year, a colon, then the verb). "Nov. 22 -- Elian and 12 others leave Cuba" says who.
_TIMELINE_ENTRY = re.compile(r"^(?:19|20)\d\d\s*:\s+[A-Z][a-z]+(?:s|ed)\b(?!\s*[,:])")
LIST_SEMICOLONS = 2
# "Air France A330 F-GZCP lands at Paris-Charles de Gaulle Airport on March 28, 2007.": a
# photo's caption, in the present tense with a date gone by; a report's sentence that ends on
# a full date tells it in the past ("was signed", "said") or the future ("will").
_CAPTION = re.compile(
    r"(?:,|\bon)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},"
    r"\s+\d{4}\.[\"'”’)]*$"
)
# A caption that opens an article: a name or two, then where or when they were pictured.
_PICTURED = re.compile(
    r"^[A-Z][\w’'.\-]*,?(?:\s+[A-Z][\w’'.\-]*,?){0,4}\s+(?:at|in|on|after|during|near|outside|"
    r"inside|from)\s"
)
# A verb a report tells by: an auxiliary, or a past form not after an article or possessive
# ("raided", not "the collapsed block").
_FINITE = re.compile(
    r"\b(?:is|are|be|been|being|am|was|were|had|has|have|will|would|said|did)\b|"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )\b[a-z]+ed\b",
    re.I,
)
_CAPTION_WORDS = 15
# Where someone stands in the photo, in a caption's present tense: "Italian Premier Silvio
# Berlusconi (left) goes for a walk with ...". A report may say it too, in its own tense:
# "Bryan Robinson (pictured) was among 21 players cut Sunday".
_IN_PHOTO = re.compile(
    r"\((?:left|right|centre|center|front|rear|back|top|bottom|"
    r"(?:second|third|far|back|front) (?:from )?(?:left|right)|(?:left|right) to right|"
    r"pictured|above|below|inset)\)"
)
_TOLD = re.compile(r"\b(?:was|were|had|has|have|will|would|said|did|\w+ed)\b", re.I)
# "also" among the first words outside quotations says "as well as what you just read".
_ALSO = re.compile(r"(?<=\s)also\s+")
_ALSO_WINDOW = 7
MIN_TERMS = 3  # content words a statement needs to say something of its own
# Connectives a sentence can lose without changing what it states ("However, X did Y").
_DROPPABLE = re.compile(
    r"^(?:however|meanwhile|additionally|furthermore|moreover|also|conversely|still|"
    r"nonetheless|nevertheless|likewise|similarly|indeed|in addition|in the meantime|"
    r"for (?:its|his|her|their) part|at the same time|on the other hand|in turn|separately)\s*,\s+",
    re.I,
)
_END = re.compile(r"[.!][\"'”’)\]]*$")
# A sentence that trails off ("…and other sources of trans fatty acids...") was cut short,
# mostly by a feed's summary: the reader is left waiting for the rest ("…" already fails _END).
# Written to open on its first dot ("(?:\.\s?){3,}" spelled out) so that ``re`` looks for the
# dots alone instead of trying the pattern at every position: the same matches.
_TRAILS_OFF = re.compile(r"\.(?:\s?\.){2,}\s?[\"'”’)\]]*$")
# A text cut after a company's name, its abbreviation taken for the sentence's end: "Facing
# its biggest threat ever ..., Japanese game-maker Nintendo Co." (a feed's summary, cut), "AOL,
# a division of Time Warner Inc." (split where the name's full stop ends it). With no verb a
# report tells by (``_FINITE``), it is no sentence.
_CUT_AT_NAME = re.compile(r"\b(?:Co|Cos|Corp|Inc|Ltd|Bhd|Plc|Pty)\.$")
_SLUG = Gated(re.compile(r"\b[A-Za-z0-9]+_[A-Za-z0-9]+_[A-Za-z0-9_]+\b"), "_")
_URL = Gated(re.compile(r"https?://|www\.", re.I), "://", "www.")
_METADATA = re.compile(r"^(?:date|published|updated|posted|by)\s*:?\s*\d", re.I)
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'\-]+\b")
_NON_LETTERS = re.compile(r"[\W\d_]+")
_CAPITALISED = re.compile(r"^[A-Z][\w’'\-]*$")
# A run-in heading has three words or more: a shorter run is mostly a name ("Human Rights
# Watch", "World Heritage Committee").
_HEADING_WORDS = 3
_NOT_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())  # ASCII, as bytes


def split_article(article: Article) -> list[Sentence]:
    """All sentences of one article, numbered in reading order, each with the people it
    names by surname only (``names.py``) and whether it can be shown alone: in form
    (``is_standalone``), outside an interview's questions and answers, and in what it says
    about who speaks and whom it is about (``in_context``)."""
    ordinary = lowercase_words(article.paragraphs)
    pieces = _pieces(article, ordinary)
    printed_texts = [text for _, text, _ in pieces]
    people = names.article_people(printed_texts, ordinary)
    interview = voices.interview_paragraphs(article.paragraphs)
    out: list[Sentence] = []
    for p_index, printed, aside in pieces:
        text = repair(printed)
        reading = Reading("not alone")
        if not aside and p_index not in interview:
            earlier = (article.title, *printed_texts[: len(out)])
            reading = _reading(text, article.place, earlier, ordinary)
        out.append(
            Sentence(
                article=article.id,
                position=len(out),
                text=text,
                paragraph=p_index,
                eligible=reading.refused is None,
                printed=printed if printed != text else None,
                names=reading.names + _surname_refs(text, people, ordinary),
            )
        )
    return out


def _pieces(article: Article, ordinary: frozenset[str]) -> list[tuple[int, str, bool]]:
    """Each sentence as printed, with its paragraph and whether it is an aside (a wrap-up's
    or a caption's paragraph), a run-in heading taken off."""
    # Stems of the article's ordinary words, made only for the rare run-in heading.
    vocabulary = cache(lambda: frozenset(stem(w) for w in ordinary))
    whole = "\n".join(article.paragraphs)
    pieces: list[tuple[int, str, bool]] = []
    for p_index, paragraph in enumerate(article.paragraphs):
        found = [_drop_run_in_heading(raw, vocabulary, whole) for raw in split_sentences(paragraph)]
        # A paragraph that opens "In summary, …" restates the article, one that opens with a
        # photo's caption goes on about the photo ("… on March 28, 2007. The aircraft was
        # destroyed in …"): none of it is news.
        aside = bool(found) and bool(context.WRAP_UP.match(found[0]) or _caption(found[0]))
        alone = not pieces and len(found) == 1 and len(article.paragraphs) > 1
        aside = aside or (alone and _opening_caption(found[0]))
        pieces.extend((p_index, text, aside) for text in found)
    return pieces


@dataclass(frozen=True)
class Reading:
    """What a sentence that stands alone in form makes of its article: ``refused`` says why a
    reader could not take it alone (None: they can), ``names`` what the brief restores in
    brackets for them ("the [Environmental Protection] agency")."""

    refused: str | None
    names: tuple[tuple[str, str], ...] = ()


def in_context(text: str, earlier: Sequence[str], ordinary: frozenset[str]) -> Reading:
    """Whether a sentence says who speaks and whom it is about (``voices.py``,
    ``descriptions.py``), given the ``earlier`` sentences of its article (title first) and
    ``ordinary``, the article's lower-case words."""
    if voices.first_person(text):
        return Reading("first person")
    if voices.unnamed_quotation(text, ordinary):
        return Reading("quotation without a speaker")
    if voices.unnamed_person(text, ordinary):
        return Reading("he or she without a name")
    verdict = descriptions.judge(text, earlier, ordinary)
    if not verdict.clear:
        return Reading("description without a name")
    repaired = verdict.insertion[0] if verdict.insertion else None
    if pointing.points_back(text, earlier[1:], repaired):  # the sentences, not the headline
        return Reading("points back to what its article named")
    return Reading(None, (verdict.insertion,) if verdict.insertion else ())


def _reading(
    text: str, place: str | None, earlier: Sequence[str], ordinary: frozenset[str]
) -> Reading:
    """``in_context``'s reading of a sentence that stands alone in form, as its wire report's
    dateline completes it: "the embassy here" reads "here [in Nairobi]" (``places.py``)."""
    if is_standalone(text):
        return in_context(text, earlier, ordinary)
    there = places.named(text, place) if place else None
    if there is None or not is_standalone(there):
        return Reading("not alone")
    reading = in_context(there, earlier, ordinary)
    if reading.refused is not None:
        return reading
    return Reading(None, ((places.HERE, f"in {place}"), *reading.names))


def _surname_refs(
    text: str, people: tuple[dict[str, names.Mention], frozenset[str]], ordinary: frozenset[str]
) -> tuple[tuple[str, str], ...]:
    """(surname, words to restore) for each person ``text`` calls by surname alone; none for
    a surname two people of the article share when a courtesy title makes it uncertain."""
    known, shared = people
    alone = names.surname_only(text, known) if known else []
    if not alone:
        return ()  # most sentences: no need to read who they name in full
    named_here = {m.surname for m in names.full_mentions(text, ordinary)}
    refs = []
    for surname in alone:
        if surname in named_here or (surname in shared and names.courtesy_titled(text, surname)):
            continue
        refs.append((surname, known[surname].restored))
    return tuple(refs)


def split_all(articles: Sequence[Article], quiet: bool = True) -> list[Sentence]:
    """Sentences of every article, grouped by article in input order; split in worker
    processes on a large day (``workers.py``), with a progress bar unless ``quiet``."""
    found = map_in_order(_split_and_state, articles, prepare=prepare_split)
    shown = progress(found, "splitting", quiet, unit=" articles", total=len(articles))
    return [s for sentences in shown for s in sentences]


def prepare_split() -> None:
    """Load what splitting any article needs (the name lists; nltk's Punkt and stemmer) now,
    not at the first article: a process about to fork its workers then loads it once for all
    of them, while the workers that read the articles are at work (``pipeline.load``)."""
    name_lists.load_all()
    tokenizer()
    stemmer()


def _split_and_state(article: Article) -> list[Sentence]:
    """``split_article``, and what later stages ask of every sentence's wording (its
    statement, its news value, whether it names its own day, what it expects) worked out
    while the words are at hand: in a worker it costs the parent nothing (``SharedCache``)."""
    out = split_article(article)
    for sentence in out:
        statement(sentence.text)
        news_value(sentence.text)
        day_bound(sentence.text)
        expects(sentence.text)
    return out


def repair(text: str) -> str:
    """Drop a leading connective that only links to the previous sentence, and an early
    "also" ("Clinton also will travel…"): the statement stands without them."""
    m = _DROPPABLE.match(text)
    if m and text[m.end() :]:
        rest = text[m.end() :]
        text = rest[:1].upper() + rest[1:]
    return _drop_also(text)


def _drop_also(text: str) -> str:
    """Remove "also" from the first words outside quotations (as brief_lint reads them)."""
    if "also" not in text:
        return text  # most sentences
    outside = blanked(text, "x")
    for m in _ALSO.finditer(outside):
        if len(outside[: m.start()].split()) >= _ALSO_WINDOW:
            break
        return _drop_also(text[: m.start()] + text[m.end() :])
    return text


def is_standalone(text: str) -> bool:
    """Whether a reader can take this sentence alone, as one item of a brief."""
    n = len(text.split())
    if not MIN_WORDS <= n <= MAX_WORDS or text.startswith("("):
        return False  # too short or long, or an aside in brackets on the sentence before
    first = text.lstrip("\"“‘'")[:1]
    if not (first.isupper() or first.isdigit()) or not _END.search(text):
        return False  # fragments and questions
    if _TRAILS_OFF.search(text) or (_CUT_AT_NAME.search(text) and not _FINITE.search(text)):
        return False
    folded = text.casefold()  # where the rules' words are looked for first (``gated.py``)
    outside = outside_quotations(text)
    if context.opens_on_what_came_before(text, outside, folded):
        return False
    if (_LIST_ENTRY.match(text) and text.count(";") >= LIST_SEMICOLONS) or _caption(text):
        return False  # an entry of a list, a photo's caption
    if _TIMELINE_ENTRY.match(text):
        return False
    outside_folded = outside.casefold()  # the two rules below look in it for their words
    if context.points_elsewhere(text, outside, outside_folded):
        return False
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return False  # half of a quotation
    if context.unnamed_speaker(outside, outside_folded):
        return False
    if _SLUG.search(text, text) or _URL.search(text, folded) or _METADATA.match(text):
        return False
    if "\\" in text:
        return False
    upper, letters = _capitals(text)
    if upper * 2 > letters:
        return False  # shouting in capitals
    return len(set(content_terms(text))) >= MIN_TERMS


def _capitals(text: str) -> tuple[int, int]:
    """How many of the text's letters are capitals, and how many letters it has. Text whose
    letters are all ASCII (most; curly quotes and dashes are no letters) is counted as bytes,
    each count one deletion at C speed (A-Z are what lower() changes), half the time of
    taking the letters out with a pattern first."""
    raw = voices.ascii_letters(text)
    if raw is not None:
        return len(raw.translate(None, _NOT_CAPITALS)), len(raw.translate(None, voices.NOT_LETTERS))
    letters = _NON_LETTERS.sub("", text)
    return sum(map(str.__ne__, letters, letters.lower())), len(letters)


def _opening_caption(text: str) -> bool:
    """An article's first paragraph that is a photo's caption without a date: a name and where
    or when it was ("Ambulances at Russell Square, London after the July 7, 2005 bombings.",
    "HMS Cornwall at Zeebrugge in 2006."), short and with no verb a report tells by."""
    if len(text.split()) > _CAPTION_WORDS or not _PICTURED.match(text):
        return False
    return _FINITE.search(text) is None


def _caption(text: str) -> bool:
    """A photo's caption: it says where someone stands in the photo (``_IN_PHOTO``) or ends
    on a full date, and tells nothing in the past or future. (A year and a full stop end
    any such text: asked first, it spares most the pattern.)"""
    if "(" in text and _IN_PHOTO.search(text):
        return _TOLD.search(text) is None
    end = text.rstrip("\"'”’)\n")
    if not (end.endswith(".") and end[-2:-1].isdigit()):
        return False
    return _CAPTION.search(text) is not None and _TOLD.search(text) is None


def lowercase_words(paragraphs: Iterable[str]) -> frozenset[str]:
    """Words the article itself uses in lower case: its ordinary, non-name words."""
    # One search of the whole text: no word runs across the line breaks that join them.
    return frozenset(_LOWER_WORD.findall("\n".join(paragraphs)))


def _drop_run_in_heading(
    text: str, vocabulary: Callable[[], frozenset[str]], article_text: str
) -> str:
    """Remove a sub-heading that lost its line break ("Security Guarantees Under Discussion
    Significant attention is…").

    A run of capitalised words before the first lower-case word is a heading when the words
    before the sentence's real first word are three or more ordinary words (used in lower case
    elsewhere in the article, or function words), not names or titles ("German Chancellor").
    Most such runs are the name of a body ("The United States has", "Human Rights Watch"), and
    cutting one leaves a sentence that starts inside a name ("States has…"). So the run stays
    when it opens on a function word ("The", "In": a heading does not), when the word left in
    front is part of a name ("Vice President Al Gore"), or when the article prints the two
    words either side of the cut together elsewhere ("National Marine Fisheries Service").
    """
    tokens = text.split(" ")
    run = 0
    while run < len(tokens) and _CAPITALISED.match(tokens[run]):
        run += 1
    if run < _HEADING_WORDS + 1 or run == len(tokens):
        return text
    heading, first = tokens[: run - 1], tokens[run - 1]
    opener = words(heading[0])
    if not opener or opener[0] in STOP_WORDS or _name_word(first, vocabulary, article_text):
        return text
    ordinary = sum(1 for t in heading if _is_ordinary(t, vocabulary))
    if ordinary * 4 < len(heading) * 3 or article_text.count(f"{heading[-1]} {first}") > 1:
        return text
    return " ".join(tokens[run - 1 :])


def _name_word(token: str, vocabulary: Callable[[], frozenset[str]], article_text: str) -> bool:
    """Whether a capitalised word is part of a name: no ordinary word, and a given name or
    a word the article capitalises elsewhere too ("York", "Al")."""
    if _is_ordinary(token, vocabulary):
        return False
    return token in name_lists.given_names() or article_text.count(token) > 1


def _is_ordinary(token: str, vocabulary: Callable[[], frozenset[str]]) -> bool:
    low = words(token)
    return bool(low) and (low[0] in STOP_WORDS or stem(low[0]) in vocabulary())
