"""The README's table of options, rendered from the declarations.

``tests/config/test_settings.py`` fails when the README's copy differs; print a fresh one with
``python -m summarizer.config.docs``.
"""

from __future__ import annotations

from summarizer.config.options import OPTIONS, Option

HEADER = (
    "| option | commands | brief.toml | default | what it does |",
    "|---|---|---|---|---|",
)


def options_table() -> str:
    """Every option of every command, and every brief.toml key, as a Markdown table."""
    return "\n".join((*HEADER, *(_row(option) for option in OPTIONS))) + "\n"


def _row(option: Option) -> str:
    cells = (
        _flags(option),
        ", ".join(option.commands) or "—",
        f"`{option.toml}`" if option.toml else "—",
        _default(option),
        option.help,
    )
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _flags(option: Option) -> str:
    if not option.flags:
        return "—"
    taken = f" {option.metavar}" if option.metavar else ""
    more = {"repeated": " …", "several": " …"}.get(option.kind, "")
    return ", ".join(f"`{flag}{taken}{more}`" for flag in option.flags)


def _default(option: Option) -> str:
    shown = option.shown_default
    if not shown:
        return "—"
    return shown if option.shows is not None else f"`{shown}`"


if __name__ == "__main__":
    print(options_table(), end="")
