"""End to end: the bundled sample corpus through the CLI, judged by brief_lint's rules."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer.runtime.resources import examples_dir
from tests.brief_items import brief_items
from tests.brieflint import lint
from tests.localserver import serving
from tests.paths import FIXTURES

pytestmark = pytest.mark.process

EXAMPLES = examples_dir()


def build(out: Path, *sources: str) -> dict[str, Path]:
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "build", *sources, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    paths = [Path(p) for p in result.stdout.split()]
    return {p.suffix.lstrip("."): p for p in paths}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build(tmp_path_factory.mktemp("sample"))  # no sources: the bundled corpus


def test_the_sample_brief_has_no_defect(sample: dict[str, Path]) -> None:
    brief = json.loads(sample["json"].read_text(encoding="utf-8"))
    items, defects = lint(brief, min_sections=3)
    assert defects == []
    assert len(items) >= 8
    assert len([s for s in brief["sections"] if s["items"]]) >= 3


def test_the_reworded_copy_is_merged_into_the_original(sample: dict[str, Path]) -> None:
    brief = json.loads(sample["json"].read_text(encoding="utf-8"))
    original = (EXAMPLES / "001_49f197e31fd5e6ea.txt").read_text(encoding="utf-8")
    both = [
        item
        for item in brief_items(brief)
        if {Path(s["path"]).name[:3] for s in item["sources"]} >= {"000", "001"}
    ]
    assert both, "no item credits both the copy and the original"
    for item in both:
        printed = item["text"]
        for added in item.get("insertions", []):  # "[Mark] Rutte": the brief's, in brackets
            printed = printed.replace(f"[{added['words']}] ", "", 1)
        assert printed in original  # the original's wording, not the copy's errors
        by_file = {Path(s["path"]).name[:3]: s for s in item["sources"]}
        assert by_file["000"]["name"] == "Aljazeera"  # its "Source:" trailer
        # 001 names no outlet: credited by its (lead's) title, never by its file name
        assert by_file["001"]["name"].startswith("“Ukrainian President Volodymyr")
        assert by_file["001"]["text"] == printed
        copy = (EXAMPLES / "000_2e4897bdcc009f1b.txt").read_text(encoding="utf-8")
        assert by_file["000"]["text"] in " ".join(copy.split())  # the copy's own words
    texts = " ".join(i["text"] for i in brief_items(brief))
    assert "Iran-Iran" not in texts
    assert "protec our" not in texts


def test_no_file_name_is_ever_shown_as_an_outlet(sample: dict[str, Path]) -> None:
    brief = json.loads(sample["json"].read_text(encoding="utf-8"))
    credits = [s for i in brief_items(brief) for s in i["sources"]]
    for ref in [*credits, *brief["sources"]]:
        assert Path(ref["path"]).stem not in ref["name"]
        assert "_" not in ref["name"]


def test_the_brief_is_dated_from_the_articles(sample: dict[str, Path]) -> None:
    assert sample["md"].name == "2025-06-25.md"
    md = sample["md"].read_text(encoding="utf-8")
    assert md.startswith("# ")
    for section in ("## Diplomacy", "## Battlefield", "## NATO", "## Sources"):
        assert section in md


def test_the_same_input_gives_the_same_brief(sample: dict[str, Path], tmp_path: Path) -> None:
    again = build(tmp_path)
    for kind in ("md", "html", "json"):
        assert again[kind].read_bytes() == sample[kind].read_bytes()


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_article_text_cannot_inject_markup(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, outlet in enumerate(("North Post", "South Post")):
        (folder / f"{i}.txt").write_text(
            "The Leith council approved the <script>alert(1)</script> harbour budget on Monday evening.\n"
            "Engineers will start the *urgent* [repairs](http://evil.example) to the bridge next week.\n"
            f"Source: {outlet}\n"
        )
    paths = build(tmp_path / "out", str(folder))
    parser = _Tags()
    parser.feed(paths["html"].read_text(encoding="utf-8"))
    assert "script" not in parser.tags
    assert "<script>alert(1)</script>" in "".join(parser.text)
    assert (
        "evil.example"
        not in paths["html"].read_text(encoding="utf-8").split("<body")[1].split('href="')[-1][:40]
    )


def test_a_mixed_folder_and_a_url_list_make_one_clean_brief(tmp_path: Path) -> None:
    """.txt, .html, an RSS .xml, .jsonl, and URLs (a page, a feed, a 404) served on 127.0.0.1."""
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "web" / "mixed", folder)
    shutil.copy(folder / "courier_talks.txt", folder / "courier_talks_copy.txt")
    listed = tmp_path / "sources.txt"
    with serving() as server:
        pages = [f"{server.url}/pages/vienna-talks", f"{server.url}/feeds/wire"]
        listed.write_text(f"# today\n{pages[0]}\n{pages[1]}\n{server.url}/status/404\n")
        paths = build(tmp_path / "out", str(folder), "--sources-file", str(listed))
        again = build(tmp_path / "again", str(folder), "--sources-file", str(listed))
    assert again["json"].read_bytes() == paths["json"].read_bytes()
    brief = json.loads(paths["json"].read_text(encoding="utf-8"))
    items, defects = lint(brief, min_sections=3)
    assert defects == []
    assert len(items) >= 9
    assert paths["json"].name == "2025-06-25.json"  # the newest article's date
    assert {(s["name"], s["title"], s["date"]) for s in brief["sources"]} == {
        ("Lakeside Courier", "Ministers open ceasefire talks in Vienna", "2025-06-24"),
        ("The Northern Ledger", "Allies pledge air defence for Kharkiv", "2025-06-25"),
        ("Harbour Gazette", "Drones strike Kharkiv power station", "2025-06-25"),
        ("Harbour Gazette", "Alliance agrees spending path", "2025-06-24"),
        ("Meridian Daily", "Village near the eastern front changes hands", "2025-06-25"),
        ("Meridian Daily", "EU envoys weigh new sanctions", "2025-06-24"),
        ("Atlas Post", "Ceasefire talks begin at the Hofburg", "2025-06-24"),
        ("Continental Wire", "NATO jets scrambled over the Baltic", "2025-06-24"),
        ("Continental Wire", "Kharkiv power station hit by drones", "2025-06-25"),
    }
    assert {s["path"]: s["reason"] for s in brief["skipped"]} == {
        f"{server.url}/status/404": "HTTP 404 Not Found",
        f"{folder / 'gazette_world.xml'}#3": f"same URL as {pages[0]}",
        str(folder / "courier_talks_copy.txt"): f"same text as {folder / 'courier_talks.txt'}",
    }
    wire_copy = [i for i in brief_items(brief) if "40,000 homes" in i["text"]]
    assert [{s["name"] for s in i["sources"]} for i in wire_copy] == [
        {"Harbour Gazette", "Continental Wire"}
    ]


def test_two_outlets_with_different_figures_are_not_merged_silently(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    common = (
        "The Leith harbour authority will open an inquiry into the ferry's safety record next week.\n\n"
        "Divers searched the northern channel through the night for the missing passengers.\n\n"
    )
    (folder / "a.txt").write_text(
        "Ferry capsizes off the northern coast\n\n"
        "A ferry capsized off the northern coast on Monday, killing 17 passengers, officials said.\n\n"
        f"{common}Source: North Post\n"
    )
    (folder / "b.txt").write_text(
        "Ferry disaster in the north\n\n"
        "A ferry capsized off the northern coast on Monday, killing 15 passengers, officials said.\n\n"
        f"{common}Source: South Post\n"
    )
    brief = json.loads(build(tmp_path / "out", str(folder))["json"].read_text(encoding="utf-8"))
    items = brief_items(brief)
    [ferry] = [i for i in items if "capsized" in i["text"]]
    [other] = ferry["disagreements"]
    shown = ferry["sources"][0]["name"]
    assert {shown, other["name"]} == {"North Post", "South Post"}
    assert len(ferry["sources"]) == 1  # never credited for the other's figure
    assert other["figure"] in ("15", "17") and other["figure"] not in ferry["text"]
    assert other["text"] != ferry["text"] and other["figure"] in other["text"]
    md = (tmp_path / "out" / f"{brief['date']}.md").read_text(encoding="utf-8")
    assert f"({other['name']}: {other['figure']})" in md
    inquiry = [i for i in items if "inquiry" in i["text"]]
    assert [sorted(s["name"] for s in i["sources"]) for i in inquiry] == [
        ["North Post", "South Post"]
    ]
