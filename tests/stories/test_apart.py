"""Two stories of one kind (``stories.apart``): two earthquakes in two countries, weeks apart,
are two stories however alike their reports; one quake's wire copies and its follow-ups
months on, which name its place again, stay one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from summarizer.models import Article
from summarizer.stories.apart import Apart
from summarizer.stories.detect import find_stories
from summarizer.stories.grouping import group_articles
from summarizer.stories.vectors import short_items, story_vectors, term_counts
from tests.stories.days import article, numbered

# What any quake's reports say, and what tells each quake: its places and people.
QUAKE = [
    "The magnitude 7.1 earthquake flattened homes and rescuers dug through the rubble.",
    "Aftershocks rattled survivors who slept in tents for a third night.",
    "Relief flights carried water, tents and medicine to the survivors.",
    "Donations poured in as aid agencies appealed for help for the homeless.",
    "Seismologists said the quake struck at a shallow depth below the coast.",
    "The death toll rose as rescuers reached villages cut off by landslides.",
    "Engineers inspected cracked bridges and schools before families could return.",
    "Field kitchens fed thousands of displaced families in the shattered towns.",
    "Geologists warned that a strong aftershock could bring down damaged walls.",
    "Volunteers sorted blankets and bottled water at a stadium turned into a shelter.",
    "Doctors treated crush injuries in tents pitched beside the ruined hospital.",
    "Power and telephone lines were down across the region for a second day.",
]
PLACES = {
    "peru": [
        "The quake struck near Ica in southern Peru.",
        "Buildings fell in Pisco, on the coast of Peru.",
        "Hospitals in Peru took in the injured from Ica.",
        "Fishermen in Pisco said the sea drew back before the waves came in.",
        "Officials in Lima said the toll in Ica province had passed 500.",
    ],
    "nepal": [
        "The quake struck near Gorkha in central Nepal.",
        "Temples fell in Kathmandu, the capital of Nepal.",
        "Hospitals in Nepal took in the injured from Gorkha.",
        "Sherpas in Gorkha said the mountain paths to the villages were gone.",
        "Officials in Kathmandu said the toll in Gorkha district had passed 800.",
    ],
}
START = {"peru": dt.date(2025, 3, 3), "nepal": dt.date(2025, 4, 20)}


def report(place: str, number: int, later: int = 0) -> Article:
    """Report ``number`` of a quake: four of its place sentences among all that any quake's
    reports say (a long article, not a feed's short item: ``vectors.SHORT_ITEM``), a day
    after the one before (``later`` days more: a follow-up)."""
    rng = random.Random(f"{place}-{number}")
    sentences = [*rng.sample(PLACES[place], 4), *rng.sample(QUAKE, 12)]
    rng.shuffle(sentences)
    return Article(
        id=0,
        path=f"{place}-{number}.txt",
        outlet=("Reuters", "AP", "AFP")[number % 3],
        title="Rescuers search the rubble after the quake",
        date=START[place] + dt.timedelta(days=number + later),
        url=None,
        paragraphs=tuple(" ".join(sentences[i : i + 4]) for i in range(0, 16, 4)),
    )


def two_quakes() -> list[Article]:
    """Four reports of each quake, among four of another story."""
    return numbered(
        [
            *(report("peru", n) for n in range(4)),
            *(report("nepal", n) for n in range(4)),
            *(article("antitrust", n) for n in range(4)),
        ]
    )


def test_two_quakes_in_two_countries_weeks_apart_are_two_stories() -> None:
    day = two_quakes()
    counts, vocab = term_counts(day)
    vectors = story_vectors(counts)
    joined = group_articles(vectors, short_items(day, counts, vocab))
    assert [0, 1, 2, 3, 4, 5, 6, 7] in joined  # alike enough to be joined without the rule
    found = {frozenset(s.articles) for s in find_stories(day)}
    assert frozenset(range(4)) in found
    assert frozenset(range(4, 8)) in found


def test_one_quakes_wire_copies_and_follow_ups_stay_one() -> None:
    """Copies the same days and follow-ups six weeks on: the same place, one story."""
    copies = [
        dataclasses.replace(report("peru", n), path=f"copy-{n}.txt", outlet="Xinhua")
        for n in range(2)
    ]
    later = [report("peru", n, later=45) for n in range(4, 7)]
    day = numbered(
        [
            *(report("peru", n) for n in range(4)),
            *copies,
            *later,
            *(article("antitrust", n) for n in range(4)),
        ]
    )
    assert frozenset(range(9)) in {frozenset(s.articles) for s in find_stories(day)}


def test_groups_are_apart_only_when_far_in_time_and_place() -> None:
    day = two_quakes()
    apart = Apart(day)
    assert apart([0, 1, 2, 3], [4, 5, 6, 7])
    assert not apart([0, 1, 2], [3, 4])  # a pair is no story with a place of its own
    same_days = [dataclasses.replace(a, date=START["peru"]) for a in day]
    assert not Apart(same_days)([0, 1, 2, 3], [4, 5, 6, 7])
    undated = [dataclasses.replace(a, date=None) for a in day]
    assert not Apart(undated)([0, 1, 2, 3], [4, 5, 6, 7])
