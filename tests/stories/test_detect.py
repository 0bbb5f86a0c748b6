"""Story detection on small generated days (``tests/stories/days.py``): stories interleaved
come apart, wire copies stay together, a day of one story is one story, and the same day
gives the same stories whatever order its articles come in."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from summarizer.models import Article, Story
from summarizer.pipeline import ReadOptions, read_articles
from summarizer.runtime.resources import examples_dir
from summarizer.stories.detect import find_stories, is_one_story, matching
from tests.stories.days import article, interleaved, numbered


def paths(stories: tuple[Story, ...], articles: list[Article]) -> list[set[str]]:
    """Each story's articles as the set of their paths, in the stories' order."""
    by_id = {a.id: a.path for a in articles}
    return [{by_id[i] for i in story.articles} for story in stories]


def test_two_stories_interleaved_come_out_as_two() -> None:
    day = interleaved(("quake", 6), ("antitrust", 5))
    stories = find_stories(day)
    assert paths(stories, day) == [
        {f"quake-{n}.txt" for n in range(6)},
        {f"antitrust-{n}.txt" for n in range(5)},
    ]
    assert not is_one_story(stories)


def test_three_stories_each_their_own_and_largest_first() -> None:
    day = interleaved(("torch", 3), ("quake", 5), ("antitrust", 4))
    stories = find_stories(day)
    assert [len(s.articles) for s in stories] == [5, 4, 3]
    assert paths(stories, day)[0] == {f"quake-{n}.txt" for n in range(5)}
    assert not is_one_story(stories)


def test_wire_copies_land_in_one_story() -> None:
    """The same text under two outlets, amid other stories: one story of the two copies,
    credited to both outlets; a copy of a story's article joins that story."""
    lone = article("torch", 0, outlet="Reuters")
    copy = dataclasses.replace(lone, path="torch-copy.txt", outlet="Xinhua")
    quake_copy = dataclasses.replace(article("quake", 1), path="quake-copy.txt", outlet="CNN")
    day = numbered([*interleaved(("quake", 5), ("antitrust", 5)), lone, copy, quake_copy])
    stories = find_stories(day)
    found = paths(stories, day)
    assert {"torch-0.txt", "torch-copy.txt"} in found
    quake = next(s for s in found if "quake-1.txt" in s)
    assert "quake-copy.txt" in quake
    torch = stories[found.index({"torch-0.txt", "torch-copy.txt"})]
    assert set(torch.outlets) == {"Reuters", "Xinhua"}


def test_a_day_of_one_story_is_one_story() -> None:
    day = numbered([article("quake", n) for n in range(8)])
    stories = find_stories(day)
    assert len(stories) == 1
    assert set(stories[0].articles) == {a.id for a in day}
    assert is_one_story(stories)


def test_the_sample_corpus_is_one_story() -> None:
    articles, _ = read_articles([str(examples_dir())], ReadOptions(quiet=True))
    assert is_one_story(find_stories(articles))


def test_a_single_article_is_one_story() -> None:
    stories = find_stories(numbered([article("quake", 0)]))
    assert len(stories) == 1 and is_one_story(stories)


def test_the_same_day_in_any_order_gives_the_same_stories() -> None:
    day = interleaved(("quake", 5), ("antitrust", 4), ("torch", 3))
    reordered = numbered(sorted(day, key=lambda a: a.path, reverse=True))
    first, again, other = find_stories(day), find_stories(day), find_stories(reordered)
    assert first == again
    assert paths(first, day) == paths(other, reordered)
    assert [s.title for s in first] == [s.title for s in other]


def test_a_story_carries_its_outlets_dates_and_a_title_of_words() -> None:
    day = interleaved(("quake", 4), ("antitrust", 4))
    quake = find_stories(day)[0]
    members = [a for a in day if a.id in quake.articles]
    assert quake.first == min(a.date for a in members if a.date)
    assert quake.last == max(a.date for a in members if a.date)
    assert set(quake.outlets) == {a.outlet for a in members}
    assert len(quake.title.split()) >= 3
    assert quake.title in {a.title for a in members}


def test_a_one_word_headline_is_passed_over_for_a_phrase() -> None:
    day = [
        dataclasses.replace(a, title="Quake")
        for a in numbered([article("quake", n) for n in range(4)])
    ]
    day[-1] = dataclasses.replace(day[-1], title="Rescuers dig through the rubble of Izmit")
    assert find_stories(day)[0].title == "Rescuers dig through the rubble of Izmit"


def test_more_outlets_rank_a_story_first() -> None:
    """Five articles from one outlet come after four from four outlets."""
    one_outlet = [
        dataclasses.replace(article("antitrust", n), outlet="Redmond Daily") for n in range(5)
    ]
    day = numbered([*one_outlet, *(article("quake", n) for n in range(4))])
    stories = find_stories(day)
    assert [len(s.articles) for s in stories] == [4, 5]


def test_the_newer_story_comes_first_when_all_else_is_equal() -> None:
    late = [
        dataclasses.replace(a, date=dt.date(2025, 7, 1))
        for a in (article("antitrust", n) for n in range(4))
    ]
    day = numbered([*(article("quake", n) for n in range(4)), *late])
    assert set(find_stories(day)[0].articles) == {a.id for a in day[4:]}


def test_a_story_is_matched_by_its_words() -> None:
    day = interleaved(("quake", 4), ("antitrust", 4))
    stories = find_stories(day)
    assert matching(stories, "the Izmit earthquake") == stories[0]
    assert matching(stories, "Microsoft antitrust appeal") == stories[1]
    assert matching(stories, "football scores") is None


