"""Kind: news, or a view (an opinion piece or an editorial), from what the piece offers."""

from __future__ import annotations

import pytest

from summarizer.cleaning.cleaner import clean
from summarizer.cleaning.kind import later_parts
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument

NEWS_TEXT = (
    "The city council approved the harbour budget on Tuesday.\n\n"
    "“I think we finally got it right,” the mayor said after the vote.\n\n"
    "The budget adds two ferries and repairs the northern pier."
)


def _kind(text: str = NEWS_TEXT, **fields: object) -> str:
    raw = RawDocument(path="story.txt", text=text, **fields)  # type: ignore[arg-type]
    return clean(raw, 0).kind


def test_a_news_story_with_a_quoted_i_is_news() -> None:
    assert _kind() == "news"


@pytest.mark.parametrize(
    ("fields", "found"),
    [
        ({"labels": ("BC-RICH-COLUMN-NYT",)}, "opinion"),
        ({"labels": ("BC-TEEPEN-COLUMN12-COX",)}, "opinion"),  # a number after the word
        ({"labels": ("BC-EDIT-SHEPARD-NYT",)}, "editorial"),
        ({"labels": ("Opinion",)}, "opinion"),  # a page's section
        ({"labels": ("Slate commentary",)}, "opinion"),
        ({"labels": ("BC-CARTER-BOOKREVIEW09-COX",)}, "opinion"),
        ({"url": "https://www.example.com/2024/01/02/opinion/harbour.html"}, "opinion"),
        ({"url": "https://www.example.com/commentisfree/2024/jan/02/harbour"}, "opinion"),
        ({"title": "EDITORIAL: A Stiff and Proper Sentence"}, "editorial"),
        ({"title": "Opinion | The harbour deserves better"}, "opinion"),
        ({"title": "The harbour deserves better | Letters"}, "opinion"),
    ],
)
def test_what_the_source_files_it_under_says_it_is_a_view(
    fields: dict[str, object], found: str
) -> None:
    assert _kind(**fields) == found


@pytest.mark.parametrize(
    "fields",
    [
        {"labels": ("BC-MENTAL-ILLNESS-REVIEW-NYT", "The Week in Review")},  # news analysis
        {"labels": ("usa",)},
        {"title": "World leaders meet to review the harbour treaty"},
        {"url": "https://www.example.com/news/world/harbour.html"},
    ],
)
def test_news_labels_and_titles_that_only_mention_a_word_are_news(
    fields: dict[str, object],
) -> None:
    assert _kind(**fields) == "news"


def test_a_lead_that_says_editorial_makes_an_editorial() -> None:
    lead = "The New York Times said in an editorial for Tuesday, April 6:\n\n"
    assert _kind(lead + NEWS_TEXT) == "editorial"


def test_the_writers_own_i_across_the_piece_makes_an_opinion() -> None:
    column = "\n\n".join(
        [
            "I have watched this harbour for thirty years.",
            "The council approved the budget on Tuesday.",
            "My neighbours think the ferries are a waste, and I agree with them.",
            "The northern pier needs repairs.",
            "I would spend the money on the schools instead.",
        ]
    )
    assert _kind(column) == "opinion"


def test_quoted_i_in_wire_style_and_a_transcripts_speakers_are_not_the_writers_voice() -> None:
    transcript = "\n\n".join(
        [
            "”I heard a noise, and I ran,” said a passenger who survived the crash.",
            "Q. What did you see? A. I saw the smoke first.",
            "CAPTAIN: I have the controls.",
            "”My son was on board,” a woman said.",
            "Investigators recovered the recorders on Friday.",
        ]
    )
    assert _kind(transcript) == "news"


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        (
            "The Hearst News Service has filed or will file the following for Thursday. If you "
            "have questions, please call Susie McBee at 202-298-6920.\n\nBUSH-McCAIN (Greenville, "
            "S.C.) _ John McCain sharpens his claim. By CRAGG HINES. (Already filed.)",
            (),
        ),
        (
            "ATTENTION EDITORS: The following photos are part of tonight's photo package.\n\n"
            "QUAKE _ Rescuers search the rubble in Izmit on Tuesday.",
            (),
        ),
        ("Senators met on Tuesday.\n\nThe vote was put off until Friday.", ("BC-NEWS-BUDGET-HNS",)),
        (
            "These feature stories are moving today to clients of the Courier News Service. "
            "Stories are for release Wednesday, March 7, 2001, unless otherwise embargoed.\n\n"
            "GARDEN _ Ten bulbs that flower in the shade. By ANN REED.",
            (),
        ),
    ],
)
def test_a_news_services_schedule_of_stories_is_not_an_article(
    text: str, labels: tuple[str, ...]
) -> None:
    raw = RawDocument(path="budget.txt", text=text, labels=labels)
    with pytest.raises(UnreadableSource, match="schedule of stories"):
        clean(raw, 0)


def test_a_story_about_a_budget_is_a_story() -> None:
    raw = RawDocument(path="b.txt", text=NEWS_TEXT, labels=("BC-CLINTON-BUDGET-HNS",))
    assert clean(raw, 0).kind == "news"


FACT_BOX = (
    "Figures available Saturday on the earthquake that struck the coast early Tuesday.\n\n"
    "*DEAD:\n\nAt least 1,218\n\n*MISSING:\n\nEstimates range up to 3,500\n\n*INJURED:\n\n"
    "3,515 under medical treatment\n\n*WORST AREAS AFFECTED:\n\nPort Alder 417 dead\n\n"
    "Eastmouth 304 dead\n\n"
    "The quake damaged bridges, highways and power stations, and set a refinery on fire."
)


def test_a_fact_box_is_not_an_article() -> None:
    """Its opening only introduces the figures below it: as an item it says nothing."""
    with pytest.raises(UnreadableSource, match="a list or table"):
        clean(RawDocument(path="box.txt", text=FACT_BOX), 0)


def test_an_almanac_is_not_an_article() -> None:
    """Every line is true and none of it is news: "On this date in 1685…"."""
    text = (
        "Today is Monday, Oct. 18, the 291st day of 1999. There are 74 days left in the year."
        "\n\nOn Oct. 18, 1898, the American flag was raised in Puerto Rico.\n\nOn this date:"
        "\n\nIn 1867, the United States took formal possession of Alaska from Russia."
    )
    with pytest.raises(UnreadableSource, match="an almanac"):
        clean(RawDocument(path="history.txt", text=text), 0)


def test_a_story_that_opens_on_the_date_is_a_story() -> None:
    text = "Today is Monday, and the strike has lasted a week.\n\n" + NEWS_TEXT
    assert clean(RawDocument(path="s.txt", text=text), 0).kind == "news"


def test_a_story_with_a_few_subheadings_is_a_story() -> None:
    text = "\n\n".join(
        ["Rescue Work", NEWS_TEXT, "Ferries", NEWS_TEXT, "The Pier", NEWS_TEXT, "Money", "Next"]
    )
    assert clean(RawDocument(path="s.txt", text=text), 0).kind == "news"


def test_later_parts_without_their_first() -> None:
    titles = [
        "Rice Blast (2)",
        "Quake Toll Rises (1)",
        "Quake toll rises  (2)",
        "Budget (3)",
        "Budget",
    ]
    assert later_parts(titles) == {0}
    assert later_parts(["Talks in Beijing (2)", "Talks in Beijing (3)"]) == {0, 1}
