"""Command line: parse arguments, run the pipeline, map errors to one line and an exit status."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from summarizer import __version__, pipeline
from summarizer.errors import BriefError
from summarizer.models import Skipped
from summarizer.ranking import DEFAULT_RANKER, ranker_names
from summarizer.resources import examples_dir

PROG = "brief"


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from exc
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn a day's news articles into a short, sourced, themed brief."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    algo = {
        "choices": ranker_names(),
        "default": DEFAULT_RANKER,
        "metavar": "NAME",
        "help": f"ranking algorithm: {', '.join(ranker_names())} (default: %(default)s)",
    }

    b = sub.add_parser("build", help="write the brief as Markdown, HTML and JSON")
    b.add_argument("sources", nargs="*", metavar="SOURCES", help="files or folders of articles "
                   "(default: the bundled sample corpus)")  # fmt: skip
    b.add_argument("--out", type=Path, default=Path("briefs"), metavar="DIR",
                   help="output folder (default: %(default)s)")  # fmt: skip
    b.add_argument("--date", type=_date, help="date of the brief (default: newest article date)")
    b.add_argument("--title", default="Daily Brief", help="title (default: %(default)s)")
    b.add_argument("--themes", type=Path, metavar="FILE", help="themes file (TOML)")
    b.add_argument("--templates", type=Path, metavar="DIR",
                   help="folder searched for templates before the defaults")  # fmt: skip
    b.add_argument("--algorithm", **algo)  # type: ignore[arg-type]
    b.add_argument("--items", type=_positive, default=4, metavar="N",
                   help="most items per section (default: %(default)s)")  # fmt: skip

    s = sub.add_parser("summarize", help="print a plain extractive summary, one sentence a line")
    s.add_argument("sources", nargs="+", metavar="SOURCES", help="files or folders of articles")
    size = s.add_mutually_exclusive_group()
    size.add_argument("--words", type=_positive, metavar="N",
                      help="stop at the sentence that reaches N words (default: 100)")  # fmt: skip
    size.add_argument("--sentences", type=_positive, metavar="N", help="print N sentences")
    s.add_argument("--algorithm", **algo)  # type: ignore[arg-type]
    return parser


def _report_skipped(skipped: Sequence[Skipped]) -> None:
    for item in skipped:
        print(f"{PROG}: skipped {item.path}: {item.reason}", file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    sources = tuple(args.sources) or (str(examples_dir()),)
    result = pipeline.build(
        pipeline.BuildRequest(
            sources=sources,
            out_dir=args.out,
            algorithm=args.algorithm,
            items_per_section=args.items,
            title=args.title,
            date=args.date,
            themes_file=args.themes,
            templates_dir=args.templates,
        )
    )
    _report_skipped(result.brief.skipped)
    for path in result.paths:
        print(path)
    return 0


def _summarize(args: argparse.Namespace) -> int:
    words = None if args.sentences else (args.words or 100)
    items, skipped = pipeline.summarize(args.sources, args.algorithm, words, args.sentences)
    _report_skipped(skipped)
    for item in items:
        print(item.text)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brief`` command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _build(args) if args.command == "build" else _summarize(args)
    except BriefError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("BRIEF_DEBUG"):
            raise
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
