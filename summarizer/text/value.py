"""How much a sentence reads as news: an event told, or background, colour and procedure.

A reporter tells what happened (who did what, when: "Russian missiles killed 17 people in
Dnipro on Tuesday") and then fills in: biography ("He was born in 1952 and studied law"),
history ("Since the Cold War the alliance has expanded"), procedure ("The company declined to
comment"), colour and rhetoric (a quotation with nothing checkable in it). An editor keeps the
first and cuts the rest, however many of the day's words the filler shares. ``news_value``
reads those marks in the wording alone, as an editor skimming it would, and gives a factor in
(0, 1]: 1 for a plain report of an event, lower the more the sentence reads as filler.

Among a feed's unrelated items an editor also weighs what the news is about: lives lost
first (``grave``), then public affairs (``public``), then the rest (results, launches).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.runtime.gated import Gated
from summarizer.runtime.workers import SharedCache
from summarizer.text.names import full_mentions
from summarizer.text.quotes import QUOTATION, may_quote, outside_quotations
from summarizer.text.tolls import toll
from summarizer.text.words import word_tuple

# Filler a reader can skip, by what gives it away; each match lowers the value. Every pattern
# is matched against the lowercased sentence.
# Each is asked only of a sentence that holds one of the words it needs (``gated.py``).
_DIGITS = tuple("0123456789")
_BIOGRAPHY = Gated(
    re.compile(
        r"\b(was born (?:in|on)|grew up in|graduated from|is survived by|survivors include|"
        r"began (?:his|her) career)\b",
    ),
    *("was born ", "grew up in", "graduated from", "survived by", "survivors include", "career"),
)
# History told as a pattern, not an event: "has long been", "Beijing repeatedly has
# threatened to attack ...", "for decades", "in recent years".
_BACKGROUND = Gated(
    re.compile(
        r"\b(has long been|have long been|historically|(?:post|after the)[- ]cold war|"
        r"(?:has|have|had) repeatedly|repeatedly (?:has|have|had)|for (?:years|decades)|"
        r"in recent (?:years|decades))\b"
    ),
    *("long been", "historically", "cold war", "repeatedly", "for years", "for decades"),
    *("recent years", "recent decades"),
)
# A definition: "Malaria is a parasitic infection…", "ABA is an intensive form of therapy…",
# "The Kuiper belt is one of the…": what a thing is, not what happened to it.
_DEFINITION = re.compile(r"^(?:an? |the )?[\w-]+(?: [\w-]+)? (?:is|are) (?:an?|one of the) ")
_PROCEDURE = Gated(
    re.compile(
        r"\b(declined to comment|would not comment|did not (?:return|respond to) (?:calls|"
        r"messages|requests)|could not be reached|no immediate comment|not immediately "
        r"available for comment|was not immediately clear)\b",
    ),
    *("comment", "did not re", "could not be reached", "immediately clear"),
)
_RHETORIC = Gated(
    re.compile(r"\b(?:i (?:think|believe|feel|hope|guess)|in my (?:view|opinion))\b"),
    *("i think", "i believe", "i feel", "i hope", "i guess", "in my "),
)
# What an event may mean, not the event: "Lexmark's loss in court may mean that consumer
# electronics companies won't try ...", "could signal a shift": analysis, however topical.
_SPECULATION = Gated(
    re.compile(r"\b(?:may|might|could) (?:well )?(?:mean|signal|spell|herald)\b"),
    *("mean", "signal", "spell", "herald"),
)
# What a report of an event has: a time it happened, a figure, an outcome verb.
_WHEN = Gated(
    re.compile(
        r"\b(today|tonight|yesterday|this (?:morning|week|month|year)|last (?:night|week|month|"
        r"year)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|monday|tuesday|"
        r"wednesday|thursday|friday|saturday|sunday|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
        r"oct|nov|dec)[a-z]*\.? \d{1,2}\b)",
    ),
    *("day", "tonight", "this ", "last ", *_DIGITS),  # a weekday, today, yesterday: "day"
)
_FIGURE = Gated(
    re.compile(r"\b\d[\d,.]*\b|\b(?:hundreds|thousands|millions|dozens)\b"),
    *(*_DIGITS, "hundreds", "thousands", "millions", "dozens"),
)
_OUTCOME_WORDS = """killed died dead injured wounded arrested charged convicted sentenced
acquitted elected resigned fired won lost approved rejected passed vetoed ruled signed agreed
announced launched attacked struck crashed exploded collapsed rose fell jumped dropped raised
cut voted banned seized captured freed released evacuated destroyed damaged ordered deployed
withdrew invaded closed opened began ended met warned threatened accused denied confirmed found
discovered named appointed sued filed"""
_OUTCOME = frozenset(_OUTCOME_WORDS.split())  # a word set: a 70-word pattern took 30 µs
_WORD = re.compile(r"\w+")
_OUTCOME_BYTES = frozenset(w.encode("ascii") for w in _OUTCOME)
# Every byte that is not in an ASCII word (``\w``: letters, digits, "_") made a space.
_NOT_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(256))


def _rhetoric(lower: str) -> bool:
    """An exclamation, or an opinion in the first person (the mark tested apart: inside the
    pattern it kept the pattern from being fast)."""
    return "!" in lower or _RHETORIC.search(lower)


def _outcome(text: str, lower: str) -> bool:
    """Whether an outcome verb is among the words (``lower``: ``text`` lowercased). Without
    an apostrophe or "_", the words are the sentence's words (``word_tuple``, read already
    for its terms; "%" made a word there is no verb): a set lookup. In other ASCII text, the
    words are the runs left when every other byte is made a space: at C speed, a fifth of the
    pattern's time."""
    if "'" not in lower and "’" not in lower and "_" not in lower:
        return not _OUTCOME.isdisjoint(word_tuple(text))
    if lower.isascii():
        return not _OUTCOME_BYTES.isdisjoint(lower.encode("ascii").translate(_NOT_WORD).split())
    return not _OUTCOME.isdisjoint(_WORD.findall(lower))


