"""The day's stories as ``brief stories`` shows them: a list a desk can triage, or JSON.

Each story: its title, how many articles and outlets carry it, and the dates it spans; the
JSON adds every outlet, the story's telling terms and its articles' paths, most central first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from summarizer.models import Article, Story
from summarizer.stories.detect import is_one_story

OUTLETS_SHOWN = 4  # outlets named on a story's line; the rest are counted


def as_lines(stories: Sequence[Story]) -> list[str]:
    """Two lines per story, numbered largest first, and a last line on the whole day."""
    lines: list[str] = []
    for number, story in enumerate(stories, 1):
        lines.append(f"{number}. {story.title}")
        lines.append(f"   {_counts(story)} · {_dates(story)}")
    articles = sum(len(s.articles) for s in stories)
    kind = "one story" if is_one_story(stories) else "several stories"
    lines.append(f"{_plural(len(stories), 'story', 'stories')} in "
                 f"{_plural(articles, 'article')}: a day of {kind}")  # fmt: skip
    return lines


def as_json(stories: Sequence[Story], articles: Mapping[int, Article]) -> list[dict[str, Any]]:
    """Every story, largest first, with its articles' paths (and URLs where known)."""
    return [
        {
            "title": story.title,
            "articles": len(story.articles),
            "outlets": list(story.outlets),
            "first": story.first.isoformat() if story.first else None,
            "last": story.last.isoformat() if story.last else None,
            "terms": list(story.terms),
            "paths": [articles[i].path for i in story.articles],
            "urls": [articles[i].url for i in story.articles],
        }
        for story in stories
    ]


def _counts(story: Story) -> str:
    """Articles and outlets, naming the first outlets that have a name (an article with
    none is credited by its quoted headline, which is no outlet's name)."""
    named = [o for o in story.outlets if not o.startswith("“")]
    shown = ", ".join(named[:OUTLETS_SHOWN])
    if len(named) > OUTLETS_SHOWN:
        shown += f" and {len(named) - OUTLETS_SHOWN} more"
    outlets = _plural(len(story.outlets), "outlet") + (f" ({shown})" if shown else "")
    return f"{_plural(len(story.articles), 'article')}, {outlets}"


def _dates(story: Story) -> str:
    if story.first is None or story.last is None:
        return "undated"
    if story.first == story.last:
        return story.first.isoformat()
    return f"{story.first.isoformat()} to {story.last.isoformat()}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"
