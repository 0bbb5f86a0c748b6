"""Cleaning: furniture out, metadata kept as title, date and outlet."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.cleaning.cleaner import clean, clean_all, parse_date
from summarizer.errors import UnreadableSource
from summarizer.models import RawDocument
from tests.paths import FIXTURES

FIXTURES = FIXTURES / "articles"


def _clean(text: str, path: str = "story.txt") -> tuple[str, ...]:
    return clean(RawDocument(path=path, text=text), 0).paragraphs


def test_title_date_prefix_and_comment_form() -> None:
    raw = RawDocument(
        str(FIXTURES / "harbour_original.txt"), (FIXTURES / "harbour_original.txt").read_text()
    )
    article = clean(raw, 0)
    assert article.title == "Harbour Bridge Reopens After Storm Repairs"
    assert article.date == dt.date(2024, 3, 14)
    assert article.paragraphs[0].startswith("The city council reopened")
    assert not any("Reply" in p or "email" in p for p in article.paragraphs)
    # No trailer and no outlet: credited by its title, never by the file name.
    assert article.outlet == "“Harbour Bridge Reopens After Storm Repairs”"


def test_an_article_with_no_outlet_is_credited_by_its_shortened_title() -> None:
    raw = RawDocument(
        "001_49f197e31fd5e6ea.txt",
        "Zelenskyy and Trump hold talks on the sidelines of the NATO summit in The Hague\n\n"
        "The two leaders met for fifty minutes on Wednesday afternoon.",
    )
    article = clean(raw, 0)
    assert article.outlet == "“Zelenskyy and Trump hold talks on…”"
    assert "49f197" not in article.outlet and "49f197" not in article.title


@pytest.mark.parametrize(
    "title",
    ["<DOCNO> NYT20000119.0262 </DOCNO>", "&HT; &HT;", "BC-NJ--Evolution & Schools,730",
     "NYT20000119.0262", "ukraine_crisis_potential_meeting"],
)  # fmt: skip
def test_a_markup_id_or_slug_is_never_a_title(title: str) -> None:
    lead = "The city council reopened the harbour bridge on Thursday after repairs."
    article = clean(RawDocument("x.txt", lead, title=title), 0)
    assert article.title == lead  # the lead stands in for the title
    assert article.outlet == "“The city council reopened the harbour…”"


@pytest.mark.parametrize(
    "line",
    [
        "The city  council\treopened the harbour bridge on Thursday after repairs.",
        "The\u00a0city council re\u00adopened the harbour bridge on Thursday after re\u200bpairs.",
        "  The city council reopened the harbour bridge on Thursday after repairs.  ",
    ],
)
def test_white_space_is_one_space_and_invisible_characters_go(line: str) -> None:
    wanted = "The city council reopened the harbour bridge on Thursday after repairs."
    assert _clean(line) == (wanted,)


def test_a_feeds_title_is_read_as_its_text_is_entities_and_all() -> None:
    lead = "Miguel Angel Jimenez beat Bernhard Langer by two shots in the third round."
    raw = RawDocument("day.jsonl", lead, title="Jimenez ends Langer #39;s challenge &amp; run")
    assert clean(raw, 0).title == "Jimenez ends Langer's challenge & run"


def test_a_line_broken_at_a_hyphen_is_joined_without_a_space() -> None:
    text = (
        "The sprinter was tested out-of-\ncompetition twice last month, said Ahmed el-\n"
        "Batouti, who runs the national anti-doping office in Cairo."
    )
    [paragraph] = _clean(text)
    assert "out-of-competition" in paragraph and "el-Batouti" in paragraph


def test_source_trailer_names_the_outlet_and_is_removed() -> None:
    raw = RawDocument("copy.txt", (FIXTURES / "harbour_copy.txt").read_text())
    article = clean(raw, 0)
    assert article.outlet == "Harbour Daily"
    assert article.source_named == "Harbour Daily"
    assert not any("Source" in p or "Back To Top" in p for p in article.paragraphs)


def test_a_web_address_trailer_gives_the_domain() -> None:
    text = "The council met on Monday to approve the budget for next year.\nOriginal Source: www.example-news.org/politics/budget"
    article = clean(RawDocument("a.txt", text), 0)
    assert article.outlet == "example-news.org"


def test_slug_lines_and_escaped_quotes() -> None:
    paragraphs = _clean(
        "Council_Approves_New_Budget\n\nCouncil Approves New Budget\n\n"
        'The mayor said, \\"We kept every promise.\\" The vote was 31 to 4 in favour.'
    )
    assert paragraphs == (
        'The mayor said, "We kept every promise." The vote was 31 to 4 in favour.',
    )


@pytest.mark.parametrize(
    "furniture",
    [
        "Quantcast",
        "top of page",
        "Post: Blog7_Post",
        "Hi 👋, how can we help you today?",
        "Hi, I'm here to help!",
        "Subscribe to our newsletter",
        "Get our free daily newsletter with the top stories.",
        "We use cookies to improve your experience on our site.",
        "Accept all cookies",
        "Cookie settings",
        "Newsletter: the day's news in your inbox",
        "© 2024 Example Media. All rights reserved.",
        "Copyright 2024 Example Media",
        "Copyright (c) Example Media Ltd",
        "Share this article",
        "Photo: Reuters/Jane Doe",
        "A photograph depicting the flooded square at dawn, with grey skies.",
        "An aerial photo showing the flooded square at dawn.",
        "42",
        "(EDITORS: There is no charge for use of this story, but please send a tearsheet.)",
        "(To publish this article, it must be purchased from the syndicate's sales office.)",
        "-0- (To publish this article, it must be purchased from the syndicate's sales office.)",
        "NEWS SERVICE (Distributed by Example Features) To purchase this material call 555-0100.",
        "(Margaret Roe is a contributing writer for The Example Magazine.)",
        "Jane Roe can be reached at (602) 444-7942 or jane.roe(at)example.com.",
    ],
)
def test_kinds_of_furniture_are_removed(furniture: str) -> None:
    body = "The river rose by two metres overnight and flooded the main square of the town."
    assert _clean(f"{furniture}\n{body}\n{furniture}") == (body,)


def test_sentences_that_only_mention_editors_or_reaching_someone_stay() -> None:
    kept = (
        "Editors at the paper said the story was accurate and would stand.",
        "The mayor can be reached by boat only, officials said, until the water recedes.",
        "UN food distributed by air reached 2,000 families in the valley on Monday.",
        "AID distributed by the Red Cross reached the town on Monday, officials said.",
    )
    assert _clean("\n".join(kept)) == kept


def test_news_about_cookies_newsletters_or_help_is_not_furniture() -> None:
    kept = (
        "Google said Chrome will block third-party cookies for all users next year.",
        "Girl Scouts sold 200 million boxes of cookies last year, the group said.",
        "In a newsletter to clients, analysts said the rouble would fall further.",
        "Newsletters sent by the campaign urged voters to turn out on Sunday morning.",
        "The report shows that inflation rose to 9 percent in May, the ministry said.",
        "A video showing soldiers crossing the river near Kherson was posted on Monday.",
        "Copyright lawsuits against the company rose sharply in 2024, lawyers said.",
        "“We are here to help the people of this town,” the envoy told reporters on Monday.",
    )
    assert _clean("\n".join(kept)) == kept


def test_sub_headings_are_not_body_text() -> None:
    body = "The river rose by two metres overnight and flooded the main square."
    more = "Volunteers filled sandbags through the night to protect the old hospital."
    assert _clean(f"{body}\nThe Night Shift\n{more}") == (body, more)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "The river rose by two metres overnight and\nflooded the main square of the town,\n"
        "officials said on Tuesday morning.\n\nA second paragraph stands alone here."
    )
    assert _clean(text) == (
        "The river rose by two metres overnight and flooded the main square of the town, "
        "officials said on Tuesday morning.",
        "A second paragraph stands alone here.",
    )


def test_markdown_markup_is_stripped_from_md_files() -> None:
    article = clean(
        RawDocument(
            str(FIXTURES / "harbour_weather.md"), (FIXTURES / "harbour_weather.md").read_text()
        ),
        0,
    )
    assert article.title == "Forecasters Warn of More Storms"
    assert len(article.paragraphs) == 2
    assert not any("*" in p or "Share" in p for p in article.paragraphs)


def test_markdown_links_keep_their_text_and_unclosed_brackets_stay_text() -> None:
    """The link pattern stops at the next bracket: a line of 50,000 "[" took minutes before
    (``benchmarks/readers_linear.py`` times it at 1 MB)."""
    brackets = "[" * 50_000
    text = (
        'Ministers met in Vienna\n\nThe envoy [said](https://example.org/a_(b) "title") the '
        "talks ![map](map.png) would resume on Wednesday after a break of one day.\n\n"
        f"Ministers agreed [on a date for the next round of talks in the capital on Friday.\n\n{brackets}"
    )
    article = clean(RawDocument("talks.md", text), 0)
    assert article.paragraphs[:2] == (
        "The envoy said the talks would resume on Wednesday after a break of one day.",
        "Ministers agreed [on a date for the next round of talks in the capital on Friday.",
    )


def test_a_file_of_only_furniture_is_unusable() -> None:
    with pytest.raises(UnreadableSource, match="no sentence left after cleaning"):
        _clean("Back To Top\nLeave a Reply\nYour email address will not be published.")


def test_the_same_text_twice_counts_once() -> None:
    text = (FIXTURES / "harbour_copy.txt").read_text()
    articles, skipped = clean_all([RawDocument("a.txt", text), RawDocument("b.txt", text)])
    assert [a.path for a in articles] == ["a.txt"]
    assert [(s.path, s.reason) for s in skipped] == [("b.txt", "same text as a.txt")]


def test_a_later_part_of_a_wire_story_is_read_only_with_its_first() -> None:
    """ "(2)" alone opens on "…, said Li." and explains nothing its first part did."""
    first = RawDocument(
        "1.txt", "Rice yields rose on Monday, scientists said.", title="Rice Blast (1)"
    )
    second = RawDocument(
        "2.txt", "Farmers in Yunnan planted 40,000 ha, said Li.", title="Rice Blast (2)"
    )
    other = RawDocument(
        "3.txt", "The council approved the budget on Monday.", title="Budget Passes"
    )
    articles, skipped = clean_all([second, other])
    assert [a.path for a in articles] == ["3.txt"]
    assert [(s.path, s.reason) for s in skipped] == [
        ("2.txt", "a later part of a story whose first is missing")
    ]
    articles, skipped = clean_all([first, second, other])
    assert [a.path for a in articles] == ["1.txt", "2.txt", "3.txt"] and not skipped


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2025-06-25", dt.date(2025, 6, 25)),
        ("25 June 2025", dt.date(2025, 6, 25)),
        ("June 25, 2025", dt.date(2025, 6, 25)),
        ("Sept. 3, 2024", dt.date(2024, 9, 3)),
        ("Saturday, January 8, 2005", dt.date(2005, 1, 8)),
        ("2005/01/08", dt.date(2005, 1, 8)),
        ("not a date", None),
    ],
)
def test_parse_date(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


@pytest.mark.parametrize(
    "dateline",
    [
        "WASHINGTON (AP) -- ",
        "PORTO ALEGRE, Brazil (AP) _ ",
        "CARACAS, Venezuela (AP) _",
        "GENEVA, March 3 (Xinhua) -- ",
        "KYIV — ",
        "Washington _ ",
        "Reuters - ",  # a feed's credit glued to its summary
        "USATODAY.com - ",
        "Athens, Greece (Sports Network) - ",
        "KANDAHAR, Afghanistan : ",
        "NEW DELHI: ",
        "MR. SMITH: ",
        "Description: ",  # a feed's field name before its summary
        "Baghdad, Sept. 8 (NNN): ",  # a feed's dated dateline in small letters
        "Paris, Oct 2 (AFP) - ",
        "KATMANDU, Nepal ",  # a dateline a feed left glued to the lead, its dash dropped
        "SPRINGFIELD, Ill. ",
        "GAZA CITY, Gaza Strip Sept. 7, 2004 - ",
        "NEW YORK Sept. 11, 2004 - ",
        "_ ",  # the dash a dateline leaves when a feed drops its city
        "-- ",
    ],
)
def test_wire_datelines_are_removed_from_the_lead(dateline: str) -> None:
    body = "The river rose by two metres overnight and flooded the main square."
    assert _clean(dateline + body) == (body,)


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("WASHINGTON (AP) -- ", "AP"),
        ("BRUSSELS, January 22 (Xinhua) _ ", "Xinhua"),
        ("ISTANBUL (Turkey), August 21 (Xinhua) -- ", "Xinhua"),
        ("Athens, Greece (Sports Network) - ", "Sports Network"),
        ("Baghdad, Sept. 8 (NNN): ", "NNN"),
        ("MOSCOW (Updated 5pm) -- ", "“The river rose by two metres…”"),  # not a name
        ("KYIV — ", "“The river rose by two metres…”"),  # no agency: credited by title
    ],
)
def test_the_agency_of_the_leads_dateline_is_the_outlet_when_none_is_named(
    lead: str, outlet: str
) -> None:
    body = "The river rose by two metres overnight and flooded the main square."
    assert clean(RawDocument("story.txt", lead + body), 0).outlet == outlet
    trailer = f"{lead}{body}\n\nSource: Reuters"  # the outlet the article names wins
    assert clean(RawDocument("story.txt", trailer), 0).outlet == "Reuters"
    assert clean(RawDocument("story.txt", lead + body, outlet="Example"), 0).outlet == "Example"


def test_a_field_name_later_in_the_article_is_kept() -> None:
    later = "Summary: The river rose by two metres overnight."
    assert _clean(f"The flood reached the town.\n\n{later}")[-1] == later


def test_a_spaced_hyphen_later_in_the_article_is_not_a_dateline() -> None:
    lead = "The river rose by two metres overnight and flooded the main square."
    later = "Kyiv - Lviv trains ran again on Monday after the line was repaired at dawn."
    assert _clean(f"{lead}\n\n{later}") == (lead, later)


@pytest.mark.parametrize(
    "lead",
    [
        "HSBC, Standard Chartered, Hang Seng and other banks cut their lending rates on Monday.",
        "IBM, Sony Corp. and Toshiba Corp. said they would build the chip together in Texas.",
        "NATO, Russia and Ukraine signed the harbour pact on Monday after two years of talks.",
    ],
)
def test_a_lead_that_opens_on_a_list_of_names_keeps_them(lead: str) -> None:
    assert _clean(lead) == (lead,)


def test_html_tags_left_in_plain_text_are_removed() -> None:
    text = (
        "The &lt;b&gt;governor&lt;/b&gt; said the old <em class='x'>dam</em> would stay shut."
        "<p>Engineers found cracks in the wall of the dam during an inspection.</p>"
        "Prices rose when x < y and y > z held, said the <AAPL.O> analysts on Monday."
    )
    assert _clean(text) == (
        "The governor said the old dam would stay shut.",
        "Engineers found cracks in the wall of the dam during an inspection.",
        "Prices rose when x < y and y > z held, said the analysts on Monday.",
    )


def test_wire_typewriter_quotes_and_dashes() -> None:
    text = "The diagnosis _ a rare one _ was ``irretrievably'' late, the doctor said on Monday."
    assert _clean(text) == (
        "The diagnosis — a rare one — was “irretrievably” late, the doctor said on Monday.",
    )


def test_a_wire_that_opens_quotations_with_two_apostrophes_too() -> None:
    """AP's 1990s copy writes ''modest'' for “modest”: the first mark opens the quotation."""
    text = (
        "Workers cannot afford what the government considers a ''modest'' flat, a study said.\n\n"
        "''Housing is out of reach for many,'' he said. (''It is worse,'' she added.)"
    )
    assert _clean(text) == (
        "Workers cannot afford what the government considers a “modest” flat, a study said.",
        "“Housing is out of reach for many,” he said. (“It is worse,” she added.)",
    )


