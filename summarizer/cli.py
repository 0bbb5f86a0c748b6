"""Command line: parse arguments, run the command, map errors to one line and an exit status.

The options of every command are declared once in ``config.options``; this module adds them
to the parsers, with the positional arguments. What each command runs is ``commands.py``'s,
imported when it runs (the pipeline, delivery): ``--help``, ``--version`` and a mistyped
option answer at once, without numpy, scipy, nltk or sumy.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import select
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from summarizer import __version__
from summarizer.commands import COMMANDS, PROG
from summarizer.config.options import (
    BUILD,
    EVALUATE,
    FILE_COMMANDS,
    PUBLISH,
    SEND,
    STORIES,
    SUGGEST,
    SUMMARIZE,
    Option,
    of_command,
)
from summarizer.errors import BriefError, RepairedInput, Terminated

_SOURCES = "files, folders or URLs of articles"
_BRIEF = "the .md, .html or .json file that brief build wrote"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn a day's news articles into a short, sourced, themed brief."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="write the brief as Markdown, HTML and JSON")
    b.add_argument("sources", nargs="*", metavar="SOURCES", help=f"{_SOURCES} (default: "
                   "brief.toml's sources, else the bundled sample corpus)")  # fmt: skip
    s = sub.add_parser("summarize", help="print a plain extractive summary, one sentence a line")
    s.add_argument("sources", nargs="*", metavar="SOURCES",
                   help=f"{_SOURCES} (default: brief.toml's sources)")  # fmt: skip
    e = sub.add_parser("evaluate", help="score each algorithm's summaries against human ones "
                       "(ROUGE-1 and ROUGE-2 recall)")  # fmt: skip
    e.add_argument("clusters", type=Path, metavar="CLUSTERS",
                   help="folder of cluster folders, each holding one story's articles")  # fmt: skip
    e.add_argument("references", type=Path, metavar="REFERENCES",
                   help="human summaries: REFERENCES/<cluster>/* or <cluster>.* files")  # fmt: skip
    m = sub.add_parser("send", help="email a built brief")
    m.add_argument("brief", type=Path, metavar="BRIEF", help=_BRIEF)
    p = sub.add_parser("publish", help="add a built brief to the static site and its feed")
    p.add_argument("brief", type=Path, metavar="BRIEF", help=_BRIEF)
    r = sub.add_parser("stories", help="list the day's stories, largest first: title, "
                       "articles, outlets, dates")  # fmt: skip
    r.add_argument("sources", nargs="*", metavar="SOURCES", help=_SOURCES)
    t = sub.add_parser("themes", help="help writing a themes file")
    actions = t.add_subparsers(dest="themes_command", required=True, metavar="ACTION")
    g = actions.add_parser("suggest", help="print a draft themes file (TOML) for the story "
                           "the articles tell, to edit and pass to build --themes")  # fmt: skip
    g.add_argument("sources", nargs="*", metavar="SOURCES", help=_SOURCES)
    parsers = {BUILD: b, SUMMARIZE: s, STORIES: r, EVALUATE: e, SEND: m, PUBLISH: p, SUGGEST: g}
    for command, each in parsers.items():
        _add_options(each, command)
    return parser


def _add_options(parser: argparse.ArgumentParser, command: str) -> None:
    """The command's declared options, in the table's order; a group's exclude each other."""
    groups: dict[str, argparse._MutuallyExclusiveGroup] = {}
    for option in of_command(command):
        target: argparse._ActionsContainer = parser
        if option.group is not None:
            if option.group not in groups:
                groups[option.group] = parser.add_mutually_exclusive_group()
            target = groups[option.group]
        target.add_argument(*option.flags, **_argument(option, command))


def _argument(option: Option, command: str) -> dict[str, Any]:
    """``add_argument``'s keywords for a declared option. A setting brief.toml can hold
    defaults to None on a command that reads the file, so the file's value stays."""
    help_line = option.help_for(command).replace("%", "%%")
    if option.kind == "switch":
        if option.sets is None:
            return {"action": "store_true", "dest": option.dest, "help": help_line}
        return {"action": "store_const", "const": option.sets[1], "dest": option.dest,
                "help": help_line}  # fmt: skip
    from_file = option.toml is not None and command in FILE_COMMANDS
    return {
        "dest": option.dest,
        "type": _word(option.value.parse),
        "metavar": option.metavar,
        "help": help_line,
        "default": None if from_file else option.default,
        **({"action": "append"} if option.kind == "repeated" else {}),
        **({"nargs": "+"} if option.kind == "several" else {}),
    }


def _word(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type: a bad word becomes argparse's one line naming the flag."""

    def convert(word: str) -> Any:
        try:
            return parse(word)
        except (TypeError, ValueError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse, letting sources follow options (``build URL --timeout 3 DIR``): argparse takes
    the positionals before the first option only, and leaves the rest over."""
    args, rest = parser.parse_known_args(argv)
    if rest and isinstance(getattr(args, "sources", None), list):
        unknown = [arg for arg in rest if arg.startswith("-")]
        if not unknown:
            args.sources.extend(rest)
            return args
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    return args


def _show_repairs() -> None:
    """Each input used with bytes replaced (``RepairedInput``) as one warning line on stderr,
    every time (in worker processes too: they start with this in place)."""
    shown = warnings.showwarning

    def show(message: Warning | str, category: type[Warning], *where: Any, **how: Any) -> None:
        if issubclass(category, RepairedInput):
            print(f"{PROG}: warning: {message}", file=sys.stderr)
        else:
            shown(message, category, *where, **how)

    warnings.simplefilter("always", RepairedInput)
    warnings.showwarning = show


@contextlib.contextmanager
def _terminate_unwinds() -> Iterator[None]:
    """SIGTERM raises ``Terminated``, so a stopped job unwinds as Ctrl-C does: nothing half
    written, worker processes ended, one line. Only the main thread may set a handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise Terminated

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stdout_closed() -> bool:
    """Whether standard output's reader has gone (a pipe's read end closed: poll says so);
    if so, it is pointed at the null device, so the flush at exit does not fail again."""
    try:
        fd = sys.stdout.fileno()
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(fd, select.POLLOUT)
            if not any(event & select.POLLERR for _, event in poller.poll(0)):
                return False
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    except (OSError, ValueError):  # no file behind it
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``brief`` command; returns the exit status."""
    args = _parse(_parser(), argv)
    # A day's run makes a few hundred thousand small objects that live until it ends; the
    # cyclic collector's default pace rescans them over and over (a sixth of a large build).
    gc.set_threshold(50_000, 20, 100)
    # At exit the interpreter runs full collections over all of them, to free what the end of
    # the process frees anyway (0.4-0.8 s of a 500-article build): frozen, they are not rescanned.
    atexit.unregister(gc.freeze)  # once, however many commands a process runs
    atexit.register(gc.freeze)
    try:
        with warnings.catch_warnings(), _terminate_unwinds():
            _show_repairs()
            status = COMMANDS[args.command](args)
            sys.stdout.flush()  # a closed pipe fails here, where it is answered, not at exit
            return status
    except BriefError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print(f"{PROG}: terminated", file=sys.stderr)
        return Terminated.exit_code
    except BrokenPipeError as exc:
        if _stdout_closed():  # ``brief stories | head``: the reader has what it wanted
            return 141  # as a shell reports a pipe's writer ended by SIGPIPE
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, the traceback only on request
        if os.environ.get("BRIEF_DEBUG"):
            raise
        print(f"{PROG}: internal error: {exc!r} (set BRIEF_DEBUG=1 for details)", file=sys.stderr)
        return 1
