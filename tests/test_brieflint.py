"""The tests' copy of brief_lint gives the shared tool's verdicts, on clean and broken briefs."""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests import brieflint
from tests.paths import REPO, SHARED

SHARED_LINT = SHARED / "tools" / "brief_lint.py"
SAMPLE = REPO / "briefs" / "sample" / "2025-06-25.json"


def _item(text: str, quote: str | None = None, name: str = "AP") -> dict[str, object]:
    return {"text": text, "sources": [{"name": name, "text": quote if quote else text}]}


# One of each kind of defect the lint knows.
BROKEN = {
    "title": "T",
    "date": "2025-06-25",
    "sections": [
        {
            "theme": "a",
            "title": "A",
            "items": [
                _item("Aside from that, only 63 percent of Indians are high school graduates."),
                _item("Obsessed with her goal, she began taking anabolic steroids and diuretics."),
                _item("Hillary Rodham Clinton also will travel to the region next week."),
                _item("Leave a reply to this story about the harbour bridge opening today."),
                _item("The crash killed all 217 passengers and crewmen on board the jet."),
                _item("Investigators said the crash killed 217 people on board the jet."),
                _item("Most studies of glucosamine were done several years ago in Europe.", "Until you can do that, nothing gets resolved."),
                _item('He said \\"no\\" to the offer made by the harbour board'),
                _item("Short fragment."),
                {"text": "An item nobody is credited for, in a brief of one section.", "sources": []},
            ],
        }
    ],
}  # fmt: skip


def _shared() -> object:
    spec = importlib.util.spec_from_file_location("shared_brief_lint", SHARED_LINT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not SHARED_LINT.is_file(), reason=f"no shared brief_lint at {SHARED_LINT}")
@pytest.mark.parametrize("name", ["sample", "broken"])
def test_the_copy_agrees_with_the_shared_lint(name: str) -> None:
    brief = json.loads(SAMPLE.read_text(encoding="utf-8")) if name == "sample" else BROKEN
    shared = _shared()
    assert brieflint.lint(brief, 3) == shared.lint(brief, 3)  # type: ignore[attr-defined]
    assert brieflint.lint(brief) == shared.lint(brief)  # type: ignore[attr-defined]


def test_a_learned_brief_needs_one_section_and_its_lead_is_read() -> None:
    lead = {"text": "Short fragment.", "sources": [{"name": "AP", "text": "Short fragment."}]}
    learned = {**BROKEN, "themes": {"from": "learned", "fit": 0.0}, "lead": [lead]}
    _, defects = brieflint.lint(learned)
    kinds = [kind for kind, _, _ in defects]
    assert "too-few-sections" not in kinds
    assert ("fragment-short", "2 words", "Short fragment.") in defects
    _, from_a_file = brieflint.lint(BROKEN)
    assert "too-few-sections" in [kind for kind, _, _ in from_a_file]


def test_the_copy_finds_each_kind_of_defect() -> None:
    _, defects = brieflint.lint(BROKEN, 3)
    kinds = {kind for kind, _, _ in defects}
    assert kinds >= {
        "dangling-opener",
        "pronoun-subject",
        "depends-on-context",
        "boilerplate",
        "redundant-pair",
        "credit-unsupported",
        "escaped-character",
        "fragment-short",
        "fragment-end",
        "unattributed",
        "too-few-sections",
    }
