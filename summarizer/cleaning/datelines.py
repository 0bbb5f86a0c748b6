"""Datelines: the wire's "NAIROBI, Kenya (AP) _" and a feed's "Reuters - " before a lead.

A dateline is not the outlet's sentence: it is stripped from the lead, and what it says is
kept as the article's place and, when nothing else names one, its outlet (the agency in its
brackets). A feed's field name before its summary ("Description: ") goes the same way.
"""

from __future__ import annotations

import re

# A wire dateline glued to the lead: "WASHINGTON (AP) -- ", "BRUSSELS, January 22 (Xinhua) _ ",
# "ISTANBUL (Turkey), August 21 (Xinhua) -- ".
# Capitals and an agency are clear anywhere; a plain "Washington _ " only opens an article.
_CITY = (
    r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*(?:\s*\([A-Z][A-Za-z .'’\-]{1,30}\)(?=,))?"
    r"(?:,\s*[^()\n]{1,40}?)?"
)
# "NEW DELHI: " and "KANDAHAR, Afghanistan : " too: a colon after capitals is a dateline or a
# label (a transcript's speaker, "DR. BRAZELTON: "), never news.
_DATELINE = re.compile(
    rf"^{_CITY}(?:\s*\((?P<agency>[^()\n]{{1,40}})\))?\s*(?:--|—|–|_|-|:)\s*(?=[A-Z0-9\"“‘])"
)
# ... and the dash a dateline leaves when a feed drops its city ("_ At least three bombs
# exploded near a US convoy in western Baghdad on Thursday, ...").
_BARE_DASH = re.compile(r"^(?:--|_|—|–)\s+(?=[A-Z0-9\"“‘])")
# ... and a feed's credit glued to its summary ("Reuters - ", "USATODAY.com - ",
# "Athens, Greece (Sports Network) - ").
_NAME = r"[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+)"
_LEAD_DATELINE = re.compile(
    rf"^{_NAME}{{0,3}}(?:,\s*{_NAME}{{0,2}})?(?:\s*\((?P<agency>[^()\n]{{1,40}})\))?"
    r"\s+(?:--|_|—|–|-)\s+(?=[A-Z])"
)
# ... and a feed's dated dateline in small letters, whose date says the name before it is a
# place ("Baghdad, Sept. 8 (NNN): ", "Paris, Oct 2 (AFP) - ").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATED_LEAD = re.compile(
    rf"^(?P<city>{_NAME}{{0,3}})(?:,\s*{_NAME}{{0,2}})?,\s*{_MONTH}\s+\d{{1,2}}\s*"
    r"\((?P<agency>[^()\n]{1,40})\)\s*(?:--|_|—|–|-|:)\s*(?=[A-Z0-9\"“‘])"
)
# ... and a wire's dateline left glued to the lead when a feed dropped its dash: a city in
# capitals with its region ("KATMANDU, Nepal The Nepali capital was ...", "SPRINGFIELD,
# Ill. Philip Morris ..."), or with a date ("NEW YORK Sept. 11, 2004 - Pounding ..."). Not a
# list of names: "HSBC, Standard Chartered, Hang Seng ...", "IBM, Sony Corp. and ...".
_CAPS = r"[A-Z][A-Z'’.\-]+"
_DATE = rf"{_MONTH}\s+\d{{1,2}},\s+\d{{4}}"
_GLUED = re.compile(
    rf"^(?P<city>{_CAPS}(?:\s+{_CAPS})*),\s+[A-Z][a-z]+\.?(?:\s+[A-Z][a-z]+\.?)?"
    rf"\s+(?:{_DATE}\s*(?:--|-|—|–)\s*)?(?=[A-Z][a-z]+\b(?![,.]))"
    rf"|^(?P<dated>{_CAPS}(?:\s+{_CAPS})*)\s+{_DATE}\s*(?:--|-|—|–)\s*(?=[A-Z0-9])"
)
# A feed's field name left before its summary ("Description: NPR's Steve Inskeep talks
# with ..."): the field's name, not the outlet's words.
_FIELD = re.compile(
    r"^(?:Description|Summary|Synopsis|Abstract|Excerpt|Teaser)\s*:\s+(?=[A-Z0-9\"“‘])"
)
# The city of a dateline, in its capitals: "NAIROBI" of "NAIROBI, Kenya (AP) _".
_CITY_CAPITALS = re.compile(r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+)*(?=[\s,(])")
# The agency in a dateline's brackets, "(AP)", "(Xinhua)", "(Sports Network)": a name, so not
# "(Updated 5pm)" or "(photo)".
_AGENCY = re.compile(r"[A-Z][A-Za-z.&'’\- ]{0,30}[A-Za-z.]")


def agency(lead: list[str]) -> str | None:
    """The wire agency the lead's dateline names ("WASHINGTON (AP) -- "), if any: the outlet
    of an article that names none otherwise."""
    m = lead and (
        _DATELINE.match(lead[0]) or _LEAD_DATELINE.match(lead[0]) or _DATED_LEAD.match(lead[0])
    )
    if not m or not m["agency"] or not _AGENCY.fullmatch(m["agency"].strip()):
        return None
    return m["agency"].strip()


def place(lead: str, paragraphs: tuple[str, ...]) -> str | None:
    """The city the lead's dateline names, as the article spells it where it does ("DAR ES
    SALAAM, Tanzania (AP) _" gives "Dar es Salaam"), else in capitals and small letters; None
    without one, or for a label ("DR. BRAZELTON: ") or "UNDATED"."""
    m = _DATELINE.match(lead)
    if not m and (dated := _DATED_LEAD.match(lead)):
        return dated["city"]
    if not m and (glued := _GLUED.match(lead)):
        return _as_spelled(glued["city"] or glued["dated"], paragraphs)
    if not m or m.group(0).rstrip().endswith(":"):
        return None
    city = _CITY_CAPITALS.match(lead)
    if city is None or city.group(0) == "UNDATED":
        return None
    return _as_spelled(city.group(0), paragraphs)


def _as_spelled(capitals: str, paragraphs: tuple[str, ...]) -> str:
    """A city a dateline prints in capitals, as the article spells it where it does, else in
    capitals and small letters."""
    spelled = re.compile(rf"\b{re.escape(capitals)}\b", re.I)
    for found in filter(None, map(spelled.search, paragraphs)):
        if not found.group(0).isupper():
            return found.group(0)
    return " ".join(word.capitalize() for word in capitals.split())


def strip_labels(paragraph: str, lead: bool) -> str:
    """Remove datelines and speaker labels at the start of a paragraph."""
    paragraph = _DATELINE.sub("", paragraph)
    if not lead:
        return paragraph
    paragraph = _GLUED.sub("", _BARE_DASH.sub("", paragraph))
    return _LEAD_DATELINE.sub("", _DATED_LEAD.sub("", _FIELD.sub("", paragraph)))
