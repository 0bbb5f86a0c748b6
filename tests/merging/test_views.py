"""Views: lines from opinion pieces and editorials never reach a brief as news."""

from __future__ import annotations

import dataclasses
import datetime as dt

from summarizer.merging.redundancy import merge
from summarizer.merging.views import labelled, news_first
from summarizer.models import Article, Item, Sentence

DAY = dt.date(2025, 6, 24)
FACT = "The Army Corps of Engineers issued stricter rules for building on small wetlands."
FACT_IN_COLUMN = (
    "The Army Corps of Engineers issued stricter rules for building on the small wetlands."
)
VIEW = "The Corps, which is not known for environmental stewardship, has acted responsibly."
NEWS_ONLY = "Developers will need a permit for projects affecting half an acre of wetlands."


def _article(i: int, kind: str, author: str | None = None) -> Article:
    return Article(i, f"{i}.txt", f"Outlet {i}", "T", DAY, None, ("x",), author=author, kind=kind)


def _day(*articles: Article) -> tuple[list[Item], dict[int, Article]]:
    """Each article's sentences: a view's, then the news', scored so the view's rank first."""
    texts = {"editorial": [FACT_IN_COLUMN, VIEW], "opinion": [VIEW], "news": [FACT, NEWS_ONLY]}
    found = {a.id: a for a in articles}
    sents = [Sentence(a.id, p, t) for a in articles for p, t in enumerate(texts[a.kind])]
    scores = [1.0 if found[s.article].kind != "news" else 0.5 for s in sents]
    return merge(sents, scores, found), found


def test_a_view_only_its_writer_states_is_left_out_and_a_fact_is_told_in_news_words() -> None:
    items, articles = _day(_article(0, "editorial"), _article(1, "news"))
    kept = news_first(items, articles)
    assert [it.text for it in kept] == [FACT, NEWS_ONLY]
    assert all(it.label is None for it in kept)
    assert {ref.name for ref in kept[0].sources} == {"Outlet 0", "Outlet 1"}  # both state it


def test_on_a_day_of_views_only_each_item_carries_its_label() -> None:
    items, articles = _day(_article(0, "opinion", "Jeff Jacoby"))
    [item] = news_first(items, articles)
    assert (item.text, item.label) == (VIEW, "Opinion — Jeff Jacoby")
    unsigned = {0: dataclasses.replace(articles[0], kind="editorial", author=None)}
    assert news_first(items, unsigned)[0].label == "Editorial"


def test_a_plain_summary_keeps_a_view_labelled_and_news_unlabelled() -> None:
    items, articles = _day(_article(0, "editorial"), _article(1, "news"))
    shown = {it.text: it.label for it in labelled(items, articles)}
    assert shown == {FACT: None, NEWS_ONLY: None, VIEW: "Editorial"}
