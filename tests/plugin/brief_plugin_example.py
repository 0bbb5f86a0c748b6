"""A plug-in for daily-brief: a ranker, a reader and a delivery target with its own table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from summarizer.config import Config
from summarizer.delivery.stored import StoredBrief
from summarizer.errors import ConfigError
from summarizer.models import RawDocument, Sentence, Source
from summarizer.reading.readers import Reader


class Shortest:
    """Ranks the shortest sentences first."""

    name = "shortest"

    def score(self, sentences: Sequence[Sentence]) -> list[float]:
        longest = max((len(s.text) for s in sentences), default=1)
        return [1.0 - len(s.text) / longest for s in sentences]


def _claims(source: Source, head: str) -> bool:
    return source.suffix == ".wire"


def _read(source: Source, text: str) -> list[RawDocument]:
    """A wire file: ``SLUG|OUTLET|YYYY-MM-DD`` on its first line, then the story."""
    first, _, body = text.partition("\n")
    slug, outlet, day = first.split("|")
    return [
        RawDocument(
            path=str(source),
            text=body,
            title=slug.replace("-", " ").title(),
            outlet=outlet,
            date=dt.date.fromisoformat(day),
        )
    ]


WIRE_READER = Reader("wire", _claims, _read)


class Outbox:
    """Copies the brief's Markdown into ``[outbox] dir`` of brief.toml."""

    def check(self, config: Config) -> None:
        if not isinstance(config.table("outbox").get("dir"), str):
            raise ConfigError(f"{config.where()}: outbox.dir: not set; name the outbox folder")

    def deliver(self, stored: StoredBrief, config: Config) -> str:
        folder = Path(config.table("outbox")["dir"])
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{stored.stem}.md"
        target.write_text(stored.markdown, encoding="utf-8")
        return f"put {target.name} in the outbox"
