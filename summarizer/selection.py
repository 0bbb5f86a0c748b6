"""Selection stage: pick the items the reader sees, best first, never saying a thing twice.

Items arrive merged and scored; here the ones that cannot stand alone are passed over and a
candidate that repeats an item already chosen (by the redundancy stage's own test) is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from summarizer.models import Item, Section
from summarizer.redundancy import Signature, same, signature
from summarizer.text import word_count
from summarizer.themes import Theme, assign


class _Said:
    """What the brief has said so far, to test candidates against."""

    def __init__(self) -> None:
        self._sigs: list[Signature] = []

    def repeats(self, item: Item) -> bool:
        sig = signature(item.text)
        return any(same(sig, other) for other in self._sigs)

    def add(self, item: Item) -> None:
        self._sigs.append(signature(item.text))


def _showable(items: Iterable[Item]) -> Iterator[Item]:
    """Items whose chosen wording can stand alone, in the order given."""
    return (it for it in items if it.sentences and it.sentences[0].eligible)


def select_summary(
    items: Sequence[Item], words: int | None = None, sentences: int | None = None
) -> list[Item]:
    """Best items until ``sentences`` are chosen or the one that reaches ``words`` words."""
    said = _Said()
    chosen: list[Item] = []
    total = 0
    for item in _showable(items):
        if said.repeats(item):
            continue
        said.add(item)
        chosen.append(item)
        total += word_count(item.text)
        if (sentences is not None and len(chosen) >= sentences) or (
            words is not None and total >= words
        ):
            break
    return chosen


def select_sections(
    items: Sequence[Item], themes: Sequence[Theme], per_section: int
) -> tuple[Section, ...]:
    """Fill each theme's section with its best items, up to ``per_section`` each.

    Sections keep the themes file's order; empty ones are left out.
    """
    said = _Said()
    chosen: dict[str, list[Item]] = {t.key: [] for t in themes}
    room = per_section * len(themes)
    for item in _showable(items):
        theme = assign(item.text, themes)
        if len(chosen[theme.key]) >= per_section or said.repeats(item):
            continue
        said.add(item)
        chosen[theme.key].append(item)
        room -= 1
        if not room:
            break
    return tuple(
        Section(theme=t.key, title=t.title, items=tuple(chosen[t.key]))
        for t in themes
        if chosen[t.key]
    )
