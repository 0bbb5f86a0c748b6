"""What a ``clirun`` child runs: ``summarizer.cli.main`` with its output in files.

Imported once by the fork server, so every child starts with the tool, the HTML and feed
parsers already loaded. ``summarizer.cli`` imports the pipeline only when a command runs (so
that ``--help`` stays light): the pipeline is imported here, or every child would import nltk,
numpy, scipy and sumy again, about 1 s of the 1.5 s a small build takes.
"""

from __future__ import annotations

import os
import sys

import feedparser  # noqa: F401 - loaded here once, not in every child
import trafilatura  # noqa: F401

from summarizer import cli, pipeline  # noqa: F401 - pipeline: see above


def run_main(argv: list[str], folder: str, out: str, err: str) -> None:
    """Exit with ``brief``'s status; an exception that escapes is printed as a traceback."""
    os.environ.pop("BRIEF_DEBUG", None)
    os.chdir(folder)
    for fd, name in ((1, out), (2, err)):
        target = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = open(1, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    try:
        status = cli.main(argv)
    except SystemExit as exc:  # argparse refuses an argument this way
        status = exc.code if isinstance(exc.code, int) else 2
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(status)
