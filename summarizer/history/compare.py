"""History stage: what the earlier briefs already told the reader, so today's tells what is new.

A daily brief is read every morning, and follow-ups restate yesterday's facts. This stage reads
the briefs already written in the output folder (their JSON) dated before the new one, within
``days`` days, and, when publishing, the site's archive; it only ever reads them, and a damaged
or foreign file is skipped with one warning line. Then:

- ``favour_new``: concepts the earlier briefs covered weigh ``DISCOUNT`` times as much, the
  classic update-summarisation discount, so the ranking and the word budget go to what is new;
- ``against``: an item an earlier brief already carried (the brief's own "same statement" test,
  ``statements.repeats``, against the earlier item and each outlet's sentence behind it) is left
  out, unless it gives another figure for the same statement (``disagrees``) or adds a
  development (the same statement, ``states``, with at least ``MIN_NEW_TERMS`` content words
  the earlier wordings did not have): then it is an ``update`` of it. Every other item is
  ``new``.

With no earlier brief nothing changes: the scores, the items and the brief are today's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from summarizer.delivery.publish import ARCHIVE_NAME, load_archive
from summarizer.delivery.stored import brief_from_json
from summarizer.errors import BriefError
from summarizer.models import Item, Sentence, Update
from summarizer.ranking.concepts import WEIGHT_POWER, ConceptModel, concepts
from summarizer.ranking.rankers import ConceptRanker, Ranker
from summarizer.text.statements import Statement, disagrees, repeats, statement, states

# A concept an earlier brief covered counts this much of its weight (``carried``; the squared
# weight the word budget uses falls with it). Tuned on DUC 2007 update batches B and C given
# the summaries of the batches before them, with already-said statements left out: the least
# costly setting there (no setting raised ROUGE-2; see docs/evaluation.md).
DISCOUNT = 0.5
# An item stating what an earlier one stated is an update when it brings at least this many
# stemmed content words the earlier item (and the outlets' sentences behind it) did not have.
MIN_NEW_TERMS = 4


@dataclass(frozen=True)
class Said:
    """One item of an earlier brief: its date, its text and every wording behind it (the
    item's and each credited outlet's own sentence)."""

    date: dt.date
    text: str
    wordings: tuple[str, ...]


@dataclass(frozen=True)
class History:
    """The earlier briefs a new brief is compared with: their dates and their items."""

    dates: tuple[dt.date, ...] = ()
    said: tuple[Said, ...] = ()

    @property
    def since(self) -> dt.date | None:
        """The newest earlier brief's date, None when there is none."""
        return max(self.dates) if self.dates else None

    def __bool__(self) -> bool:
        return bool(self.said)


NO_HISTORY = History()


def remember(history: History, date: dt.date, items: Iterable[Item]) -> History:
    """``history`` with a brief of ``items`` dated ``date`` added (as a reader would have it)."""
    said = tuple(_said(date, it) for it in items)
    dates = tuple(sorted({*history.dates, date}, reverse=True))
    return History(dates, (*history.said, *said))


def _said(date: dt.date, item: Item) -> Said:
    wordings = [item.text, *(ref.text for ref in item.sources if ref.text)]
    return Said(date, item.text, tuple(dict.fromkeys(wordings)))


def read_history(
    folder: Path, date: dt.date, days: int, site: Path | None = None
) -> tuple[History, list[str]]:
    """The briefs in ``folder`` (and the site archive in ``site``) dated in the ``days`` days
    before ``date``, and one warning line per file that could not be read. ``date``'s own
    brief (a brief built again) is not history."""
    if days <= 0:
        return NO_HISTORY, []
    earliest = date - dt.timedelta(days=days)
    warnings: list[str] = []
    found: dict[dt.date, list[Said]] = {}
    for path in _briefs_in(folder):
        try:
            brief_date, said = _read_json(path)
        except (BriefError, OSError, UnicodeDecodeError) as exc:
            reason = _reason(exc).removeprefix(f"{path}: ")  # the reader names the file too
            warnings.append(f"history: skipped {path}: {reason}")
            continue
        if earliest <= brief_date < date:
            found.setdefault(brief_date, []).extend(said)
    if site is not None:
        for brief_date, said in _read_site(site, warnings):
            if earliest <= brief_date < date and brief_date not in found:
                found[brief_date] = said
    dates = tuple(sorted(found, reverse=True))
    return History(dates, tuple(s for d in dates for s in found[d])), warnings


def _briefs_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.is_file() and not p.name.startswith("."))


