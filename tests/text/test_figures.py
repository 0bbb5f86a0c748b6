"""The figures a sentence states (``text/figures.py``)."""

from __future__ import annotations

import pytest

from summarizer.runtime.resources import examples_dir
from summarizer.text import figures
from summarizer.text.splitting import split_sentences

_COUNTING = [
    "Two men died.",
    "TWENTY TRUCKS crossed; twenty-one turned back.",
    "The one's left, the other’s gone, two_thirds voted.",
    "Prices rose 5% in a day, five per cent in all.",
    "Troops killed ٣ people.",  # an Arabic-Indic digit
    "Troops killed ３ people.",  # a full-width digit
    "A cell of ² and Ⅻ legions, in café Zoë.",
    "The “eleven” who stayed.",
]


def test_the_quick_look_for_a_number_turns_away_no_sentence_with_a_figure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_may_count`` spares most sentences the tokens: a sentence it turns away has no
    figure when all its tokens are read."""
    sample = [
        s
        for path in sorted(examples_dir().glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        for s in split_sentences(line)
    ]
    texts = _COUNTING + sample
    quick = [figures.figures(t) for t in texts]
    monkeypatch.setattr(figures, "_may_count", lambda _: True)
    assert quick == [figures.figures(t) for t in texts]
    assert any(quick) and not all(quick)


def test_a_figure_is_counted_with_what_it_counts_but_not_a_year_date_or_identifier() -> None:
    assert figures.figures("Russian missiles killed 17 people in Dnipro.") == {("peopl", "17")}
    assert figures.figures("The fund will pay $2 billion.") == {("$", "2 billion")}
    assert figures.figures("Flight 990 fell on Aug. 7 in 1999.") == frozenset()
