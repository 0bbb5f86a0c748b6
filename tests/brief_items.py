"""Every item of a brief's JSON in reading order: the lead, then each section's items."""

from __future__ import annotations

from typing import Any


def brief_items(brief: dict[str, Any]) -> list[dict[str, Any]]:
    """The items a reader sees, lead first (a version-1 brief has no lead)."""
    sections = [i for s in brief["sections"] for i in s["items"]]
    return [*brief.get("lead", []), *sections]
