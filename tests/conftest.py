"""Shared test helpers: a small but awkward sample ``Brief`` and plug-ins declared as a
package declares them. The markers (``process``, ``slow``) are registered in pyproject.toml."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from summarizer.models import Brief, Disagreement, Item, Section, Skipped, SourceRef
from summarizer.reading import readers

DAY = dt.date(2025, 6, 25)
HOSTILE_TEXT = "Officials said <script>alert(1)</script> & *nothing* [changed](http://evil.test)."


def ref(
    name: str, url: str | None = None, date: dt.date | None = DAY, text: str | None = None
) -> SourceRef:
    """A source whose title and path are derived from its name, to keep samples short;
    ``text`` is the outlet's own sentence when it credits an item."""
    slug = name.lower().replace(" ", "-")
    return SourceRef(
        name=name, title=f"{name} report", path=f"{slug}.txt", url=url, date=date, text=text
    )


def item(text: str, *sources: SourceRef, score: float = 0.912345678) -> Item:
    return Item(text=text, score=score, sources=tuple(sources), sentences=())


def make_brief(
    sections: tuple[Section, ...] | None = None,
    sources: tuple[SourceRef, ...] | None = None,
    skipped: tuple[Skipped, ...] = (Skipped("inbox/photo.jpg", "binary file"),),
    title: str = "NATO summit in The Hague",
) -> Brief:
    """A brief with two themes, one item carried by five outlets (each with its own
    sentence), one hostile item, and one from the day before that an outlet gave with
    another figure.

    Pass ``sections`` to test one awkward item on its own; the sources list then defaults to
    every outlet those sections credit.
    """
    reuters = ref("Reuters", "https://www.reuters.com/world/nato-summit")
    bbc = ref("BBC News", "https://www.bbc.co.uk/news/world-1")
    ap = ref("AP", None, date=None)
    guardian = ref("The Guardian", "https://www.theguardian.com/world/nato")
    kyiv = ref("Kyiv Independent", "https://kyivindependent.com/nato")
    if sections is None:
        said = "Zelenskyy and Trump met for 50 minutes."
        met = item(
            said,
            *(replace(r, text=said) for r in (reuters, bbc, ap)),
            replace(guardian, text="Zelenskyy met Trump for 50 minutes in The Hague."),
            replace(kyiv, text="Trump and Zelenskyy met for 50 minutes, officials said."),
        )
        spend = replace(
            item(
                "Allies agreed to spend 5% of GDP on defence.",
                replace(guardian, text="Allies agreed to spend 5% of GDP on defence."),
                replace(reuters, text="NATO allies agreed to spend 5% of GDP on defence."),
            ),
            dated=DAY - dt.timedelta(days=1),
            disagreements=(
                Disagreement(
                    "Kyiv Independent",
                    "3.5",
                    "Allies agreed to spend 3.5% of GDP on defence.",
                    "kyiv-independent.txt",
                    kyiv.url,
                ),
            ),
        )
        sections = (
            Section("diplomacy", "Diplomacy", (met, item(HOSTILE_TEXT, ap, score=0.4))),
            Section("defence", "Defence spending", (spend,)),
        )
    if sources is None:
        seen = {
            src.path: replace(src, text=None)
            for s in sections
            for it in s.items
            for src in it.sources
        }
        sources = tuple(seen.values())
    return Brief(title=title, date=DAY, sections=sections, sources=sources, skipped=skipped)


@pytest.fixture
def sample_brief() -> Brief:
    return make_brief()


Declare = Callable[[str, str, str], None]


@pytest.fixture
def declare(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Declare]:
    """Declare a plug-in as an installed package does: a distribution on ``sys.path`` whose
    entry points name an object (``"module:attribute"``), found by the one plug-in door."""
    site = tmp_path_factory.mktemp("site-packages")
    dist = site / "test_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: test-plugin\nVersion: 1.0\n")
    groups: dict[str, dict[str, str]] = {}
    monkeypatch.syspath_prepend(str(site))

    def add(group: str, name: str, value: str) -> None:
        groups.setdefault(group, {})[name] = value
        (dist / "entry_points.txt").write_text(
            "".join(
                f"[{g}]\n" + "".join(f"{n} = {v}\n" for n, v in entries.items())
                for g, entries in groups.items()
            )
        )
        readers.rescan()

    yield add
    readers.rescan()  # forget them: the next lookup scans without this distribution