_CAPITALISED = re.compile(r"(?<=\s)[A-Z][a-z]+")

# How much each kind of filler costs, and each mark of an event restores.
# Each test takes the lowercased sentence.
_FILLER: tuple[tuple[Callable[[str], object], float], ...] = (
    (_BIOGRAPHY.search, 0.5),
    (_BACKGROUND.search, 0.6),
    (_DEFINITION.match, 0.6),
    (_PROCEDURE.search, 0.4),
    (_rhetoric, 0.6),
    (_SPECULATION.search, 0.6),
)
# A time it happened (``_WHEN``), a figure (``_FIGURE``), an outcome verb (``_outcome``).
_EVENT = (0.1, 0.05, 0.1)
# A statement with no mark of an event or of filler; the least a sentence is worth (filler
# still states something).
PLAIN = 0.75
FLOOR = 0.25


# Worked out where the sentence is split (in a worker process on a large day) and handed
# back with it (``workers.SharedCache``): ranking asks it of every sentence.
_VALUES: SharedCache[str, float] = SharedCache("news values", 100_000, per_item=True)


# A feature's hook: the scene or the people a feature opens on before its news. It sets a
# frame ("When American Indians began embracing gambling ...", "For the first 15 years of
# their farming lives, Gail and Mike Thorpe ...", "As a very young child, Alex Fenyn ...") or
# is a short general statement ("The weather on Jupiter seems always stormy.", "Lawrence Middle
# School has a bullying policy."), with no day of the news and nobody saying it. Not "For the
# first time, ..." (a news lede), a frame with a day in it ("When the Senate votes
# Tuesday, ..."), or one that tells what may now be done ("When a critical farm chemical is
# banned ..., vegetable farmers ... may have a simple way to rid the soil of ..."); nor a short
# statement of a person named in full ("Newt Gingrich is a bachelor again.": the news, told
# short; read blind, editors kept it, and a profile's "Thomas Penfield Jackson seems a natural
# as a judge." named the judge the brief's other lines call "the judge").
_HOOK_FRAME = re.compile(
    r"^(?:When|As an?|In a time when|For (?:the (?:first|last) (?!time\b)|roughly|many|most|"
    r"much of|years|decades|generations)|Years ago|Long before|Not long ago)\b"
)
_SAYS = re.compile(r"\b(?:said|says|announced|reported|according to|told)\b")
_GENERAL = re.compile(r"\b(?:is|are|has|have|seems?)\b")
_MAY = re.compile(r"\b(?:may|might|could|can)\b")
HOOK_WORDS = 9  # a general statement this short, or shorter, is a hook


def hook(text: str) -> bool:
    """Whether a report's opening sentence is a feature's hook (``_HOOK_FRAME``): colour an
    editor cuts, never the day's main fact."""
    lower = text.lower()
    if _WHEN.search(lower) or _SAYS.search(outside_quotations(text)):
        return False
    if _HOOK_FRAME.match(text):
        return _MAY.search(lower) is None
    if len(text.split()) > HOOK_WORDS or _GENERAL.search(text) is None or _FIGURE.search(lower):
        return False
    return not full_mentions(text, frozenset())


def may_open_on_hook(paragraph: str) -> bool:
    """Whether a paragraph may open on a hook (``hook``): it opens on a frame, or its first
    ``HOOK_WORDS`` words hold a full stop, so a short sentence may end in them. Most
    paragraphs are spared splitting into sentences."""
    if _HOOK_FRAME.match(paragraph):
        return True
    return any(
        end in word for word in paragraph.split(maxsplit=HOOK_WORDS)[:HOOK_WORDS] for end in ".?!"
    )


def told_as_news(text: str) -> bool:
    """Whether a sentence, quoting nobody, tells the day's news as a report does: a day of
    the news or someone saying it ("... at a second annual conference Wednesday unveiled
    elaborate safety plans and said ..."). What ends a feature's hook (``hook``)."""
    if any(mark in text for mark in '"“”'):
        return False
    return _WHEN.search(text.lower()) or _SAYS.search(text) is not None


