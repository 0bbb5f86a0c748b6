"""A gated pattern answers as its pattern does: the words looked for first never turn away a
sentence the pattern would have matched."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import summarizer.cleaning
import summarizer.text
from summarizer.runtime.gated import Gated
from summarizer.runtime.resources import examples_dir
from summarizer.text.splitting import split_sentences

# One sentence or more for each thing the text and cleaning rules look for with a gated
# pattern.
_CASES = [
    "Beijing repeatedly has threatened to attack.",
    "The loss may mean a shift; it could well signal, might spell or may herald one.",
    "They have repeatedly refused; it has run for years, for decades, in recent years.",
    "At 04:31 local time, the third movement occurred.",
    "He was born in Lviv in 1952.",
    "She grew up in Kyiv.",
    "He graduated from law school.",
    "She is survived by two sons.",
    "Survivors include her sister.",
    "He began his career as a clerk.",
    "The alliance has long been divided.",
    "Historically, expansion was slow.",
    "Post-Cold War expansion was slow.",
    "The company declined to comment.",
    "The ministry did not return calls.",
    "He could not be reached.",
    "It was not immediately clear who fired.",
    "I think it will pass.",
    "In my view it should.",
    "The vote is today.",
    "It was delayed tonight.",
    "It comes tomorrow.",
    "It was delayed on Monday.",
    "The talks began three days ago.",
    "They met this week.",
    "They meet next spring.",
    "They met last week.",
    "They end on Aug. 7 at noon.",
    "Hundreds fled.",
    "The town lost 1,250 homes.",
    "On the other hand, the plan failed.",
    "The ministry did so later.",
    "They met separately.",
    "These talks matter.",
    "Those talks failed.",
    "See www.example.com for more.",
    "See https://example.org for more.",
    "Open the Slug_name_here file.",
    "The desk has filed the following for Sunday.",
    "CONGRESS_ Washington New York",
    "Air France A330 lands at Paris on March 28, 2007.",
    "Jane Roe can be reached at (602) 444-7942.",
    "Lightning was visible there before dawn.",
    "The agency steers clear of such remedies.",
    "Sims agreed: “You hire the best lawyers you can.”",
    "A plane crashed near Vessa, killing all 54 people on board.",
    "Yasser Arafat, the Palestinian leader, died this morning.",
    "The poverty rate held at 13 percent during the period.",
    "Republicans quickly accused the administration of bias.",
    "The order has since been rescinded.",
    "The death toll from the quake has risen to 7,085, officials said.",
    "At least 10,059 people have been killed; 3,261 people were killed in Izmit.",
    "The floods have claimed at least 1,970 lives.",
]


def _gated() -> list[tuple[str, Gated]]:
    found = []
    for stage in (summarizer.cleaning, summarizer.text):
        for module in pkgutil.iter_modules(stage.__path__):
            loaded = importlib.import_module(f"{stage.__name__}.{module.name}")
            found += [
                (f"{module.name}.{k}", v) for k, v in vars(loaded).items() if isinstance(v, Gated)
            ]
    return found


def _texts() -> list[str]:
    sample = [
        s
        for path in sorted(examples_dir().glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for s in split_sentences(line)
    ]
    plain = _CASES + sample
    return (
        plain + [t.lower() for t in plain] + [t.upper() for t in plain] + [t.title() for t in plain]
    )


def test_the_text_and_cleaning_rules_use_gated_patterns() -> None:
    assert len(_gated()) >= 11


@pytest.mark.parametrize(("name", "gated"), _gated(), ids=lambda v: v if isinstance(v, str) else "")
def test_a_gated_pattern_finds_what_its_pattern_finds(name: str, gated: Gated) -> None:
    texts = _texts()
    found = [t for t in texts if gated.pattern.search(t)]
    assert found, f"{name}: no case for it"  # each pattern is tried on a text it matches
    assert [t for t in texts if gated.search(t, t.casefold())] == found
    assert all(gated.holds(t.casefold()) for t in found)
