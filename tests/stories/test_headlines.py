"""Headlines as headings: the one test the story list and the brief of many stories share."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summarizer.models import Article
from summarizer.stories.headlines import headline, story_title

LEAD = ("Rescuers dug through the night.",)


def _article(title: str, number: int = 0) -> Article:
    return Article(number, f"{number}.txt", "Wire", title, None, None, LEAD)


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        (
            "ARMY RETREATS ON WETLANDS PROTECTION, REPORT SAYS",
            "Army Retreats on Wetlands Protection, Report Says",
        ),
        (
            "Judge Orders Microsoft Split in Two EDS-Updates with more details",
            "Judge Orders Microsoft Split in Two",
        ),
        ("Quake toll rises to 212 (UPDATE 2)", "Quake toll rises to 212"),
        ("Quake", None),
        (
            "BALLOONIST NEARLY HALFWAY THROUGH A SOLO TRIP (DW)",
            "Balloonist Nearly Halfway Through a Solo Trip",
        ),
        ("Tuesday, Sept. 19, 2000", None),
        (
            "`BLACK BOXES' FOR CARS RAISE PRIVACY CONCERNS",
            "‘Black Boxes’ for Cars Raise Privacy Concerns",
        ),
        ("Ferry strike `over,' union says", "Ferry strike ‘over,’ union says"),
        (
            "10TH ANNIVERSARY OF CRACKDOWN PASSES QUIETLY",
            "10th Anniversary of Crackdown Passes Quietly",
        ),
        (
            "Balloonist Nearly Halfway Through a Solo Trip (dw)",
            "Balloonist Nearly Halfway Through a Solo Trip",
        ),
    ],
)
def test_a_headline_becomes_a_heading_a_reader_can_use(title: str, heading: str | None) -> None:
    article = _article(title)
    assert headline(article) == heading


def test_a_storys_title_is_its_first_usable_headline_capitals_last() -> None:
    """``brief stories`` names a story as its brief does: no advisory made of a date, no
    note to editors, a slug line in capitals only when nothing else will do."""
    ranked = [
        _article("Tuesday, Sept. 19, 2000", 0),
        _article("QUAKE TOLL RISES IN IZMIT", 1),
        _article("Rescuers dig through the rubble of Izmit EDS-Updates with more details", 2),
    ]
    assert story_title(ranked) == "Rescuers dig through the rubble of Izmit"
    assert story_title(ranked[:2]) == "Quake Toll Rises in Izmit"
    assert story_title(ranked[:1]) == "Tuesday, Sept. 19, 2000"  # nothing better: the title
    untitled = _article("Rescuers dug through the…", 3)
    assert story_title([untitled, ranked[0]]) == "Rescuers dug through the…"


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("Budget for Wednesday", "The Hearst News Service will file the following for Wednesday."),
        ("Wire stories", "The New York Times News Service has filed or will file the following."),
        ("EDITORS: Quake coverage", LEAD[0]),
        ("PHOTO: Rescuers in Izmit", LEAD[0]),
    ],
)
def test_a_notice_is_no_heading(title: str, lead: str) -> None:
    """A news service's list, an advisory or a caption says nothing that happened."""
    notice = Article(0, "0.txt", "Wire", title, None, None, (lead,))
    assert headline(notice) is None
    assert story_title([notice, _article("Rescuers dig through the rubble", 1)]) == (
        "Rescuers dig through the rubble"
    )


def test_a_report_that_files_a_suit_is_no_notice() -> None:
    report = Article(0, "0.txt", "Wire", "Microsoft appeals ruling", None, None,
                     ("Microsoft has filed an appeal following the ruling.",))  # fmt: skip
    assert headline(report) == "Microsoft appeals ruling"


@pytest.mark.parametrize("kind", ["opinion", "editorial"])
def test_a_views_title_is_no_heading(kind: str) -> None:
    """A column's or an editorial's title is a turn of phrase, not what happened."""
    view = replace(_article("Thorn in Asean's Side", 0), kind=kind)
    assert headline(view) is None
    assert story_title([view, _article("Myanmar bars British officials", 1)]) == (
        "Myanmar bars British officials"
    )
