"""What a sentence needs from the sentences before it: the words that make an item unreadable
alone.

A brief prints a sentence without its neighbours. "He said the budget would pass", "For
example, …", "such remedies", "Lightning was visible there" each lean on what the article said
just before; a reader of the brief was never told it. Each rule here is one kind of that
leaning, recognised by its English form, not by any story's words: an opener that points back
(``opens_on_what_came_before``), words inside the sentence that answer, point at or take up
what came before (``points_elsewhere``), and a quotation whose speaker is only "he"
(``unnamed_speaker``). Each takes the sentence and the sentence outside its quotations, where a
speaker's own words ("this plan", "there") are theirs to explain.
"""

from __future__ import annotations

import re

from summarizer.runtime.gated import Gated
from summarizer.text import places

# Wrap-ups restate the article rather than report anything: never shown.
WRAP_UP = re.compile(r"^(?:in (?:summary|conclusion|short)|overall|to sum up)\b", re.I)
# Openers that point back to an earlier sentence; out of context the reader cannot resolve them
# ("Ditto for ...", and a list's later entry after an opening time: "At 04:31 local time,
# the third movement occurred."; "Saturday another team of about 90 people will arrive",
# "Another doctor said": another besides which? Not "Another large aftershock of the
# February 27 earthquake struck", which says which).
_DANGLING = re.compile(
    r"^(?:he|she|they|it|this|these|those|that|his|her|their|its|such|there|here|which|whose|whom|"
    r"however|but|meanwhile|additionally|furthermore|moreover|also|and|or|so|conversely|"
    r"instead|still|yet|then|thus|therefore|hence|consequently|nonetheless|nevertheless|"
    r"likewise|similarly|besides|otherwise|indeed|later|finally|overall|for (?:example|instance)|"
    r"in particular|in other words|by comparison|in comparison|"
    r"in (?:summary|conclusion|short|addition|contrast|turn|response|the meantime)|"
    r"for (?:its|his|her|their) part|as a result|on the other hand|at the same time|"
    r"in the same vein|to that end|by contrast|even so|that said|as such|the (?:latter|former)|"
    r"the (?:second|third|fourth|fifth|other)\b|the first\s*,|others|ditto|"
    r"(?:at|on|by|after|around|about) [^,]{1,60},\s+the (?:second|third|fourth|fifth|sixth)\b|"
    r"the first(?=\s+(?:is|was|are|were)\b)|a case in point|"
    r"the (?:first|last|remaining) (?:two|three|four|five|six|seven|eight|nine|ten)"
    r"(?=\s*,|\s+(?:were|are|have|had|will|would|did)\b)|"
    r"the \d[\d,]*(?=\s+(?:were|are|have|had|will|would|did)\b)|"
    r"other|some(?=\s*,|\s+(?:say|said|says|believe|argue|argued|contend|fear|worry)\b)|"
    r"in the same (?:time )?(?:period|year|month|week|day)|"
    r"(?:(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|later),?\s+another(?!\s+\d)|"
    r"another [a-z]+ (?:said|says|added|told|noted|argued))\b",
    re.I,
)
# A subject that counts people or things the sentence before named: "Many were frustrated
# with …", "Both were charged …", "None was injured"; "Neither state had a hate-crimes
# statute", "Both candidates vow …". Not "Neither X nor Y", "Both houses of Congress", a name
# ("Both Ellsworths believe"), nor a quantifier before its noun ("Many scientists believe").
_COUNTED = re.compile(
    r"^(?:(?:[Mm]any|[Mm]ost|[Ss]everal|[Bb]oth|[Nn]either|[Nn]one|[Aa]ll|[Ff]ew)(?=\s+(?:of "
    r"them\s+)?(?:were|are|was|is|have|had|has|will|would|could|can|did|do|does|say|said|"
    r"says|agreed|believe|believed|fear|feared|died|survived|remain|remained)\b)|"
    r"(?:Neither|Either|Both)\s+(?!of\b|the\b)[a-z]+\b(?!\s+(?:of|and|nor|or)\b))"
)
# A sentence that points ahead to a list ("… has filed the following for Sunday.") or carries a
# news service's dateline mark ("CONGRESS (Washington_ New York …"): a budget line, not news.
_POINTS_AHEAD = Gated(
    re.compile(r"\b(?:the following|as follows)(?:\s+for\b[^.]*)?[.:]$|\b[A-Z][A-Za-z]+_(?:\s|$)"),
    "follow",
    "_",
)
# Words inside a sentence that answer one before it: "The USGS, however, put it at 8.8",
# "Ban Ki-moon on the other hand said", "Should Uliassi do so", "the poverty rate hovered
# around 13 percent during the period" (which period?) (outside quotations).
_ANSWERS_BACK_OPENING = re.compile(
    r"[^,;]{1,60},\s+(?:however|though|too|in turn|instead|by contrast|in contrast|for instance|"
    r"for example|in particular|in other words|by comparison|in comparison)\s*,",
    re.I,
)
_ANSWERS_BACK = Gated(
    re.compile(
        r"\b(?:on the other hand|(?:do|does|did|doing|done) so|separately|(?:by|until|till|since) "
        r"then|(?:during|over|in|for|throughout) (?:the|that|this) (?:same )?period(?! (?:of|from|"
        r"between|since|to|ending|ended|through)\b))\b",
        re.I,
    ),
    *("other hand", " so", "separately", " then", " period"),
)
# A reaction whose event the sentence before told ("Bush and other Republicans quickly
# accused the administration of ...": to what?), and what happened since it ("The order has
# since been rescinded.", not "... filed a petition three years ago and has since raised").
_REACTS = Gated(
    re.compile(
        r"\b(?:quickly|swiftly|immediately|promptly) (?:accused|condemned|denounced|criticized|"
        r"criticised|responded|rejected|dismissed|blamed|hailed|welcomed)\b|"
        r"^[^,;]{0,60}?(?<!\band )\b(?:has|have|had) since (?:been|[a-z]+ed)\b"
    ),
    *("quickly", "swiftly", "immediately", "promptly", " since "),
)
# "Sims agreed: “…”", "Jones disagreed, saying…": a reply to someone the sentence before quoted.
_AGREES = Gated(
    re.compile(
        r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s+(?:agreed|disagreed|concurred)\s*[:,]"
    ),
    "agreed",
    "concurred",
)
# An opening adverbial that ends on a word pointing back: "Aside from that,", "Despite this,",
# "Because of that,", "Since then,".
_POINTS_BACK = re.compile(
    r"^[A-Z][a-z]*(?:\s+[a-z]+){0,4}\s+(?:this|that|these|those|it|them|then|there)\s*,"
)
# "Obsessed with her goal, she began…", "In a statement, its lawyers said…": a pronoun
# subject (or its possessive) after an opening clause that names nobody.
_PRONOUN_SUBJECT = re.compile(
    r"^[^,“\"]{0,80},\s+(?:he|she|they|his|her|its|their|it(?!\s+(?:is|was|will|would|has|had|"
    r"may|might|could|can|seems|seemed|appears|appeared|remains|remained)\b))\b"
)
# "According to the University of Chile, it had…": the source named is not the subject.
_SOURCE_THEN_PRONOUN = re.compile(r"^according to [^,]{1,80},\s+(?:he|she|it|they)\b", re.I)
# Words that point at the article's place or at what it just said, outside quotations: "the
# U.S. Embassy here" (a dateline's city), "downstream of this dam", "said this during talks";
# a news service's note to editors ("please call … at 202-298-6920"); and the next entry of a
# ranking the sentence before began ("Washington, D.C., was next ($16.60)").
_POINTS_AT = re.compile(
    r"\b[Tt]his\s+(?!(?:week|weekend|year|month|morning|afternoon|evening|season|summer|"
    r"winter|spring|fall|autumn|time|century|decade|day|point|years?|is|was|will|would|has|had|"
    r"could|can|may)\b)"
    rf"[a-z]|{places.PATTERN}"
    r"|\bplease call\b|\b\d{3}-\d{3}-\d{4}\b"
    r"|\b(?:was|were|came|ranked)\s+next\b(?!\s+(?:to|in|week|month|year|day|time)\b)"
)
# A claim, an argument or a decision the article gave before, taken up by "that", "those" or
# "such" outside quotations: "Roberts rejected that argument", "Egyptian authorities dispute
# that theory", "Moscow has denied such claims". Readers ask which ("this" is ``_POINTS_AT``'s).
# Not when what follows says ("that argument about …"), nor a relative "that" before a verb:
# only nouns that are no verb after "that" ("games that offer", "a group that claims").
_TAKES_UP = Gated(
    re.compile(
        r"\b(?:[Tt]hat\s+(?:argument|assertion|accusation|criticism|suggestion|contention|notion|"
        r"idea|message|reasoning|theory|allegation|proposal|decision|position|view|approach)"
        r"|(?:[Tt]hose|[Tt]hese|[Ss]uch)\s+(?:arguments|assertions|accusations|criticisms|"
        r"suggestions|contentions|notions|ideas|messages|theories|allegations|proposals|decisions|"
        r"positions|views|claims|remarks|charges|statements))\b"
        r"(?!\s+(?:that|of|about|by|from|to|for|on|in|as|which)\b)"
    ),
    *("hat", "hose", "hese", "uch"),
)
# "these countries", "those talks": refers to something the reader has not been told. Not
# "those" as people: "those who", "those involved", "those killed", "those in need".
_UNRESOLVED = Gated(
    re.compile(
        r"\b(?:these\s+(?!(?:who|which|that|of)\b)|those\s+(?!(?:who|whose|which|that|of|in|on|at|"
        r"with|without|from|between|among|under|over|aboard|responsible|present|[a-z]{2,}ed)\b))"
        r"[a-z\d]",
        re.I,
    ),
    "these",
    "those",
)
# "steers clear of such remedies", "to propose such a step": the kind the reader was not told.
# Not "such as", a result ("such a poor record that…") nor a named kind ("such a Louisiana law").
_SUCH = Gated(
    re.compile(r"\b[Ss]uch\s+(?:an?\s+)?(?!as\b|an?\b)[a-z]+\b(?![^,.;:]*\b(?:as|that)\b)"),
    "such",
)
# "Lightning was visible there before dawn.": a place the sentence before named. Not "there"
# that says something exists ("there is", "Nor is there", "there always seemed"), nor "out
# there", "here and there"; and not after a name, the place it may mean ("Ocean City Mayor
# Henry Knight said the proposed measure there…"): ``_there``.
_THERE = Gated(
    re.compile(
        r"(?<!\bout )(?<!\band )(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )\bthere\b(?!['’]|\s+"
        r"(?:(?:always|just|still|also|often|never|once|probably|certainly)\s+)?(?:is|are|was|"
        r"were|has|have|had|will|would|may|might|could|seems?|seemed|appears?|appeared|remains?|"
        r"remained|must|should|can|to be|being|been|exists?|existed|used|lies|lay|isn|wasn|aren|"
        r"weren|hasn|haven|hadn|won|wouldn|couldn|shouldn|needs?|ought)\b)"
    ),
    "there",
)
# "…,” he said." with no one named outside the quotation: the reader cannot tell who spoke.
_PRONOUN_SPEAKER = Gated(
    re.compile(
        r"\b(?:he|she|they)\s+(?:said|says|added|adds|told|tells|explained|noted|wrote|asked)\b",
        re.I,
    ),
    *("said", "says", "added", "adds", "told", "tells", "explained", "noted", "wrote", "asked"),
)


