"""Themes: read the themes file, and find the words of each theme a sentence contains.

A theme is signalled by words (matched on their stems, so "strike" also finds "strikes") and
phrases (matched as whole runs of words, worth more because they are more specific). Words and
phrases are read with the same tokenizer and stemmer as ranking, so "defence" finds "defense"
and stop words ("the", "said") never signal anything. These seeds are where theme assignment
starts; ``fit`` learns the rest of each theme's vocabulary from the day's articles.

Optional per-theme settings: ``max_items`` (a cap that overrides ``--items``), ``min_items``
(try to show at least this many, from items that lean to the theme), ``exclude`` (words or
phrases that keep a sentence out of the theme), ``min_words`` (how many of the theme's listed
words a sentence needs to be placed in it, a phrase counting as two; default 1: learned themes
ask for 2, because one word they share with a sentence, "system" or "plan", is often chance).

The file is read as strictly as ``brief.toml``: each mistake is one line naming the file, the
theme (its position, and its key once known) and the problem, and unknown keys are refused
with a "did you mean", because a misspelt key silently ignored leaves a theme without its words.
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.runtime.resources import default_themes_file
from summarizer.text.words import content_terms, term_tuple

PHRASE_WEIGHT = 2.0

Terms = tuple[str, ...]

TOP_KEYS = ("theme",)
# Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
THEME_KEYS = (
    *("key", "title", "order", "words", "phrases", "fallback"),
    *("max_items", "min_items", "exclude", "min_words"),
)


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
    min_words: int = 1

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
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # Notepad saves a BOM
    except FileNotFoundError as exc:
        raise ConfigError(f"themes file not found: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read themes file {path}: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"themes file {path} is not valid TOML: {_toml_problem(exc)}") from exc
    except RecursionError as exc:
        raise ConfigError(f"themes file {path} is not valid TOML: nested too deeply") from exc
    return themes_from_data(data, str(path))


def _toml_problem(exc: tomllib.TOMLDecodeError) -> str:
    """tomllib's message on one line, saying what its "cannot overwrite" means."""
    problem = " ".join(str(exc).split())
    if problem.startswith("Cannot overwrite a value"):
        problem += " (a key given twice in one table?)"
    return problem


def themes_from_data(data: dict[str, Any], where: str = "themes") -> tuple[Theme, ...]:
    """Themes from parsed TOML, in order, with a fallback theme added when none is marked.

    Also how learned themes are read (``theme_choice``), so they pass the same checks.
    """
    file = f"themes file {where}"
    entries = _entries(data, file)
    themes = [_theme(entry, file, i) for i, entry in enumerate(entries)]
    _check_keys_distinct(themes, file)
    _check_fallbacks(themes, file)
    _check_seeded(entries, themes, file)
    themes.sort(key=lambda t: t.order)  # stable: equal orders keep the file's order
    if not any(t.fallback for t in themes):
        themes.append(Theme("other", "Other", themes[-1].order + 1, frozenset(), (), True))
    return tuple(themes)


def _entries(data: dict[str, Any], file: str) -> list[Any]:
    """The ``[[theme]]`` tables, the only thing a themes file has at its top level."""
    entries = data.get("theme")
    missing = not isinstance(entries, list) or not entries
    lead = f"{file} has no [[theme]] tables; " if missing else f"{file}: "
    for name in data:
        if name != "theme":
            inside = " (theme keys go inside a [[theme]] table)" if name in THEME_KEYS else ""
            raise ConfigError(
                f"{lead}unknown top-level key {name!r}{inside or _hint(name, TOP_KEYS)}"
            )
    if not isinstance(entries, list) or not entries:
        table = " (write [[theme]], not [theme])" if isinstance(entries, dict) else ""
        raise ConfigError(f"{file} has no [[theme]] tables{table}")
    return entries


def _hint(name: str, known: Sequence[str]) -> str:
    """The "did you mean" of an unknown key, when one known key is close to it."""
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _label(file: str, index: int, key: str | None = None) -> str:
    """How a message names a theme: its position, and its key once that is known."""
    return f"{file}, theme {index + 1}" + (f" ({_quoted(key)})" if key else "")


def _quoted(key: str) -> str:
    """A theme key in double quotes, escaped as TOML would write it, so it stays one line."""
    return json.dumps(key, ensure_ascii=False)


def _theme(entry: Any, file: str, index: int) -> Theme:
    """One ``[[theme]]`` table, each value checked so a mistake names the theme and key."""
    if not isinstance(entry, dict):
        raise ConfigError(f"{_label(file, index)}: must be a table")
    key, title = entry.get("key"), entry.get("title", entry.get("key"))
    where = _label(file, index, key.strip() if isinstance(key, str) else None)
    for name in entry:
        if name not in THEME_KEYS:
            raise ConfigError(f"{where}: unknown key {name!r}{_hint(name, THEME_KEYS)}")
    if not isinstance(key, str) or not key.strip():
        raise ConfigError(f"{where}: 'key' must be a non-empty string")
    if not isinstance(title, str):
        raise ConfigError(f"{where}: 'title' must be a string")
    _check_printable(key, f"{where}: 'key'")
    _check_printable(title, f"{where}: 'title'")
    if not isinstance(entry.get("fallback", False), bool):
        raise ConfigError(f"{where}: 'fallback' must be true or false")
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
        fallback=entry.get("fallback", False),
        max_items=_whole(entry.get("max_items"), f"{where}: 'max_items'", 1),
        min_items=_whole(entry.get("min_items", 0), f"{where}: 'min_items'", 0) or 0,
        exclude=tuple(p for p in (tuple(content_terms(p)) for p in exclude) if p),
        names=tuple(sorted(names.items())),
        min_words=_whole(entry.get("min_words", 1), f"{where}: 'min_words'", 1) or 1,
    )


