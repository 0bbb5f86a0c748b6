"""Tolls of lives: the count a sentence gives, and whether it is a running count."""

from __future__ import annotations

import pytest

from summarizer.text.tolls import Toll, toll


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The death toll from the quake has risen to 7,085, with 33,559 injured.",
            Toll(7085, True),
        ),
        ("At least 10,059 people have been killed and 45,000 injured.", Toll(10059, True)),
        ("The bombing killed at least 12 and wounded 40.", Toll(12, True)),
        ("In Izmit, 3,261 people were killed and 11,759 injured.", Toll(3261, False)),
        (
            "The crash killed 17 passengers; more than 230 people died in the 1996 crash.",
            Toll(230, True),
        ),
        ("He was killed in 1999 near the border.", None),
        ("Over 10,000 people are still trapped in the ruins.", None),
        ("The council approved 12 new schools.", None),
        ("The floods have claimed at least 1,970 lives, officials said.", Toll(1970, True)),
        ("Doctors said the new drug saved 20 lives last year.", None),
    ],
)
def test_a_sentences_toll_of_lives(text: str, found: Toll | None) -> None:
    assert toll(text) == found
