"""Text from outside made safe: lone surrogates and control characters never reach a brief."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.reading import safe_text


def test_article_text_loses_control_characters_and_keeps_its_lines() -> None:
    assert safe_text.text("Talks\x1b[31m resumed\x07 in\x7f Vienna.\tOK\r\nNext\x0cpage") == (
        "Talks[31m resumed in Vienna.\tOK\r\nNext\npage"
    )


@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\udcff"])
def test_a_lone_surrogate_becomes_the_replacement_character(surrogate: str) -> None:
    cleaned = safe_text.text(f"Bridge {surrogate} opens")
    assert cleaned == "Bridge \ufffd opens"
    cleaned.encode("utf-8")  # writable


def test_a_name_keeps_a_visible_escape_of_what_it_cannot_show() -> None:
    assert safe_text.name("a\nb\x1bc\x07.txt") == "a\\nb\\x1bc\\x07.txt"
    assert safe_text.name("caf\udce9.txt") == "caf\\xe9.txt"  # an undecodable byte
    assert safe_text.name("Genève – 2025.txt") == "Genève – 2025.txt"


@given(st.text())
def test_whatever_comes_in_can_be_written_and_shown_on_one_line(value: str) -> None:
    safe_text.text(value).encode("utf-8")
    shown = safe_text.name(value)
    shown.encode("utf-8")
    assert len(shown.splitlines()) <= 1
    assert safe_text.name(shown) == shown  # naming twice changes nothing
