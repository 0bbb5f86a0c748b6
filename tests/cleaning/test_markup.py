"""Markup left in plain text: entities (also escaped twice or without their "&"), tags,
instrument codes and finance links."""

from __future__ import annotations

import pytest

from summarizer.cleaning import markup


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Tom&#39;s &quot;best&quot; year", 'Tom\'s "best" year'),
        ("Apple Computer Inc.&amp;lt;AAPL.O&amp;gt; on Tuesday", "Apple Computer Inc. on Tuesday"),
        ("AT&amp;T and R&D", "AT&T and R&D"),
        # a feed that lost each entity's "&"
        ("Jamaica #39;s plan wasn #39;t cheap", "Jamaica's plan wasn't cheap"),
        ("the game makers #39; efforts", "the game makers' efforts"),
        ("slopes of quot;Columbia Hills quot; that", 'slopes of "Columbia Hills" that'),
        ("dubbed #39;Longhorn #39;, in 2006", "dubbed 'Longhorn', in 2006"),
        ("SCOTTISH amp; Southern Energy", "SCOTTISH & Southern Energy"),
        ("the camp; it rained", "the camp; it rained"),
        ("the team ranked #12; and #65; on the list", "the team ranked #12; and #65; on the list"),
        ("SuperGen Inc.'s (SUPG.O: Quote, Profile, Research) rating", "SuperGen Inc.'s rating"),
        ("Cisco Systems (Quote, Chart) is buying", "Cisco Systems is buying"),
        ("A word (Quote) and a (Chart) stay", "A word (Quote) and a (Chart) stay"),
    ],
)
def test_entities_are_shown_as_their_characters(text: str, shown: str) -> None:
    assert markup.plain(text) == shown


def test_an_entity_for_a_control_character_does_not_reach_the_text() -> None:
    assert markup.plain("The harbour&#27; reopened.") == "The harbour reopened."
    assert markup.plain("One&#12;two") == "One\ntwo"  # a form feed is a line break


def test_text_without_markup_is_returned_as_it_is() -> None:
    text = "Prices rose 5% when x < y; R&D and AT&T gained #1 spot (Quote of the day)."
    assert markup.plain(text) == text
