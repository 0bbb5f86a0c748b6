"""Which themes a brief uses: a themes file when it fits the day, else themes learned from it.

The bundled themes (Diplomacy, Battlefield, NATO) are the sample story's; applied to a brief on
whaling or a hurricane they place items by chance words ("record", "rest") under headings
that mean nothing there. So before a file's themes are used, their *fit* is measured on the
day's statements (merged items, so a copy counts once): ``share`` is how many carry any of the
file's listed words or phrases, ``evenness`` how evenly those spread over its themes (the
entropy of the per-theme counts over its maximum), and ``fit = share × evenness``. A story
the file was written for scores high on both (the sample corpus: 0.80); a story that only
brushes it scores low on one (every DUC 2006 cluster: at most 0.35).

Without ``--themes``, the bundled themes are used when they fit (``FIT`` or more) and themes
learned from the day otherwise (``suggest.py``); a file the user names is always used, with
the same warning when it fits poorly; ``auto`` always learns (and still reports how well the
bundled themes would have fitted).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from summarizer.models import Item, ThemesUsed
from summarizer.themes.learned import FALLBACK_TITLE, suggest, to_data
from summarizer.themes.themefile import Theme, load_themes, signalled, themes_from_data

# The least fit at which the bundled themes are used without being asked for.
FIT = 0.5
# Below this evenness the stderr line says the file's words are "unevenly spread".
UNEVEN = 0.5
AUTO = "auto"


@dataclass(frozen=True)
class Fit:
    """How well a themes file's words describe the day's statements."""

    share: float
    evenness: float

    @property
    def fit(self) -> float:
        return self.share * self.evenness


@dataclass(frozen=True)
class ThemeChoice:
    """The themes a brief uses, where they came from, and the one line that says so."""

    themes: tuple[Theme, ...]
    used: ThemesUsed
    note: str


def measure_fit(items: Sequence[Item], themes: Sequence[Theme]) -> Fit:
    """The share of the showable statements with a listed word or phrase of some theme, and
    how evenly the themes share them."""
    seeded = [t for t in themes if t.seeded]
    statements = [it for it in items if it.stands_alone]
    if not seeded or not statements:
        return Fit(0.0, 0.0)
    per_theme = [0] * len(seeded)
    carrying = 0
    for item in statements:
        hits = [i for i, hit in enumerate(signalled(item.text, seeded)) if hit]
        carrying += bool(hits)
        for i in hits:
            per_theme[i] += 1
    return Fit(carrying / len(statements), _evenness(per_theme))


def _evenness(counts: Sequence[int]) -> float:
    """Entropy of the counts over its maximum (1: all themes equally used; one theme: 1)."""
    total = sum(counts)
    if len(counts) < 2:
        return 1.0 if total else 0.0
    if not total:
        return 0.0
    entropy = -sum(c / total * math.log(c / total) for c in counts if c)
    return max(0.0, entropy / math.log(len(counts)))  # one theme used: 0.0, never -0.0


def file_themes(setting: Path | str | None) -> tuple[Theme, ...]:
    """The themes file a setting names (the bundled one for None and ``"auto"``), read and
    checked before any article is, so a broken file fails at once."""
    return load_themes(None if setting in (None, AUTO) else Path(setting))


def choose_themes(
    items: Sequence[Item], themes: Sequence[Theme], setting: Path | str | None
) -> ThemeChoice:
    """The themes for the day: ``themes`` are ``file_themes(setting)``; ``setting`` is a
    themes file, ``"auto"`` or None (the bundled themes if they fit, else learned ones)."""
    path = Path(setting) if setting not in (None, AUTO) else None
    fit = measure_fit(items, themes)
    named = "the default themes" if path is None else f"the themes in {path}"
    how = f"{named} fit {fit.fit:.0%}: their words are in {fit.share:.0%} of statements"
    how += ", unevenly spread" if fit.evenness < UNEVEN else ""
    used = ThemesUsed("file", round(fit.fit, 4), "bundled" if path is None else str(path))
    if setting == AUTO:
        return _learned(
            items, f"themes: learned from the day, as asked (--themes auto; {how})", used.fit
        )
    if path is not None:
        poor = "; they fit the day poorly" if fit.fit < FIT else ""
        return ThemeChoice(tuple(themes), used, f"themes: {how}{poor}")
    if fit.fit >= FIT:
        return ThemeChoice(tuple(themes), used, f"themes: {how}")
    return _learned(items, f"themes: learned from the day ({how})", used.fit)


def _learned(items: Sequence[Item], why: str, fit: float) -> ThemeChoice:
    themes = learned_themes(items)
    titles = ", ".join(t.title for t in themes if not t.fallback) or f"none, {FALLBACK_TITLE} only"
    note = f"{why}; `brief themes suggest` drafts an editable file; sections: {titles}"
    return ThemeChoice(themes, ThemesUsed("learned", fit), note)


def learned_themes(items: Sequence[Item]) -> tuple[Theme, ...]:
    """Themes learned from the day, read as a themes file would be (the same words, the same
    validation), with the fallback (``FALLBACK_TITLE``) last."""
    return themes_from_data(to_data(suggest(items)), "learned from the day")
