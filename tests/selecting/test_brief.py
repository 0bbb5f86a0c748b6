"""The editor's brief, built through the CLI: the lead opens with what the brief's own day
reports, however much more the earlier days' reports said, and an earlier report that names
its own day is not printed under a later date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from summarizer.cli import main
from summarizer.models import Article, Item, Sentence
from summarizer.selecting.brief import select_brief
from summarizer.themes.choice import file_themes
from summarizer.themes.fit import learn_items
from tests.brief_items import brief_items

EARLIER = [
    "A strong earthquake struck the coastal province of Dalmen today, killing at least 40 people.",
    "The earthquake in Dalmen destroyed hundreds of homes and cut power to the provincial capital.",
    "Rescue teams searched collapsed homes in Dalmen for survivors of the earthquake.",
    "The Dalmen earthquake had a magnitude of 6.8, the national seismic institute said.",
    "Hospitals in the provincial capital of Dalmen treated hundreds injured by the earthquake.",
    "Power to the provincial capital of Dalmen was cut after the earthquake damaged its grid.",
]
NEWS = "The death toll from the Dalmen earthquake rose to 212 as rescuers reached remote villages."
LATER = "Aid flights landed in Dalmen with tents and water for the homeless of the earthquake."


def _build(tmp_path: Path) -> dict[str, object]:
    lines = [
        {"text": text, "date": "2025-03-01", "source": f"Wire {k}", "title": f"Quake {k}"}
        for k, text in enumerate(EARLIER)
    ]
    lines += [
        {"text": f"{NEWS} {LATER}", "date": "2025-03-09", "source": "Day Post", "title": "Toll"}
    ]
    day = tmp_path / "day.jsonl"
    day.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["build", str(day), "--out", str(tmp_path / "out"), "-q", "--no-history"]) == 0
    return json.loads((tmp_path / "out" / "2025-03-09.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_lead_opens_with_the_brief_s_own_day(tmp_path: Path) -> None:
    brief = _build(tmp_path)
    lead = brief["lead"]
    assert isinstance(lead, list) and lead[0]["text"] == NEWS


def test_an_earlier_day_s_today_is_not_printed_under_a_later_date(tmp_path: Path) -> None:
    texts = [item["text"] for item in brief_items(_build(tmp_path))]
    assert EARLIER[0] not in texts
    # Nor any other line of a week-old report: the brief is the day's news (reading 18).
    assert not any(text in texts for text in EARLIER[1:])


def _reported(article: int, position: int, text: str, score: float) -> Item:
    return Item(text, score, (), (Sentence(article, position, text),))


OLD = _reported(2, 0, "Dalmen built its coastal flood walls in 1990 after a storm.", 0.9)


def _week_and_old(week: list[Item], themed: bool = False) -> tuple[list[str], list[str]]:
    """The lead's and the sections' texts of the brief of the week's items and an older
    report's line that ranks above all but the news (``OLD``); ``themed``: in the themes of
    a themes file."""
    day = dt.date(2025, 3, 9)
    dated = {0: day, 1: day - dt.timedelta(days=2), 2: day - dt.timedelta(days=120)}
    articles = {
        a: Article(a, f"{a}.txt", f"Wire {a}", f"Report {a}", when, None, ("x",))
        for a, when in dated.items()
    }
    items = [week[0], OLD, *week[1:]]
    themes = file_themes(None)
    placer = learn_items(items, themes)
    chosen = select_brief(items, None, themes, placer, articles, keep_themes=themed, date=day)
    lead = [it.text for it in chosen.lead]
    return lead, [it.text for s in chosen.sections for it in s.items]


WEEK = [
    _reported(0, 0, NEWS, 1.0),
    _reported(0, 1, LATER, 0.6),
    _reported(1, 0, "Officials in Dalmen opened 40 shelters for families left homeless.", 0.5),
    _reported(1, 1, "The Red Cross in Dalmen sent 300 volunteers to the new shelters.", 0.4),
    _reported(0, 2, "Engineers in Dalmen began inspecting the bridges on the coast.", 0.3),
]


def test_the_sections_tell_the_last_week_before_older_reports() -> None:
    """Ranked by score alone, an older report's background line would come before the week's
    smaller news; the sections take the week's while it has enough."""
    schools = _reported(
        1, 2, "Schools across Dalmen closed for a week after 120 were damaged.", 0.3
    )
    lead, sections = _week_and_old([*WEEK[:4], schools, WEEK[4]])
    assert len(lead) + len(sections) >= 4
    assert OLD.text not in (*lead, *sections)


