"""Where the packaged defaults live: templates, the themes file and the sample corpus.

In an installed wheel the templates sit inside the package (``summarizer/templates``); in a
source checkout they sit in the repository's ``templates/`` folder beside the package. Both are
looked up here so no other module needs to know.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # summarizer/, above runtime/


def default_templates_dir() -> Path:
    """The folder holding the default templates and themes file."""
    inside = _PACKAGE / "templates"
    return inside if inside.is_dir() else _PACKAGE.parent / "templates"


def default_themes_file() -> Path:
    """The default (Ukraine brief) themes file."""
    return default_templates_dir() / "themes.toml"


def examples_dir() -> Path:
    """The bundled sample corpus, built when ``brief build`` is given no sources."""
    return _PACKAGE / "examples"