def test_two_apostrophes_open_after_a_dash_or_bracket_and_close_after_a_word() -> None:
    """The marks are looked for first and what stands before them asked after: the text's
    start, a space, a line break, a bracket or a dash opens; a letter or a mark closes."""
    text = (
        "The chief said the plan was dead—''finished,'' he added, and [''gone''] ''''.\n"
        "''Nothing left,'' an aide said, ''so'''' it ends.''"
    )
    assert _clean(text) == (
        "The chief said the plan was dead—“finished,” he added, and [“gone”] ””.",
        "“Nothing left,” an aide said, “so”” it ends.”",
    )


def test_a_number_broken_after_its_thousands_separator_is_joined() -> None:
    [paragraph] = _clean(
        "An additional 150, 000 people live in prefabricated homes since the quake."
    )
    assert "150,000 people" in paragraph
    [kept] = _clean("The vote was 52, 100 abstained, and the motion on the harbour failed.")
    assert "52, 100" in kept


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("DAR ES SALAAM, Tanzania (AP) _ Police in Dar es Salaam said Saturday", "Dar es Salaam"),
        ("BEIJING, June 1 (Xinhua) -- A Chinese official said here today", "Beijing"),
        ("WASHINGTON -- The Senate voted on the harbour bill on Monday", "Washington"),
        ("Baghdad, Sept. 8 (NNN): Clashes left 46 dead, officials said here", "Baghdad"),
        ("Washington, Sept. 8 is the day the harbour bill comes to a vote", None),
        ("KATMANDU, Nepal The capital was largely cut off, officials said here", "Katmandu"),
        ("NATO, Russia and Ukraine signed the harbour pact on Monday", None),
        ("DR. BRAZELTON: Children need a routine at home, he told the panel", None),
        ("UNDATED _ Rents rose faster than wages in every state last year", None),
        ("The Senate voted on the harbour bill on Monday in Washington", None),
    ],
)
def test_the_city_a_dateline_names_is_kept_as_the_place(lead: str, place: str | None) -> None:
    """The dateline goes, its city stays: a report says "here" for it (``text.places``)."""
    article = clean(RawDocument(path="wire.txt", text=f"{lead}, the report said.\n"), 0)
    assert article.place == place
    assert not article.paragraphs[0].isupper()
