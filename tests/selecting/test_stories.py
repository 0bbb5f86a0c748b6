"""The brief of a day of many stories, through the CLI: each top story is a section of its
own articles under a headline, the smaller ones a line each, and a themes file the user names
still orders the brief by its themes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main
from summarizer.runtime.resources import examples_dir
from tests import brieflint

DAY = Path(__file__).parent / "fixtures" / "three_stories.jsonl"
# A feed's day: six items, one article each, on six stories.
FEED = Path(__file__).parent / "fixtures" / "feed_day.jsonl"
STORY_HEADLINES = {
    "Quake kills 212 in Dalmen province",
    "Norland central bank raises interest rate to 4.5 percent",
    "Ferry strike strands travellers in Port Vell",
}
MUSEUM = "The Lindqvist Museum of Art reopened on Sunday after a five-year renovation"


def _build(tmp_path: Path, *more: str, day: Path = DAY) -> dict[str, Any]:
    out = tmp_path / "out"
    args = ["build", str(day), "--out", str(out), "-q", "--no-history", "--no-deliver", *more]
    assert main(args) == 0
    return json.loads((out / "2025-03-09.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_each_story_is_a_section_of_its_own_articles(tmp_path: Path) -> None:
    brief = _build(tmp_path)
    assert brief["themes"]["from"] == "stories"
    stories = [s for s in brief["sections"] if s["kind"] == "story"]
    assert {s["title"] for s in stories} == STORY_HEADLINES
    assert [len(s["articles"]) for s in stories] == [4, 3, 3]
    for section in stories:
        assert 2 <= len(section["items"]) <= 4
        for item in section["items"]:
            assert {ref["path"] for ref in item["sources"]} <= set(section["articles"])


def test_the_largest_story_comes_first_and_opens_with_its_news(tmp_path: Path) -> None:
    first = _build(tmp_path)["sections"][0]
    assert first["title"] == "Quake kills 212 in Dalmen province"
    assert first["items"][0]["text"].startswith("The death toll from the earthquake in Dalmen")


def test_a_story_of_one_article_is_a_line_under_also_today(tmp_path: Path) -> None:
    sections = _build(tmp_path)["sections"]
    assert sections[-1]["kind"] == "also" and sections[-1]["title"] == "Also today"
    assert [i["text"][: len(MUSEUM)] for i in sections[-1]["items"]] == [MUSEUM]
    assert all(MUSEUM not in i["text"] for s in sections[:-1] for i in s["items"])


def test_a_feeds_day_of_one_article_stories_is_a_line_each_the_hard_news_first(
    tmp_path: Path,
) -> None:
    brief = _build(tmp_path, day=FEED)
    assert brief["themes"]["from"] == "stories" and brief["lead"] == []
    [section] = brief["sections"]
    assert (section["kind"], section["title"]) == ("also", "In brief")
    lines = [item["text"] for item in section["items"]]
    openings = {json.loads(row)["text"].split(". ")[0] + "." for row in FEED.open()}
    assert len(lines) == 6 and set(lines) == openings  # each item's opening, once
    assert lines[0].startswith("A passenger plane crashed")  # fourth in the feed
    assert (
        lines.index("The Norland central bank began the mid-term review of its monetary policy.")
        > 0
    )
    assert brieflint.lint(brief)[1] == []


def test_of_a_feeds_grave_lines_the_larger_toll_comes_first(tmp_path: Path) -> None:
    """A flood's 1,970 dead, then a crash's 54, then a physicist's death: of the grave lines,
    the larger count of lives first (the flood's came last in the feed)."""
    more = [
        {"source": "Science Desk", "title": "Physicist Ivo Rand dies", "date": "2025-03-09",
         "text": "Physicist Ivo Rand, who built Norland's first reactor, died on Sunday at 79."},
        {"source": "Island Wire", "title": "Marsa flood deaths rise", "date": "2025-03-09",
         "text": "The number of deaths from the floods on Marsa has risen to 1,970, officials said."},
    ]  # fmt: skip
    day = tmp_path / "feed.jsonl"
    day.write_text(
        FEED.read_text(encoding="utf-8") + "".join(json.dumps(m) + "\n" for m in more),
        encoding="utf-8",
    )
    [section] = _build(tmp_path, day=day)["sections"]
    lines = [item["text"][:20] for item in section["items"]]
    assert lines[:3] == ["The number of deaths", "A passenger plane cr", "Physicist Ivo Rand, "]


def test_a_story_with_one_line_to_say_is_a_line_not_a_section(tmp_path: Path) -> None:
    """A vote told twice in other words, beside the day's three stories: a story of two
    articles with one item to say is a line under "Also today", credited to both, not a
    section of one line."""
    vote = [
        ("Kestrel Post", "The Ostrava assembly approved the harbour budget by 41 votes to 12."),
        ("Wire Two", "By 41 votes to 12, the Ostrava assembly approved the harbour budget."),
    ]
    rows = [
        {"source": source, "title": f"Ostrava budget {n}", "date": "2025-03-09", "text": text}
        for n, (source, text) in enumerate(vote)
    ]
    day = tmp_path / "day.jsonl"
    day.write_text(
        DAY.read_text(encoding="utf-8") + "".join(json.dumps(row) + "\n" for row in rows),
        encoding="utf-8",
    )
    sections = _build(tmp_path, day=day)["sections"]
    assert {s["title"] for s in sections if s["kind"] == "story"} == STORY_HEADLINES
    [line] = [i for i in sections[-1]["items"] if "Ostrava assembly approved" in i["text"]]
    assert sections[-1]["title"] == "Also today"
    assert {ref["name"] for ref in line["sources"]} == {"Kestrel Post", "Wire Two"}


def test_a_feeds_lines_never_say_what_a_line_above_said(tmp_path: Path) -> None:
    """Two items that share a figure and its words ("wounding 30 soldiers ... four years",
    "for 30 days ... 40 years after"): the brief's own repeat test keeps the second out."""
    texts = [
        "Rebels attacked a border post near Ostrava on Sunday, wounding 30 soldiers in the "
        "worst attack since the war ended four years ago.",
        "A court in Lindby jailed an army deserter for 30 days on Sunday, 40 years after he fled.",
    ]
    rows = [
        {"source": f"Wire {n}", "title": f"Item {n}", "date": "2025-03-09", "text": text}
        for n, text in enumerate(texts)
    ]
    day = tmp_path / "feed.jsonl"
    extra = "".join(json.dumps(row) + "\n" for row in rows)
    day.write_text(FEED.read_text(encoding="utf-8") + extra, encoding="utf-8")
    brief = _build(tmp_path, day=day)
    lines = [item["text"] for item in brief["sections"][0]["items"]]
    assert sum(text in lines for text in texts) == 1 and len(lines) == 7
    assert brieflint.lint(brief)[1] == []


def test_the_build_says_a_feeds_day_is_its_items_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["build", str(FEED), "--out", str(out), "--no-history", "--no-deliver"]) == 0
    assert "the day holds 6, a feed's items; 6 a line each" in capsys.readouterr().err