def test_no_articles_no_stories() -> None:
    assert find_stories([]) == ()
    assert is_one_story(())


def test_a_feed_of_short_unrelated_items_is_many_stories() -> None:
    """A feed's day of 40 short items, each its own story: each names its own people and
    places and shares a few common words ("company", "government") and a weekday with the
    others. Sharing one or two such words does not make two items one story."""
    rng = random.Random(4)
    common = [
        "company",
        "government",
        "nation",
        "bank",
        "market",
        "team",
        "plan",
        "report",
        "deal",
        "group",
    ]
    day = []
    for n in range(40):
        one, two = rng.sample(common, 2)
        title = f"Name{n}a {one} news from Place{n}"
        text = (
            f"Name{n}a and Name{n}b of Place{n} saw the {one} and the {two} of Thing{n} on Monday."
        )
        day.append(Article(n, f"{n}.txt", f"Outlet {n}", title, None, None, (text,)))
    assert max(len(s.articles) for s in find_stories(day)) == 1


def test_short_items_that_all_name_one_place_are_one_story() -> None:
    """Seven wire lines on one earthquake, each a story of its own by its rarer words (the
    ones they share, "Dalmen" and "earthquake", are in every article and weigh nothing): the
    name most of them write makes them one story."""
    lines = [
        "A strong earthquake struck the coastal province of Dalmen, killing at least 40 people.",
        "The earthquake in Dalmen destroyed hundreds of homes and cut power to the capital.",
        "Rescue teams searched collapsed homes in Dalmen for survivors of the earthquake.",
        "The Dalmen earthquake had a magnitude of 6.8, the national seismic institute said.",
        "Hospitals in the provincial capital of Dalmen treated hundreds injured by the quake.",
        "Power to the provincial capital of Dalmen was cut after the earthquake hit its grid.",
        "The death toll from the Dalmen earthquake rose to 212 as rescuers reached villages.",
    ]
    day = [
        Article(n, f"{n}.txt", f"Wire {n}", f"Quake {n}", None, None, (text,))
        for n, text in enumerate(lines)
    ]
    stories = find_stories(day)
    assert len(stories) == 1 and is_one_story(stories)


def test_short_items_that_share_a_word_or_a_weekday_are_not_one_story() -> None:
    """A feed's day of short items: two that share one word ("bank") and the day's weekday
    are two stories; two that share a story's names are one."""
    items = [
        ("Bank looks to block Glazer bid", "Nomura, the bank, plans to block a Glazer bid for Manchester United on Monday."),
        ("Bank writes off debts", "The World Bank wrote off the debts of poor nations on Monday, ministers said."),
        ("Notre Dame to interview Meyer", "Notre Dame will interview Utah coach Urban Meyer for its football job."),
        ("Pitt names coach shortlist", "Pitt, like Notre Dame, wants Utah coach Urban Meyer for its football job."),
        ("Nokia marks its batteries", "Nokia will mark its batteries with a hologram against fakes, the company said."),
        ("Mets sign Martinez", "Pedro Martinez signed a four-year contract with the New York Mets on Monday."),
    ]  # fmt: skip
    day = [
        Article(n, f"{n}.txt", f"Outlet {n}", title, None, None, (text,))
        for n, (title, text) in enumerate(items)
    ]
    together = [set(s.articles) for s in find_stories(day) if len(s.articles) > 1]
    assert together == [{2, 3}]


def _short_day(items: list[tuple[str, str]]) -> list[Article]:
    return [
        Article(n, f"{n}.txt", f"Outlet {n}", title, None, None, (text,))
        for n, (title, text) in enumerate(items)
    ]


def test_short_items_that_share_only_common_words_are_not_one_story() -> None:
    """Two short items of a feed that share three common words ("deal", "million", "line")
    and no name are two stories; two that name the same place are one."""
    day = _short_day([
        ("Avalanche sign Damphousse to deal", "The Colorado Avalanche signed front-line player Vincent Damphousse to a one-year, $2 million deal."),
        ("Northwest Airlines, pilots reach deal", "Northwest Airlines reached a deal that includes $265 million in labor concessions, the Air Line Pilots Association said."),
        ("Straw: Sudan must help displaced people", "Jack Straw said Sudan must help the people displaced in its Darfur region, the British foreign secretary said."),
        ("Sudan says sanctions would destroy it", "Sudan said U.N. sanctions over the Darfur region would destroy its society, its foreign minister told people in Khartoum."),
    ])  # fmt: skip
    together = [set(s.articles) for s in find_stories(day) if len(s.articles) > 1]
    assert together == [{2, 3}]


def test_a_short_item_does_not_join_a_story_through_its_several_articles_words() -> None:
    """A short item that shares a word or two with each article of a story, and three with
    them all, stays alone: it is none of their neighbours."""
    day = _short_day([
        ("Oil rises as Hurricane Ivan nears", "Oil prices rose as Hurricane Ivan neared the Gulf of Mexico, where refiners braced for output losses."),
        ("Refiners borrow oil after Hurricane Ivan", "Refiners borrowed oil from emergency reserves after Hurricane Ivan shut output in the Gulf of Mexico."),
        ("Banks borrowed reserves as prices rose", "Polish banks borrowed reserves as prices rose in Warsaw, Budapest and Prague, the central bankers said."),
    ])  # fmt: skip
    stories = {frozenset(s.articles) for s in find_stories(day)}
    assert stories == {frozenset({0, 1}), frozenset({2})}
