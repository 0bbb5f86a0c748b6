"""Headings an editor would print: no unit, person, bare place, name fragment or lone noun."""

from __future__ import annotations

from summarizer.themes.headings import day_names, printable

# A day of my own: a mayor, a river town, a clinic and a flood.
DAY = [
    "Mayor Alice Brennan said the river rose nine feet in Millbrook overnight.",
    "Brennan asked the state for flood relief.",
    "Flood relief trucks reached Millbrook on Monday.",
    "The Centers for Disease Control sent staff to the Riverside Clinic.",
    "People in Millbrook waited for drinking water at the Riverside Clinic.",
    "The Salvation Army opened shelters, and the Salvation Army fed hundreds of people.",
    "Doctors at the clinic said water samples showed no cholera.",
    "The flood washed out roads in Dorset County and in Millbrook.",
]


def ok(phrase: str) -> bool:
    return printable(phrase.split(), day_names(DAY))


def test_descriptive_phrases_and_names_of_bodies_are_printed() -> None:
    assert ok("Flood relief")
    assert ok("Water samples")
    assert ok("Salvation Army")
    assert ok("Riverside Clinic")


def test_a_unit_or_a_lone_common_noun_is_not_a_heading() -> None:
    assert not ok("Feet")
    assert not ok("Nine feet")
    assert not ok("People")
    assert not ok("Water")


def test_a_person_a_bare_place_or_part_of_a_name_is_not_a_heading() -> None:
    assert not ok("Brennan")  # the day names her in full, then by surname
    # never named in full, but paired with the mayor as the names of a ticket are
    assert ok("Quillfeather")
    assert not printable(
        ["Quillfeather"], day_names([*DAY, "The Brennan-Quillfeather ticket won."])
    )
    assert not ok("Mayor Alice Brennan")
    assert not ok("Millbrook")  # printed after "in" each time
    assert not ok("Dorset County")
    assert not ok("Canada")  # a country, from pycountry's list
    assert not ok("Disease Control")  # of "Centers for Disease Control"


def test_a_surname_the_day_prints_only_after_a_title_is_a_person() -> None:
    day = day_names(
        [
            "Stamford-native Lieberman was chosen as the running mate on Monday.",
            "Senator Lieberman thanked the congregation for the gift.",
            "The Salvation Army fed hundreds of volunteers.",
        ]
    )
    assert not printable(["Lieberman"], day)
    assert printable(["Salvation", "Army"], day)