def test_a_feeds_day_with_one_story_told_twice_is_still_its_lines(tmp_path: Path) -> None:
    """Two of the feed's items on one vote are no top story over the rest: a feed's day is
    its lines, the vote's one of them."""
    vote = {"source": "Wire Two", "title": "Norland bank", "date": "2025-03-09"}
    text = (
        "The Norland central bank started the mid-term review of its monetary policy. "
        "Norland's finance minister, Eva Holm, welcomed the central bank's review on Sunday."
    )
    day = tmp_path / "feed.jsonl"
    extra = json.dumps({**vote, "text": text}) + "\n"
    day.write_text(FEED.read_text(encoding="utf-8") + extra, encoding="utf-8")
    [section] = _build(tmp_path, day=day)["sections"]
    assert (section["kind"], section["title"], len(section["items"])) == ("also", "In brief", 6)


def test_a_feeds_day_of_many_lines_with_two_pairs_on_shared_words_is_still_its_lines(
    tmp_path: Path,
) -> None:
    """Among 18 short items, a golf round and a hockey game ("cup") and two court cases
    ("Supreme Court") pair up: four of 18 articles are no day of stories, and no heading
    stands over two unrelated lines; with fewer other lines the pairs are the day's stories."""
    more = (Path(__file__).parent / "fixtures" / "feed_more.jsonl").read_text(encoding="utf-8")
    day = tmp_path / "feed.jsonl"
    day.write_text(FEED.read_text(encoding="utf-8") + more, encoding="utf-8")
    brief = _build(tmp_path / "many", day=day)
    assert [(s["kind"], s["title"]) for s in brief["sections"]] == [("also", "In brief")]
    few = tmp_path / "few.jsonl"
    few.write_text("".join(more.splitlines(keepends=True)[-4:]), encoding="utf-8")
    assert _build(tmp_path / "few", day=few)["themes"]["from"] == "stories"