def _reason(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return " ".join(text.split()) or type(exc).__name__


def _read_json(path: Path) -> tuple[dt.date, list[Said]]:
    """A brief's date and items, read with the same reader ``brief send`` uses."""
    brief = brief_from_json(path.read_text(encoding="utf-8"), str(path))
    said = [_said(brief.date, it) for section in brief.sections for it in section.items]
    return brief.date, said


def _read_site(site: Path, warnings: list[str]) -> list[tuple[dt.date, list[Said]]]:
    """Each published brief's date and items, from the site's ``archive.json`` (the items are
    read from the page each entry records)."""
    if not (site / ARCHIVE_NAME).is_file():
        return []
    try:
        archive = load_archive(site)
    except BriefError as exc:
        warnings.append(f"history: skipped {site / ARCHIVE_NAME}: {exc}")
        return []
    return [
        (e.date, [Said(e.date, text, (text,)) for text in _page_items(e.content)])
        for e in archive.entries
    ]


class _Items(HTMLParser):
    """The items of a brief's page: each list entry under a section heading, up to the
    credit that follows the item (``<em>``), leaving out the Sources and Skipped lists."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self._section = ""
        self._heading = False
        self._depth = 0  # open <li>
        self._taking = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self._heading, self._section = True, ""
        elif tag == "li":
            self._depth += 1
            self._taking = self._depth == 1 and self._section not in ("Sources", "Skipped files")
            if self._taking:
                self.items.append("")
        elif tag in ("em", "details"):
            self._taking = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self._heading = False
        elif tag == "li":
            self._depth = max(0, self._depth - 1)
            self._taking = False

    def handle_data(self, data: str) -> None:
        if self._heading:
            self._section += data
        elif self._taking:
            self.items[-1] += data


def _page_items(content: str) -> list[str]:
    parser = _Items()
    parser.feed(content)
    texts = [" ".join(t.split()).removeprefix("Update:").strip(" —") for t in parser.items]
    return [t for t in texts if t]


def favour_new(
    ranker: Ranker, sentences: Sequence[Sentence], scores: list[float], history: History
) -> list[float]:
    """The scores with the earlier briefs' concepts discounted (concept rankers only; any
    other ranker's scores, and every score without history, are returned as they are)."""
    if not history or not isinstance(ranker, ConceptRanker) or not sentences:
        return scores
    return ranker.scores_under(sentences, discount(ranker.concept_model(sentences), history))


def discount(model: ConceptModel, history: History) -> ConceptModel:
    """The concept model with each concept an earlier brief covered worth ``DISCOUNT`` as
    much."""
    if not history:
        return model
    known = {c for said in history.said for text in said.wordings for c in concepts(text)}
    found = [model.index[c] for c in known if c in model.index]
    scale = np.ones(len(model.carried), dtype=np.float64)
    scale[found] = DISCOUNT
    carried = model.carried * scale
    return ConceptModel(model.index, carried, carried**WEIGHT_POWER)


def against(items: Sequence[Item], history: History) -> list[Item]:
    """The items the earlier briefs did not carry, marked ``new``, and those that update one
    of theirs, marked ``update`` (module docstring); the rest are left out. Without history
    the items are returned as they are."""
    if not history:
        return list(items)
    said = sorted(history.said, key=lambda s: s.date, reverse=True)  # the newest match first
    earlier = [[statement(text) for text in s.wordings] for s in said]
    postings: dict[str, set[int]] = {}
    for k, stmts in enumerate(earlier):
        for st in stmts:
            for term in st.terms:
                postings.setdefault(term, set()).add(k)
    kept = []
    for item in items:
        if not (item.sentences and item.sentences[0].eligible):
            kept.append(item)  # never shown: not worth comparing (it keeps no status)
            continue
        new = statement(item.text)
        near = sorted({k for term in new.terms for k in postings.get(term, ())})
        match = next((k for k in near if any(repeats(new, old) for old in earlier[k])), None)
        if match is None:
            kept.append(replace(item, status="new"))
            continue
        update = _update(new, said[match], earlier[match])
        if update is not None:
            kept.append(replace(item, status="update", updates=update))
    return kept


def _update(new: Statement, said: Said, wordings: Sequence[Statement]) -> Update | None:
    """What the new statement updates in an earlier item it repeats, or None when it adds
    nothing: another figure for the same statement (``disagrees``), or the same statement
    (``states``) with at least ``MIN_NEW_TERMS`` content words none of the earlier wordings
    has. A looser likeness (``repeats`` alone) is already said, never an update."""
    for old in wordings:
        if disagrees(new, old):
            return Update(said.date, said.text, _old_figure(new, old))
    known = set().union(*(old.terms for old in wordings))
    fresh = len(new.terms - known)
    if fresh >= MIN_NEW_TERMS and any(states(new, old) for old in wordings):
        return Update(said.date, said.text)
    return None


def _old_figure(new: Statement, old: Statement) -> str | None:
    """The earlier figure for the count the new statement gives another value for."""
    units = {u for u, _ in new.figures}
    alone = len(old.figures) == 1
    changed = sorted(
        (u, v) for u, v in old.figures if v not in new.values and (u in units or alone)
    )
    if not changed:
        return None
    return ", ".join(f"{u}{v}" if u in ("$", "€", "£") else v for u, v in changed)
