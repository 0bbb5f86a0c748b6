"""The brief's JSON, written and read by one module: it round-trips, it carries its version,
briefs of earlier releases still read, and a newer format is refused in one clear line."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from summarizer.errors import InputError
from summarizer.models import (
    Brief,
    Disagreement,
    Insertion,
    Item,
    Placement,
    Section,
    Skipped,
    SourceRef,
    ThemesUsed,
    Update,
)
from summarizer.storage.brief_json import (
    SCHEMA_VERSION,
    brief_from_json,
    brief_stem,
    brief_to_json,
    dated_briefs,
    read_brief,
)
from tests.conftest import DAY, item, make_brief, ref
from tests.paths import REPO

SAMPLE = REPO / "briefs" / "sample" / "2025-06-25.json"


def full_brief() -> Brief:
    """A brief with every optional part set, its numbers already at the JSON's precision."""
    said = SourceRef("North Post", "Ferry toll rises", "north.txt", "https://n.test/a", DAY,
                     "A ferry capsized, killing 231 passengers.")  # fmt: skip
    update = Item(
        text="A ferry capsized, killing 231 passengers.",
        score=1.1494,
        sources=(said,),
        sentences=(),
        placement=Placement("disaster", 0.9986, ("ferry",), ("capsized",), 0.5741, None),
        disagreements=(Disagreement("South Post", "230", "… 230 passengers.", "south.txt"),),
        insertions=(Insertion("Sen. Chuck", "Hagel", "Sen. Chuck Hagel"),),
        dated=DAY - dt.timedelta(days=1),
        status="update",
        updates=Update(DAY - dt.timedelta(days=1), "A ferry capsized, killing 100.", "100"),
    )
    fresh = Item("Divers found the recorder.", 0.5, (), (), status="new",
                 placement=Placement("other", 0.25, nearest="disaster"))  # fmt: skip
    return Brief(
        title="Ferry — “brief”",
        date=DAY,
        sections=(Section("disaster", "Disaster", (update, fresh)),),
        sources=(dataclasses.replace(said, text=None),),
        skipped=(Skipped("inbox/photo.jpg", "binary file"),),
        themes=ThemesUsed("file", 0.75, "themes.toml"),
        since=DAY - dt.timedelta(days=1),
    )


def placements(brief: Brief) -> list[Placement | None]:
    """Placements do not take part in ``Item`` equality, so they are compared on their own."""
    return [i.placement for s in brief.sections for i in s.items]


def test_write_then_read_gives_the_same_brief() -> None:
    brief = full_brief()
    again = brief_from_json(brief_to_json(brief), "b.json")
    assert again == brief
    assert placements(again) == placements(brief)


def test_reading_and_writing_again_gives_the_same_bytes() -> None:
    text = brief_to_json(make_brief())  # scores with more digits than the JSON keeps
    assert brief_to_json(brief_from_json(text, "b.json")) == text
    sample = SAMPLE.read_text(encoding="utf-8")  # a real brief, placements and all
    assert brief_to_json(read_brief(SAMPLE)) == sample


def test_the_json_names_its_version_first() -> None:
    data = json.loads(brief_to_json(make_brief()))
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION == 2
    assert type(data["schema_version"]) is int


