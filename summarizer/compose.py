"""Compose stage: put the selected sections and the run's bookkeeping into one ``Brief``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from summarizer.models import Article, Brief, Section, Skipped, SourceRef


def brief_date(articles: Sequence[Article], override: dt.date | None = None) -> dt.date:
    """The date a brief is for: as asked, else the newest article's, else today."""
    if override:
        return override
    dates = [a.date for a in articles if a.date]
    return max(dates) if dates else dt.date.today()


def compose(
    title: str,
    date: dt.date,
    sections: Sequence[Section],
    articles: Sequence[Article],
    skipped: Sequence[Skipped],
) -> Brief:
    """The brief value the templates render: nothing else reaches them."""
    sources = tuple(SourceRef(a.outlet, a.title, a.path, a.url, a.date) for a in articles)
    return Brief(
        title=title,
        date=date,
        sections=tuple(sections),
        sources=sources,
        skipped=tuple(skipped),
    )