def news_value(text: str) -> float:
    """A factor in [``FLOOR``, 1]: 1 for a report of an event, lower for filler."""
    return _VALUES.get(text, _news_value)


def _news_value(text: str) -> float:
    lower = text.lower()  # the patterns are lowercase: re.I made them 3 times slower
    marks = (_WHEN.search(lower), _FIGURE.search(lower), _outcome(text, lower))
    value = PLAIN + sum(weight for found, weight in zip(marks, _EVENT, strict=True) if found)
    for test, factor in _FILLER:
        if test(lower):
            value *= factor
    if _mostly_quoted(text, lower):
        value *= 0.7
    return max(FLOOR, min(1.0, value))


# A toll of lives: a count and a death word near each other ("killed 54", "47 people died",
# "hundreds of hostage deaths", "kill three Egyptian soldiers"; not "the Dead Sea scrolls go
# on show in 2 cities"), in the lowercased sentence.
_COUNT = (
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|"
    r"hundreds|thousands)"
)
_DEATH = r"(?:kill(?:s|ed|ing)?|dead|died|deaths?)"
_TOLL = Gated(
    re.compile(
        rf"\b{_COUNT}\W+(?:[\w-]+\W+){{0,4}}?{_DEATH}\b|\b{_DEATH}\W+(?:[\w-]+\W+){{0,2}}?{_COUNT}\b"
    ),
    "kill",
    "dead",
    "died",
    "death",
)


# A named person's death: a full name, then the death ("Yasser Arafat, ..., died this
# morning", "Former President Ronald Reagan died on Saturday").
_NAMED_DEATH = Gated(
    re.compile(
        r"\b[A-Z][a-z]+ [A-Z][a-z]+\b[^.;]{0,200}?\b(?:(?:has )?die[sd](?! (?:down|out|away|"
        r"off)\b)|was killed|was assassinated|was shot dead)\b"
    ),
    "died",
    "dies",
    "killed",
    "assassinated",
    "shot dead",
)


def grave(text: str) -> bool:
    """Whether the sentence counts lives lost, or tells of a named person's death: what an
    editor puts first among a day's unrelated items, above a bank's policy review or a
    football score."""
    lower = text.lower()
    return bool(_TOLL.search(lower) or _NAMED_DEATH.search(text, lower)) or lives(text) > 0


def lives(text: str) -> int:
    """How many lives the sentence counts lost, where it gives the count in figures
    (``tolls.toll``: "the number of deaths ... has risen to 1,970"); else 0. Of a feed's
    grave lines, the larger toll first: a flood's 1,970 dead before a scientist's death."""
    found = toll(text)
    return 0 if found is None else found.lives


# Public affairs: the institutions and acts a policy reader's day turns on (government,
# lawmaking, courts, security, diplomacy, the economy's public figures), where a feed's other
# items are results, launches and profiles.
_PUBLIC_WORDS = """government governments minister ministers ministry president presidential
    parliament parliamentary congress congressional senate senators lawmakers legislature
    legislation law laws court courts judge judges ruling police troops army military soldiers
    militants rebels insurgents election elections referendum voters treaty sanctions talks
    summit diplomats diplomatic embassy ambassador war ceasefire refugees nuclear terror
    terrorist terrorism hostage hostages officials regulators inflation unemployment budget
    deficit taxes tariffs trade medicare genocide peacekeeping peacekeepers humanitarian
    atrocities"""
_PUBLIC = frozenset(_PUBLIC_WORDS.split())
_PUBLIC_NAMES = frozenset({"u.n", "un", "nato", "eu", "wto", "imf", "g7", "g8"})
# A premier as a title before a name ("Premier Wen Jiabao"), not "the world's premier event"
# nor the "Premier League".
_PREMIER = re.compile(r"\bPremier (?!League\b)[A-Z]")


def public(text: str) -> bool:
    """Whether the sentence tells of public affairs (``_PUBLIC``): what a policy reader's
    brief puts before a football score or a product's launch."""
    words = word_tuple(text)
    if not _PUBLIC.isdisjoint(words) or _PREMIER.search(text):
        return True
    return any(w.strip(".").lower() in _PUBLIC_NAMES for w in text.split() if w[:1].isupper())


def spoken(text: str) -> bool:
    """A quotation that is most of the sentence, with no figure in it: however well its
    speaker is named, what it adds is the speaker's voice, which a brief's line has no room
    for ("“Climate change is coming at us much faster than…,” Morgan said.")."""
    if not may_quote(text):
        return False
    return _half_quoted(text) and not _FIGURE.search(text.lower())


def _half_quoted(text: str) -> bool:
    """Whether quotations make at least half of ``text``."""
    return sum(len(m.group(0)) for m in QUOTATION.finditer(text)) * 2 >= len(text)


def _mostly_quoted(text: str, lower: str) -> bool:
    """A quotation that is most of the sentence and names nobody and no figure outside it:
    rhetoric unless what is said is checkable."""
    if text and not may_quote(text):
        return False  # no quotation
    if not _half_quoted(text):
        return False
    outside = outside_quotations(text)
    return not (_FIGURE.search(lower) or _CAPITALISED.search(outside))