def test_the_story_brief_has_no_defect_a_reader_sees(tmp_path: Path) -> None:
    _, defects = brieflint.lint(_build(tmp_path))
    assert defects == []


def test_the_markdown_shows_each_story_under_its_headline(tmp_path: Path) -> None:
    _build(tmp_path)
    text = (tmp_path / "out" / "2025-03-09.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert set(headings[:3]) == STORY_HEADLINES and headings[3] == "Also today"


@pytest.mark.parametrize("themes", ["file", "auto"])
def test_themes_the_user_asks_for_still_order_the_brief(tmp_path: Path, themes: str) -> None:
    path = tmp_path / "themes.toml"
    path.write_text(
        '[[theme]]\nkey = "disasters"\ntitle = "Disasters"\n'
        'words = ["earthquake", "quake", "rescuers", "aftershocks"]\n'
        '[[theme]]\nkey = "economy"\ntitle = "Economy"\n'
        'words = ["inflation", "strike", "mortgage"]\nphrases = ["interest rate"]\n'
        '[[theme]]\nkey = "other"\ntitle = "Other"\nfallback = true\n',
        encoding="utf-8",
    )
    brief = _build(tmp_path, "--themes", str(path) if themes == "file" else "auto")
    assert brief["themes"]["from"] == ("file" if themes == "file" else "learned")
    assert all(s["kind"] == "theme" for s in brief["sections"])


def test_the_story_the_themes_describe_keeps_its_themes_inside_it(tmp_path: Path) -> None:
    """A general feed with the war's news (the sample corpus) among other stories: the war's
    story is briefed in the bundled themes, under its heading; no other story is put under
    them (a ferry strike is no Battlefield)."""
    day = tmp_path / "day"
    day.mkdir()
    for path in examples_dir().glob("*.txt"):
        (day / path.name).write_bytes(path.read_bytes())
    (day / DAY.name).write_bytes(DAY.read_bytes())
    out = tmp_path / "out"
    assert main(["build", str(day), "--out", str(out), "-q", "--no-history"]) == 0
    brief = json.loads((out / "2025-06-25.json").read_text(encoding="utf-8"))
    assert brief["themes"]["from"] == "stories"
    sections = brief["sections"]
    war = sections[0]
    assert war["kind"] == "story" and "Putin" in war["title"]
    themed = [s for s in sections if s["kind"] == "theme"]
    assert {s["title"] for s in themed} >= {"Diplomacy", "NATO", "Battlefield"}
    assert all(s["articles"] == war["articles"] for s in themed)
    assert sections.index(themed[-1]) == len(themed)  # right after the war's own section
    others = [s for s in sections if s["kind"] == "story"][1:]
    assert {s["title"] for s in others} & {"Diplomacy", "NATO", "Battlefield"} == set()
    markdown = (out / "2025-06-25.md").read_text(encoding="utf-8")
    assert "\n### Battlefield\n" in markdown and "\n## Battlefield\n" not in markdown
    assert brieflint.lint(brief)[1] == []
