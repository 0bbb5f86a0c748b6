"""Section titles a reader accepts: a noun phrase the group's own statements print.

A heading such as "Year and Percent" (two top words joined) reads as a machine's; "Black box
recovery" or "Oil prices" reads as an editor's. Noun phrases come from the part-of-speech
tagger and chunker that TextBlob bundles (Pattern's lexicon and rules: no download, no model
file): each chunk is cut to its run of nouns and adjectives that ends on a noun, at most
``MAX_WORDS`` words, with no figures. A group's title is the phrase that its statements print
most often and the other groups' statements least, among those that carry one of its
telling words; titles stay distinct across sections.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from summarizer.text.words import content_terms
from summarizer.themes.headings import DayNames, day_names, printable

MAX_WORDS = 4
# A phrase must be printed in at least this many of the group's statements.
MIN_PRINTED = 2
_NOUN = ("NN", "NNS", "NNP", "NNPS")
_INSIDE = (*_NOUN, "JJ", "VBG", "NNP-LOC", "NNP-PERS")
# Longer phrases name a topic better than a lone word, up to a point.
_LENGTH_BONUS = {1: 1.0, 2: 2.0, 3: 2.5, 4: 2.5}
# A title carries one of its group's this many most telling words.
TELLING = 3
# A title's words are in at least this share of its group's statements: the section's items
# share what its heading says.
MOST = 0.5
# Two titles spelled at least this alike (difflib's ratio of their stems) name one thing.
ALIKE = 0.85
Key = tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    """A noun phrase as printed, and its stems (what makes two printings the same phrase)."""

    words: tuple[str, ...]
    key: Key


def noun_phrases(text: str) -> list[Phrase]:
    """The noun phrases a sentence prints, each cut to nouns and adjectives ending on a noun."""
    out = []
    parsed = _parser()(text, chunks=True, relations=False, lemmata=False)
    for sentence in parsed.split("\n"):
        chunk: list[tuple[str, str]] = []
        for token in [*sentence.split(" "), "./././O"]:
            word, tag, iob, _ = ([*token.rsplit("/", 3), "", "", ""])[:4]
            if iob.endswith("-NP") and not (iob == "B-NP" and chunk):
                chunk.append((word.replace("&slash;", "/"), tag))
                continue
            out += _cut(chunk)
            chunk = [(word, tag)] if iob == "B-NP" else []
    return out


@cache
def _parser() -> Callable[..., str]:
    """TextBlob's English parser, imported at first use: it loads the whole of nltk, which
    loads as ``nltk_lean.whole`` loads it (without scipy.stats) before textblob would."""
    from summarizer.text.nltk_lean import whole

    whole()
    from textblob.en import parse

    return parse  # type: ignore[no-any-return]


def _cut(chunk: Sequence[tuple[str, str]]) -> list[Phrase]:
    """The runs of nouns and adjectives in a chunk, each cut to end on its last noun."""
    phrases, run = [], []
    for word, tag in [*chunk, ("", "")]:
        if tag in _INSIDE and word.replace("-", "").isalpha():
            run.append((word, tag))
            continue
        while run and run[-1][1] not in _NOUN:
            run.pop()
        words = tuple(w for w, _ in run)[-MAX_WORDS:]
        key = tuple(content_terms(" ".join(words)))
        if words and len(key) == len(words):
            phrases.append(Phrase(words, key))
        run = []
    return phrases


def choose_titles(
    texts: Sequence[str],
    owner: Sequence[int],
    telling: Sequence[Sequence[str]],
    allowed: set[str],
) -> list[str | None]:
    """One title per group (None when no phrase is fit to print): the noun phrase printed most
    in the group's statements (``owner`` gives each statement's group, -1 for none) and least
    in the others', longer phrases preferred, carrying one of the group's ``TELLING`` first
    ``telling`` stems, every stem one of ``allowed``; a heading an editor would print
    (``headings.printable``) whose words are in ``MOST`` of the group's statements. Groups
    whose titles name one thing ("Liberation Army", "People's Liberation Army") get the same
    title, so the caller can make them one section."""
    printed, counts = _phrase_counts(texts, owner)
    day = day_names(texts)
    cases = day.cases
    terms = [frozenset(content_terms(t)) for t in texts]
    titles: list[str | None] = []
    chosen: dict[Key, str] = {}
    for group, ranked_words in enumerate(telling):
        mine = [t for t, g in zip(terms, owner, strict=True) if g == group]
        fits = _Fits(counts, printed, day, mine, allowed)
        key = fits.best(group, set(ranked_words[:TELLING]))
        if key is None:
            titles.append(None)
            continue
        same = next((k for k in chosen if _one_entity(k, key)), key)
        words = printed[key].most_common(1)[0][0]
        titles.append(chosen.setdefault(same, as_heading(words, cases)))
    return titles


@dataclass(frozen=True)
class _Fits:
    """The phrases that may title one group, best first."""

    counts: dict[Key, Counter[int]]
    printed: dict[Key, Counter[tuple[str, ...]]]
    day: DayNames
    mine: list[frozenset[str]]
    allowed: set[str]

    def best(self, group: int, telling: set[str]) -> Key | None:
        """The best-scored phrase of the group that passes the rule, or None."""
        ranked = sorted(
            (-_score(by_group, group) * _LENGTH_BONUS[len(key)], key)
            for key, by_group in self.counts.items()
            if by_group[group] >= MIN_PRINTED
            and telling.intersection(key)
            and self.allowed.issuperset(key)
        )
        return next((key for _, key in ranked if self._fit(key)), None)

    def _fit(self, key: Key) -> bool:
        """Printable, and its words in most of the group's statements."""
        shared = sum(bool(t.intersection(key)) for t in self.mine)
        if shared < MOST * len(self.mine):
            return False
        return printable(self.printed[key].most_common(1)[0][0], self.day)


def _phrase_counts(
    texts: Sequence[str], owner: Sequence[int]
) -> tuple[dict[Key, Counter[tuple[str, ...]]], dict[Key, Counter[int]]]:
    """Each phrase's printings, and how many statements of each group print it."""
    printed: dict[Key, Counter[tuple[str, ...]]] = defaultdict(Counter)
    counts: dict[Key, Counter[int]] = defaultdict(Counter)
    for text, group in zip(texts, owner, strict=True):
        for phrase in {p.key: p for p in noun_phrases(text)}.values():
            counts[phrase.key][group] += 1
            printed[phrase.key][phrase.words] += 1
    return printed, counts


def _one_entity(a: Key, b: Key) -> bool:
    """Two titles name one thing when one's words hold the other's ("Liberation Army" in
    "People's Liberation Army") or they are spelled alike ("Gaddafi", "Qaddafi")."""
    if set(a) <= set(b) or set(b) <= set(a):
        return True
    return SequenceMatcher(None, " ".join(a), " ".join(b)).ratio() >= ALIKE


def _score(by_group: Counter[int], group: int) -> float:
    """Printed often in the group, rarely elsewhere."""
    mine = by_group[group]
    return mine * (mine / by_group.total())


def as_heading(words: Sequence[str], cases: dict[str, str]) -> str:
    """The phrase as the day prints it mid-sentence ("oil prices", "NATO"), first letter up:
    only the first word can be a sentence's capital, so only it takes the day's commonest
    case; the others keep the phrase's own ("United States", not "United states")."""
    shown = [cases.get(words[0].lower(), words[0]), *words[1:]]
    title = " ".join(shown)
    return title[:1].upper() + title[1:]
