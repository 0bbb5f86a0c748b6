"""The word lists that tell a name, read from the libraries that keep them."""

from __future__ import annotations

import pytest

from summarizer.text.name_lists import countries, given_names, titles
from tests.pyrun import says_ok


def test_given_names_come_with_each_spelling_of_a_joined_name() -> None:
    names = given_names()
    assert {"Mark", "Olena", "Jean-Pierre"} <= names
    assert {"Abdel-Aziz", "AbdelAziz"} <= names  # "Abdel+Aziz" in the list
    assert "Rutte" not in names


def test_one_word_countries_leave_out_those_that_are_given_names() -> None:
    found = countries()
    assert {"Chile", "Venezuela", "Ukraine"} <= found
    assert "Jordan" not in found  # a given name too: "Vernon Jordan" is a person
    assert not any(" " in name for name in found)


def test_titles_hold_nameparsers_and_the_offices_news_adds() -> None:
    known = titles()
    assert {"president", "sen", "assemblyman", "chairman"} <= known


_TITLES_ALONE = """
import sys
from summarizer.text.name_lists import _OFFICES, titles
known = titles()
assert "nameparser.parser" not in sys.modules, "the word list alone, not the parser"
from nameparser import HumanName
from nameparser.config import CONSTANTS
assert known == frozenset(str(t) for t in CONSTANTS.titles) | _OFFICES
assert HumanName("Sen. John Smith").last == "Smith"
print("ok")
"""


@pytest.mark.process
def test_titles_are_nameparsers_read_without_its_parser_which_still_loads() -> None:
    says_ok(_TITLES_ALONE)
