"""Selection stage: pick the items the reader sees, best first, never saying a thing twice.

Items arrive merged and scored; here the ones that cannot stand alone are passed over and a
candidate that repeats an item already chosen (``statements.repeats``: the same statement,
or the same key figure about the same thing) is dropped, across sections.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from summarizer.models import Item, Section
from summarizer.text.statements import Statement, repeats, same_phrase, statement
from summarizer.text.words import word_count
from summarizer.themes.fit import learn_items
from summarizer.themes.model import ThemeModel
from summarizer.themes.themefile import Theme, fallback


class _Said:
    """What the brief has said so far, to test candidates against."""

    def __init__(self) -> None:
        self._said: list[tuple[Statement, str]] = []

    def repeats(self, item: Item) -> bool:
        new = statement(item.text)
        return any(repeats(new, old) or same_phrase(item.text, text) for old, text in self._said)

    def add(self, item: Item) -> None:
        self._said.append((statement(item.text), item.text))


def _showable(items: Iterable[Item]) -> Iterator[Item]:
    """Items whose chosen wording can stand alone, in the order given."""
    return (it for it in items if it.stands_alone)


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
    items: Sequence[Item],
    themes: Sequence[Theme],
    per_section: int,
    model: ThemeModel | None = None,
) -> tuple[Section, ...]:
    """Fill each theme's section with its best items, up to its cap (the theme's
    ``max_items``, else ``per_section``), then top up sections short of ``min_items``.

    ``model`` places items (learned from ``items`` when not given); each chosen item carries
    its placement. Sections keep the themes file's order; empty ones are left out.
    """
    model = model or learn_items(items, themes)
    said = _Said()
    caps = {t.key: t.max_items or per_section for t in themes}
    chosen: dict[str, list[Item]] = {t.key: [] for t in themes}
    room = sum(caps.values())
    for item in _showable(items):
        placement = model.place(item)
        if len(chosen[placement.theme]) >= caps[placement.theme] or said.repeats(item):
            continue
        said.add(item)
        chosen[placement.theme].append(replace(item, placement=placement))
        room -= 1
        if not room:
            break
    _top_up(items, themes, chosen, caps, said, model)
    return tuple(
        Section(theme=t.key, title=t.title, items=tuple(chosen[t.key]))
        for t in themes
        if chosen[t.key]
    )


def _top_up(
    items: Sequence[Item],
    themes: Sequence[Theme],
    chosen: dict[str, list[Item]],
    caps: dict[str, int],
    said: _Said,
    model: ThemeModel,
) -> None:
    """Bring sections short of their ``min_items`` up with items that lean to the theme but
    fell short of the confidence threshold; never an item with none of the theme's words, a
    repeat, or one already in another theme's section."""
    other = fallback(themes)
    for theme in themes:
        want = min(theme.min_items, caps[theme.key])
        if theme.fallback or len(chosen[theme.key]) >= want:
            continue
        for item in _showable(items):
            if model.leaning(item) != theme.key:
                continue
            placement = model.place(item)
            if not (placement.terms or placement.learned):
                continue
            shown = [it for it in chosen[other.key] if it.sentences == item.sentences]
            if shown:
                chosen[other.key].remove(shown[0])
            elif said.repeats(item):
                continue
            said.add(item)
            placement = replace(placement, theme=theme.key, nearest=None)
            chosen[theme.key].append(replace(item, placement=placement))
            if len(chosen[theme.key]) >= want:
                break
