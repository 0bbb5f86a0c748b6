"""A feature's hook: the scene a feature opens on is never printed, and never the main fact;
the report's news, a few lines in, is."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.models import Article, Item, Sentence
from summarizer.selecting.hooks import hooked, nuts, without_hooks
from summarizer.selecting.news import lead_order, main_fact
from summarizer.text.value import hook, told_as_news
from tests.brief_items import brief_items

DAY = dt.date(2001, 4, 12)
HOOK = "Harbour Street Primary School has a lost-property room."
SCENE = "Pupils at Kelton Grammar carry swipe cards to every lesson."
NEWS = "Head teachers meeting in Dunmore on Wednesday presented plans to screen every visitor."
LATER = "The county's schools will spend 2 million pounds on the plans over three years."
PLAIN = "Dunmore council approved a new budget for its schools, the council's leader said."


def _article(n: int, first: str) -> Article:
    return Article(n, f"{n}.txt", "Courier", "Schools", DAY, None, (f"{first} More words.",))


ARTICLES = {0: _article(0, HOOK), 1: _article(1, PLAIN)}


def _item(article: int, position: int, text: str, score: float) -> Item:
    return Item(text=text, score=score, sources=(), sentences=(Sentence(article, position, text),))


@pytest.mark.parametrize(
    "text",
    [
        HOOK,
        "The weather on the coast seems always wet.",
        "When Ann and Jo Pike bought their farm, they sprayed every field twice a year.",
        "For the first 12 years of his life, Sam Reid never saw a doctor.",
        "As a young nurse, Mary Olds worked nights in a crowded ward.",
        "For roughly half of the eels that leave the river, the trip is a hard one.",
    ],
)
def test_a_scene_or_a_short_general_opening_is_a_hook(text: str) -> None:
    assert hook(text)


@pytest.mark.parametrize(
    "text",
    [
        NEWS,
        PLAIN,
        "For the first time, the court has ruled against the ministry on the question of fees.",
        "When the Senate votes on Tuesday, the bill is expected to pass by a wide margin.",
        "As a result of the strike, 40 flights were cancelled, the airline announced.",
        "Inflation is 4 percent.",
        "Officials in the capital ordered the evacuation of three coastal towns as the storm neared.",
        "When the new pesticide rules take effect, growers may have a cheap way to clear weeds.",
        "Walter Brennan is a free man again.",
    ],
)
def test_a_report_s_opening_is_no_hook(text: str) -> None:
    assert not hook(text)


def test_a_line_tells_the_news_with_a_day_or_someone_saying_it_not_inside_a_quotation() -> None:
    assert told_as_news(NEWS) and told_as_news(PLAIN)
    assert not told_as_news(SCENE) and not told_as_news(LATER)
    assert not told_as_news("“We will screen everyone,” the head teacher said on Wednesday.")


def test_an_article_opening_on_a_hook_is_hooked_and_a_report_is_not() -> None:
    assert hooked(ARTICLES[0])
    assert not hooked(ARTICLES[1])


def test_the_hooked_report_s_news_is_its_first_line_that_tells_the_news() -> None:
    items = [_item(0, 1, SCENE, 0.9), _item(0, 5, LATER, 0.8), _item(0, 3, NEWS, 0.2)]
    assert nuts(items, ARTICLES) == {0: items[2]}
    found = main_fact([_item(0, 0, HOOK, 1.0), *items], ARTICLES)
    assert found is not None and found.text == NEWS


def test_a_report_that_opens_on_its_news_comes_before_a_feature_s_news() -> None:
    items = [_item(0, 3, NEWS, 1.0), _item(1, 0, PLAIN, 0.1)]
    found = main_fact(items, ARTICLES)
    assert found is not None and found.text == PLAIN


def test_the_hook_is_left_out_and_the_report_s_other_lines_stay() -> None:
    items = [_item(0, 0, HOOK, 1.0), _item(0, 1, SCENE, 0.5), _item(1, 0, PLAIN, 0.4)]
    assert [item.text for item in without_hooks(items, ARTICLES)] == [SCENE, PLAIN]


def test_the_line_after_a_hook_is_no_opening_when_the_lead_is_ordered() -> None:
    """Without the opening's weight, the scene line falls below a line that scores higher."""
    scene, later = _item(0, 1, SCENE, 0.5), _item(0, 9, LATER, 0.8)
    assert lead_order([scene, later], ARTICLES) == [later, scene]
    # A report's second line, on its news, keeps the opening's weight.
    second = _item(1, 1, SCENE, 0.5)
    assert lead_order([second, later], ARTICLES) == [second, later]


def test_the_brief_of_a_feature_opens_with_its_news_not_its_scene(tmp_path: Path) -> None:
    body = " ".join([HOOK, SCENE, NEWS, LATER, PLAIN])
    line = {"text": body, "date": "2001-04-12", "source": "Courier", "title": "Safer schools"}
    day = tmp_path / "day.jsonl"
    day.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["build", str(day), "--out", str(tmp_path / "out"), "-q", "--no-history"]) == 0
    brief = json.loads((tmp_path / "out" / "2001-04-12.json").read_text(encoding="utf-8"))
    texts = [item["text"] for item in brief_items(brief)]
    assert texts[0] == NEWS
    assert HOOK not in texts
