"""The reader of plain text and Markdown files: the one asked last, for any file left.

The cleaning stage finds the title, date and outlet in the text itself.
"""

from __future__ import annotations

from summarizer.models import RawDocument, Source
from summarizer.reading.readers import Reader

# Extensions that are text but not articles: reading them as prose would put code or data in
# the brief, so they are skipped by name unless a reader claims them.
_NOT_ARTICLES = {
    ".json", ".csv", ".tsv", ".py", ".js", ".css", ".yaml", ".yml", ".toml", ".ini",
    ".cfg", ".sh", ".log", ".html", ".htm", ".xml", ".jsonl", ".rss", ".atom",
}  # fmt: skip
_PROSE_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}


def _claims_text(source: Source, head: str) -> bool:
    if source.content_type is not None and source.content_type not in _PROSE_TYPES:
        return False
    return source.suffix.lower() not in _NOT_ARTICLES


def _read_text(source: Source, text: str) -> list[RawDocument]:
    """Plain text or Markdown: the cleaning stage finds title, date and outlet in the text."""
    url = source.location if source.is_url else None
    return [RawDocument(path=str(source), text=text, url=url)]


TEXT_READER = Reader("text", _claims_text, _read_text, fallback=True)
