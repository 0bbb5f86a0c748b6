"""A feature's hook: the scene a feature opens on before its news, which no brief prints.

A report opens on its news: who did what, when. A feature opens on a scene or a person
("Lawrence Middle School has a bullying policy.", "For the first 15 years of their farming
lives, Gail and Mike Thorpe of East Aurora relied on ..."), goes on with it ("Hunterdon
Central Regional High School students walk around with identification badges."), and comes
to its news a few lines in ("School administrators sharing their tactics for averting school
violence at a second annual conference Wednesday unveiled ..."). Readers of the dev briefs
tagged every such opening trivial, and its place at the top of a brief buried the news. So,
for a report that opens on a hook (``value.hook``):

- its **news** (``nuts``) is its first line within ``NUT_POSITIONS`` that stands alone and
  tells the news as a report does, with a day or someone saying it (``value.told_as_news``);
  that line, not the opening, is the report's main fact;
- the **hook** itself (``without_hooks``) is left out, and no line of the report counts as
  its opening when the lead is ordered (``news.lead_order``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from summarizer.models import Article, Item
from summarizer.text.splitting import split_sentences
from summarizer.text.value import hook, may_open_on_hook, told_as_news

# How far into a feature its news may come: past a scene of a few paragraphs.
NUT_POSITIONS = 12


def hooked(article: Article) -> bool:
    """Whether the article opens on a feature's hook (``value.hook``)."""
    return bool(article.paragraphs) and _opens_on_hook(article.paragraphs[0])


@lru_cache(maxsize=20_000)
def _opens_on_hook(paragraph: str) -> bool:
    """Cached: a day of many stories asks of each article's opening once per story."""
    if not may_open_on_hook(paragraph):
        return False  # most articles: no need to split the paragraph
    first = split_sentences(paragraph)
    return bool(first) and hook(first[0])


def nuts(items: Sequence[Item], articles: Mapping[int, Article]) -> dict[int, Item]:
    """For each article of ``items`` that opens on a hook and comes to its news within
    ``NUT_POSITIONS``, the item that tells its news (module docstring), by article."""
    found: dict[int, tuple[int, Item]] = {}
    for article, position, item in _lines(items, articles):
        news = 0 < position < NUT_POSITIONS and item.stands_alone and told_as_news(item.text)
        if news and (article not in found or position < found[article][0]):
            found[article] = (position, item)
    return {article: item for article, (_, item) in found.items()}


def without_hooks(items: Sequence[Item], articles: Mapping[int, Article]) -> list[Item]:
    """``items`` without a feature's hook: the opening of an article that opens on one."""
    opening = {id(item) for _, position, item in _lines(items, articles) if position == 0}
    return [item for item in items if id(item) not in opening]


def opens_on_news(articles: Mapping[int, Article]) -> Callable[[int], bool]:
    """Whether an article (by id) opens on its news, not on a feature's hook (``hooked``,
    which reads each opening paragraph once)."""
    return lambda article: article in articles and not hooked(articles[article])


def _lines(items: Sequence[Item], articles: Mapping[int, Article]) -> list[tuple[int, int, Item]]:
    """(article, position, item) for each item whose shown line is from an article that
    opens on a hook."""
    led = opens_on_news(articles)
    return [
        (first.article, first.position, item)
        for item in items
        if item.sentences
        and (first := item.sentences[0]).article in articles
        and not led(first.article)
    ]
