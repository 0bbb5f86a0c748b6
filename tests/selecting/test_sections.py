"""Selection: best first, nothing said twice, caps per section, the summary word budget."""

from __future__ import annotations

from summarizer.models import Item, Sentence, SourceRef
from summarizer.selecting.sections import select_sections, select_summary
from summarizer.themes.themefile import load_themes

SRC = (SourceRef("Outlet", "Title", "a.txt"),)


def _item(text: str, score: float, eligible: bool = True, pos: int = 0) -> Item:
    return Item(text, score, SRC, (Sentence(0, pos, text, eligible=eligible),))


STRIKE = _item(
    "Russian missile strikes killed 17 people in the city of Dnipro on Tuesday.", 0.9, pos=0
)
STRIKE_AGAIN = _item(
    "On Tuesday Russian missile strikes killed 17 people in Dnipro city.", 0.8, pos=1
)
DRONES = _item(
    "Russia says it intercepted dozens of drones overnight across its territory.", 0.7, pos=2
)
NATO = _item(
    "NATO endorsed a higher defence spending goal of five percent of GDP by 2035.", 0.6, pos=3
)
HIDDEN = _item("He said the strikes would continue through the whole of next week.", 0.95, False, 4)


def test_summary_skips_repeats_and_sentences_that_cannot_stand_alone() -> None:
    chosen = select_summary([HIDDEN, STRIKE, STRIKE_AGAIN, DRONES, NATO], sentences=3)
    assert chosen == [STRIKE, DRONES, NATO]


def test_summary_stops_at_the_sentence_that_reaches_the_word_budget() -> None:
    chosen = select_summary([STRIKE, DRONES, NATO], words=15)
    assert chosen == [STRIKE, DRONES]  # 14 words, then 12 more reach 15


def test_sections_follow_the_themes_file_and_respect_the_cap() -> None:
    sections = select_sections([STRIKE, STRIKE_AGAIN, DRONES, NATO], load_themes(), per_section=1)
    assert [(s.theme, [i.text for i in s.items]) for s in sections] == [
        ("battlefield", [STRIKE.text]),
        ("nato", [NATO.text]),
    ]


def test_empty_sections_are_left_out() -> None:
    sections = select_sections([NATO], load_themes(), per_section=5)
    assert [s.theme for s in sections] == ["nato"]


def test_a_phrase_told_twice_is_said_once() -> None:
    crashes = _item(
        "Traffic crashes are the leading cause of death for children older than 5.", 0.9
    )
    accidents = _item(
        "Traffic accidents are the leading cause of death for children 14 and younger.", 0.8, pos=1
    )
    assert select_summary([crashes, accidents, DRONES], sentences=3) == [crashes, DRONES]
