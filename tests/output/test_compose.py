"""Compose: the brief as the reader meets it, every item readable on its own."""

from __future__ import annotations

import datetime as dt

from summarizer.models import Article, Item, Section, Sentence, SourceRef
from summarizer.output.compose import brief_date, compose
from summarizer.selecting.brief import Chosen

DAY = dt.date(2025, 6, 25)


def _item(text: str, article: int, names: tuple[tuple[str, str], ...] = ()) -> Item:
    sentence = Sentence(article, 0, text, names=names)
    return Item(text, 1.0, (SourceRef("Wire", "T", "a.txt", text=text),), (sentence,))


def _sections(*sections: Section, lead: tuple[Item, ...] = ()) -> Chosen:
    return Chosen(lead, sections)


def _articles(*dates: dt.date | None) -> list[Article]:
    return [Article(i, f"{i}.txt", "Wire", "T", d, None, ("x",)) for i, d in enumerate(dates)]


def test_a_surname_gets_the_full_mention_unless_an_item_above_named_them() -> None:
    first = _item(
        "Hagel lambasted the Republican leadership over the bill.", 0, (("Hagel", "Sen. Chuck"),)
    )
    again = _item("Hagel said he would vote against the bill.", 0, (("Hagel", "Sen. Chuck"),))
    rutte = _item("Rutte was blunt about Putin at the summit.", 0, (("Rutte", "Mark"),))
    named = _item("NATO Secretary-General Mark Rutte opened the summit in The Hague.", 0)
    brief = compose(
        "T",
        DAY,
        _sections(Section("a", "A", (first,)), Section("b", "B", (again, rutte)), lead=(named,)),
        _articles(DAY),
        [],
    )
    items = list(brief.items)  # the lead, then the sections: the order a reader meets them
    assert items[1].text == "[Sen. Chuck] Hagel lambasted the Republican leadership over the bill."
    assert [(i.words, i.surname, i.full) for i in items[1].insertions] == [
        ("Sen. Chuck", "Hagel", "Sen. Chuck Hagel")
    ]
    assert items[2].text == again.text and not items[2].insertions  # named in full above
    assert items[3].text == rutte.text  # the lead named Mark Rutte in full
    assert items[1].sources[0].text == first.text  # the outlet's own words are unchanged


def test_after_two_people_of_one_surname_a_bare_surname_says_which() -> None:
    """ "Smith" after Richard Smith, then David L. Smith, is not read as the last one named."""
    richard = _item("Richard Smith, president of a software firm, called the FBI on Monday.", 0)
    david = _item("David L. Smith, 30, was charged on Friday with spreading the virus.", 1)
    bare = _item("Last month, Smith found a secret serial number.", 0, (("Smith", "Richard"),))
    again = _item("Smith is a programmer in New Jersey.", 1, (("Smith", "David L."),))
    brief = compose(
        "T",
        DAY,
        _sections(Section("a", "A", (richard, david, bare, again))),
        _articles(DAY, DAY),
        [],
    )
    items = list(brief.items)
    assert items[2].text == "Last month, [Richard] Smith found a secret serial number."
    assert items[3].text == "[David L.] Smith is a programmer in New Jersey."


def test_a_family_name_first_gets_its_given_name_after_it() -> None:
    lin = _item("War, Lin said, was unlikely this year.", 0, (("Lin", "Lin Chong-pin"),))
    again = _item("Lin said Beijing was bluffing.", 0, (("Lin", "Lin Chong-pin"),))
    brief = compose("T", DAY, _sections(Section("a", "A", (lin, again))), _articles(DAY), [])
    first, second = brief.sections[0].items
    assert first.text == "War, Lin [Chong-pin] said, was unlikely this year."
    assert [(i.words, i.surname, i.full) for i in first.insertions] == [
        ("Chong-pin", "Lin", "Lin Chong-pin")
    ]
    assert second.text == again.text  # named in full above


def test_an_item_from_an_older_article_carries_its_date() -> None:
    old, today = (
        _item("The bridge reopened on Wednesday.", 0),
        _item("The ferry resumed service.", 1),
    )
    brief = compose(
        "T",
        DAY,
        _sections(Section("a", "A", (old, today))),
        _articles(DAY - dt.timedelta(days=3), DAY),
        [],
    )
    shown = brief.sections[0].items
    assert shown[0].dated == DAY - dt.timedelta(days=3)
    assert shown[1].dated is None


def test_the_brief_is_dated_by_its_newest_believable_article() -> None:
    tomorrow, far = DAY + dt.timedelta(days=1), DAY + dt.timedelta(days=2)
    assert brief_date(_articles(DAY - dt.timedelta(days=1), DAY), today=DAY) == DAY
    assert brief_date(_articles(DAY, tomorrow), today=DAY) == tomorrow  # a zone ahead of UTC
    assert brief_date(_articles(DAY, far, dt.date.max), today=DAY) == DAY
    assert brief_date(_articles(None, dt.date.max), today=DAY) == DAY  # nothing believable
    assert brief_date(_articles(dt.date.max), dt.date(2025, 1, 1), today=DAY) == dt.date(2025, 1, 1)


def test_an_insertion_never_spells_someone_the_brief_named_another_way() -> None:
    named = _item("Ukrainian President Volodymyr Zelenskyy met the envoys in Kyiv.", 0)
    bare = _item("Zelensky said talks could start in May.", 1, (("Zelensky", "Volodymyr"),))
    other = _item("Lavrov said Moscow was ready.", 1, (("Lavrov", "Sergei"),))
    brief = compose(
        "T", DAY, _sections(Section("a", "A", (named, bare, other))), _articles(DAY, DAY), []
    )
    items = brief.sections[0].items
    assert items[1].text == bare.text and not items[1].insertions
    assert items[2].text == "[Sergei] Lavrov said Moscow was ready."


def test_a_description_gets_its_body_named_in_every_item() -> None:
    names = (("agency", "Environmental Protection"),)
    first = _item("The agency ordered the road closed.", 0, names)
    second = _item("The agency said the fine would follow.", 0, names)
    brief = compose("T", DAY, _sections(Section("a", "A", (first, second))), _articles(DAY), [])
    texts = [i.text for i in brief.sections[0].items]
    assert texts == [
        "The [Environmental Protection] agency ordered the road closed.",
        "The [Environmental Protection] agency said the fine would follow.",
    ]


def test_a_merged_item_worded_from_an_older_article_carries_that_articles_date() -> None:
    """A newer outlet's credit does not make an older wording's "on Wednesday" this week's."""
    text = "The bridge reopened on Wednesday after repairs."
    older = Sentence(0, 0, text)
    newer = Sentence(1, 0, "The bridge reopened on Wednesday after its repairs.")
    item = Item(text, 1.0, (SourceRef("Wire", "T", "0.txt", text=text),), (older, newer))
    brief = compose(
        "T",
        DAY,
        _sections(Section("a", "A", (item,))),
        _articles(DAY - dt.timedelta(days=5), DAY),
        [],
    )
    assert brief.sections[0].items[0].dated == DAY - dt.timedelta(days=5)
