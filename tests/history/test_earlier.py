"""Reading the earlier briefs: from their JSON only (the output folder's and, when publishing,
the site's ``DATE.json``), never from a page, so the user's own templates in any language keep
the brief's memory; within the window; never changing what it reads."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from summarizer.history.earlier import NO_HISTORY, read_history
from summarizer.runtime.resources import default_templates_dir
from tests.history.ferry import DAY1, DAY2, RESCUE, TOLL_100, TOLL_231, build, items

# A user's own templates: the packaged ones with every English word history once looked for
# (and a few more) in German.
GERMAN = {
    "brief.md.j2": [
        ("## Sources", "## Quellen"),
        ("## Skipped files", "## Übersprungene Dateien"),
        ("**Update:**", "**Aktualisierung:**"),
        ("**Since ", "**Seit "),
        (
            '{{ new }} new, {{ updates }} update{{ "s" if updates != 1 }}',
            '{{ new }} neu, {{ updates }} Aktualisierung{{ "en" if updates != 1 }}',
        ),
        ("How each outlet put it", "Wie jede Quelle es sagte"),
        (" · was ", " · zuvor "),
    ],
    "brief.html.j2": [('lang="en"', 'lang="de"')],
    "site_page.html.j2": [('lang="en"', 'lang="de"'), ("All briefs", "Alle Ausgaben")],
}


def german_templates(folder: Path) -> Path:
    folder.mkdir()
    for name, changes in GERMAN.items():
        text = (default_templates_dir() / name).read_text(encoding="utf-8")
        for english, german in changes:
            assert english in text, f"{name} no longer says {english!r}"
            text = text.replace(english, german)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# Day 3: the toll rises again, an update of day 2's update.
TOLL_252 = (
    "A ferry capsized off the northern coast on Monday, killing 252 passengers, officials said."
)
DAY3 = {
    "north.txt": f"Toll rises again\n\n{TOLL_252}\n\nThe operator suspended all of its crossings "
    "until further notice.\n\nSource: North Post\n",
    "south.txt": f"Ferry toll at 252\n\n{TOLL_252}\n\nFamilies gathered outside the port "
    "authority building to wait for news.\n\nSource: South Post\n",
}


def published_days(root: Path, *options: str) -> list[dict[str, object]]:
    """Each day built elsewhere (a fresh ``--out``: only the site remembers the days before)
    and published: day 1; day 2 from day 1's articles again plus day 2's; day 3 from its own.
    Their JSON."""
    site = ["--publish", "--site", str(root / "site"), *options]
    day1 = build(root / "out1", DAY1, "2025-06-24", *site)
    inbox = root / "inbox"
    shutil.copytree(DAY1, inbox / "day1")
    shutil.copytree(DAY2, inbox / "day2")
    day2 = build(root / "out2", str(inbox), "2025-06-25", *site)
    (root / "day3").mkdir()
    for name, text in DAY3.items():
        (root / "day3" / name).write_text(text, encoding="utf-8")
    return [day1, day2, build(root / "out3", str(root / "day3"), "2025-06-26", *site)]


def shown(brief: dict[str, object]) -> list[tuple[object, ...]]:
    return [(i["text"], i.get("status"), i.get("updates")) for i in items(brief)]


def test_a_site_built_with_templates_in_another_language_keeps_its_memory(
    tmp_path: Path,
) -> None:
    english = published_days(tmp_path / "en")
    templates = german_templates(tmp_path / "vorlagen")
    german = published_days(tmp_path / "de", "--templates", str(templates))
    site = tmp_path / "de" / "site"
    page = (site / "2025-06-25.html").read_text(encoding="utf-8")
    assert "<h2>Quellen</h2>" in page and "Sources" not in page  # the site really is German
    assert "<strong>Aktualisierung:</strong>" in page and "Update" not in page
    # Day 2 leaves out what day 1 said and marks the update, exactly as in English.
    assert german[1]["since"] == "2025-06-24"
    texts = [text for text, _, _ in shown(german[1])]
    assert RESCUE not in texts and TOLL_100 not in texts
    assert (TOLL_231, "update", {"date": "2025-06-24", "text": TOLL_100, "figure": "100"}) in (
        shown(german[1])
    )
    assert shown(german[1]) == shown(english[1])
    # Day 3 updates day 2's update: what it updates is the item, never the page's wording.
    assert (TOLL_252, "update", {"date": "2025-06-25", "text": TOLL_231, "figure": "231"}) in (
        shown(german[2])
    )
    assert [shown(day) for day in german] == [shown(day) for day in english]


def test_the_site_is_history_when_publishing_read_from_its_json_alone(tmp_path: Path) -> None:
    site = tmp_path / "site"
    build(tmp_path / "a", DAY1, "2025-06-24", "--publish", "--site", str(site))
    kept = site / "2025-06-24.json"
    assert kept.read_bytes() == (tmp_path / "a" / "2025-06-24.json").read_bytes()
    # Whatever the pages and the archive's copies of them say, the JSON is what is remembered.
    (site / "2025-06-24.html").write_text("<p>Seite entfernt</p>\n", encoding="utf-8")
    archive = json.loads((site / "archive.json").read_text(encoding="utf-8"))
    archive["briefs"][0]["content"] = "<p>Inhalt entfernt</p>"
    (site / "archive.json").write_text(json.dumps(archive), encoding="utf-8")
    before = kept.read_bytes()
    # Built elsewhere (a fresh machine, the folder lost): the site still knows day 1.
    second = build(tmp_path / "b", DAY2, "2025-06-25", "--publish", "--site", str(site))
    assert second["since"] == "2025-06-24"
    assert RESCUE not in {i["text"] for i in items(second)}
    assert kept.read_bytes() == before  # read, never changed
    assert "since" not in build(tmp_path / "c", DAY2, "2025-06-25")  # not publishing: not read


def test_the_output_folders_brief_of_a_date_comes_before_the_sites(tmp_path: Path) -> None:
    site, out = tmp_path / "site", tmp_path / "out"
    build(out, DAY1, "2025-06-24", "--publish", "--site", str(site))
    (site / "2025-06-24.json").write_text("{damaged", encoding="utf-8")  # never read
    history, warnings = read_history(out, dt.date(2025, 6, 25), 7, site)
    assert (history.dates, warnings) == ((dt.date(2025, 6, 24),), [])
    assert TOLL_100 in {said.text for said in history.said}


def test_a_site_that_is_the_output_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "2025-06-23.json").write_text("{damaged", encoding="utf-8")
    history, warnings = read_history(tmp_path, dt.date(2025, 6, 25), 7, tmp_path / ".")
    assert history == NO_HISTORY
    assert len(warnings) == 1


def test_history_days_is_the_window(tmp_path: Path) -> None:
    build(tmp_path, DAY1, "2025-06-24")
    assert "since" in build(tmp_path, DAY2, "2025-06-26", "--history-days", "2")
    for built in tmp_path.glob("2025-06-26.*"):
        built.unlink()
    assert "since" not in build(tmp_path, DAY2, "2025-06-27", "--history-days", "2")
    (tmp_path / "brief.toml").write_text("history_days = 1\n", encoding="utf-8")
    config = ["--config", str(tmp_path / "brief.toml")]
    assert "since" not in build(tmp_path, DAY2, "2025-06-26", *config)


def test_a_brief_built_again_for_its_date_is_not_its_own_history(tmp_path: Path) -> None:
    build(tmp_path, DAY1, "2025-06-24")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    build(tmp_path, DAY1, "2025-06-24")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_damaged_or_foreign_brief_is_skipped_with_one_warning_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(tmp_path, DAY1, "2025-06-24")
    day1 = json.loads((tmp_path / "2025-06-24.json").read_text(encoding="utf-8"))
    files = {
        "2025-06-23.json": '{"title": "Daily Brief", "date": "2025-06-23", "sections": [',
        "2025-06-22.json": '{"name": "site", "version": "1.0.0"}\n',
        "2025-06-21.json": json.dumps({**day1, "schema_version": 3}),
        "2025-06-20.json": json.dumps(day1),  # day 1's brief under another date's name
        "2025-06-01.json": "{outside the window: never read",
        "package.json": '{"name": "site", "version": "1.0.0"}\n',  # not a brief's name
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    capsys.readouterr()
    second = build(tmp_path, DAY2, "2025-06-25")
    warnings = capsys.readouterr().err.splitlines()
    skipped = "brief: warning: history: skipped"
    assert warnings[0].startswith(f"{skipped} {tmp_path / '2025-06-23.json'}: not valid JSON")
    assert warnings[1:] == [
        f"{skipped} {tmp_path / '2025-06-22.json'}: not a brief: 'date' must be text",
        f"{skipped} {tmp_path / '2025-06-21.json'}: brief format version 3 is newer than this "
        "daily-brief reads (version 2); upgrade daily-brief to read it",
        f"{skipped} {tmp_path / '2025-06-20.json'}: its date is 2025-06-24, not its name's",
    ]
    for name, text in files.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == text
    assert second["since"] == "2025-06-24"  # the readable brief still counts


def test_a_brief_nested_too_deeply_is_skipped_and_the_build_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build(tmp_path, DAY1, "2025-06-24")
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "2025-06-23.json").write_text(deep, encoding="utf-8")
    capsys.readouterr()
    second = build(tmp_path, DAY2, "2025-06-25")
    assert capsys.readouterr().err.splitlines()[0] == (
        f"brief: warning: history: skipped {tmp_path / '2025-06-23.json'}: "
        "not valid JSON: nested too deeply"
    )
    assert second["since"] == "2025-06-24"
    assert (tmp_path / "2025-06-23.json").read_text(encoding="utf-8") == deep


def test_the_first_days_of_the_calendar_have_a_shorter_window(tmp_path: Path) -> None:
    """Seven days before 0001-01-03 are before the calendar: the window starts at its first
    day, instead of an OverflowError."""
    build(tmp_path, DAY1, "0001-01-01")
    second = build(tmp_path, DAY2, "0001-01-03")
    assert second["since"] == "0001-01-01"
    assert RESCUE not in {it["text"] for it in items(second)}  # day 1 said it


def test_a_folder_that_cannot_be_listed_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """A symbolic link to itself cannot be listed by anyone, root included; the output
    folder's briefs still count."""
    build(tmp_path, DAY1, "2025-06-24")
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    history, warnings = read_history(tmp_path, dt.date(2025, 6, 25), 7, site=loop)
    assert warnings == [f"history: skipped {loop}: cannot list: Too many levels of symbolic links"]
    assert history.dates == (dt.date(2025, 6, 24),)


def test_an_unreadable_folder_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """Only where file modes bind: root reads a mode-000 folder, so as root this skips."""
    build(tmp_path, DAY1, "2025-06-24")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("file modes do not bind this user (root): a mode-000 folder is readable")
        history, warnings = read_history(tmp_path, dt.date(2025, 6, 25), 7, site=locked)
    finally:
        locked.chmod(0o700)
    assert warnings == [f"history: skipped {locked}: cannot list: Permission denied"]
    assert history.dates == (dt.date(2025, 6, 24),)


def test_without_a_folder_there_is_no_history() -> None:
    assert read_history(Path("/nonexistent"), dt.date(2025, 6, 25), 7) == (NO_HISTORY, [])
    site = Path("/nonexistent/site")
    assert read_history(Path("/nonexistent"), dt.date(2025, 6, 25), 7, site) == (NO_HISTORY, [])