def test_a_version_1_brief_without_a_lead_still_reads(tmp_path: Path) -> None:
    """Briefs written before the lead block (version 1) are history too: every item comes
    back, in its section."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    lead = data.pop("lead")
    data["schema_version"] = 1
    data["sections"][0]["items"][:0] = lead
    old = tmp_path / "2025-06-25.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    brief = read_brief(old)
    assert brief.lead == () and [i.text for i in brief.items] == [
        i["text"] for s in data["sections"] for i in s["items"]
    ]


def test_the_lead_comes_back_before_the_sections() -> None:
    brief = full_brief()
    lead = brief.sections[0].items[:1]
    led = dataclasses.replace(brief, lead=lead)
    again = brief_from_json(brief_to_json(led), "b.json")
    assert again.lead == lead and again.items[0] == lead[0]


def test_a_brief_of_an_earlier_release_without_a_version_still_reads(tmp_path: Path) -> None:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    del data["schema_version"]
    old = tmp_path / "2025-06-25.json"
    old.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert read_brief(old) == read_brief(SAMPLE)


def test_a_newer_format_is_refused_in_one_clear_line(tmp_path: Path) -> None:
    data = json.loads(brief_to_json(make_brief()))
    data["schema_version"] = SCHEMA_VERSION + 1
    future = tmp_path / "2025-06-25.json"
    future.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_brief(future)
    message = str(refused.value)
    assert message == (
        f"{future}: brief format version 3 is newer than this daily-brief reads (version 2); "
        "upgrade daily-brief to read it"
    )
    assert "\n" not in message


@pytest.mark.parametrize("version", ['"1"', "true", "0", "1.5", "null"])
def test_a_version_that_is_no_version_is_not_a_brief(version: str) -> None:
    text = brief_to_json(make_brief()).replace(
        '"schema_version": 2', f'"schema_version": {version}'
    )
    must = r"'schema_version' must be a whole number from 1 to 2$"
    with pytest.raises(InputError, match=rf"^b.json: not a brief: {must}"):
        brief_from_json(text, "b.json")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{not json", "not valid JSON"),
        ("[" * 100_000, "not valid JSON: nested too deeply"),
        ('{"title": "x", "date": "soon"}', "'date' must be YYYY-MM-DD"),
        ('{"title": "x", "date": "2025-06-25", "sections": 3}', "'sections' must be a list"),
        ('{"name": "site", "version": "1.0.0"}', "not a brief: 'date' must be text"),
        ('{"title": "x", "date": "2025-06-25", "themes": {"from": "file", "fit": "high"}}',
         "'themes' must have a numeric 'fit'"),
    ],
)  # fmt: skip
def test_what_is_not_a_brief_is_one_line_naming_it(text: str, reason: str) -> None:
    with pytest.raises(InputError, match=rf"^b\.json: .*{reason}") as refused:
        brief_from_json(text, "b.json")
    assert "\n" not in str(refused.value)


def test_an_odd_score_reads_as_zero_rather_than_losing_the_brief() -> None:
    huge = "1" + "0" * 400  # an integer no float can hold
    text = ('{"title": "x", "date": "2025-06-25", "sections": [{"theme": "t", "title": "T", '
            f'"items": [{{"text": "a", "score": {huge}}}, {{"text": "b", "score": "high"}}]}}]}}')  # fmt: skip
    [section] = brief_from_json(text, "b.json").sections
    assert [i.score for i in section.items] == [0.0, 0.0]


def test_a_file_that_cannot_be_read_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "2025-06-25.json"
    path.write_bytes(b'{"title": "\xff"}')
    with pytest.raises(InputError, match=rf"^{path}: cannot read: .*utf-8"):
        read_brief(path)
    with pytest.raises(InputError, match=rf"^{tmp_path / 'gone.json'}: cannot read: No such"):
        read_brief(tmp_path / "gone.json")


def test_briefs_are_named_and_found_by_their_date(tmp_path: Path) -> None:
    assert brief_stem(dt.datetime(2025, 6, 5, 23, 59)) == "2025-06-05"  # no time leaks in
    for name in ("2025-06-24.json", "2025-06-05.json", "archive.json", "package.json",
                 "2025-06-24.html", "2025-13-01.json", "20250624.json", ".2025-06-23.json"):  # fmt: skip
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "2025-06-01.json").mkdir()
    assert dated_briefs(tmp_path) == [
        (dt.date(2025, 6, 5), tmp_path / "2025-06-05.json"),
        (dt.date(2025, 6, 24), tmp_path / "2025-06-24.json"),
    ]
    assert dated_briefs(tmp_path / "missing") == []


# --- what the JSON holds -------------------------------------------------------------------


def test_json_carries_each_credits_words_insertions_and_disagreements() -> None:
    hagel = dataclasses.replace(
        item("[Sen. Chuck] Hagel lambasted the leadership.", ref("AP", text="Hagel lambasted the leadership.")),
        insertions=(Insertion("Sen. Chuck", "Hagel", "Sen. Chuck Hagel"),),
    )  # fmt: skip
    data = json.loads(brief_to_json(make_brief(sections=(Section("t", "T", (hagel,)),))))
    [entry] = data["sections"][0]["items"]
    assert entry["sources"][0]["text"] == "Hagel lambasted the leadership."
    assert entry["insertions"] == [
        {"words": "Sen. Chuck", "surname": "Hagel", "full": "Sen. Chuck Hagel"}
    ]
    assert "disagreements" not in entry and "date" not in entry


def test_a_story_section_comes_back_with_its_kind_and_articles() -> None:
    brief = full_brief()
    story = dataclasses.replace(
        brief.sections[0], kind="story", articles=("wire/a.txt", "wire/b.txt")
    )
    also = dataclasses.replace(brief.sections[-1], kind="also")
    told = dataclasses.replace(brief, sections=(story, also))
    data = json.loads(brief_to_json(told))
    assert [(s["kind"], s.get("articles")) for s in data["sections"]] == [
        ("story", ["wire/a.txt", "wire/b.txt"]),
        ("also", None),
    ]
    assert brief_from_json(brief_to_json(told), "b.json") == told


def test_json_has_exactly_the_schema(sample_brief: Brief) -> None:
    data = json.loads(brief_to_json(sample_brief))
    assert list(data) == [
        *("schema_version", "title", "date", "lead", "sections", "sources", "skipped"),
    ]
    assert data["lead"] == []
    assert data["title"] == sample_brief.title
    assert data["date"] == "2025-06-25"
    assert [s["title"] for s in data["sections"]] == ["Diplomacy", "Defence spending"]
    for section in data["sections"]:
        assert list(section) == ["theme", "title", "kind", "items"]
        assert section["kind"] == "theme"
        for entry in section["items"]:
            assert list(entry)[:3] == ["text", "score", "sources"]
            assert set(entry) <= {"text", "score", "sources", "date", "disagreements"}
            for source in entry["sources"]:
                assert list(source) == ["name", "title", "path", "url", "date", "text"]
    spend = data["sections"][1]["items"][0]
    assert spend["date"] == "2025-06-24"
    assert spend["disagreements"] == [
        {
            "name": "Kyiv Independent",
            "figure": "3.5",
            "text": "Allies agreed to spend 3.5% of GDP on defence.",
            "path": "kyiv-independent.txt",
            "url": "https://kyivindependent.com/nato",
        }
    ]
    for source in data["sources"]:
        assert list(source) == ["name", "title", "path", "url", "date"]
    assert data["skipped"] == [{"path": "inbox/photo.jpg", "reason": "binary file"}]


def test_json_keeps_the_brief(sample_brief: Brief) -> None:
    data = json.loads(brief_to_json(sample_brief))
    first = data["sections"][0]["items"][0]
    assert first["text"] == sample_brief.sections[0].items[0].text
    assert first["score"] == 0.9123
    assert [s["name"] for s in first["sources"]][:2] == ["Reuters", "BBC News"]
    by_name = {s["name"]: s for s in data["sources"]}
    assert by_name["AP"] == {
        "name": "AP",
        "title": "AP report",
        "path": "ap.txt",
        "url": None,
        "date": None,
    }
    assert by_name["Reuters"]["date"] == "2025-06-25"
    assert len(data["sources"]) == len(sample_brief.sources)


def test_json_is_deterministic_utf8_and_indented() -> None:
    title = "Zelenskyy\u2019s day \u2014 \u201cpeace\u201d"
    brief = make_brief(title=title)
    first, second = brief_to_json(brief), brief_to_json(brief)
    assert first == second
    assert f'"title": "{title}"' in first
    assert first.startswith('{\n  "schema_version": 2,\n  "title": ')
    assert first.endswith("}\n")


def test_a_views_label_comes_back_from_the_json() -> None:
    brief = make_brief()
    first = dataclasses.replace(brief.sections[0].items[0], label="Editorial")
    section = dataclasses.replace(brief.sections[0], items=(first,))
    labelled = dataclasses.replace(brief, sections=(section,))
    again = brief_from_json(brief_to_json(labelled), "b.json")
    assert again.sections[0].items[0].label == "Editorial"
    assert brief_to_json(again) == brief_to_json(labelled)
