"""The history stage: a brief built after others in its folder leaves out what they said and
marks updates (reading the earlier briefs: test_earlier.py)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from summarizer.cli import main
from summarizer.delivery.stored import load_stored
from summarizer.history import compare
from summarizer.history.earlier import NO_HISTORY, remember
from summarizer.models import Item, Sentence, SourceRef
from tests.history.ferry import DAY1, DAY2, RESCUE, STORY, TOLL_100, TOLL_231, build, items
from tests.htmlcheck import assert_good_page


def test_the_second_day_leaves_out_what_the_first_said_and_marks_the_update(
    tmp_path: Path,
) -> None:
    first = build(tmp_path, DAY1, "2025-06-24")
    second = build(tmp_path, DAY2, "2025-06-25")
    said = {i["text"] for i in items(first)}
    assert RESCUE in said and TOLL_100 in said
    shown = items(second)
    assert RESCUE not in {i["text"] for i in shown}  # day 2's articles restate it: left out
    [update] = [i for i in shown if i["status"] == "update"]
    assert update["text"] == TOLL_231
    assert update["updates"] == {"date": "2025-06-24", "text": TOLL_100, "figure": "100"}
    assert {i["status"] for i in shown} == {"new", "update"}
    assert not said & {i["text"] for i in shown}
    assert second["since"] == "2025-06-24"
    assert "since" not in first and all("status" not in i for i in items(first))
    md = (tmp_path / "2025-06-25.md").read_text(encoding="utf-8")
    news = len(shown) - 1
    assert f"**Since 24 June: {news} new, 1 update**" in md
    assert f"- **Update:** {TOLL_231} — *North Post, South Post* · was 100 on 24 June" in md
    page = (tmp_path / "2025-06-25.html").read_text(encoding="utf-8")
    assert "<strong>Update:</strong>" in page
    assert_good_page(page)  # valid HTML5, no script, headings in order


def test_a_daily_job_with_its_out_folder_inside_its_input_never_reads_its_own_briefs(
    tmp_path: Path,
) -> None:
    """Articles land in one folder and the briefs go to a folder inside it: day 2 reads the
    day's articles, never yesterday's brief (it would credit "Daily Brief" with their news)."""
    inbox, out = tmp_path / "inbox", tmp_path / "inbox" / "briefs"
    shutil.copytree(DAY1, inbox / "day1")
    build(out, str(inbox), "2025-06-24")
    shutil.copytree(DAY2, inbox / "day2")
    second = build(out, str(inbox), "2025-06-25")
    paths = [Path(s["path"]) for s in second["sources"]]  # type: ignore[attr-defined]
    assert paths and all(p.parent.name in {"day1", "day2"} for p in paths)
    assert second["skipped"] == []
    assert [i for i in items(second) if "Daily Brief" in json.dumps(i)] == []


def test_without_history_the_second_day_is_the_day_alone(tmp_path: Path) -> None:
    build(tmp_path / "both", DAY1, "2025-06-24")
    build(tmp_path / "both", DAY2, "2025-06-25", "--no-history")
    build(tmp_path / "alone", DAY2, "2025-06-25")
    for suffix in ("md", "html", "json"):
        name = f"2025-06-25.{suffix}"
        assert (tmp_path / "both" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()
    assert RESCUE in {
        i["text"]
        for i in items(build(tmp_path / "both", DAY2, "2025-06-25", "--history-days", "0"))
    }


def test_an_update_survives_being_read_back(tmp_path: Path) -> None:
    build(tmp_path, DAY1, "2025-06-24")
    build(tmp_path, DAY2, "2025-06-25")
    built = (tmp_path / "2025-06-25.md").read_text(encoding="utf-8")
    (tmp_path / "2025-06-25.md").unlink()
    stored = load_stored(tmp_path / "2025-06-25.json")  # the Markdown made again from the JSON
    assert stored.brief.since == dt.date(2025, 6, 24)
    assert stored.markdown == built
    assert "**Update:**" in stored.markdown


def item(text: str, *outlet_texts: str) -> Item:
    refs = tuple(SourceRef("Wire", "", "w.txt", text=t) for t in outlet_texts)
    return Item(text=text, score=1.0, sources=refs, sentences=(Sentence(0, 0, text),))


def test_a_new_development_of_the_same_statement_is_an_update_and_a_restatement_is_not() -> None:
    old = "The plane crashed into the sea off Nova Scotia late on Wednesday night."
    earlier = remember(NO_HISTORY, dt.date(2025, 6, 24), [item(old, old)])
    developed = (
        "Navy divers recovered the cockpit voice recorder of the plane that crashed into the "
        "sea off Nova Scotia late on Wednesday night."
    )
    restated = "Late on Wednesday night the plane crashed into the sea off Nova Scotia."
    fresh = "The airline offered the families of the passengers counselling and travel."
    kept = compare.against([item(developed), item(restated), item(fresh)], earlier)
    assert [(i.text, i.status) for i in kept] == [(developed, "update"), (fresh, "new")]
    assert kept[0].updates is not None and kept[0].updates.figure is None
    assert kept[0].updates.text == old


def test_an_item_never_shown_is_not_compared() -> None:
    earlier = remember(NO_HISTORY, dt.date(2025, 6, 24), [item(RESCUE)])
    hidden = replace(item(RESCUE), sentences=(Sentence(0, 0, RESCUE, eligible=False),))
    assert compare.against([hidden, item(RESCUE)], earlier) == [hidden]


def test_no_history_changes_nothing() -> None:
    given = [item(TOLL_100), item(RESCUE)]
    assert compare.against(given, NO_HISTORY) == given


def test_the_discount_weighs_down_only_what_was_said() -> None:
    from summarizer.ranking.concepts import weigh

    sentences = [Sentence(0, 0, TOLL_100), Sentence(1, 0, TOLL_100), Sentence(1, 1, RESCUE)]
    model, _ = weigh(sentences)
    earlier = remember(NO_HISTORY, dt.date(2025, 6, 24), [item(RESCUE)])
    cut = compare.discount(model, earlier)
    rescue = [model.index[c] for c in ("rescu team", "the night")]
    toll = [model.index[c] for c in ("a ferri", "northern coast")]
    assert (cut.carried[rescue] == model.carried[rescue] * compare.DISCOUNT).all()
    assert (cut.carried[toll] == model.carried[toll]).all()
    assert compare.discount(model, NO_HISTORY) is model


def test_a_first_brief_is_todays_brief(tmp_path: Path) -> None:
    shutil.copytree(STORY / "day1", tmp_path / "in")
    build(tmp_path / "out", str(tmp_path / "in"), "2025-06-24")
    assert "Since" not in (tmp_path / "out" / "2025-06-24.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "options",
    [["--history-days", "-1"], ["--history-days", "week"], ["--history-days", "2", "--no-history"]],
)
def test_bad_history_options_are_refused(
    tmp_path: Path, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["build", DAY1, "--out", str(tmp_path), *options])
    assert stopped.value.code == 2
    assert "--history-days" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