def _check_keys_distinct(themes: Sequence[Theme], file: str) -> None:
    """Sections, placements and ``--themes`` reports are keyed by theme key: no two alike.

    The "other" added when no theme is the fallback counts too.
    """
    first: dict[str, int] = {}
    for i, theme in enumerate(themes):
        if theme.key in first:
            also = f"theme {first[theme.key] + 1} is also {_quoted(theme.key)}"
            raise ConfigError(f"{_label(file, i, theme.key)}: repeats a theme key: {also}")
        first[theme.key] = i
    if "other" in first and not any(t.fallback for t in themes):
        why = "the fallback theme's, added when no theme has fallback = true"
        raise ConfigError(
            f'{_label(file, first["other"], "other")}: the key "other" is {why}; '
            "mark this theme fallback = true or give it another key"
        )


def _check_fallbacks(themes: Sequence[Theme], file: str) -> None:
    """One fallback: a sentence that fits no theme must have one place to go."""
    marked = [i for i, theme in enumerate(themes) if theme.fallback]
    if len(marked) > 1:
        first, second = marked[0], marked[1]
        already = f"theme {first + 1} ({_quoted(themes[first].key)}) already is the fallback"
        raise ConfigError(
            f"{_label(file, second, themes[second].key)}: fallback = true, but {already}; "
            "only one theme may be"
        )


def _check_seeded(entries: Sequence[Any], themes: Sequence[Theme], file: str) -> None:
    """Only the fallback may have no words: nothing else would ever place a sentence in it."""
    for i, (entry, theme) in enumerate(zip(entries, themes, strict=True)):
        if theme.fallback or theme.seeded:
            continue
        given = [*entry.get("words", []), *entry.get("phrases", [])]
        listed = ", ".join(map(repr, given))
        stop = f" ({listed}: stop words and punctuation never count)" if given else ""
        raise ConfigError(
            f"{_label(file, i, theme.key)}: has no words and no phrases: "
            f"nothing would place a sentence in it{stop}"
        )


def _check_printable(value: str, where: str) -> None:
    """A NUL, escape or line break in a title would reach the brief's heading as it is."""
    bad = _UNPRINTABLE.search(value)
    if bad:
        code = f"U+{ord(bad.group()):04X}"
        raise ConfigError(f"{where} has a control character ({code}); write the text only")


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} must be a list of strings")
    for text in value:
        _check_printable(text, where)
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
    return bool(theme.exclude) and _found(theme.exclude, terms, f" {' '.join(terms)} ")


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


def signalled(text: str, themes: Sequence[Theme]) -> list[bool]:
    """Whether a sentence signals each theme at all (``theme_scores`` above 0), without the
    count: a day's fit asks only that, of every statement, so the terms are joined once and
    each pattern searched, not every match found and sorted."""
    terms = term_tuple(text)
    padded = f" {' '.join(terms)} "
    return [_signals(terms, padded, theme) for theme in themes]


def _signals(terms: Terms, padded: str, theme: Theme) -> bool:
    if theme.exclude and _found(theme.exclude, terms, padded):  # ``excluded``, joined once
        return False
    return not theme.words.isdisjoint(terms) or _found(theme.phrases, terms, padded)


def _found(phrases: tuple[Terms, ...], terms: Sequence[str], padded: str) -> bool:
    """Whether one of the phrases runs in ``terms`` (``padded``: them space-joined, with a
    space either side). Most sentences hold no phrase's first term: a set lookup, where the
    pattern is tried at every character."""
    if _openers(phrases).isdisjoint(terms):
        return False
    pattern = _phrase_pattern(phrases)
    return pattern is not None and pattern.search(padded) is not None


@lru_cache(maxsize=256)
def _openers(phrases: tuple[Terms, ...]) -> frozenset[str]:
    return frozenset(phrase[0] for phrase in phrases if phrase)


def fallback(themes: Sequence[Theme]) -> Theme:
    """The theme for sentences that belong to no other."""
    return next(t for t in themes if t.fallback)


def assign(text: str, themes: Sequence[Theme]) -> Theme:
    """Keyword matching alone: the theme whose words a sentence has most, else the fallback.

    The brief uses ``model.ThemeModel``, which also learns from the day; this is its baseline and
    what a single sentence with no day around it gets.
    """
    scores = theme_scores(text, themes)
    best = max(themes, key=lambda t: (scores[t.key], -themes.index(t)))
    return best if scores[best.key] > 0 else fallback(themes)