_NAME_AFTER_FIRST = re.compile(r"\s[A-Z]")


def opens_on_what_came_before(text: str, outside: str, folded: str) -> bool:
    """A dangling opener or wrap-up, "these"/"those" unexplained, an opening that points back
    or leads to a pronoun subject (``outside``: the text outside its quotations)."""
    if _DANGLING.match(text.lstrip("\"“‘'")) or WRAP_UP.match(text) or _COUNTED.match(text):
        return True
    if _UNRESOLVED.search(text, folded) or _SUCH.search(text, folded) or _POINTS_BACK.match(text):
        return True
    return _pronoun_subject(outside) or _SOURCE_THEN_PRONOUN.match(text) is not None


def points_elsewhere(text: str, outside: str, outside_folded: str) -> bool:
    """Words that answer, point at or take up what the reader was not given, outside the
    quotations (``outside_folded``: those case-folded); or that point ahead to a list."""
    if _ANSWERS_BACK_OPENING.match(outside):
        return True
    if _ANSWERS_BACK.search(outside, outside_folded) or _POINTS_AT.search(outside):
        return True
    if _REACTS.search(outside, outside_folded):
        return True
    if _AGREES.search(text, outside_folded):
        return True
    return _POINTS_AHEAD.search(text, text) or _TAKES_UP.search(outside) or _there(outside)


