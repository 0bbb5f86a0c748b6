"""Names written family name first: "Chen Shui-bian", then "Chen said"."""

from __future__ import annotations

import pytest

from summarizer.text.names import insert
from summarizer.text.romanised import given_of, insert_after, is_given_after


@pytest.mark.parametrize("token", ["Shui-bian", "Ki-moon", "Tze-keung", "Yu-chou", "Po-pu"])
def test_a_romanised_given_name(token: str) -> None:
    assert is_given_after(token)


@pytest.mark.parametrize(
    "token", ["Nile-like", "Nino-caused", "Vice-mayor", "Ex-wife", "President-elect", "Al-Qaida"]
)
def test_an_english_compound_is_no_given_name(token: str) -> None:
    assert not is_given_after(token)


def test_the_given_name_goes_in_after_the_first_bare_family_name() -> None:
    assert insert("War, Lin said, Lin added.", "Lin", "Lin Chong-pin") == (
        "War, Lin [Chong-pin] said, Lin added."
    )
    assert insert("Lin Chong-pin said so.", "Lin", "Lin Chong-pin") == "Lin Chong-pin said so."
    assert insert("Berlin said so.", "Lin", "Lin Chong-pin") == "Berlin said so."
    assert insert_after("Lin said so.", 3, "Chong-pin") == "Lin [Chong-pin] said so."


def test_only_family_then_given_words_are_read_as_such() -> None:
    assert given_of("Chen", "Chen Shui-bian") == "Shui-bian"
    assert given_of("Ford", "Ford Motor Chairman William") is None
