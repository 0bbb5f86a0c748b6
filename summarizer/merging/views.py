"""Views: lines from opinion pieces and editorials never reach a brief as news.

A columnist's "the scientific consensus on global warming does not exist" is a view; an
editorial's "the Corps has acted responsibly" is the outlet's. Printed among the day's facts,
unlabelled, either misleads. What cleaning found an article to be (``Article.kind``) decides:

- a statement a news article also makes is shown in the news article's words (merging ranks
  news wordings first), so a view's outlet may be credited for a fact, never the reverse;
- an item only views make is left out of the brief, as an editor leaves the op-ed page out of
  the news pages;
- on a day of nothing but views (a feed of columns), they are all there is to brief: each
  item then carries its label ("Opinion — Frank Rich", "Editorial"), which every output shows;
- a plain summary (``brief summarize``) has no news pages to keep views off: every item stays
  and a view's carries its label, so what a column alone says is still summarised, as a view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from summarizer.cleaning.kind import NEWS
from summarizer.models import Article, Item


def news_first(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """The news items; on a day with no news article, every item, labelled (module
    docstring)."""
    if all(a.kind != NEWS for a in articles.values()):
        return [_labelled(item, articles) for item in items]
    return [item for item in items if not item.sentences or _wording(item, articles).kind == NEWS]


def labelled(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """Every item, each one shown in a view's words labelled as that view."""
    return [_labelled(item, articles) for item in items]


def label(article: Article) -> str | None:
    """How a line from ``article`` is labelled: None for news, else its kind and author."""
    if article.kind == NEWS:
        return None
    kind = article.kind.capitalize()
    return f"{kind} — {article.author}" if article.author else kind


def _labelled(item: Item, articles: Mapping[int, Article]) -> Item:
    """The item with its wording's label; itself where that is its label already (news, most
    items: ``replace`` reads every field to copy an item, a thousand times a day)."""
    if not item.sentences:
        return item
    named = label(_wording(item, articles))
    return item if named == item.label else replace(item, label=named)


def _wording(item: Item, articles: Mapping[int, Article]) -> Article:
    """The article whose sentence the item shows."""
    return articles[item.sentences[0].article]