def _there(outside: str) -> bool:
    """Whether ``outside`` (the sentence outside its quotations) says "there" of a place it
    names nowhere before it (``_THERE``; the first word aside, capitalised anyway)."""
    found = _THERE.pattern.search(outside) if _THERE.holds(outside) else None
    return found is not None and _names_nobody(outside[: found.start()])


def _pronoun_subject(outside: str) -> bool:
    """Whether an opening clause leads to a pronoun subject ("he", "its lawyers") and names
    nobody before it (the first word aside, which is capitalised anyway); ``outside``: the
    sentence outside its quotations."""
    m = _PRONOUN_SUBJECT.match(outside)
    return m is not None and _names_nobody(outside[: m.end()])


def _names_nobody(before: str) -> bool:
    """Whether ``before`` (the start of a sentence) has no capitalised word after its first,
    which is capitalised anyway: no name a pronoun or a "there" could mean."""
    return _NAME_AFTER_FIRST.search(before) is None


def unnamed_speaker(outside: str, outside_folded: str) -> bool:
    """Whether the sentence quotes or reports "he/she/they said" and names nobody before it
    (outside the quotation, after its first word) whom the pronoun could mean; ``outside``:
    the sentence outside its quotations, ``outside_folded`` the same case-folded."""
    if not _PRONOUN_SPEAKER.holds(outside_folded):
        return False  # no reporting verb at all (most sentences)
    speaker = _PRONOUN_SPEAKER.pattern.search(outside)
    if not speaker:
        return False
    return not any(word[:1].isupper() for word in outside[: speaker.start()].split()[1:])
