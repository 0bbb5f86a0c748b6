"""Themes: read the themes file, and find the words of each theme a sentence contains.

A theme is signalled by words (matched on their stems, so "strike" also finds "strikes") and
phrases (matched as whole runs of words, worth more because they are more specific). Words and
phrases are read with the same tokenizer and stemmer as ranking, so "defence" finds "defense"
and stop words ("the", "said") never signal anything. These seeds are where theme assignment
starts; ``theme_model`` learns the rest of each theme's vocabulary from the day's articles.

Optional per-theme settings: ``max_items`` (a cap that overrides ``--items``), ``min_items``
(try to show at least this many, from items that lean to the theme), ``exclude`` (words or
phrases that keep a sentence out of the theme).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.resources import default_themes_file
from summarizer.text import content_terms

PHRASE_WEIGHT = 2.0

Terms = tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    """One section of the brief, the vocabulary that signals it and its section settings.

    ``names`` maps each stem (or stemmed phrase, space-joined) back to the file's own wording,
    so an explanation shows the user the words they wrote.
    """

    key: str
    title: str
    order: int
    words: frozenset[str]
    phrases: tuple[Terms, ...]
    fallback: bool = False
    max_items: int | None = None
    min_items: int = 0
    exclude: tuple[Terms, ...] = ()
    names: tuple[tuple[str, str], ...] = ()

    @property
    def seeded(self) -> bool:
        """Whether the file gives this theme anything to match."""
        return bool(self.words or self.phrases)

    def name(self, stems: str) -> str:
        """The file's wording for a stem or a space-joined stemmed phrase."""
        return dict(self.names).get(stems, stems)


def load_themes(path: Path | None = None) -> tuple[Theme, ...]:
    """Themes from a TOML file (the packaged default when ``path`` is None), in order."""
    path = path or default_themes_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"themes file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read themes file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"themes file {path} is not valid TOML: {exc}") from exc
    return themes_from_data(data, str(path))


def themes_from_data(data: dict[str, Any], where: str = "themes") -> tuple[Theme, ...]:
    """Themes from parsed TOML, in order, with a fallback theme added when none is marked."""
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"themes file {where} has no [[theme]] tables")
    themes = [
        _theme(entry, f"themes file {where}, theme {i + 1}", i) for i, entry in enumerate(entries)
    ]
    if len({t.key for t in themes}) != len(themes):
        raise ConfigError(f"themes file {where} repeats a theme key")
    themes.sort(key=lambda t: t.order)  # stable: equal orders keep the file's order
    if not any(t.fallback for t in themes):
        themes.append(Theme("other", "Other", themes[-1].order + 1, frozenset(), (), True))
    return tuple(themes)


def _theme(entry: Any, where: str, index: int) -> Theme:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table")
    key, title = entry.get("key"), entry.get("title", entry.get("key"))
    if not isinstance(key, str) or not key.strip():
        raise ConfigError(f"{where}: 'key' must be a non-empty string")
    if not isinstance(title, str):
        raise ConfigError(f"{where}: 'title' must be a string")
    terms = _strings(entry.get("words", []), f"{where}: 'words'")
    phrases = _strings(entry.get("phrases", []), f"{where}: 'phrases'")
    exclude = _strings(entry.get("exclude", []), f"{where}: 'exclude'")
    names = {t: w for w in terms for t in content_terms(w)}
    names |= {" ".join(content_terms(p)): p for p in phrases + exclude}
    return Theme(
        key=key.strip(),
        title=title.strip(),
        order=_whole(entry.get("order", index + 1), f"{where}: 'order'", None),
        words=frozenset(t for term in terms for t in content_terms(term)),
        phrases=tuple(p for p in (tuple(content_terms(p)) for p in phrases) if p),
        fallback=bool(entry.get("fallback", False)),
        max_items=_whole(entry.get("max_items"), f"{where}: 'max_items'", 1),
        min_items=_whole(entry.get("min_items", 0), f"{where}: 'min_items'", 0) or 0,
        exclude=tuple(p for p in (tuple(content_terms(p)) for p in exclude) if p),
        names=tuple(sorted(names.items())),
    )


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def _whole(value: Any, where: str, least: int | None) -> Any:
    """A whole number (not a bool) of at least ``least``; None stays None."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError(f"{where} must be a whole number")
    if least is not None and value < least:
        raise ConfigError(f"{where} must be at least {least}")
    return value


@lru_cache(maxsize=256)
def _phrase_pattern(phrases: tuple[Terms, ...]) -> re.Pattern[str] | None:
    """One regex finding any of the phrases in a space-joined, space-padded term string."""
    alternatives = sorted({" ".join(p) for p in phrases}, key=lambda p: (-len(p), p))
    if not alternatives:
        return None
    return re.compile("(?= (" + "|".join(re.escape(p) for p in alternatives) + ") )")


def phrases_in(terms: Sequence[str], phrases: Sequence[Terms]) -> list[str]:
    """The phrases (space-joined stems) that occur as whole runs in ``terms``."""
    pattern = _phrase_pattern(tuple(phrases))
    if pattern is None:
        return []
    return sorted(set(pattern.findall(" " + " ".join(terms) + " ")))


def matched(terms: Sequence[str], theme: Theme) -> list[str]:
    """The theme's own words and phrases in a sentence's terms, in the file's wording."""
    found = sorted(theme.words.intersection(terms))
    return [theme.name(t) for t in [*found, *phrases_in(terms, theme.phrases)]]


def excluded(terms: Sequence[str], theme: Theme) -> bool:
    """Whether a sentence has one of the theme's excluding words or phrases."""
    return bool(theme.exclude) and bool(phrases_in(terms, theme.exclude))


def theme_scores(text: str, themes: Sequence[Theme]) -> dict[str, float]:
    """How strongly a sentence signals each theme by the file's words alone (0 if excluded)."""
    terms = content_terms(text)
    scores = {}
    for theme in themes:
        score = len(theme.words.intersection(terms)) + PHRASE_WEIGHT * len(
            phrases_in(terms, theme.phrases)
        )
        scores[theme.key] = 0.0 if excluded(terms, theme) else float(score)
    return scores


def fallback(themes: Sequence[Theme]) -> Theme:
    """The theme for sentences that belong to no other."""
    return next(t for t in themes if t.fallback)


def assign(text: str, themes: Sequence[Theme]) -> Theme:
    """Keyword matching alone: the theme whose words a sentence has most, else the fallback.

    The brief uses ``theme_model``, which also learns from the day; this is its baseline and
    what a single sentence with no day around it gets.
    """
    scores = theme_scores(text, themes)
    best = max(themes, key=lambda t: (scores[t.key], -themes.index(t)))
    return best if scores[best.key] > 0 else fallback(themes)
