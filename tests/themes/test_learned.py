"""`brief themes suggest`: groups of the day's words and phrases as a draft themes file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.models import Item, Sentence
from summarizer.themes.fit import classify
from summarizer.themes.learned import Suggestion, suggest, to_toml
from summarizer.themes.themefile import load_themes, themes_from_data

# Three stories of my own in one town; "town" is in every sentence: it names the day's story.
TOPICS = {
    "storm": [
        "The storm tore the roof off the town hall overnight.",
        "Storm winds brought down old trees across Millbrook.",
        "Storm damage to roof tiles was reported on every street in Millbrook.",
        "Fallen trees blocked Millbrook roads after Tuesday's storm winds.",
        "Insurers said storm damage in Millbrook could take weeks to assess.",
        "Winds of ninety kilometres an hour hit Millbrook before Tuesday's storm eased.",
    ],
    "budget": [
        "The Ashford council approved its budget after a long vote.",
        "Council members argued over spending on the Ashford library.",
        "Ashford's budget raises local taxes by two percent.",
        "A council vote on Ashford spending was delayed until Friday.",
        "Residents protested the new taxes outside Ashford council.",
        "Ashford's budget leaves little spending for school repairs.",
    ],
    "football": [
        "The Carlton football team reached the cup final on Saturday.",
        "Fans filled Carlton stadium to watch the team train.",
        "Coach Ann Reed named an unchanged team for the Carlton final.",
        "A late goal sent the Carlton football team into the final.",
        "Coach Ann Reed praised the fans after the goal in Carlton.",
        "Tickets for the final sold out within minutes in Carlton.",
    ],
}
VOCABULARY = {
    "storm": {"storm", "roof", "winds", "damage", "trees", "tiles", "fallen", "insurers"},
    "budget": {"council", "budget", "taxes", "spending", "vote", "members", "residents"},
    "football": {"team", "final", "goal", "coach", "fans", "football", "cup", "stadium"},
}


def items() -> list[Item]:
    out = []
    for a, texts in enumerate(TOPICS.values()):
        for p, text in enumerate(texts):
            out.append(Item(text, 1.0, (), (Sentence(a, p, text),)))
    return out


def topic_of(suggestion: Suggestion) -> str:
    return max(VOCABULARY, key=lambda t: len(VOCABULARY[t] & set(suggestion.words)))


def test_groups_follow_the_stories() -> None:
    groups = suggest(items(), 3)
    assert len(groups) == 3
    assert {topic_of(g) for g in groups} == set(TOPICS)
    for group in groups:
        mine = VOCABULARY[topic_of(group)]
        assert len(mine & set(group.words)) >= 3, group
    proposed = [w for g in groups for w in g.words]
    assert len(proposed) == len(set(proposed))  # each word in one group only
    assert "town" not in proposed  # in every statement: the story, not a theme
    assert sum(g.statements for g in groups) == len(items())


def test_phrases_and_titles() -> None:
    groups = {topic_of(g): g for g in suggest(items(), 3)}
    assert "storm damage" in groups["storm"].phrases  # said in two of its statements
    texts = [t.lower() for ts in TOPICS.values() for t in ts]
    for topic, group in groups.items():
        assert group.title[:1].isupper() and 1 <= len(group.title.split()) <= 4
        # The title is a phrase the group's own statements print, at least twice.
        printed = [t for t in TOPICS[topic] if group.title.lower() in t.lower()]
        assert len(printed) >= 2, (group.title, topic)
        assert sum(group.title.lower() in t for t in texts) == len(printed)
        assert group.phrases[0] == group.title.lower()
        assert all(len(p.split()) == 2 for p in group.phrases[1:])
    assert len({g.title for g in groups.values()}) == 3


def test_the_draft_is_deterministic_and_a_valid_themes_file(tmp_path: Path) -> None:
    draft = to_toml(suggest(items(), 3), statements=18, articles=3)
    assert to_toml(suggest(items(), 3), statements=18, articles=3) == draft
    path = tmp_path / "draft.toml"
    path.write_text(draft, encoding="utf-8")
    themes = load_themes(path)
    assert len(themes) == 4 and themes[-1].fallback and themes[-1].key == "other"
    assert len({t.key for t in themes}) == 4
    # The draft asks what learned themes ask: two of a theme's words to place a sentence.
    assert [t.min_words for t in themes] == [2, 2, 2, 1]
    texts = [text for texts in TOPICS.values() for text in texts]
    placed = classify(texts, themes)
    for start in range(0, len(texts), 6):  # each story lands in one theme of the draft
        story = placed[start : start + 6]
        assert len(set(story) - {"other"}) == 1, story  # or in Other: never in another's
        assert story.count("other") <= 1, story


def test_titles_and_words_are_quoted_for_toml() -> None:
    odd = Suggestion('say-"no"', 'The "No" Camp', ("back\\slash", "naïve"), ('a "b"',), 2)
    data = tomllib.loads(to_toml([odd], statements=2, articles=1))
    assert data["theme"][0]["title"] == 'The "No" Camp'
    assert data["theme"][0]["words"] == ["back\\slash", "naïve"]
    assert themes_from_data(data)[0].key == 'say-"no"'


def test_too_little_text_gives_an_empty_draft() -> None:
    one = items()[:1]
    assert suggest(one, 3) == []
    assert [t.key for t in themes_from_data(tomllib.loads(to_toml([], 1, 1)))] == ["other"]


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, texts in TOPICS.items():
        body = "\n\n".join(" ".join(texts[i : i + 2]) for i in range(0, len(texts), 2))
        (folder / f"{name}.txt").write_text(f"{body}\n\nSource: {name.title()} Post\n")
    return folder


def test_the_command_prints_a_draft(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "suggest", str(articles), "--k", "3"]) == 0
    out = capsys.readouterr().out
    data = tomllib.loads(out)
    drafted = data["theme"]
    assert 3 <= len(drafted) <= 4 and drafted[-1]["key"] == "other"
    assert all(len(t["title"].split()) >= 2 for t in drafted[:-1])  # not one bare noun
    assert out.startswith("# Draft themes file")


def test_the_command_writes_a_file(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "draft.toml"
    assert main(["themes", "suggest", str(articles), "--k", "2", "--out", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert len(load_themes(target)) == 3


def test_the_command_needs_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "suggest", str(tmp_path / "missing")]) == 2
    assert "nothing usable" in capsys.readouterr().err


def test_a_group_with_no_printable_title_is_left_to_other() -> None:
    # The football story repeats lone nouns ("team", "final") but no phrase an editor prints.
    texts = {**TOPICS, "football": [
        "The team reached the final on Saturday.",
        "Fans watched the team train in town.",
        "The coach named the team for the final.",
        "A goal sent the team into the final.",
        "The coach praised the fans after the goal.",
        "Tickets for the final sold out in town.",
    ]}  # fmt: skip
    day = [
        Item(text, 1.0, (), (Sentence(a, p, text),))
        for a, story in enumerate(texts.values())
        for p, text in enumerate(story)
    ]
    groups = suggest(day, 3)
    assert {topic_of(g) for g in groups} == {"storm", "budget"}
    assert sum(g.statements for g in groups) == 12  # the six on football go to Other
