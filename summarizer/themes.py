"""Theme stage: read the themes file and put each item under the theme it is about.

A theme is signalled by words (matched on their stems, so "strike" also finds "strikes") and
phrases (matched as whole runs of words, worth more because they are more specific). Whatever
matches no theme goes to the fallback theme, so nothing selected is ever lost.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.resources import default_themes_file
from summarizer.text import stem, words

PHRASE_WEIGHT = 2.0


@dataclass(frozen=True)
class Theme:
    """One section of the brief and the vocabulary that signals it."""

    key: str
    title: str
    order: int
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    fallback: bool = False


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
    entries = data.get("theme")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"themes file {path} has no [[theme]] tables")
    themes = [_theme(entry, i, path) for i, entry in enumerate(entries)]
    if len({t.key for t in themes}) != len(themes):
        raise ConfigError(f"themes file {path} repeats a theme key")
    themes.sort(key=lambda t: t.order)  # stable: equal orders keep the file's order
    if not any(t.fallback for t in themes):
        themes.append(Theme("other", "Other", themes[-1].order + 1, frozenset(), (), True))
    return tuple(themes)


def _theme(entry: Any, index: int, path: Path) -> Theme:
    where = f"themes file {path}, theme {index + 1}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: must be a table")
    key, title = entry.get("key"), entry.get("title", entry.get("key"))
    if not isinstance(key, str) or not key.strip():
        raise ConfigError(f"{where}: 'key' must be a non-empty string")
    if not isinstance(title, str):
        raise ConfigError(f"{where}: 'title' must be a string")
    order = entry.get("order", index + 1)
    if not isinstance(order, int):
        raise ConfigError(f"{where}: 'order' must be a whole number")
    terms = _strings(entry.get("words", []), f"{where}: 'words'")
    phrases = _strings(entry.get("phrases", []), f"{where}: 'phrases'")
    return Theme(
        key=key.strip(),
        title=title.strip(),
        order=order,
        words=frozenset(stem(w) for term in terms for w in words(term)),
        phrases=tuple(tuple(stem(w) for w in words(p)) for p in phrases if words(p)),
        fallback=bool(entry.get("fallback", False)),
    )


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    return list(value)


def theme_scores(text: str, themes: Sequence[Theme]) -> dict[str, float]:
    """How strongly a sentence signals each theme."""
    stems = [stem(w) for w in words(text)]
    found = set(stems)
    scores = {}
    for theme in themes:
        score = float(len(theme.words & found))
        for phrase in theme.phrases:
            if found.issuperset(phrase) and _contains(stems, phrase):
                score += PHRASE_WEIGHT
        scores[theme.key] = score
    return scores


def _contains(stems: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(stems[i : i + n]) == phrase for i in range(len(stems) - n + 1))


def assign(text: str, themes: Sequence[Theme]) -> Theme:
    """The theme a sentence is most about; the fallback theme when it signals none."""
    scores = theme_scores(text, themes)
    best = max(themes, key=lambda t: (scores[t.key], -themes.index(t)))
    if scores[best.key] > 0:
        return best
    return next(t for t in themes if t.fallback)