def test_a_lead_that_stands_is_not_padded_with_an_older_report() -> None:
    """The day leaves one item beyond a four-item lead: the brief is the lead and, at most,
    that item, not a section filled out with a months-old report's line."""
    lead, sections = _week_and_old(WEEK)
    assert lead[0] == NEWS and len(lead) >= 3
    assert OLD.text not in (*lead, *sections)
    assert set(sections) <= {it.text for it in WEEK[1:]}


def test_a_lead_the_day_says_little_in_is_not_completed_by_an_older_report() -> None:
    """The day has its news and one more line: an older report's line, printed beside them
    in the lead, would read as the day's news; it never completes the lead."""
    lead, _ = _week_and_old(WEEK[:2])
    assert lead[0] == NEWS
    assert OLD.text not in lead


def test_when_the_day_adds_nothing_the_lead_s_last_item_opens_the_sections() -> None:
    """No section is made of older reports' lines (no editor kept one, reading 18): the
    brief is its lead, whose last line opens the sections."""
    lead, sections = _week_and_old(WEEK[:4])
    assert lead[0] == NEWS
    assert OLD.text not in (*lead, *sections)
    assert len(sections) == 1 and len(lead) + 1 == 4


def test_a_lead_of_one_line_takes_one_more_from_the_week() -> None:
    lead, sections = _week_and_old([WEEK[0], WEEK[2]])
    assert lead == [NEWS]
    assert sections == [WEEK[2].text]


def test_a_themes_files_brief_has_sections_whatever_the_day_adds() -> None:
    """The user's themes stand where the day has them: the sections are filled from the
    whole day, as a summary would fill them."""
    lead, sections = _week_and_old(WEEK[:4], themed=True)
    assert lead[0] == NEWS
    assert sections


def test_a_column_newer_than_the_news_does_not_take_the_lead_s_day(tmp_path: Path) -> None:
    """The newest article is a column, whose lines are no news: the lead opens with the
    newest news report's opening, its "on Wednesday" dated by that report, not with a
    summary of every day's reports."""
    toll = "The death toll from the Dalmen earthquake rose to 212 on Wednesday, officials said."
    lines = [
        {"text": text, "date": "2025-03-01", "source": f"Wire {k}", "title": f"Quake {k}"}
        for k, text in enumerate(EARLIER)
    ]
    lines += [
        {"text": f"{toll} {LATER}", "date": "2025-03-05", "source": "Day Post", "title": "Toll"},
        {
            "text": "Dalmen must rebuild its towns to a stricter code before the next quake. "
            "The government has wasted a decade of warnings from its own engineers.",
            "date": "2025-03-20",
            "source": "Evening Star",
            "title": "Opinion | Dalmen cannot afford another decade of delay",
        },
    ]
    day = tmp_path / "day.jsonl"
    day.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["build", str(day), "--out", str(tmp_path / "out"), "-q", "--no-history"]) == 0
    brief = json.loads((tmp_path / "out" / "2025-03-20.json").read_text(encoding="utf-8"))
    first = brief["lead"][0]
    assert first["text"] == toll and first["date"] == "2025-03-05"


def test_a_day_of_plain_lines_still_gets_a_brief_of_three() -> None:
    """The day's further lines tell no time, figure or outcome and rank far below its news:
    neither the lead nor the sections take them as news, but a brief of one line leaves out
    what its reader needs, so the best of them bring it to three."""
    from summarizer.ranking.rankers import ConceptRanker
    from summarizer.selecting import brief

    texts = [
        "The harbour council approved the new flood wall plan on Monday by nine votes to two.",
        "Residents of the old town fear the flood wall will block their view of the harbour.",
        "Engineers for the council say the wall protects shops and homes from winter storms.",
        "Fishermen want a gap in the wall so their boats can reach the slipway.",
    ]
    day = dt.date(2025, 3, 9)
    articles = {0: Article(0, "0.txt", "Harbour Post", "Flood wall", day, None, ("x",))}
    items = [
        _reported(0, i, text, score)
        for i, (text, score) in enumerate(zip(texts, (1.0, 0.06, 0.05, 0.04), strict=True))
    ]
    model = ConceptRanker().concept_model([it.sentences[0] for it in items])
    body = brief._day_body(items, items[:1], brief.AS_THE_DAY_HOLDS, day, (model, articles, 6, 180))
    assert len(body) == 2
    assert {it.text for it in body} <= set(texts[1:])
