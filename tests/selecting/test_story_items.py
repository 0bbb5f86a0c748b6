"""A story section's title and items agree: the title is the headline of the report the main
fact comes from, and the items are those it tells, even when that leaves fewer of them; a
story followed for months is many events, and its best lines from four reports are no
section under one of their headlines."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Item, Section, Sentence, Story
from summarizer.selecting.stories import select_stories
from summarizer.selecting.story_titles import main_fact_headlines, told_by

DEC = dt.date(1998, 12, 1)


def _article(number: int, title: str, date: dt.date | None) -> Article:
    lead = "Officials in Yangon spoke on Sunday."
    return Article(number, f"{number}.txt", f"Outlet {number}", title, date, None, (lead,))


def _item(text: str, score: float, report: int, position: int = 1) -> Item:
    return Item(text, score, (), (Sentence(report, position, text),))


# A story of Burma's junta followed for months: the newest report (the main fact's) is the
# ban on British officials; the others are months older, each its own event.
REPORTS = [
    _article(1, "Myanmar bars British officials", DEC),
    _article(2, "Crackdown anniversary passes quietly in Yangon", dt.date(1998, 8, 8)),
    _article(3, "Massachusetts law on Burma passed in 1996 is challenged", dt.date(1998, 10, 21)),
    _article(4, "Rice exports fall as the economy shrinks", dt.date(1998, 9, 11)),
]
BAN = [
    _item("Myanmar has barred British ministers and officials from the country.", 1.0, 1, 0),
    _item("The ban followed British pressure on the generals to talk to the opposition.", 0.5, 1),
    _item("A British embassy spokesman said London regretted the decision.", 0.4, 1),
]
# Older reports' lines, scored above the ban's own: without the rule they fill the section.
OLDER = [
    _item("No protests marked the anniversary as soldiers guarded the university.", 0.9, 2),
    _item("British officials had urged the generals to free students in August.", 0.8, 2),
    _item("The law bars the state from buying from firms that trade with Burma.", 0.7, 3),
    _item("Rice exports fell by a third as the economy shrank again this year.", 0.6, 4),
]


def _section(items: list[Item], reports: list[Article] = REPORTS) -> Section:
    day = {a.id: a for a in reports}
    story = Story(reports[0].title, tuple(a.id for a in reports), ())
    chosen = select_stories(items, None, [story], day)
    return chosen.sections[0]


def test_a_story_sections_items_are_those_its_headline_tells() -> None:
    section = _section([*BAN, *OLDER])
    assert section.title == "Myanmar bars British officials"
    assert [it.text for it in section.items] == [it.text for it in BAN]


def test_a_headline_tells_its_reports_lines_and_its_weeks_lines_in_its_words() -> None:
    day = {a.id: a for a in REPORTS}
    same_week = _article(5, "Britain protests", dt.date(1998, 12, 3))
    day[5] = same_week
    items = [
        BAN[1],  # its own report's line
        _item("London called the ban on British officials a mistake.", 0.5, 5),  # its week
        OLDER[1],  # the same words ("British officials"), four months before
        _item("The generals met the opposition in London.", 0.5, 5),  # one word only
    ]
    assert told_by(REPORTS[0].title, frozenset({1}), items, day) == [True, True, False, False]


def test_the_lead_headline_is_the_main_facts_own_reports() -> None:
    day = {a.id: a for a in REPORTS}
    story = Story(REPORTS[1].title, tuple(day), ())
    told = main_fact_headlines(story, [OLDER[2], *BAN], day)
    assert told == [("Massachusetts law on Burma passed in 1996 is challenged", frozenset({3}))]
    notice = Article(9, "9.txt", "Wire", "EDITORS: the following", DEC, None, ("EDITORS:",))
    day[9] = notice
    assert main_fact_headlines(story, [_item("A line.", 1.0, 9, 0)], {**day, 9: notice}) == []


def test_a_headline_that_tells_only_the_main_fact_leaves_the_section_as_chosen() -> None:
    alone = [BAN[0], *OLDER]
    section = _section(alone)
    assert len(section.items) > 1
    assert section.items[0].text == BAN[0].text
    assert any(it.text in {o.text for o in OLDER} for it in section.items)


def test_a_section_another_report_of_its_main_fact_tells_whole_keeps_its_items() -> None:
    """The main fact is told by two reports: the one it is printed from is headed by the deal,
    the other by the conference's close, whose lines fill the section; that headline tells
    every line, so the lines stand rather than the deal report's lesser ones."""
    deal = _article(1, "Roadmap agreed on, applauded", DEC)
    close = _article(2, "Climate conference in Bali concluded with a roadmap", DEC)
    main = Item(
        "The roadmap sets a time frame for a climate agreement.", 1.0, (),
        (Sentence(1, 0, "The roadmap sets a time frame for a climate agreement."),
         Sentence(2, 0, "The roadmap sets a time frame for a new climate agreement.")),
    )  # fmt: skip
    closing = [
        _item("Delegates in Bali concluded the climate conference on Saturday.", 0.9, 2),
        _item("Greenpeace called the climate deal struck in Bali far too weak.", 0.8, 2),
        _item("Ministers from 190 nations attended the Bali climate conference.", 0.7, 2),
    ]
    lesser = [_item("The plenary reopened at midday after a pause.", 0.3, 1)]
    section = _section([main, *closing, *lesser], [deal, close])
    assert [it.text for it in section.items] == [main.text, *(it.text for it in closing)]
