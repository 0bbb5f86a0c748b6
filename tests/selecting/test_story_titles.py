"""A story section's title says what the section's items say: the headline that tells most of
them, else a phrase most of them print, never one word or a bare place; never a notice."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from summarizer.models import Article, Item, Sentence, Story
from summarizer.selecting.story_titles import section_title, shared_phrase


def _article(number: int, title: str, lead: str = "Officials spoke on Sunday.") -> Article:
    return Article(number, f"{number}.txt", f"Outlet {number}", title, None, None, (lead,))


def _item(text: str, *reports: int) -> Item:
    sentences = tuple(Sentence(report, n, text) for n, report in enumerate(reports))
    return Item(text, 1.0, (), sentences)


def _title(items: Sequence[Item], articles: Sequence[Article]) -> str:
    story = Story(articles[0].title, tuple(a.id for a in articles), ())
    return section_title(story, items, {a.id: a for a in articles})


RATES = [
    _article(0, "Norland central bank raises interest rate to 4.5 percent"),
    _article(1, "Borrowers in Norland face higher mortgage costs"),
    _article(2, "Norland lifts rates as inflation hits 7.2 percent"),
]


# The first item's report's headline fits these items (two on the rise, two on inflation in
# Norland, each sharing a word with it).
ON_THE_RISE = [
    ("The central bank of Norland raised its main interest rate to 4.5 percent.", 0),
    ("The central bank of Norland has raised rates three times since January.", 1),
    ("Governor Ilse Marten said inflation should fall below 5 percent.", 1),
    ("Food and energy prices drove inflation in Norland.", 2),
]
# Here the first item's report names its own event (mortgages); another report's headline
# says what most items say.
ON_INFLATION = [
    ("Mortgage payments in Norland will rise by 60 euros a month.", 1),
    ("Norland's inflation rate hit 7.2 percent in February.", 2),
    ("The central bank of Norland lifted its rates for the third time.", 0),
    ("Prices of food and fuel drove inflation to 7.2 percent.", 2),
]


@pytest.mark.parametrize(
    ("said", "title"),
    [
        (ON_THE_RISE, "Norland central bank raises interest rate to 4.5 percent"),
        (ON_INFLATION, "Norland lifts rates as inflation hits 7.2 percent"),
    ],
)
def test_the_title_is_the_first_headline_that_tells_most_items(
    said: list[tuple[str, int]], title: str
) -> None:
    assert _title([_item(text, report) for text, report in said], RATES) == title


MYANMAR = [
    _article(10, "Myanmar bars British officials"),
    _article(11, "Crackdown anniversary passes quietly in Yangon"),
    _article(12, "Rice exports fall"),
    _article(13, "Sanctions debated in Brussels"),
]
MIXED = [
    _item("Myanmar has barred British officials after pressure on the military government.", 10),
    _item("No protests marked the anniversary; the military government warned students.", 11),
    _item("Bungling by the military government has left the economy in ruins.", 12),
    _item("The European Union said the decision on sanctions would wait.", 13),
]


def test_items_no_headline_tells_are_titled_by_the_phrase_most_of_them_print() -> None:
    title = _title(MIXED, MYANMAR)
    assert title == "Military government"


def test_a_shared_phrase_is_never_one_word_nor_a_bare_place() -> None:
    texts = [
        "Rescuers in Chile searched the rubble on Monday.",
        "Chile asked for tents and water.",
        "Aid reached Chile by air.",
    ]
    assert shared_phrase(texts) is None  # "Chile" alone is no title
    more = [t + " The relief effort slowed." for t in texts]
    assert shared_phrase(more) == "Relief effort"


def test_a_shared_phrase_is_never_a_name_alone() -> None:
    texts = [
        "The United Nations said the quake in Haiti killed 222,570 people.",
        "The United Nations said rescuers in Haiti had stopped searching.",
        "Police arrested ten Americans at the border.",
    ]
    assert shared_phrase(texts) is None  # "United Nations" tells who, not what happened


def test_a_phrase_only_a_few_items_print_is_no_title() -> None:
    texts = [
        "The military government warned students.",
        "Rice exports fell by a third.",
        "The European Union will wait.",
    ]
    assert shared_phrase(texts) is None


def test_a_news_services_list_never_heads_a_section() -> None:
    notice = Article(
        20, "20.txt", "Hearst", "Norland Rate Rise Budget", None, None,
        ("The Hearst News Service will file the following for Wednesday.",),
    )  # fmt: skip
    items = [_item("The central bank of Norland raised its main interest rate.", 20, 0)]
    assert _title(items, [notice, *RATES]) == RATES[0].title
